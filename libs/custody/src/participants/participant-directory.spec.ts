import { createParticipantDirectory, DirectoryError, resolveDestination } from './participant-directory';
import { demoNetwork, gtinOf, makeParticipant, pglnOf, siteOf } from '../testing/custody.factories';

describe('participant directory', () => {
  const net = demoNetwork();

  it('finds owners by GLN, company prefix, GTIN, location and MSP id', () => {
    const { directory, manufacturer, pharmacy } = net;
    expect(directory.participant(manufacturer.gln)).toBe(manufacturer);
    expect(directory.ownerOfCompanyPrefix('4012345')).toBe(manufacturer);
    expect(directory.ownerOfGtin(gtinOf('4012345', '777'))).toBe(manufacturer);
    expect(directory.ownerOfGtin('09999999999999')).toBeUndefined();
    expect(directory.ownerOfLocation('urn:epc:id:sgln:4011111.00002.dock')).toBe(pharmacy);
    expect(directory.byMspId(pharmacy.mspId)).toEqual([pharmacy]);
  });

  it('prefers the longest registered company prefix of a GTIN', () => {
    const short = makeParticipant('manufacturer', '401234');
    const long = makeParticipant('manufacturer', '4012345678');
    const directory = createParticipantDirectory([short, long]);
    expect(directory.ownerOfGtin(gtinOf('4012345678', '12'))).toBe(long);
    expect(directory.ownerOfGtin(gtinOf('401234', '999999'))).toBe(short);
  });

  it('refuses a directory where a prefix or location is claimed twice', () => {
    const a = makeParticipant('manufacturer', '4012345');
    const b = makeParticipant('distributor', '4098765', { companyPrefixes: ['4098765', '4012345'] });
    expect(() => createParticipantDirectory([a, b])).toThrow(DirectoryError);
  });

  it('resolves a destination: possessing party, then owning party, then location owner', () => {
    const { directory, wholesaler, pharmacy } = net;
    const both = [
      { type: 'owning_party', value: pglnOf(pharmacy) },
      { type: 'possessing_party', value: pglnOf(wholesaler) },
    ];
    expect(resolveDestination(both, directory)).toEqual({ gln: wholesaler.gln });
    expect(resolveDestination([{ type: 'location', value: siteOf(pharmacy) }], directory)).toEqual({
      gln: pharmacy.gln,
      location: siteOf(pharmacy),
    });
    expect(
      resolveDestination([{ type: 'owning_party', value: 'urn:epc:id:pgln:4099999.00000' }], directory),
    ).toBeUndefined();
    expect(resolveDestination(undefined, directory)).toBeUndefined();
  });
});
