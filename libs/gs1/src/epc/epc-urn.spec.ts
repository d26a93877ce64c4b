import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { lgtinUrn, pglnUrn, sglnUrn, sgtinUrn, ssccUrn } from './epc-urn.formatter';
import { parseEpcUrn } from './epc-urn.parser';
import { PrefixTable } from './prefix-table';

const TDS = PrefixTable.fromCompanyPrefixes(['0614141']);

describe('EPC URNs', () => {
  describe('formatting (Tag Data Standard examples)', () => {
    it.each([
      [
        'SGTIN, GTIN 80614141123458 serial 6789',
        () => sgtinUrn('80614141123458', '6789', TDS),
        'urn:epc:id:sgtin:0614141.812345.6789',
      ],
      [
        'SGTIN from a GTIN-13',
        () => sgtinUrn('0614141123452', '1', TDS),
        'urn:epc:id:sgtin:0614141.012345.1',
      ],
      [
        'SSCC 106141411234567897',
        () => ssccUrn('106141411234567897', TDS),
        'urn:epc:id:sscc:0614141.1123456789',
      ],
      [
        'SGLN without extension',
        () => sglnUrn('0614141000005', undefined, TDS),
        'urn:epc:id:sgln:0614141.00000.0',
      ],
      [
        'SGLN with extension',
        () => sglnUrn('0614141000005', 'DOCK/1', TDS),
        'urn:epc:id:sgln:0614141.00000.DOCK%2F1',
      ],
      ['PGLN', () => pglnUrn('0614141000005', TDS), 'urn:epc:id:pgln:0614141.00000'],
      ['LGTIN', () => lgtinUrn('80614141123458', 'L.1', TDS), 'urn:epc:class:lgtin:0614141.812345.L.1'],
      [
        'SGTIN with a known prefix length',
        () => sgtinUrn('80614141123458', 'A', 9),
        'urn:epc:id:sgtin:061414112.8345.A',
      ],
      [
        'SGLN with a 12-digit prefix',
        () => sglnUrn('0614141000005', undefined, 12),
        'urn:epc:id:sgln:061414100000..0',
      ],
    ])('%s', (_, make, urn) => expect(make()).toBe(urn));

    it('escapes exactly the seven URI-reserved AI-82 characters in serials', () => {
      expect(sgtinUrn('80614141123458', `"%&/<>?!'()*+,-.:;=_`, TDS)).toBe(
        `urn:epc:id:sgtin:0614141.812345.%22%25%26%2F%3C%3E%3F!'()*+,-.:;=_`,
      );
    });

    it('validates its inputs', () => {
      expectGs1Error(() => sgtinUrn('80614141123459', '1', TDS), {
        code: Gs1ErrorCode.InvalidCheckDigit,
        position: 13,
      });
      expectGs1Error(() => sgtinUrn('80614141123458', 'a b', TDS), {
        code: Gs1ErrorCode.InvalidCharacter,
        position: 1,
      });
      expectGs1Error(() => sgtinUrn('80614141123458', 'X'.repeat(21), TDS), {
        code: Gs1ErrorCode.ValueTooLong,
        position: 20,
      });
      expectGs1Error(() => sgtinUrn('80614141123458', '1', 5), {
        code: Gs1ErrorCode.InvalidArgument,
        position: 0,
      });
      expectGs1Error(() => ssccUrn('106141411234567897', PrefixTable.fromCompanyPrefixes([])), {
        code: Gs1ErrorCode.UnknownCompanyPrefix,
        position: 1,
      });
    });
  });

  describe('parsing', () => {
    it('returns the kind, fields and the equivalent AIs', () => {
      expect(parseEpcUrn('urn:epc:id:sgtin:0614141.812345.6789')).toEqual({
        kind: 'sgtin',
        urn: 'urn:epc:id:sgtin:0614141.812345.6789',
        companyPrefix: '0614141',
        itemReference: '812345',
        gtin: '80614141123458',
        serial: '6789',
        ais: [
          { ai: '01', value: '80614141123458' },
          { ai: '21', value: '6789' },
        ],
      });
      expect(parseEpcUrn('urn:epc:id:sscc:0614141.1123456789')).toMatchObject({
        kind: 'sscc',
        sscc: '106141411234567897',
      });
      expect(parseEpcUrn('urn:epc:id:sgln:0614141.00000.0')).toMatchObject({
        kind: 'sgln',
        gln: '0614141000005',
        ais: [{ ai: '414' }],
      });
      expect(parseEpcUrn('urn:epc:id:sgln:0614141.00000.5')).toMatchObject({
        extension: '5',
        ais: [{}, { ai: '254', value: '5' }],
      });
      expect(parseEpcUrn('urn:epc:id:pgln:0614141.00000')).toMatchObject({
        kind: 'pgln',
        gln: '0614141000005',
      });
      expect(parseEpcUrn('urn:epc:class:lgtin:0614141.812345.L.1')).toMatchObject({
        kind: 'lgtin',
        lot: 'L.1',
      });
    });

    it('decodes escapes and canonicalises case and escaping', () => {
      const parsed = parseEpcUrn('URN:EPC:ID:SGTIN:0614141.812345.a%2fb%21');
      expect(parsed).toMatchObject({ serial: 'a/b!', urn: 'urn:epc:id:sgtin:0614141.812345.a%2Fb!' });
    });

    it.each([
      ['urn:epc:id:giai:0614141.12345', 0, Gs1ErrorCode.UnsupportedEpcScheme, /not an SGTIN/],
      ['urn:epc:idpat:sgtin:0614141.812345.*', 0, Gs1ErrorCode.UnsupportedEpcScheme, /not an SGTIN/],
      ['urn:isbn:123', 0, Gs1ErrorCode.InvalidEpcUrn, /not an SGTIN/],
      ['urn:epc:id:sgtin:0614141.812345', 31, Gs1ErrorCode.InvalidEpcUrn, /3 dot-separated parts/],
      [
        'urn:epc:id:sgtin:06141.81234567.1',
        17,
        Gs1ErrorCode.InvalidEpcUrn,
        /company prefix must be 6 to 12 digits/,
      ],
      ['urn:epc:id:sgtin:0614141.81234.1', 25, Gs1ErrorCode.InvalidEpcUrn, /must be 6 digits, got 5/],
      ['urn:epc:id:sgtin:0614141.8123A5.1', 25, Gs1ErrorCode.InvalidCharacter, /must be digits/],
      ['urn:epc:id:sgtin:0614141.812345.', 32, Gs1ErrorCode.InvalidEpcUrn, /1 to 20 characters, got 0/],
      ['urn:epc:id:sgtin:0614141.812345.a b', 33, Gs1ErrorCode.InvalidCharacter, /contains ' '/],
      ['urn:epc:id:sgtin:0614141.812345.a%2', 33, Gs1ErrorCode.InvalidPercentEncoding, /hexadecimal/],
      ['urn:epc:id:sgtin:0614141.812345.%20', 32, Gs1ErrorCode.InvalidCharacter, /contains ' '/],
      ['urn:epc:id:sscc:0614141.112345678', 24, Gs1ErrorCode.InvalidEpcUrn, /must be 10 digits, got 9/],
      ['urn:epc:id:sgln:0614141.0000.0', 24, Gs1ErrorCode.InvalidEpcUrn, /must be 5 digits/],
    ])('rejects %s at %i', (urn, position, code, reason) => {
      expectGs1Error(() => parseEpcUrn(urn), { code, position, reason });
    });
  });
});
