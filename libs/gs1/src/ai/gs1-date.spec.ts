import { daysInMonth, fullYear, toYymmdd, yymmddToIso } from './gs1-date';

describe('GS1 dates', () => {
  describe('century rule (YY − current YY: 51…99 → previous century, −99…−50 → next)', () => {
    it.each([
      [26, 2026, 2026],
      [76, 2026, 2076], // difference 50: still this century
      [77, 2026, 1977], // difference 51: previous century
      [0, 2026, 2000],
      [0, 2099, 2100], // difference −99: next century
      [49, 2099, 2149], // difference −50: next century
      [50, 2099, 2050], // difference −49: this century
      [50, 2000, 2050],
      [51, 2000, 1951],
    ])('YY %i in %i is %i', (yy, reference, expected) => {
      expect(fullYear(yy, reference)).toBe(expected);
    });
  });

  it.each([
    [2024, 2, 29],
    [2027, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => expect(daysInMonth(year, month)).toBe(days));

  it.each([
    ['261200', '2026-12-31'],
    ['280200', '2028-02-29'],
    ['270200', '2027-02-28'],
    ['260400', '2026-04-30'],
    ['260415', '2026-04-15'],
  ])('YYMMDD %s resolves to %s (DD=00 is the last day of the month)', (yymmdd, iso) => {
    expect(yymmddToIso(yymmdd, 0, 2026)).toBe(iso);
  });

  it.each([
    ['2026-12-31', '261231'],
    ['2026-12', '261200'],
    ['261231', '261231'],
    ['261200', '261200'],
    ['2026-02-30', undefined],
    ['2026-13-01', undefined],
    ['26-12-31', undefined],
    ['261331', undefined],
    ['yesterday', undefined],
  ])('toYymmdd(%j) is %j', (text, expected) => expect(toYymmdd(text)).toBe(expected));
});
