import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { parseElementString } from './element-string.parser';

const GTIN = '09506000134352';
const pairs = (input: string, options = {}) =>
  parseElementString(input, options).ais.map(({ ai, value }) => [ai, value]);
const PACK = [
  ['01', GTIN],
  ['17', '261231'],
  ['10', '12345'],
  ['21', 'ABC123'],
];

describe('parseElementString', () => {
  describe('separators', () => {
    it.each([
      ['GS character', `0109506000134352172612311012345\x1d21ABC123`],
      ['<GS> stand-in', '0109506000134352172612311012345<GS>21ABC123'],
      ['{GS} stand-in', '0109506000134352172612311012345{GS}21ABC123'],
      ['typed \\x1d escape', '0109506000134352172612311012345\\x1d21ABC123'],
      ['leading FNC1 as GS', `\x1d0109506000134352172612311012345\x1d21ABC123`],
      ['trailing GS and newline', `0109506000134352172612311012345\x1d21ABC123\x1d\r\n`],
      [
        'GS after a fixed-length field',
        `01095060001343521726123110\x1d12345\x1d21ABC123`.replace('10\x1d', '\x1d10'),
      ],
    ])('reads the %s', (_, input) => expect(pairs(input)).toEqual(PACK));

    it('does not treat ^ as a separator: it is not in the AI-82 set', () => {
      expectGs1Error(() => parseElementString('0109506000134352172612311012345^21ABC123'), {
        code: Gs1ErrorCode.InvalidCharacter,
        position: 31,
        reason: /contains '\^'/,
      });
    });

    it('lets the caller switch the printable stand-ins off (then <GS> is lot data)', () => {
      expect(pairs(`0109506000134352100<GS>1`, { printableSeparators: false })).toEqual([
        ['01', GTIN],
        ['10', '0<GS>1'],
      ]);
    });
  });

  describe('AIM symbology identifiers', () => {
    it.each([
      [']d2', 'GS1 DataMatrix'],
      [']C1', 'GS1-128'],
      [']Q3', 'GS1 QR Code'],
      [']e0', 'GS1 DataBar'],
      [']J1', 'GS1 DotCode'],
    ])('strips and reports %s (%s)', (aimId, name) => {
      const result = parseElementString(`${aimId}0109506000134352172612311012345\x1d21ABC123`);
      expect(result.symbology).toMatchObject({ aimId, name });
      expect(result.ais.map((e) => e.ai)).toEqual(['01', '17', '10', '21']);
    });

    it('reads the bare GTIN of an EAN-13 (]E0) or EAN-8 (]E4) as AI 01', () => {
      expect(pairs(']E04006381333931')).toEqual([['01', '04006381333931']]);
      expect(pairs(']E496385074')).toEqual([['01', '00000096385074']]);
    });

    it.each([
      [']A0ABC', 0, Gs1ErrorCode.UnsupportedSymbology],
      [']Q10109506000134352', 0, Gs1ErrorCode.UnsupportedSymbology],
      [']d', 0, Gs1ErrorCode.UnsupportedSymbology],
      [']d2', 3, Gs1ErrorCode.EmptyInput],
      [']E04006381333930', 15, Gs1ErrorCode.InvalidCheckDigit],
      [']E0123', 3, Gs1ErrorCode.InvalidValue],
    ])('rejects %j at %i', (input, position, code) =>
      expectGs1Error(() => parseElementString(input), { code, position }),
    );
  });

  describe('bracketed human-readable form', () => {
    it('reads (AI)value pairs', () => {
      expect(pairs('(01)09506000134352(17)261231(10)12345(21)ABC123')).toEqual(PACK);
    });

    it('keeps parentheses that do not start a known AI as data', () => {
      expect(pairs('(01)09506000134352(10)A(B)C(1)(21)X')).toEqual([
        ['01', GTIN],
        ['10', 'A(B)C(1)'],
        ['21', 'X'],
      ]);
    });

    it('reads escaped parentheses as data', () => {
      expect(pairs('(01)09506000134352(10)A\\(10\\)B(21)X')).toEqual([
        ['01', GTIN],
        ['10', 'A(10)B'],
        ['21', 'X'],
      ]);
    });

    it.each([
      ['(01)0950600013435', 4, Gs1ErrorCode.ValueTooShort, /AI 01 expects 14 digits, got '0950600013435'/],
      ['(01)09506000134352(10)', 22, Gs1ErrorCode.ValueTooShort, /AI 10 has no value/],
      ['(1)123', 1, Gs1ErrorCode.MalformedBrackets, /2 to 4 digit AI/],
      ['(01x)123', 1, Gs1ErrorCode.MalformedBrackets, /does not contain/],
      ['(14)123456', 1, Gs1ErrorCode.UnknownAi, /AI 14 is not defined/],
      ['(01)09506000134352X(17)261231', 18, Gs1ErrorCode.ValueTooLong, /longer than 14/],
    ])('rejects %j at %i', (input, position, code, reason) =>
      expectGs1Error(() => parseElementString(input), { code, position, reason }),
    );
  });
});
