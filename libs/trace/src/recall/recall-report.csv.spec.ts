import { csvField } from './recall-report.csv';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, and leaves everything else exactly as it is', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('true');
    expect(csvField('LOT-1')).toBe('LOT-1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    // Serials may start with + - = (GS1 set 82): never altered, a report must match the label.
    expect(csvField('=1+2')).toBe('=1+2');
  });
});
