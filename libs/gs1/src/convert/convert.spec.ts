import { Gs1ErrorCode } from '../errors/gs1.error';
import { PrefixTable } from '../epc/prefix-table';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { anyIdentifierToEpcUrn } from './any-identifier';
import { aisToEpcUrn, digitalLinkToEpcUrn, epcUrnToDigitalLink } from './epc-convert';

const GTIN = '09506000134352';
const SGTIN = 'urn:epc:id:sgtin:9506000.013435.ABC123';

describe('conversions', () => {
  it('AIs → EPC URN picks SGTIN, SSCC, SGLN, PGLN, then LGTIN', () => {
    expect(aisToEpcUrn(`(01)${GTIN}(17)261231(10)L1(21)ABC123`)).toBe(SGTIN);
    expect(aisToEpcUrn('(00)106141411234567897(02)09506000134352(37)5')).toBe(
      'urn:epc:id:sscc:0614141.1123456789',
    );
    expect(aisToEpcUrn('(414)0614141000005(254)D1')).toBe('urn:epc:id:sgln:0614141.00000.D1');
    expect(aisToEpcUrn('(417)0614141000005')).toBe('urn:epc:id:pgln:0614141.00000');
    expect(aisToEpcUrn(`(01)${GTIN}(10)L1`)).toBe('urn:epc:class:lgtin:9506000.013435.L1');
  });

  it('says when no EPC exists for the data', () => {
    expectGs1Error(() => aisToEpcUrn(`(01)${GTIN}(17)261231`), {
      code: Gs1ErrorCode.NotRepresentable,
      position: 0,
      reason: /needs 01\+21, 00, 414, 417 or 01\+10/,
    });
  });

  it('Digital Link ↔ EPC URN', () => {
    expect(digitalLinkToEpcUrn(`https://example.com/01/${GTIN}/21/ABC123?17=261231`)).toBe(SGTIN);
    expect(epcUrnToDigitalLink(SGTIN)).toBe(`https://id.gs1.org/01/${GTIN}/21/ABC123`);
    expect(epcUrnToDigitalLink('urn:epc:id:sgln:0614141.00000.0', { host: 'https://x.example' })).toBe(
      'https://x.example/414/0614141000005',
    );
    expect(epcUrnToDigitalLink('urn:epc:class:lgtin:0614141.812345.L%2F1')).toBe(
      'https://id.gs1.org/01/80614141123458/10/L%2F1',
    );
  });

  it('loses what the URN cannot carry (expiry, lot of an SGTIN) — by design of the standard', () => {
    const urn = digitalLinkToEpcUrn(`https://id.gs1.org/01/${GTIN}/10/L1/21/ABC123?17=261231`);
    expect(epcUrnToDigitalLink(urn)).toBe(`https://id.gs1.org/01/${GTIN}/21/ABC123`);
  });

  describe('anyIdentifierToEpcUrn', () => {
    it.each([
      ['an EPC URN (canonicalised)', 'URN:EPC:ID:SGTIN:9506000.013435.ABC123', SGTIN],
      ['a Digital Link', `https://id.gs1.org/01/${GTIN}/21/ABC123`, SGTIN],
      ['a scan with AIM id and <GS>', `]d201${GTIN}172612311012345<GS>21ABC123`, SGTIN],
      ['a bracketed element string', `(01)${GTIN}(21)ABC123`, SGTIN],
      ['a bare SSCC', '106141411234567897', 'urn:epc:id:sscc:0614141.1123456789'],
      ['a GTIN and serial separated by a space', `${GTIN} ABC123`, SGTIN],
      ['a GTIN and serial separated by |', `${GTIN} | ABC123`, SGTIN],
      ['a TDT bare identifier', `gtin=${GTIN};serial=ABC123`, SGTIN],
      ['a TDT SSCC', 'sscc=106141411234567897', 'urn:epc:id:sscc:0614141.1123456789'],
      ['a TDT GLN with extension', 'gln=0614141000005;serial=7', 'urn:epc:id:sgln:0614141.00000.7'],
      ['a TDT PGLN', 'pgln=0614141000005', 'urn:epc:id:pgln:0614141.00000'],
      ['a TDT LGTIN', `gtin=${GTIN};lot=L1`, 'urn:epc:class:lgtin:9506000.013435.L1'],
      ['surrounding blanks', `  ${SGTIN}\n`, SGTIN],
    ])('accepts %s', (_, input, urn) =>
      expect(anyIdentifierToEpcUrn(input, PrefixTable.fromCompanyPrefixes(['9506000', '0614141']))).toBe(urn),
    );

    it('uses the given prefix table, and says when the prefix is unknown', () => {
      const table = PrefixTable.fromCompanyPrefixes(['950600013']);
      expect(anyIdentifierToEpcUrn(`(01)${GTIN}(21)X`, table)).toBe('urn:epc:id:sgtin:950600013.0435.X');
      expectGs1Error(() => anyIdentifierToEpcUrn(`(01)04006381333931(21)X`, table), {
        code: Gs1ErrorCode.UnknownCompanyPrefix,
        position: 0,
        reason: /GTIN 04006381333931/,
      });
      expectGs1Error(() => anyIdentifierToEpcUrn('https://id.gs1.org/00/106141411234567897', table), {
        code: Gs1ErrorCode.UnknownCompanyPrefix,
        position: 19,
      });
    });

    it.each([
      ['', Gs1ErrorCode.EmptyInput, 0],
      ['106141411234567890', Gs1ErrorCode.InvalidCheckDigit, 17],
      [`${GTIN} AB CD`, Gs1ErrorCode.UnknownAi, 0],
      ['urn:epc:id:giai:0614141.1', Gs1ErrorCode.UnsupportedEpcScheme, 0],
      ['https://id.gs1.org/253/4012345000009ABC', Gs1ErrorCode.NotRepresentable, 0],
      ['colour=blue', Gs1ErrorCode.UnrecognisedIdentifier, 0],
      ['gtin', Gs1ErrorCode.UnknownAi, 0],
      // 14 digits then ';' is an element string ((3103)496919(21)97;X…), not "GTIN;serial".
      ['3103496919219;X', Gs1ErrorCode.NotRepresentable, 0],
    ])('rejects %j with %s', (input, code, position) => {
      expectGs1Error(() => anyIdentifierToEpcUrn(input), { code, position });
    });
  });
});
