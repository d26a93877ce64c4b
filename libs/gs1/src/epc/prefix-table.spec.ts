import { Gs1ErrorCode } from '../errors/gs1.error';
import { expectGs1Error } from '../testing/gs1-test.helpers';
import { DEFAULT_PREFIX_TABLE, PrefixTable } from './prefix-table';

describe('PrefixTable', () => {
  it('answers the length of a registered company prefix at the start of the digits', () => {
    const table = PrefixTable.fromCompanyPrefixes(['0614141', '401234567']);
    expect(table.lookup('0614141123452')).toBe(7);
    expect(table.lookup('4012345678901')).toBe(9);
    expect(table.lookup('4012345000009')).toBeUndefined();
    expect(table.forGtin('80614141123458')).toBe(7);
    expect(table.forSscc('106141411234567897')).toBe(7);
    expect(table.forGln('0614141000005')).toBe(7);
  });

  it('falls back to GS1-prefix rules, longest rule first, registered prefixes winning', () => {
    const table = new PrefixTable({
      companyPrefixes: ['95212345'],
      rules: [
        { prefix: '95', length: 9 },
        { prefix: '952', length: 7 },
      ],
    });
    expect(table.lookup('9521234543213')).toBe(8); // registered beats rules
    expect(table.lookup('9529999543213')).toBe(7); // the longer rule 952
    expect(table.lookup('9599999543213')).toBe(9);
    expect(table.lookup('4006381333931')).toBeUndefined();
  });

  it('is immutable: additions return a new table', () => {
    const base = PrefixTable.fromCompanyPrefixes(['0614141']);
    const more = base.withCompanyPrefixes(['4006381']).withRules([{ prefix: '952', length: 7 }]);
    expect(base.lookup('4006381333931')).toBeUndefined();
    expect(more.lookup('4006381333931')).toBe(7);
    expect(more.lookup('9521234543213')).toBe(7);
    expect(more.toJSON()).toEqual({
      companyPrefixes: ['0614141', '4006381'],
      rules: [{ prefix: '952', length: 7 }],
    });
  });

  it('ships a small default table for tests and the demo', () => {
    expect(DEFAULT_PREFIX_TABLE.forGtin('09506000134352')).toBe(7);
    expect(DEFAULT_PREFIX_TABLE.forGtin('09521234543213')).toBe(7);
    expect(DEFAULT_PREFIX_TABLE.forSscc('106141411234567897')).toBe(7);
  });

  it('reports an unknown prefix clearly', () => {
    expectGs1Error(() => DEFAULT_PREFIX_TABLE.forGtin('04006381333931'), {
      code: Gs1ErrorCode.UnknownCompanyPrefix,
      position: 1,
      reason: /no known GS1 Company Prefix .*GTIN 04006381333931.*register/,
    });
  });

  it.each([
    [{ companyPrefixes: ['12345'] }, 0],
    [{ companyPrefixes: ['0614141', '1234567890123'] }, 1],
    [{ companyPrefixes: ['06141A1'] }, 0],
    [{ rules: [{ prefix: '95', length: 5 }] }, 0],
    [{ rules: [{ prefix: '9521234', length: 6 }] }, 0],
    [{ rules: [{ prefix: '9', length: 7.5 }] }, 0],
  ])('refuses the invalid configuration %j', (config, position) => {
    expectGs1Error(() => new PrefixTable(config), { code: Gs1ErrorCode.InvalidArgument, position });
  });
});
