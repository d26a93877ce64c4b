import type { CustodyOutcome } from '../model/custody-outcome';
import {
  CustodyEventFactory,
  InMemoryCustodyStore,
  demoNetwork,
  demoProducts,
  siteOf,
  sgtinOf,
  ssccOf,
} from '../testing';

/** Manufacturer → wholesaler → pharmacy: six packs in two cases on one pallet. */
describe('three-tier supply chain', () => {
  const net = demoNetwork();
  const { manufacturer: mfr, wholesaler, pharmacy, otherPharmacy } = net;
  const store = new InMemoryCustodyStore(net.directory, demoProducts());
  const events = new CustodyEventFactory('2025-03-03T08:00:00.000Z');
  const packs = ['1', '2', '3', '4', '5', '6'].map((serial) => sgtinOf(`SER${serial}`));
  const [p1, p2, p3, p4, p5, p6] = packs as [string, string, string, string, string, string];
  const case1 = ssccOf(1);
  const case2 = ssccOf(2);
  const pallet = ssccOf(3);
  const pharmacySite = siteOf(pharmacy);

  const codes = (outcome: CustodyOutcome) => outcome.alerts.map((alert) => alert.code);
  const state = (epc: string) => store.pack(epc);

  it('commissions packs and containers at the manufacturer', () => {
    const outcome = store.apply(
      events.commission([...packs, case1, case2, pallet], { location: siteOf(mfr) }),
      mfr.gln,
    );
    expect(codes(outcome)).toEqual([]);
    expect(outcome.packs).toHaveLength(9);
    expect(state(p1)).toMatchObject({
      status: 'active',
      custodian: mfr.gln,
      owner: mfr.gln,
      lot: 'LOT-A1',
      version: 1,
    });
  });

  it('packs the packs into cases and the cases onto the pallet', () => {
    expect(codes(store.apply(events.pack(case1, [p1, p2, p3]), mfr.gln))).toEqual([]);
    expect(codes(store.apply(events.pack(case2, [p4, p5, p6]), mfr.gln))).toEqual([]);
    const outcome = store.apply(events.pack(pallet, [case1, case2]), mfr.gln);
    expect(outcome.links).toEqual([
      { parent: pallet, child: case1, change: 'added' },
      { parent: pallet, child: case2, change: 'added' },
    ]);
    expect(store.childrenOf(pallet)).toEqual([case1, case2]);
  });

  it('ships the pallet: every pack inside goes in transit under one handoff', () => {
    const ship = events.ship([pallet], wholesaler);
    const outcome = store.apply(ship, mfr.gln);
    expect(codes(outcome)).toEqual([]);
    expect(outcome.packs).toHaveLength(9);
    for (const epc of [...packs, case1, case2, pallet]) {
      expect(state(epc)).toMatchObject({
        status: 'in_transit',
        custodian: mfr.gln,
        inTransit: { from: mfr.gln, to: wholesaler.gln, shipmentEventId: ship.eventID },
      });
    }
    expect(outcome.handoffs).toEqual([
      expect.objectContaining({
        kind: 'opened',
        after: expect.objectContaining({ status: 'open', to: wholesaler.gln }),
      }),
    ]);
  });

  it('receives the pallet at the wholesaler: custody of every pack transfers, handoff verified', () => {
    const outcome = store.apply(events.receive([pallet], { location: siteOf(wholesaler) }), wholesaler.gln);
    expect(codes(outcome)).toEqual([]);
    for (const epc of [...packs, case1, case2, pallet]) {
      expect(state(epc)).toMatchObject({
        status: 'active',
        custodian: wholesaler.gln,
        custodianLocation: siteOf(wholesaler),
      });
      expect(state(epc)?.inTransit).toBeUndefined();
    }
    expect(outcome.handoffs[0]).toMatchObject({
      kind: 'verified',
      after: { status: 'verified', pending: [] },
    });
  });

  it('unpacks the pallet and ships case 1 on to the pharmacy', () => {
    const unpack = store.apply(events.unpack(pallet), wholesaler.gln);
    expect(unpack.links.map((link) => link.change)).toEqual(['removed', 'removed']);
    expect(state(case1)?.parent).toBeUndefined();
    const ship = store.apply(events.ship([case1], pharmacy), wholesaler.gln);
    expect(codes(ship)).toEqual([]);
    expect([p1, p2, p3, case1].map((epc) => state(epc)?.status)).toEqual(Array(4).fill('in_transit'));
    expect([p4, case2, pallet].map((epc) => state(epc)?.status)).toEqual(Array(3).fill('active'));
  });

  it('receives case 1 at the pharmacy', () => {
    const outcome = store.apply(events.receive([case1], { location: pharmacySite }), pharmacy.gln);
    expect(codes(outcome)).toEqual([]);
    expect(state(p1)).toMatchObject({ status: 'active', custodian: pharmacy.gln, parent: case1 });
  });

  it('dispenses a pack, which leaves its case, and undoes it within the window', () => {
    const dispense = store.apply(events.dispense([p1], { location: pharmacySite }), pharmacy.gln);
    expect(codes(dispense)).toEqual([]);
    expect(state(p1)).toMatchObject({
      status: 'dispensed',
      decommission: { by: pharmacy.gln, status: 'dispensed' },
    });
    expect(state(p1)?.parent).toBeUndefined();
    expect(dispense.links).toEqual([{ parent: case1, child: p1, change: 'removed' }]);

    events.advanceDays(3);
    const undo = store.apply(events.undo([p1], 'dispensed', { location: pharmacySite }), pharmacy.gln);
    expect(codes(undo)).toEqual([]);
    expect(state(p1)).toMatchObject({ status: 'active', custodian: pharmacy.gln });
    expect(state(p1)?.decommission).toBeUndefined();
  });

  it('refuses an undo by another pharmacy', () => {
    store.apply(events.dispense([p2], { location: pharmacySite }), pharmacy.gln);
    const outcome = store.apply(
      events.undo([p2], 'dispensed', { location: siteOf(otherPharmacy) }),
      otherPharmacy.gln,
    );
    expect(outcome.alerts).toEqual([
      expect.objectContaining({
        code: 'UNDO_BY_OTHER_PARTICIPANT',
        nmvsCode: 'NMVS_NC_PCK_21',
        epc: p2,
        blocking: true,
      }),
    ]);
    expect(outcome.packs).toEqual([]);
    expect(state(p2)?.status).toBe('dispensed');
  });

  it('refuses an undo 11 days after the dispense', () => {
    store.apply(events.dispense([p3], { location: pharmacySite }), pharmacy.gln);
    events.advanceDays(11);
    const outcome = store.apply(events.undo([p3], 'dispensed', { location: pharmacySite }), pharmacy.gln);
    expect(outcome.alerts).toEqual([
      expect.objectContaining({ code: 'UNDO_WINDOW_EXPIRED', nmvsCode: 'NMVS_NC_PCK_20', epc: p3 }),
    ]);
    expect(state(p3)?.status).toBe('dispensed');
  });

  it('keeps the full history consistent: versions count the changing events', () => {
    // commission, ship, receive, ship, receive, dispense, undo (packing p1 into case1 too): 8 changes.
    expect(state(p1)?.version).toBe(8);
    expect(store.alerts.map((alert) => alert.code)).toEqual([
      'UNDO_BY_OTHER_PARTICIPANT',
      'UNDO_WINDOW_EXPIRED',
    ]);
  });
});
