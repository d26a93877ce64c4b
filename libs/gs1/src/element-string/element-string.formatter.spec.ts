import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { toElementString } from './element-string.formatter';

const PACK = [
  { ai: '01', value: '09506000134352' },
  { ai: '10', value: 'L(1)' },
  { ai: '17', value: '261231' },
  { ai: '21', value: 'S1' },
];

describe('toElementString', () => {
  it('puts a GS only after variable-length values that are not last', () => {
    expect(toElementString(PACK)).toBe('0109506000134352' + '10L(1)\x1d' + '17261231' + '21S1');
  });

  it('moves predefined-length AIs first when asked, saving separators', () => {
    expect(toElementString(PACK, { predefinedFirst: true })).toBe(
      '0109506000134352' + '17261231' + '10L(1)\x1d' + '21S1',
    );
  });

  it('supports scanner-style stand-ins and an AIM prefix', () => {
    expect(toElementString(PACK, { separator: '<GS>', aimId: ']d2', predefinedFirst: true })).toBe(
      ']d20109506000134352172612311' + '0L(1)<GS>21S1',
    );
  });

  it('writes the bracketed form, escaping literal parentheses', () => {
    expect(toElementString(PACK, { format: 'brackets' })).toBe(
      '(01)09506000134352(10)L\\(1\\)(17)261231(21)S1',
    );
  });

  it('needs a separator after fixed-length AIs outside the predefined table (e.g. 7003)', () => {
    const ais = [
      { ai: '01', value: '09506000134352' },
      { ai: '7003', value: '2612312359' },
      { ai: '21', value: 'X' },
    ];
    expect(toElementString(ais)).toBe('0109506000134352' + '70032612312359\x1d' + '21X');
  });

  it('accepts a scan or a Digital Link as input', () => {
    expect(toElementString('https://id.gs1.org/01/09506000134352/21/S1?17=261231')).toBe(
      '010950600013435221S1\x1d17261231',
    );
    expect(toElementString({ ais: PACK.slice(0, 1) })).toBe('0109506000134352');
  });

  it('validates lists of pairs; the position is the index of the bad pair', () => {
    expectGs1Error(
      () =>
        toElementString([
          { ai: '01', value: '09506000134352' },
          { ai: '17', value: '261332' },
        ]),
      {
        code: Gs1ErrorCode.InvalidDate,
        position: 1,
      },
    );
    expectGs1Error(() => toElementString([{ ai: '99999', value: 'x' }]), {
      code: Gs1ErrorCode.UnknownAi,
      position: 0,
    });
    expectGs1Error(() => toElementString([]), { code: Gs1ErrorCode.EmptyInput, position: 0 });
  });
});
