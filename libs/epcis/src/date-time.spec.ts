import { canonicalTimestamp, isTimeZoneOffset, parseTimestamp } from './date-time';

describe('timestamps', () => {
  it.each([
    ['2024-03-01T10:00:00Z', '2024-03-01T10:00:00.000Z'],
    ['2024-03-01T10:00:00.5+01:00', '2024-03-01T09:00:00.500Z'],
    ['2024-03-01t10:00:00.12z', '2024-03-01T10:00:00.120Z'],
    ['2024-03-01T00:30:00-05:30', '2024-03-01T06:00:00.000Z'],
    ['2023-01-18T11:04:03.1415Z', '2023-01-18T11:04:03.142Z'], // the CBV rounding example
    ['2023-01-18T11:04:03.1414999Z', '2023-01-18T11:04:03.141Z'],
    ['2024-12-31T23:59:59.9995Z', '2025-01-01T00:00:00.000Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalTimestamp(input)).toBe(expected);
  });

  it.each([
    '2024-03-01T10:00:00', // no time zone
    '2024-03-01 10:00:00Z',
    '2024-03-01T10:00Z',
    '2024-02-30T10:00:00Z',
    '2023-02-29T10:00:00Z',
    '2024-03-01T24:00:00Z',
    '2024-03-01T10:00:60Z',
    '2024-03-01T10:00:00.Z',
    '2024-03-01T10:00:00+0100',
    '2024-03-01T10:00:00+01:00junk',
    '',
  ])('rejects %j', (input) => {
    expect(Number.isNaN(parseTimestamp(input))).toBe(true);
    expect(canonicalTimestamp(input)).toBeUndefined();
  });

  it('accepts offsets from -14:00 to +14:00 only, as ±HH:MM', () => {
    for (const ok of ['+00:00', '-00:00', '+05:45', '-14:00', '+14:00', '+13:59'])
      expect(isTimeZoneOffset(ok)).toBe(true);
    for (const bad of ['Z', '+1:00', '+01', '+14:01', '-15:00', '+01:60', ' +01:00'])
      expect(isTimeZoneOffset(bad)).toBe(false);
  });
});
