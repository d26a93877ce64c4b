import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { toDigitalLink } from './digital-link.formatter';

const GTIN = '09506000134352';

describe('toDigitalLink', () => {
  it('writes the canonical form: key, qualifiers in order, sorted attributes, on id.gs1.org', () => {
    expect(toDigitalLink(`(01)${GTIN}(21)S1(17)261231(10)L1(710)PZN1`)).toBe(
      `https://id.gs1.org/01/${GTIN}/10/L1/21/S1?17=261231&710=PZN1`,
    );
  });

  it('uses a configured host and path prefix', () => {
    expect(toDigitalLink(`(01)${GTIN}`, { host: 'https://example.com/p/' })).toBe(
      `https://example.com/p/01/${GTIN}`,
    );
    expect(toDigitalLink(`(01)${GTIN}`, { host: 'resolver.example' })).toBe(
      `https://resolver.example/01/${GTIN}`,
    );
  });

  it('percent-encodes everything outside the URI unreserved set', () => {
    expect(
      toDigitalLink([
        { ai: '01', value: GTIN },
        { ai: '21', value: `A/B&C?"%'(+),:;<=>!*` },
      ]),
    ).toBe(`https://id.gs1.org/01/${GTIN}/21/A%2FB%26C%3F%22%25%27%28%2B%29%2C%3A%3B%3C%3D%3E%21%2A`);
  });

  it.each([
    [
      '(00)106141411234567897(02)09506000134352(37)10',
      'https://id.gs1.org/00/106141411234567897?02=09506000134352&37=10',
    ],
    ['(414)0614141000005(254)5', 'https://id.gs1.org/414/0614141000005/254/5'],
    ['(417)0614141000005', 'https://id.gs1.org/417/0614141000005'],
    ['https://x.example/gtin/9506000134352/ser/1', `https://id.gs1.org/01/${GTIN}/21/1`],
  ])('%s → %s', (input, link) => expect(toDigitalLink(input)).toBe(link));

  it('refuses, rather than drops, what a Digital Link cannot carry', () => {
    expectGs1Error(() => toDigitalLink('(10)L1(17)261231'), {
      code: Gs1ErrorCode.NotRepresentable,
      position: 0,
      reason: /none of the AIs \(10, 17\) is a Digital Link primary key/,
    });
    expectGs1Error(() => toDigitalLink('(00)106141411234567897(21)X'), {
      code: Gs1ErrorCode.NotRepresentable,
      position: 22,
      reason: /AI 21 cannot be carried in a Digital Link whose primary key is AI 00/,
    });
    expectGs1Error(() => toDigitalLink(`(01)${GTIN}(22)V(235)T`), {
      code: Gs1ErrorCode.NotRepresentable,
      position: 0,
      reason: /AIs 22, 235 cannot all qualify AI 01/,
    });
    expectGs1Error(() => toDigitalLink(`(01)${GTIN}`, { host: 'https://bad host' }), {
      code: Gs1ErrorCode.InvalidArgument,
      position: 0,
    });
  });
});
