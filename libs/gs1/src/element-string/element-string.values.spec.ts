import { parseElementString } from './element-string.parser';

const G = '0109506000134352';
const element = (input: string, ai: string, options = {}) =>
  parseElementString(input, options).ais.find((e) => e.ai === ai);

describe('parseElementString values', () => {
  it('names each AI with its GS1 data title', () => {
    expect(parseElementString(`${G}17261231`).ais).toEqual([
      { ai: '01', value: '09506000134352', title: 'GTIN' },
      { ai: '17', value: '261231', title: 'USE BY OR EXPIRY', date: '2026-12-31' },
    ]);
  });

  it.each([
    ['261231', '2026-12-31'],
    ['261200', '2026-12-31'],
    ['280200', '2028-02-29'],
    ['990100', '1999-01-31'],
  ])('resolves expiry %s to %s (DD=00 → last day; century rule)', (yymmdd, iso) => {
    expect(element(`${G}17${yymmdd}`, '17')?.date).toBe(iso);
  });

  it('resolves the century against the caller-supplied reference year', () => {
    expect(element(`${G}17990101`, '17', { referenceYear: 2060 })?.date).toBe('2099-01-01');
    expect(element(`${G}17990101`, '17', { referenceYear: 2026 })?.date).toBe('1999-01-01');
  });

  it.each([
    ['3103', '001250', '1.250'],
    ['3100', '000125', '125'],
    ['3105', '000125', '0.00125'],
    ['3102', '123456', '1234.56'],
    ['3922', '1999', '19.99'],
    ['3940', '0050', '50'],
  ])('applies the implied decimal point of AI %s to %s → %s', (ai, value, decimal) => {
    expect(element(`${G}${ai}${value}`, ai)?.decimal).toBe(decimal);
  });

  it('splits the ISO 4217 currency off 391n/393n amounts', () => {
    expect(element(`${G}3932978199`, '3932')).toMatchObject({ currency: '978', decimal: '1.99' });
  });

  it('reads YYYYMMDD dates (AI 7250) and leading dates of composite values (AI 7003)', () => {
    expect(element(`${G}7003261231235`.replace('235', '2359'), '7003')?.date).toBe('2026-12-31');
  });

  it('reads national healthcare reimbursement numbers 710–716', () => {
    const input =
      `${G}17261231` + '710PZN12345\x1d711CIP1\x1d712CN1\x1d713DRN1\x1d714AIM1\x1d715NDC1\x1d716AIC1';
    expect(parseElementString(input).ais.map((e) => [e.ai, e.title])).toEqual([
      ['01', 'GTIN'],
      ['17', 'USE BY OR EXPIRY'],
      ['710', 'NHRN PZN'],
      ['711', 'NHRN CIP'],
      ['712', 'NHRN CN'],
      ['713', 'NHRN DRN'],
      ['714', 'NHRN AIM'],
      ['715', 'NHRN NDC'],
      ['716', 'NHRN AIC'],
    ]);
  });

  it('reads logistic data: SSCC, count, content GTIN, variable weight', () => {
    const input = '00106141411234567897' + '0209506000134352' + '3300000125' + '37' + '24';
    expect(parseElementString(input).ais.map(({ ai, value }) => [ai, value])).toEqual([
      ['00', '106141411234567897'],
      ['02', '09506000134352'],
      ['3300', '000125'],
      ['37', '24'],
    ]);
  });

  it('reads every AI-82 character in a serial', () => {
    const all = `!"%&'()*+,-./:;<=>?_`;
    expect(element(`${G}21${all}`, '21', { printableSeparators: false })?.value).toBe(all);
  });

  it('reads a GLN with extension and a party GLN', () => {
    expect(
      parseElementString('4140614141000005' + '2545' + '\x1d' + '4170614141000005').ais.map((e) => e.value),
    ).toEqual(['0614141000005', '5', '0614141000005']);
  });
});
