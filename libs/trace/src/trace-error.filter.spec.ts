import { traceHttpProblem } from './trace-error.filter';
import { TraceError, TraceErrorCode } from './trace.error';

describe('trace errors over HTTP', () => {
  it('maps every code to a 4xx status and keeps the code and details', () => {
    for (const code of Object.values(TraceErrorCode)) {
      const problem = traceHttpProblem(new TraceError(code, 'because'));
      expect(problem.statusCode).toBeGreaterThanOrEqual(400);
      expect(problem.statusCode).toBeLessThan(500);
      expect(problem.code).toBe(code);
    }
    const details = [{ pointer: '/gtin', reason: 'bad' }];
    expect(traceHttpProblem(new TraceError(TraceErrorCode.InvalidRecall, 'x', { details }))).toMatchObject({
      statusCode: 400,
      details,
    });
    expect(traceHttpProblem(new TraceError(TraceErrorCode.NotRecallIssuer, 'x')).statusCode).toBe(403);
    expect(traceHttpProblem(new TraceError(TraceErrorCode.UnknownObject, 'x')).statusCode).toBe(404);
    expect(traceHttpProblem(new TraceError(TraceErrorCode.LotAlreadyRecalled, 'x')).statusCode).toBe(409);
  });
});
