import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { parseDigitalLink } from './digital-link.parser';

const pairs = (uri: string) => parseDigitalLink(uri).ais.map(({ ai, value }) => [ai, value]);
const GTIN = '09506000134352';

describe('parseDigitalLink', () => {
  it('reads key, qualifiers in path order and query attributes', () => {
    const result = parseDigitalLink(`https://id.gs1.org/01/${GTIN}/10/ABC/21/12345?17=261231`);
    expect(result.ais.map(({ ai, value }) => [ai, value])).toEqual([
      ['01', GTIN],
      ['10', 'ABC'],
      ['21', '12345'],
      ['17', '261231'],
    ]);
    expect(result).toMatchObject({ origin: 'https://id.gs1.org', pathPrefix: '', otherParams: [] });
    expect(result.ais[3]?.date).toBe('2026-12-31');
  });

  it('accepts any host, port, scheme case and path prefix before the key', () => {
    const result = parseDigitalLink(`HTTP://resolver.example.com:8080/a/01/b/01/${GTIN}/21/X`);
    expect(result).toMatchObject({ origin: 'HTTP://resolver.example.com:8080', pathPrefix: '/a/01/b' });
    expect(result.ais.map((e) => e.ai)).toEqual(['01', '21']);
  });

  it('pads GTIN-8, -12 and -13 to 14 digits', () => {
    expect(pairs('https://example.com/01/9506000134352')).toEqual([['01', GTIN]]);
    expect(pairs('https://example.com/01/614141123452')).toEqual([['01', '00614141123452']]);
    expect(pairs('https://example.com/01/96385074')).toEqual([['01', '00000096385074']]);
  });

  it('percent-decodes values (upper or lower case hex)', () => {
    expect(pairs(`https://id.gs1.org/01/${GTIN}/10/A%2fB%26C/21/%25x?17=261231`)).toEqual([
      ['01', GTIN],
      ['10', 'A/B&C'],
      ['21', '%x'],
      ['17', '261231'],
    ]);
  });

  it('keeps non-AI query parameters (linkType, context…) separately and ignores fragments', () => {
    const result = parseDigitalLink(`https://id.gs1.org/01/${GTIN}?linkType=gs1%3Apip&context=x&flag#frag`);
    expect(result.otherParams).toEqual([
      ['linkType', 'gs1:pip'],
      ['context', 'x'],
      ['flag', ''],
    ]);
    expect(result.ais).toHaveLength(1);
  });

  it('understands the legacy short names and LVMS exp=', () => {
    expect(pairs(`https://example.com/gtin/${GTIN}/lot/L1/ser/S1?exp=261200`)).toEqual([
      ['01', GTIN],
      ['10', 'L1'],
      ['21', 'S1'],
      ['17', '261200'],
    ]);
    expect(pairs('https://example.com/sscc/106141411234567897')).toEqual([['00', '106141411234567897']]);
  });

  it.each([
    ['SSCC alone', 'https://id.gs1.org/00/106141411234567897', ['00']],
    ['GLN + extension', 'https://id.gs1.org/414/0614141000005/254/5', ['414', '254']],
    ['party GLN', 'https://id.gs1.org/417/0614141000005', ['417']],
    ['GTIN + CPV + serial', `https://id.gs1.org/01/${GTIN}/22/V1/21/S`, ['01', '22', '21']],
    ['GTIN + TPX', `https://id.gs1.org/01/${GTIN}/235/T1`, ['01', '235']],
    ['ITIP', 'https://id.gs1.org/8006/095060001343520102/21/S', ['8006', '21']],
    ['GIAI', 'https://id.gs1.org/8004/0614141ABC', ['8004']],
    ['GSRN + SRIN', 'https://id.gs1.org/8018/106141411234567897/8019/12', ['8018', '8019']],
    ['a trailing slash', `https://id.gs1.org/01/${GTIN}/`, ['01']],
  ])('reads %s', (_, uri, ais) => expect(parseDigitalLink(uri).ais.map((e) => e.ai)).toEqual(ais));

  describe('order and placement rules', () => {
    it.each([
      [
        `https://id.gs1.org/01/${GTIN}/21/X/10/L`,
        42,
        Gs1ErrorCode.DigitalLinkQualifierOrder,
        /AI 10 must not come after AI 21/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}/10/L/22/V`,
        42,
        Gs1ErrorCode.DigitalLinkQualifierOrder,
        /AI 22 must not come after AI 10/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}/21/X/21/Y`,
        42,
        Gs1ErrorCode.DigitalLinkQualifierOrder,
        /AI 21 must not come after AI 21/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}/10/L/235/T`,
        42,
        Gs1ErrorCode.DigitalLinkIllegalQualifier,
        /AI 235 cannot be combined with AI 10/,
      ],
      [
        'https://id.gs1.org/00/106141411234567897/21/X',
        41,
        Gs1ErrorCode.DigitalLinkIllegalQualifier,
        /AI 21 is not a key qualifier of AI 00/,
      ],
      [
        'https://id.gs1.org/414/0614141000005/21/X',
        37,
        Gs1ErrorCode.DigitalLinkIllegalQualifier,
        /AI 21 is not a key qualifier of AI 414/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}/17/261231`,
        37,
        Gs1ErrorCode.DigitalLinkIllegalQualifier,
        /'17' is not a key qualifier/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}?21=X`,
        37,
        Gs1ErrorCode.DigitalLinkQueryNotAllowed,
        /key qualifier of AI 01 and belongs in the path/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}?254=X`,
        37,
        Gs1ErrorCode.DigitalLinkQueryNotAllowed,
        /not allowed as a Digital Link attribute/,
      ],
      [`https://id.gs1.org/01/${GTIN}?17=261231&17=261230`, 47, Gs1ErrorCode.DuplicateAi, /appears twice/],
      [
        `https://id.gs1.org/01/${GTIN}?02=${GTIN}`,
        37,
        Gs1ErrorCode.InvalidAiPairing,
        /AI 02 must not appear together with AI 01/,
      ],
    ])('%s → position %i', (uri, position, code, reason) => {
      expectGs1Error(() => parseDigitalLink(uri), { code, position, reason });
    });
  });

  describe('malformed links', () => {
    it.each([
      ['ftp://id.gs1.org/01/09506000134352', 0, Gs1ErrorCode.InvalidDigitalLink, /starts with http/],
      ['https:///01/09506000134352', 8, Gs1ErrorCode.InvalidDigitalLink, /no valid host/],
      ['https://id.gs1.org', 18, Gs1ErrorCode.InvalidDigitalLink, /no GS1 primary key/],
      ['https://id.gs1.org/products/123', 18, Gs1ErrorCode.InvalidDigitalLink, /no GS1 primary key/],
      [`https://id.gs1.org/01/${GTIN}/21`, 37, Gs1ErrorCode.InvalidDigitalLink, /does not alternate/],
      ['https://id.gs1.org/01/09506000134353', 35, Gs1ErrorCode.InvalidCheckDigit, /should be 2/],
      ['https://id.gs1.org/01/0950600013435', 22, Gs1ErrorCode.InvalidCheckDigit, /check digit/],
      ['https://id.gs1.org/01/ABC', 22, Gs1ErrorCode.ValueTooShort, /AI 01 expects 14 digits, got 'ABC'/],
      ['https://id.gs1.org/01/0950600013435A', 22, Gs1ErrorCode.InvalidCharacter, /AI 01 expects 14 digits/],
      [
        `https://id.gs1.org/01/${GTIN}/21/A%2`,
        41,
        Gs1ErrorCode.InvalidPercentEncoding,
        /two hexadecimal digits/,
      ],
      [
        `https://id.gs1.org/01/${GTIN}/21/A%ZZ`,
        41,
        Gs1ErrorCode.InvalidPercentEncoding,
        /two hexadecimal digits/,
      ],
      [`https://id.gs1.org/01/${GTIN}/21/A%20B`, 40, Gs1ErrorCode.InvalidCharacter, /contains ' '/],
      [`https://id.gs1.org/01/${GTIN}/21/AB^C`, 42, Gs1ErrorCode.InvalidCharacter, /contains '\^'/],
      [`https://id.gs1.org/01/${GTIN}/21/`, 37, Gs1ErrorCode.InvalidDigitalLink, /does not alternate/],
      [`https://id.gs1.org/01/${GTIN}?17=`, 40, Gs1ErrorCode.ValueTooShort, /no value/],
      [`https://id.gs1.org/01/${GTIN}?17=261331`, 40, Gs1ErrorCode.InvalidDate, /month 13/],
      [`https://id.gs1.org/01/${GTIN}?9999=1`, 37, Gs1ErrorCode.UnknownAi, /9999 is not a GS1 AI/],
    ])('%s → position %i', (uri, position, code, reason) => {
      expectGs1Error(() => parseDigitalLink(uri), { code, position, reason });
    });
  });
});
