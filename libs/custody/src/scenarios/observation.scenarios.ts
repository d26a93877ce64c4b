import { COLD_GTIN, sgtinOf } from '../testing/custody.factories';
import { CONTAINER, ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

const COLD = sgtinOf('C1', COLD_GTIN);
const ALARM = { type: 'Temperature', exception: 'ALARM_CONDITION', value: 7, uom: 'CEL' };

export const observationScenarios: readonly CustodyScenario[] = [
  {
    name: 'observing a pallet changes nothing',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .packed(CONTAINER(1), [ITEM(1)])
        .apply(w.events.observe([CONTAINER(1)]), w.mfr),
    alerts: [],
    check: (_w, outcome) => expect(outcome.packs).toEqual([]),
  },
  {
    name: 'observing a destroyed pack is an alert',
    when: (w) =>
      w.decommissionedAtPharmacy([ITEM(1)], 'destroyed').apply(w.events.observe([ITEM(1)]), w.net.wholesaler),
    alerts: ['EVENT_ON_FINAL_STATE'],
    statuses: { [ITEM(1)]: 'destroyed' },
    check: (_w, outcome) =>
      expect(outcome.alerts[0]).toMatchObject({ blocking: false, severity: 'critical' }),
  },
  {
    name: 'observing an unknown serial is an alert',
    when: (w) => w.apply(w.events.observe([ITEM(7)]), w.net.pharmacy),
    alerts: ['UNKNOWN_SERIAL'],
  },
  {
    name: 'an ALARM_CONDITION on a container raises an excursion on everything in it',
    when: (w) =>
      w
        .commissioned([ITEM(1), ITEM(2)])
        .packed(CONTAINER(1), [ITEM(1), ITEM(2)])
        .apply(w.events.sensor([CONTAINER(1)], [ALARM]), w.mfr),
    alerts: ['COLD_CHAIN_EXCURSION', 'COLD_CHAIN_EXCURSION', 'COLD_CHAIN_EXCURSION'],
    check: (_w, outcome) => {
      expect(outcome.alerts.map((alert) => alert.epc)).toEqual([ITEM(1), ITEM(2), CONTAINER(1)]);
      expect(outcome.packs).toEqual([]);
    },
  },
  {
    name: 'a reading outside the product’s storage range raises an excursion on that product’s packs only',
    when: (w) =>
      w
        .commissioned([ITEM(1), COLD])
        .packed(CONTAINER(1), [ITEM(1), COLD])
        .apply(w.events.sensor([CONTAINER(1)], [{ type: 'gs1:Temperature', value: 9.5, uom: 'CEL' }]), w.mfr),
    alerts: ['COLD_CHAIN_EXCURSION'],
    check: (_w, outcome) => expect(outcome.alerts[0]?.epc).toBe(COLD),
  },
  {
    name: 'a reading within the storage range raises nothing',
    when: (w) =>
      w
        .commissioned([COLD])
        .apply(
          w.events.sensor([COLD], [{ type: 'Temperature', minValue: 2.5, maxValue: 7.9, uom: 'CEL' }]),
          w.mfr,
        ),
    alerts: [],
  },
  {
    name: 'a reading in another unit is not compared with the range',
    when: (w) =>
      w
        .commissioned([COLD])
        .apply(w.events.sensor([COLD], [{ type: 'Temperature', value: 40, uom: 'FAH' }]), w.mfr),
    alerts: [],
  },
  {
    name: 'events of types without custody meaning are ignored',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .apply(w.events.event('TransactionEvent', {}, { epcList: [ITEM(1)], action: 'ADD' }), w.mfr),
    alerts: [],
    check: (_w, outcome) => expect(outcome).toMatchObject({ operation: 'ignored', packs: [] }),
  },
  {
    name: 'a DELETE without a decommission disposition is reported as unsupported',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .apply(
          w.events.event(
            'ObjectEvent',
            {},
            { epcList: [ITEM(1)], action: 'DELETE', bizStep: 'decommissioning' },
          ),
          w.mfr,
        ),
    alerts: ['UNSUPPORTED_EVENT'],
    statuses: { [ITEM(1)]: 'active' },
  },
];
