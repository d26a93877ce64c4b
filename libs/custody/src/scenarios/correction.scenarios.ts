import { ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

export const correctionScenarios: readonly CustodyScenario[] = [
  {
    name: 'an error declaration of a shipment restores the packs and removes the handoff',
    when: (w) => {
      w.commissioned([ITEM(1)]);
      const ship = w.events.ship([ITEM(1)], w.net.wholesaler);
      w.given(ship, w.mfr);
      return w.apply(w.events.errorDeclaration(ship), w.mfr);
    },
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
    check: (w, outcome) => {
      expect(outcome.operation).toBe('correction');
      expect(outcome.handoffs.map((change) => change.kind)).toEqual(['removed']);
      expect(w.store.handoffs.size).toBe(0);
      expect(w.pack(ITEM(1))).toMatchObject({ custodian: w.mfr.gln, version: 3 });
      expect(w.pack(ITEM(1))?.inTransit).toBeUndefined();
    },
  },
  {
    name: 'an error declaration of a commissioning removes the pack',
    when: (w) => {
      const commission = w.events.commission([ITEM(1)]);
      w.given(commission, w.mfr);
      return w.apply(w.events.errorDeclaration(commission), w.mfr);
    },
    alerts: [],
    statuses: { [ITEM(1)]: null },
  },
  {
    name: 'an error declaration of an event whose packs changed since is a conflict and restores nothing',
    when: (w) => {
      w.commissioned([ITEM(1), ITEM(2)]);
      const ship = w.events.ship([ITEM(1), ITEM(2)], w.net.wholesaler);
      w.given(ship, w.mfr).given(w.events.receive([ITEM(1), ITEM(2)]), w.net.wholesaler);
      return w.apply(w.events.errorDeclaration(ship), w.mfr);
    },
    alerts: ['CORRECTION_CONFLICT', 'CORRECTION_CONFLICT', 'CORRECTION_CONFLICT'],
    statuses: { [ITEM(1)]: 'active', [ITEM(2)]: 'active' },
    check: (w, outcome) => {
      expect(outcome.packs).toEqual([]);
      expect(w.pack(ITEM(1))?.custodian).toBe(w.net.wholesaler.gln);
    },
  },
  {
    name: 'an error declaration of an event never applied is invalid',
    when: (w) => w.apply(w.events.errorDeclaration(w.events.commission([ITEM(1)])), w.mfr),
    alerts: ['INVALID_EVENT'],
  },
];
