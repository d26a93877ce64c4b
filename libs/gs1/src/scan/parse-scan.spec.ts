import { Gs1ErrorCode } from '../errors/gs1.error';
import { PrefixTable } from '../epc/prefix-table';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { parseScan } from './parse-scan';

const GTIN = '09506000134352';
const TYPICAL = `]d201${GTIN}172612311012345\x1d21ABC123`;

describe('parseScan', () => {
  it('reads a typical pack scan into AIs and the fields trace code uses', () => {
    expect(parseScan(TYPICAL)).toEqual({
      kind: 'element-string',
      symbology: { aimId: ']d2', name: 'GS1 DataMatrix', content: 'gs1' },
      ais: [
        { ai: '01', value: GTIN, title: 'GTIN' },
        { ai: '17', value: '261231', title: 'USE BY OR EXPIRY', date: '2026-12-31' },
        { ai: '10', value: '12345', title: 'BATCH/LOT' },
        { ai: '21', value: 'ABC123', title: 'SERIAL' },
      ],
      gtin: GTIN,
      expiry: '2026-12-31',
      lot: '12345',
      serial: 'ABC123',
      digitalLink: `https://id.gs1.org/01/${GTIN}/10/12345/21/ABC123?17=261231`,
      epc: 'urn:epc:id:sgtin:9506000.013435.ABC123',
      lgtin: 'urn:epc:class:lgtin:9506000.013435.12345',
    });
  });

  it.each([
    ['{GS}', TYPICAL.replace('\x1d', '{GS}')],
    ['<GS>', TYPICAL.replace('\x1d', '<GS>')],
    ['typed \\x1d', TYPICAL.replace('\x1d', '\\x1d')],
    ['no AIM id', TYPICAL.slice(3)],
    ['brackets', `(01)${GTIN}(17)261231(10)12345(21)ABC123`],
    ['a Digital Link', `https://id.gs1.org/01/${GTIN}/10/12345/21/ABC123?17=261231`],
    ['a Digital Link in a QR code (]Q1)', `]Q1https://example.com/01/${GTIN}/10/12345/21/ABC123?17=261231`],
  ])('gives the same fields for %s', (_, input) => {
    expect(parseScan(input)).toMatchObject({
      gtin: GTIN,
      lot: '12345',
      serial: 'ABC123',
      expiry: '2026-12-31',
    });
  });

  it('reports the kind and symbology of Digital Link scans', () => {
    expect(parseScan(`]Q1https://x.example/01/${GTIN}`)).toMatchObject({
      kind: 'digital-link',
      symbology: { aimId: ']Q1' },
    });
    expect(parseScan(`https://x.example/01/${GTIN}`).symbology).toBeUndefined();
  });

  it('resolves DD=00 expiry to the last day of the month', () => {
    expect(parseScan(`01${GTIN}17280200`).expiry).toBe('2028-02-29');
  });

  it('collects national reimbursement numbers', () => {
    expect(parseScan(`01${GTIN}21S\x1d710PZN123\x1d715NDC9`).nationalCodes).toEqual([
      { ai: '710', scheme: 'PZN', value: 'PZN123' },
      { ai: '715', scheme: 'NDC', value: 'NDC9' },
    ]);
  });

  it('reads logistic and location scans', () => {
    expect(parseScan(']C100106141411234567897')).toMatchObject({
      sscc: '106141411234567897',
      epc: 'urn:epc:id:sscc:0614141.1123456789',
      digitalLink: 'https://id.gs1.org/00/106141411234567897',
    });
    expect(parseScan('4140614141000005')).toMatchObject({
      gln: '0614141000005',
      epc: 'urn:epc:id:sgln:0614141.00000.0',
    });
  });

  it('leaves epc out when the prefix table cannot tell, and takes a table and host from options', () => {
    expect(parseScan(`01040063813339312112`).epc).toBeUndefined();
    const table = PrefixTable.fromCompanyPrefixes(['4006381']);
    expect(parseScan(`01040063813339312112`, { prefixTable: table }).epc).toBe(
      'urn:epc:id:sgtin:4006381.033393.12',
    );
    expect(parseScan(TYPICAL, { digitalLinkHost: 'https://dl.example.org/p' }).digitalLink).toMatch(
      /^https:\/\/dl\.example\.org\/p\/01\//,
    );
  });

  it('skips derivations when told to', () => {
    const result = parseScan(TYPICAL, { prefixTable: null, digitalLinkHost: null });
    expect([result.epc, result.lgtin, result.digitalLink]).toEqual([undefined, undefined, undefined]);
  });

  it('leaves digitalLink out when the AIs have no primary key', () => {
    expect(parseScan('10L1\x1d17261231').digitalLink).toBeUndefined();
  });

  it('reports errors at their position in the raw scan, AIM identifier included', () => {
    expectGs1Error(() => parseScan(`]d201${GTIN}17A0122`), {
      code: Gs1ErrorCode.ValueTooShort,
      position: 21,
      reason: /AI 17 expects 6 digits \(YYMMDD\), got 'A0122'/,
    });
    expectGs1Error(() => parseScan(`]Q1https://x.example/01/${GTIN}/21/X/10/Y`), {
      code: Gs1ErrorCode.DigitalLinkQualifierOrder,
      position: 44,
    });
    expectGs1Error(() => parseScan(''), { code: Gs1ErrorCode.EmptyInput, position: 0 });
    expectGs1Error(() => parseScan(undefined as unknown as string), {
      code: Gs1ErrorCode.EmptyInput,
      position: 0,
    });
  });
});
