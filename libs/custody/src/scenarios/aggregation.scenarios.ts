import { CONTAINER, ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

export const aggregationScenarios: readonly CustodyScenario[] = [
  {
    name: 'packing into an SSCC seen for the first time commissions it and links the children',
    when: (w) =>
      w.commissioned([ITEM(1), ITEM(2)]).apply(w.events.pack(CONTAINER(1), [ITEM(1), ITEM(2)]), w.mfr),
    alerts: [],
    statuses: { [CONTAINER(1)]: 'active' },
    check: (w, outcome) => {
      expect(outcome.links).toEqual([
        { parent: CONTAINER(1), child: ITEM(1), change: 'added' },
        { parent: CONTAINER(1), child: ITEM(2), change: 'added' },
      ]);
      expect(w.pack(ITEM(1))?.parent).toBe(CONTAINER(1));
    },
  },
  {
    name: 'packing a pack already packed in the same parent is a no-op',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .packed(CONTAINER(1), [ITEM(1)])
        .apply(w.events.pack(CONTAINER(1), [ITEM(1)]), w.mfr),
    alerts: [],
    check: (_w, outcome) => expect(outcome.packs).toEqual([]),
  },
  {
    name: 'only the custodian of the child may pack it',
    when: (w) => {
      w.commissioned([ITEM(1)]).moved([ITEM(1)], w.mfr, w.net.wholesaler);
      return w.apply(w.events.pack(CONTAINER(1), [ITEM(1)]), w.mfr);
    },
    alerts: ['NOT_CUSTODIAN'],
    check: (w) => expect(w.pack(ITEM(1))?.parent).toBeUndefined(),
  },
  {
    name: 'only the custodian of the parent may pack into it',
    when: (w) => {
      w.commissioned([ITEM(1), CONTAINER(1)]).moved([CONTAINER(1)], w.mfr, w.net.wholesaler);
      return w.apply(w.events.pack(CONTAINER(1), [ITEM(1)]), w.mfr);
    },
    alerts: ['NOT_CUSTODIAN'],
  },
  {
    name: 'a child has at most one parent: unpack before repacking',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .packed(CONTAINER(1), [ITEM(1)])
        .apply(w.events.pack(CONTAINER(2), [ITEM(1)]), w.mfr),
    alerts: ['AGGREGATION_CONFLICT'],
    check: (w) => expect(w.pack(ITEM(1))?.parent).toBe(CONTAINER(1)),
  },
  {
    name: 'packing a container into its own descendant is a cycle',
    // CONTAINER(2) is inside CONTAINER(1); packing CONTAINER(1) into CONTAINER(2) would loop.
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .packed(CONTAINER(2), [ITEM(1)])
        .packed(CONTAINER(1), [CONTAINER(2)])
        .apply(w.events.pack(CONTAINER(2), [CONTAINER(1)]), w.mfr),
    alerts: ['AGGREGATION_CYCLE'],
    check: (w) => expect(w.pack(CONTAINER(1))?.parent).toBeUndefined(),
  },
  {
    name: 'packing a container into itself is a cycle',
    when: (w) => w.commissioned([CONTAINER(1)]).apply(w.events.pack(CONTAINER(1), [CONTAINER(1)]), w.mfr),
    alerts: ['AGGREGATION_CYCLE'],
  },
  {
    name: 'packing into an SGTIN is refused: parents are SSCCs',
    when: (w) => w.commissioned([ITEM(1), ITEM(2)]).apply(w.events.pack(ITEM(2), [ITEM(1)]), w.mfr),
    alerts: ['INVALID_EVENT'],
  },
  {
    name: 'packing an object in transit is refused',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .shipped([ITEM(1)], w.mfr, w.net.wholesaler)
        .apply(w.events.pack(CONTAINER(1), [ITEM(1)]), w.mfr),
    alerts: ['INVALID_TRANSITION'],
  },
  {
    name: 'unpacking named children removes only their links',
    when: (w) =>
      w
        .commissioned([ITEM(1), ITEM(2)])
        .packed(CONTAINER(1), [ITEM(1), ITEM(2)])
        .apply(w.events.unpack(CONTAINER(1), [ITEM(1)]), w.mfr),
    alerts: [],
    check: (w, outcome) => {
      expect(outcome.links).toEqual([{ parent: CONTAINER(1), child: ITEM(1), change: 'removed' }]);
      expect(w.store.childrenOf(CONTAINER(1))).toEqual([ITEM(2)]);
    },
  },
  {
    name: 'unpacking a child that is not in the parent is an alert',
    when: (w) =>
      w.commissioned([ITEM(1), CONTAINER(1)]).apply(w.events.unpack(CONTAINER(1), [ITEM(1)]), w.mfr),
    alerts: ['AGGREGATION_CONFLICT'],
  },
  {
    name: 'unpacking by someone other than the custodian is refused',
    when: (w) =>
      w
        .commissioned([ITEM(1)])
        .packed(CONTAINER(1), [ITEM(1)])
        .apply(w.events.unpack(CONTAINER(1)), w.net.wholesaler),
    alerts: ['NOT_CUSTODIAN'],
  },
];
