import { DECOMMISSION_STATUSES } from '../model/pack-state';
import { CONTAINER, ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

const byCustodian: CustodyScenario[] = DECOMMISSION_STATUSES.map((status) => ({
  name: `decommissioning as ${status} by the custodian records who, where and when`,
  when: (w) => {
    w.atPharmacy([ITEM(1)]);
    return w.apply(w.events.decommission([ITEM(1)], status, { location: w.pharmacySite }), w.net.pharmacy);
  },
  alerts: [],
  statuses: { [ITEM(1)]: status },
  check: (w, outcome) =>
    expect(w.pack(ITEM(1))?.decommission).toEqual({
      status,
      by: w.net.pharmacy.gln,
      location: w.pharmacySite,
      time: outcome.packs[0]?.after?.lastEvent.time,
      eventId: outcome.eventId,
    }),
}));

export const decommissionScenarios: readonly CustodyScenario[] = [
  ...byCustodian,
  {
    name: 'decommissioning by someone other than the custodian is refused',
    when: (w) => w.atPharmacy([ITEM(1)]).apply(w.events.dispense([ITEM(1)]), w.net.otherPharmacy),
    alerts: ['NOT_CUSTODIAN'],
    statuses: { [ITEM(1)]: 'active' },
  },
  {
    name: 'dispensing a dispensed pack is refused with the NMVS "already set" code',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .apply(w.events.dispense([ITEM(1)], { location: w.pharmacySite }), w.net.pharmacy),
    alerts: ['ALREADY_DECOMMISSIONED'],
    check: (_w, outcome) =>
      expect(outcome.alerts[0]).toMatchObject({ nmvsCode: 'NMVS_NC_PCK_19', blocking: true }),
  },
  {
    name: 'exporting a dispensed pack is refused with the NMVS "already inactive" code',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .apply(w.events.decommission([ITEM(1)], 'exported'), w.net.pharmacy),
    alerts: ['ALREADY_DECOMMISSIONED'],
    statuses: { [ITEM(1)]: 'dispensed' },
    check: (_w, outcome) => expect(outcome.alerts[0]?.nmvsCode).toBe('NMVS_NC_PCK_22'),
  },
  {
    name: 'any event changing a destroyed pack is refused: destroyed is final',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)], 'destroyed')
        .apply(w.events.decommission([ITEM(1)], 'stolen'), w.net.pharmacy),
    alerts: ['EVENT_ON_FINAL_STATE'],
    statuses: { [ITEM(1)]: 'destroyed' },
  },
  {
    name: 'dispensing a pack of a recalled lot is refused',
    when: (w) =>
      w
        .atPharmacy([ITEM(1)])
        .recalled()
        .apply(w.events.dispense([ITEM(1)]), w.net.pharmacy),
    alerts: ['RECALLED'],
    statuses: { [ITEM(1)]: 'active' },
    check: (_w, outcome) => expect(outcome.alerts[0]?.blocking).toBe(true),
  },
  {
    name: 'dispensing a pack of a withdrawn product is refused',
    when: (w) =>
      w
        .atPharmacy([ITEM(1)])
        .withdrawn()
        .apply(w.events.dispense([ITEM(1)]), w.net.pharmacy),
    alerts: ['WITHDRAWN'],
    statuses: { [ITEM(1)]: 'active' },
  },
  {
    name: 'dispensing an expired pack is refused',
    when: (w) =>
      w.atPharmacy([ITEM(1)], { expiry: '2025-03-02' }).apply(w.events.dispense([ITEM(1)]), w.net.pharmacy),
    alerts: ['EXPIRED'],
    statuses: { [ITEM(1)]: 'active' },
  },
  {
    name: 'a pack is still valid on its expiry date (at the event’s own offset)',
    // The factory clock is on 2025-03-03 in UTC and the events carry +01:00.
    when: (w) =>
      w.atPharmacy([ITEM(1)], { expiry: '2025-03-03' }).apply(w.events.dispense([ITEM(1)]), w.net.pharmacy),
    alerts: [],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
  {
    name: 'destroying a pack of a recalled lot is allowed: that is what a recall asks for',
    when: (w) =>
      w
        .atPharmacy([ITEM(1)])
        .recalled()
        .apply(w.events.decommission([ITEM(1)], 'destroyed'), w.net.pharmacy),
    alerts: [],
    statuses: { [ITEM(1)]: 'destroyed' },
  },
  {
    name: 'decommissioning an object in transit is refused',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.decommission([ITEM(1)], 'stolen'), w.mfr),
    alerts: ['INVALID_TRANSITION'],
    statuses: { [ITEM(1)]: 'in_transit' },
  },
  {
    name: 'dispensing with a scanned expiry that differs from the commissioned one is refused',
    when: (w) =>
      w.atPharmacy([ITEM(1)]).apply(
        w.events.dispense([ITEM(1)], {
          extra: { extensions: { 'cbvmda:itemExpirationDate': '2028-01-31' } },
        }),
        w.net.pharmacy,
      ),
    alerts: ['EXPIRY_MISMATCH'],
    statuses: { [ITEM(1)]: 'active' },
    check: (_w, outcome) => expect(outcome.alerts[0]?.nmvsCode).toBe('NMVS_FE_LOT_12'),
  },
  {
    name: 'decommissioning a container decommissions its content and keeps the links inside it',
    when: (w) =>
      w
        .commissioned([ITEM(1), ITEM(2)])
        .packed(CONTAINER(1), [ITEM(1), ITEM(2)])
        .apply(w.events.decommission([CONTAINER(1)], 'stolen'), w.mfr),
    alerts: [],
    statuses: { [ITEM(1)]: 'stolen', [ITEM(2)]: 'stolen', [CONTAINER(1)]: 'stolen' },
    check: (w, outcome) => {
      expect(outcome.links).toEqual([]);
      expect(w.pack(ITEM(1))?.parent).toBe(CONTAINER(1));
    },
  },
];
