import { DEMO_GTIN, DEMO_LOT, siteOf } from '../testing/custody.factories';
import { CONTAINER, ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

export const handoffScenarios: readonly CustodyScenario[] = [
  {
    name: 'shipping by the custodian puts the objects in transit and opens a handoff',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.ship([ITEM(1)], w.net.wholesaler), w.mfr),
    alerts: [],
    statuses: { [ITEM(1)]: 'in_transit' },
    check: (w, outcome) => {
      expect(w.pack(ITEM(1))).toMatchObject({
        custodian: w.mfr.gln,
        inTransit: { to: w.net.wholesaler.gln },
      });
      expect(outcome.handoffs.map((change) => change.kind)).toEqual(['opened']);
    },
  },
  {
    name: 'shipping by someone other than the custodian is refused',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.ship([ITEM(1)], w.net.pharmacy), w.net.wholesaler),
    alerts: ['NOT_CUSTODIAN'],
    statuses: { [ITEM(1)]: 'active' },
    check: (_w, outcome) => expect(outcome.handoffs).toEqual([]),
  },
  {
    name: 'shipping to a party the directory does not know is refused',
    when: (w) =>
      w.commissioned([ITEM(1)]).apply(
        w.events.ship([ITEM(1)], w.net.wholesaler, {
          extra: { destinationList: [{ type: 'owning_party', value: 'urn:epc:id:pgln:4099999.00000' }] },
        }),
        w.mfr,
      ),
    alerts: ['UNKNOWN_DESTINATION'],
    statuses: { [ITEM(1)]: 'active' },
  },
  {
    name: 'the destination can be the owner of a location SGLN',
    when: (w) =>
      w.commissioned([ITEM(1)]).apply(
        w.events.ship([ITEM(1)], w.net.wholesaler, {
          extra: { destinationList: [{ type: 'location', value: siteOf(w.net.pharmacy) }] },
        }),
        w.mfr,
      ),
    alerts: [],
    check: (w, outcome) => {
      expect(w.pack(ITEM(1))?.inTransit?.to).toBe(w.net.pharmacy.gln);
      expect(outcome.handoffs[0]?.after?.toLocation).toBe(siteOf(w.net.pharmacy));
    },
  },
  {
    name: 'shipping an object twice without receipt is refused',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.ship([ITEM(1)], w.net.pharmacy), w.mfr),
    alerts: ['INVALID_TRANSITION'],
  },
  {
    name: 'shipping a pack of a recalled lot is allowed with an alert',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .recalled()
        .apply(w.events.ship([ITEM(1)], w.net.wholesaler), w.mfr),
    alerts: ['RECALLED'],
    statuses: { [ITEM(1)]: 'in_transit' },
    check: (_w, outcome) => expect(outcome.alerts[0]?.blocking).toBe(false),
  },
  {
    name: 'shipping a pack of a withdrawn product is allowed with an alert',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .withdrawn()
        .apply(w.events.ship([ITEM(1)], w.net.wholesaler), w.mfr),
    alerts: ['WITHDRAWN'],
    statuses: { [ITEM(1)]: 'in_transit' },
  },
  {
    name: 'shipping an unknown serial alerts and ships the rest',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.ship([ITEM(1), ITEM(9)], w.net.wholesaler), w.mfr),
    alerts: ['UNKNOWN_SERIAL'],
    statuses: { [ITEM(1)]: 'in_transit', [ITEM(9)]: null },
    check: (_w, outcome) => expect(outcome.alerts[0]?.nmvsCode).toBe('NMVS_NC_PC_02'),
  },
  {
    name: 'shipping a dispensed pack is refused',
    when: (w) =>
      w.decommissionedAtPharmacy([ITEM(1)]).apply(w.events.ship([ITEM(1)], w.net.wholesaler), w.net.pharmacy),
    alerts: ['ALREADY_DECOMMISSIONED'],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
  {
    name: 'shipping with a stated lot and expiry that differ from the commissioned ones is refused',
    when: (w) =>
      w.commissioned([ITEM(1)]).apply(
        w.events.ship([ITEM(1)], w.net.wholesaler, {
          extra: { extensions: { 'cbvmda:lotNumber': 'FAKE', 'cbvmda:itemExpirationDate': '2030-01-01' } },
        }),
        w.mfr,
      ),
    alerts: ['EXPIRY_MISMATCH', 'LOT_MISMATCH'],
    statuses: { [ITEM(1)]: 'active' },
  },
  {
    name: 'receiving by the destination transfers custody and verifies the handoff',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.receive([ITEM(1)]), w.net.wholesaler),
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
    check: (w, outcome) => {
      expect(w.pack(ITEM(1))?.custodian).toBe(w.net.wholesaler.gln);
      expect(outcome.handoffs.map((change) => [change.kind, change.after?.received])).toEqual([
        ['verified', [ITEM(1)]],
      ]);
    },
  },
  {
    name: 'receiving by a party other than the destination is refused',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.receive([ITEM(1)]), w.net.pharmacy),
    alerts: ['RECEIVER_MISMATCH'],
    statuses: { [ITEM(1)]: 'in_transit' },
  },
  {
    name: 'receiving with no open shipment is an alert',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.receive([ITEM(1)]), w.net.wholesaler),
    alerts: ['RECEIVE_WITHOUT_SHIPMENT'],
    check: (w) => expect(w.pack(ITEM(1))?.custodian).toBe(w.mfr.gln),
  },
  {
    name: 'shipped objects not presented at receipt stay in transit and are reported missing',
    when: (w) =>
      w
        .commissioned([ITEM(1), ITEM(2)])
        .shipped([ITEM(1), ITEM(2)], w.mfr, w.net.wholesaler)
        .apply(w.events.receive([ITEM(1)]), w.net.wholesaler),
    alerts: ['MISSING_ITEMS'],
    statuses: { [ITEM(1)]: 'active', [ITEM(2)]: 'in_transit' },
    check: (_w, outcome) => {
      expect(outcome.alerts[0]).toMatchObject({ epc: ITEM(2), blocking: false });
      expect(outcome.handoffs[0]).toMatchObject({
        kind: 'updated',
        after: { status: 'open', pending: [ITEM(2)] },
      });
    },
  },
  {
    name: 'a later receipt of the missing objects closes the handoff as verified',
    when: (w) => {
      w.commissioned([ITEM(1), ITEM(2)]).shipped([ITEM(1), ITEM(2)], w.mfr, w.net.wholesaler);
      w.apply(w.events.receive([ITEM(1)]), w.net.wholesaler);
      return w.apply(w.events.receive([ITEM(2)]), w.net.wholesaler);
    },
    alerts: [],
    statuses: { [ITEM(2)]: 'active' },
    check: (_w, outcome) => expect(outcome.handoffs[0]?.kind).toBe('verified'),
  },
  {
    name: 'objects presented at receipt that were not shipped are unexpected',
    when: (w) => {
      w.commissioned([ITEM(1), ITEM(2)]).shipped([ITEM(1)], w.mfr, w.net.wholesaler);
      return w.apply(w.events.receive([ITEM(1), ITEM(2)]), w.net.wholesaler);
    },
    alerts: ['UNEXPECTED_ITEMS'],
    statuses: { [ITEM(1)]: 'active', [ITEM(2)]: 'active' },
    check: (w) => expect(w.pack(ITEM(2))?.custodian).toBe(w.mfr.gln),
  },
  {
    name: 'receiving a container receives everything packed in it',
    when: (w) =>
      w
        .commissioned([ITEM(1), ITEM(2)])
        .packed(CONTAINER(1), [ITEM(1), ITEM(2)])
        .shipped([CONTAINER(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.receive([CONTAINER(1)]), w.net.wholesaler),
    alerts: [],
    statuses: { [ITEM(1)]: 'active', [ITEM(2)]: 'active', [CONTAINER(1)]: 'active' },
    check: (w) => expect(w.pack(ITEM(2))?.custodian).toBe(w.net.wholesaler.gln),
  },
  {
    name: 'void_shipping by the shipper takes the objects back and cancels the handoff',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.voidShipping([ITEM(1)]), w.mfr),
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
    check: (w, outcome) => {
      expect(w.pack(ITEM(1))?.inTransit).toBeUndefined();
      expect(outcome.handoffs[0]).toMatchObject({ kind: 'cancelled', after: { voided: [ITEM(1)] } });
    },
  },
  {
    name: 'void_shipping by anyone but the shipper is refused',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.voidShipping([ITEM(1)]), w.net.wholesaler),
    alerts: ['NOT_CUSTODIAN'],
    statuses: { [ITEM(1)]: 'in_transit' },
  },
  {
    name: 'void_shipping of an object not in transit is refused',
    when: (w) => w.commissioned([ITEM(1)]).apply(w.events.voidShipping([ITEM(1)]), w.mfr),
    alerts: ['INVALID_TRANSITION'],
  },
  {
    name: 'a pack received without its case leaves the case, which stays in transit',
    when: (w) =>
      w
        .commissioned([ITEM(1), ITEM(2)])
        .packed(CONTAINER(1), [ITEM(1), ITEM(2)])
        .shipped([CONTAINER(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.receive([ITEM(1)]), w.net.wholesaler),
    alerts: ['MISSING_ITEMS', 'MISSING_ITEMS'],
    statuses: { [ITEM(1)]: 'active', [ITEM(2)]: 'in_transit', [CONTAINER(1)]: 'in_transit' },
    check: (w, outcome) => {
      expect(outcome.links).toEqual([{ parent: CONTAINER(1), child: ITEM(1), change: 'removed' }]);
      expect(outcome.alerts.map((alert) => alert.epc)).toEqual([ITEM(2), CONTAINER(1)]);
      expect(w.pack(ITEM(2))?.parent).toBe(CONTAINER(1));
    },
  },
  {
    name: 'a pack refused while its case is decommissioned leaves the case',
    when: (w) => {
      w.atPharmacy([ITEM(1), ITEM(2)]).packed(CONTAINER(9, '4011111'), [ITEM(1), ITEM(2)], w.net.pharmacy);
      w.command({ type: 'recall_lot', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.mfr);
      return w.apply(w.events.decommission([CONTAINER(9, '4011111')], 'exported'), w.net.pharmacy);
    },
    alerts: ['RECALLED', 'RECALLED'],
    statuses: { [ITEM(1)]: 'active', [CONTAINER(9, '4011111')]: 'exported' },
    check: (w) => expect(w.store.childrenOf(CONTAINER(9, '4011111'))).toEqual([]),
  },
];
