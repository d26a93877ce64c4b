import { TraceError, TraceErrorCode } from '../trace.error';
import { parseIssueRecall, parseLiftRecall } from './recall.dto';

function problems(body: unknown) {
  try {
    parseIssueRecall(body);
  } catch (error) {
    expect(error).toBeInstanceOf(TraceError);
    expect((error as TraceError).code).toBe(TraceErrorCode.InvalidRecall);
    return (error as TraceError).details?.map((d) => d.pointer);
  }
  throw new Error('expected a TraceError');
}

describe('recall request', () => {
  it('accepts a valid recall, lots sorted and the reason trimmed', () => {
    expect(
      parseIssueRecall({ gtin: '10614141073464', lots: ['B2', 'A1'], reason: ' contamination ', class: 'I' }),
    ).toEqual({ gtin: '10614141073464', lots: ['A1', 'B2'], reason: 'contamination', class: 'I' });
  });

  it('reports every problem with its pointer', () => {
    expect(
      problems({ gtin: '10614141073465', lots: ['ok', 'x'.repeat(21), 'ok'], reason: '', class: 'IV' }),
    ).toEqual(['/gtin', '/lots/1', '/lots/2', '/reason', '/class']);
    expect(problems({ gtin: '123', lots: [], class: 'II', reason: 'r' })).toEqual(['/gtin', '/lots']);
    expect(problems({ gtin: '10614141073464', lots: ['tab\t'], class: 'II', reason: 'r' })).toEqual([
      '/lots/0',
    ]);
    expect(problems([])).toEqual(['']);
  });

  it('takes an optional lift reason', () => {
    expect(parseLiftRecall(undefined)).toEqual({ reason: undefined });
    expect(parseLiftRecall({})).toEqual({ reason: undefined });
    expect(parseLiftRecall({ reason: ' fixed ' })).toEqual({ reason: 'fixed' });
    expect(() => parseLiftRecall({ reason: 5 })).toThrow(TraceError);
  });
});
