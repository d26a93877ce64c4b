import { MAKER, PHARMACY, REGULATOR, WHOLESALER } from '../testing/trace.factories';
import { concerns, ownsGtin, recallScope, traceScope, viewerOf } from './viewer';

const PACK = 'urn:epc:id:sgtin:0614141.107346.P0001';
const MAKER_CASE = 'urn:epc:id:sscc:0614141.1000000001';
const WHOLESALER_CASE = 'urn:epc:id:sscc:4012345.1000000001';
const GTIN = '10614141073464';

describe('access rules', () => {
  it('stands a participant for its own GLN and the GLNs of its premises', () => {
    expect(viewerOf(PHARMACY).glns).toEqual(['9520001000010']);
    const multi = viewerOf({
      ...WHOLESALER,
      locations: [...WHOLESALER.locations, { sgln: 'urn:epc:id:sgln:4012345.00002.0', name: 'Depot' }],
    });
    expect(multi.glns).toEqual(['4012345000016', '4012345000023']);
  });

  it('gives regulators everything, the brand owner its own objects, everyone else their part', () => {
    expect(traceScope(viewerOf(REGULATOR), WHOLESALER_CASE)).toBe('full');
    expect(traceScope(viewerOf(MAKER), PACK)).toBe('full');
    expect(traceScope(viewerOf(MAKER), MAKER_CASE)).toBe('full');
    expect(traceScope(viewerOf(MAKER), WHOLESALER_CASE)).toBe('partial');
    expect(traceScope(viewerOf(WHOLESALER), PACK)).toBe('partial');
    // Owning the SSCC prefix is not enough for a distributor: the packs inside are someone else's.
    expect(traceScope(viewerOf(WHOLESALER), WHOLESALER_CASE)).toBe('partial');
    expect(traceScope(viewerOf(PHARMACY), PACK)).toBe('partial');
  });

  it('reads the GTIN company prefix for recalls', () => {
    expect(ownsGtin(viewerOf(MAKER), GTIN)).toBe(true);
    expect(ownsGtin(viewerOf(WHOLESALER), GTIN)).toBe(false);
    expect(recallScope(viewerOf(MAKER), GTIN)).toBe('full');
    expect(recallScope(viewerOf(REGULATOR), GTIN)).toBe('full');
    expect(recallScope(viewerOf(PHARMACY), GTIN)).toBe('partial');
  });

  it('says whether any GLN is the viewer’s, ignoring missing ones', () => {
    const viewer = viewerOf(PHARMACY);
    expect(concerns(viewer, undefined, null, MAKER.gln)).toBe(false);
    expect(concerns(viewer, MAKER.gln, PHARMACY.gln)).toBe(true);
  });
});
