import { PrefixTable } from '@pharmatrace/gs1';
import { sgtinsOf } from './recall-epc';

describe('SGTINs of a recalled GTIN', () => {
  const epcOf = sgtinsOf('10614141073464', PrefixTable.fromCompanyPrefixes(['0614141']));

  it('appends plain serials and escapes the others like capture does', () => {
    expect(epcOf('P0001')).toBe('urn:epc:id:sgtin:0614141.107346.P0001');
    expect(epcOf('A/B%C')).toBe('urn:epc:id:sgtin:0614141.107346.A%2FB%25C');
  });
});
