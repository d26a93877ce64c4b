import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { parseElementString } from './element-string.parser';

const G = '0109506000134352'; // (01) GTIN: positions 0–15

/** Every way an element string can be wrong, with the 0-based position each must be reported at. */
describe('parseElementString errors', () => {
  it.each([
    // [input, position, code, reason]
    ['', 0, Gs1ErrorCode.EmptyInput, /empty/],
    ['   \r\n', 0, Gs1ErrorCode.EmptyInput, /empty/],
    [`${G}ABCDEF`, 16, Gs1ErrorCode.UnknownAi, /expected an AI, got 'ABCD'/],
    [`${G}1`, 16, Gs1ErrorCode.UnknownAi, /input ends inside an AI/],
    [`${G}14123456`, 16, Gs1ErrorCode.UnknownAi, /no GS1 AI starts with '14'/],
    [`${G}3106123456`, 16, Gs1ErrorCode.UnknownAi, /AI 3106 is not defined/],
    [`${G}31`, 16, Gs1ErrorCode.UnknownAi, /input ends inside an AI/],
    // The example from the brief: a date that is not six digits.
    [`${G}17A0122`, 18, Gs1ErrorCode.ValueTooShort, /^AI 17 expects 6 digits \(YYMMDD\), got 'A0122'$/],
    [`${G}17A01221`, 18, Gs1ErrorCode.InvalidCharacter, /^AI 17 expects 6 digits \(YYMMDD\), got 'A01221'$/],
    [`${G}\x1d17261`, 19, Gs1ErrorCode.ValueTooShort, /got '261'/],
    [`${G}17261\x1d231`, 18, Gs1ErrorCode.ValueTooShort, /got '261'/],
    ['010950600013435', 2, Gs1ErrorCode.ValueTooShort, /AI 01 expects 14 digits/],
    ['0109506000134353', 15, Gs1ErrorCode.InvalidCheckDigit, /check digit should be 2, got 3/],
    ['00106141411234567890', 19, Gs1ErrorCode.InvalidCheckDigit, /should be 7, got 0/],
    [`${G}172613311012`, 18, Gs1ErrorCode.InvalidDate, /month 13 does not exist/],
    [`${G}17270230`, 18, Gs1ErrorCode.InvalidDate, /day 30 does not exist in 2027-02/],
    [`${G}17270229`, 18, Gs1ErrorCode.InvalidDate, /day 29 does not exist in 2027-02/],
    [`${G}7006270100`, 20, Gs1ErrorCode.InvalidDate, /day 00 is not allowed/],
    [`${G}70032612312460`, 26, Gs1ErrorCode.InvalidValue, /hour must be 00-23/],
    [
      `${G}10${'A'.repeat(21)}`,
      38,
      Gs1ErrorCode.ValueTooLong,
      /longer than 20 characters \(missing GS separator\?\)/,
    ],
    [`${G}10AB CD`, 20, Gs1ErrorCode.InvalidCharacter, /contains ' '/],
    [`${G}10ABé`, 20, Gs1ErrorCode.InvalidCharacter, /contains 'é'/],
    [`${G}10AB\x01`, 20, Gs1ErrorCode.InvalidCharacter, /contains '\\x01'/],
    [`${G}\x1d\x1d10`, 20, Gs1ErrorCode.ValueTooShort, /AI 10 expects 1 to 20 characters, got ''/],
    [`${G}3012A`, 18, Gs1ErrorCode.InvalidCharacter, /AI 30 expects 1 to 8 digits, got '12A'/],
    [`${G}801000a`, 22, Gs1ErrorCode.InvalidCharacter, /not in the GS1 AI-39 character set/],
    [
      `${G}8006095060001343520102`,
      16,
      Gs1ErrorCode.InvalidAiPairing,
      /AI 8006 must not appear together with AI 01/,
    ],
    [`${G}02${G.slice(2)}`, 16, Gs1ErrorCode.InvalidAiPairing, /AI 02 must not appear together with AI 01/],
    [
      `${G}3103000100\x1d3102000200`,
      27,
      Gs1ErrorCode.InvalidAiPairing,
      /AI 3103 must not appear together with AI 3102/,
    ],
    [
      `${G}10A\x1d10B`,
      20,
      Gs1ErrorCode.DuplicateAi,
      /AI 10 appears twice with different values \('A' and 'B'\)/,
    ],
    [`${G}0109506000134345`, 16, Gs1ErrorCode.DuplicateAi, /AI 01 appears twice/],
    [`${G}4330000123Z`, 26, Gs1ErrorCode.InvalidValue, /must be '-'/],
    [`${G}4321\x1d`.replace('4321\x1d', '43212'), 20, Gs1ErrorCode.InvalidValue, /0 \(no\) or 1 \(yes\)/],
    [`${G}8006095060001343520302`, 34, Gs1ErrorCode.InvalidValue, /piece 3 of total 2 is impossible/],
    [`${G}42312345`, 22, Gs1ErrorCode.ValueTooShort, /AI 423 expects/],
  ])('%j → position %i, %s', (input, position, code, reason) => {
    expectGs1Error(() => parseElementString(input), { code, position, reason });
  });

  it('accepts identical repeated AIs (several symbols on one pack)', () => {
    expect(parseElementString(`${G}10A\x1d10A`).ais.map((e) => e.ai)).toEqual(['01', '10']);
  });

  describe('mandatory associations (opt-in: a scan may cover one of several symbols)', () => {
    it('are ignored by default', () => {
      expect(parseElementString('21ABC').ais).toHaveLength(1);
    });

    it.each([
      ['21ABC', 0, /AI 21 requires one of AI 01, 03, 8006/],
      ['25412', 0, /AI 254 requires AI 414/],
      [`${G}250X`, 16, /AI 250 requires AI 21/],
      ['8030ABC', 0, /01\+21/],
    ])('%j is rejected at %i when asked', (input, position, reason) => {
      expectGs1Error(() => parseElementString(input, { checkMandatoryAssociations: true }), {
        code: Gs1ErrorCode.MissingRequiredAi,
        position,
        reason,
      });
    });

    it('accept a complete pack', () => {
      const input = `${G}17261231` + '10L1\x1d21S1\x1d710PZN1';
      expect(parseElementString(input, { checkMandatoryAssociations: true }).ais).toHaveLength(5);
    });
  });
});
