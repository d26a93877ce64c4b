import { sglnOf, siteOf } from '../testing/custody.factories';
import { ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

const REVERSIBLE = ['dispensed', 'exported', 'sample', 'free_sample', 'locked'] as const;

const withinWindow: CustodyScenario[] = REVERSIBLE.map((status) => ({
  name: `undo of ${status} within 10 days by the same participant at the same premises reactivates the pack`,
  when: (w) => {
    w.decommissionedAtPharmacy([ITEM(1)], status).events.advanceDays(9);
    return w.apply(w.events.undo([ITEM(1)], status, { location: w.pharmacySite }), w.net.pharmacy);
  },
  alerts: [],
  statuses: { [ITEM(1)]: 'active' },
  check: (w) => {
    expect(w.pack(ITEM(1))?.decommission).toBeUndefined();
    expect(w.pack(ITEM(1))?.custodian).toBe(w.net.pharmacy.gln);
  },
}));

export const undoScenarios: readonly CustodyScenario[] = [
  ...withinWindow,
  {
    name: 'undo exactly 10 days (240 h) after the dispense is still allowed',
    when: (w) => {
      w.decommissionedAtPharmacy([ITEM(1)]);
      const dispensedAt = w.pack(ITEM(1))?.decommission?.time ?? '';
      const time = new Date(Date.parse(dispensedAt) + 240 * 3_600_000).toISOString();
      return w.apply(
        w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite, time }),
        w.net.pharmacy,
      );
    },
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
  },
  {
    name: 'undo more than 10 days after the dispense is refused',
    when: (w) => {
      w.decommissionedAtPharmacy([ITEM(1)]).events.advanceDays(11);
      return w.apply(w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite }), w.net.pharmacy);
    },
    alerts: ['UNDO_WINDOW_EXPIRED'],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
  {
    name: 'undo by another participant is refused',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .apply(
          w.events.undo([ITEM(1)], 'dispensed', { location: siteOf(w.net.otherPharmacy) }),
          w.net.otherPharmacy,
        ),
    alerts: ['UNDO_BY_OTHER_PARTICIPANT'],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
  {
    name: 'undo by the same participant at other premises is refused',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .apply(
          w.events.undo([ITEM(1)], 'dispensed', { location: sglnOf('4011111', '00002') }),
          w.net.pharmacy,
        ),
    alerts: ['UNDO_AT_OTHER_LOCATION'],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
  {
    name: 'undo at another spot of the same premises (SGLN extension) is allowed',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .apply(
          w.events.undo([ITEM(1)], 'dispensed', { location: sglnOf('4011111', '00001', 'till-2') }),
          w.net.pharmacy,
        ),
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
  },
  ...(['destroyed', 'stolen'] as const).map((status): CustodyScenario => ({
    name: `undo of ${status} is refused: it is final`,
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)], status)
        .apply(w.events.undo([ITEM(1)], status, { location: w.pharmacySite }), w.net.pharmacy),
    alerts: ['UNDO_NOT_ALLOWED'],
    statuses: { [ITEM(1)]: status },
  })),
  {
    name: 'undo of an active pack is refused: nothing to undo',
    when: (w) =>
      w
        .atPharmacy([ITEM(1)])
        .apply(w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite }), w.net.pharmacy),
    alerts: ['UNDO_NOT_ALLOWED'],
  },
  {
    name: 'undo naming another decommission than the pack’s is refused',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)], 'exported')
        .apply(w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite }), w.net.pharmacy),
    alerts: ['UNDO_NOT_ALLOWED'],
    statuses: { [ITEM(1)]: 'exported' },
  },
  {
    name: 'undo for a pack of a recalled lot is refused',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .recalled()
        .apply(w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite }), w.net.pharmacy),
    alerts: ['UNDO_NOT_ALLOWED'],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
  {
    name: 'undo for a pack of a withdrawn product is refused',
    when: (w) =>
      w
        .decommissionedAtPharmacy([ITEM(1)])
        .withdrawn()
        .apply(w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite }), w.net.pharmacy),
    alerts: ['UNDO_NOT_ALLOWED'],
  },
  {
    name: 'undo for a pack that expired since the dispense is refused',
    when: (w) => {
      w.atPharmacy([ITEM(1)], { expiry: '2025-03-05' });
      w.given(w.events.dispense([ITEM(1)], { location: w.pharmacySite }), w.net.pharmacy).events.advanceDays(
        4,
      );
      return w.apply(w.events.undo([ITEM(1)], 'dispensed', { location: w.pharmacySite }), w.net.pharmacy);
    },
    alerts: ['UNDO_NOT_ALLOWED'],
    statuses: { [ITEM(1)]: 'dispensed' },
  },
];
