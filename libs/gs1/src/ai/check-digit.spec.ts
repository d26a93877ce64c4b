import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { computeCheckDigit, isValidCheckDigit } from './check-digit';

/*
 * Vectors from published examples (GS1 Digital Link, the EPC Tag Data Standard, the EAN-13 on a
 * well-known pen), each re-derived by hand with the GS1 rule: weights 3,1,3,… from the rightmost data
 * digit, check = (10 − sum mod 10) mod 10. One derivation is spelled out below.
 */
describe('GS1 check digits', () => {
  it.each([
    ['GTIN-14, GS1 Digital Link example', '09506000134352'],
    ['GTIN-13, well-known EAN-13', '4006381333931'],
    ['SSCC, Tag Data Standard example', '106141411234567897'],
    ['GTIN-14 with indicator 8, TDS SGTIN example', '80614141123458'],
    ['GTIN-13 form of UPC-A 614141123452', '0614141123452'],
    ['GTIN-8', '96385074'],
    ['GLN', '0614141000005'],
    ['GLN, GS1 Germany example', '4012345000009'],
    ['GTIN-14 used in GS1 barcode examples', '09521234543213'],
  ])('accepts the %s %s', (_, key) => {
    expect(isValidCheckDigit(key)).toBe(true);
    expect(computeCheckDigit(key.slice(0, -1))).toBe(key.slice(-1));
  });

  it('computes the digit step by step for 0950600013435', () => {
    // From the right: 5·3 + 3·1 + 4·3 + 3·1 + 1·3 + 0·1 + 0·3 + 0·1 + 6·3 + 0·1 + 5·3 + 9·1 + 0·3 = 78 → 10 − 8 = 2
    expect(computeCheckDigit('0950600013435')).toBe('2');
  });

  it.each([
    '09506000134353',
    '4006381333930',
    '106141411234567890',
    '',
    '1',
    '0950600013435X',
    '09506 00134352',
  ])('rejects %j', (key) => expect(isValidCheckDigit(key)).toBe(false));

  it('gives 0 when the weighted sum is a multiple of 10', () => {
    expect(computeCheckDigit('0000000000000')).toBe('0');
  });

  it('refuses non-digits with the position of the culprit', () => {
    expectGs1Error(() => computeCheckDigit('09506A'), { code: Gs1ErrorCode.InvalidCharacter, position: 5 });
    expectGs1Error(() => computeCheckDigit(''), { code: Gs1ErrorCode.InvalidArgument, position: 0 });
  });
});
