import { DEMO_GTIN, DEMO_LOT, RIVAL_GTIN } from '../testing/custody.factories';
import { ITEM } from '../testing/custody-world';
import type { CustodyScenario } from './custody-scenario';

const LOT_KEY = `${DEMO_GTIN}|${DEMO_LOT}`;

export const commandScenarios: readonly CustodyScenario[] = [
  {
    name: 'the brand owner recalls a lot; packs are recalled by derivation, not rewritten',
    when: (w) =>
      w.commissioned([ITEM(1)]).command({ type: 'recall_lot', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.mfr),
    alerts: [],
    statuses: { [ITEM(1)]: 'active' },
    check: (w, outcome) => {
      expect(outcome.packs).toEqual([]);
      expect(outcome.lots).toEqual([
        {
          key: LOT_KEY,
          before: undefined,
          after: {
            gtin: DEMO_GTIN,
            lot: DEMO_LOT,
            status: 'recalled',
            statusSetBy: w.mfr.gln,
            statusSetAt: w.events.now(),
          },
        },
      ]);
    },
  },
  {
    name: 'a regulator may recall any lot',
    when: (w) => w.command({ type: 'recall_lot', gtin: RIVAL_GTIN, lot: 'R' }, w.net.regulator),
    alerts: [],
    check: (_w, outcome) => expect(outcome.lots[0]?.after.status).toBe('recalled'),
  },
  {
    name: 'a participant who is neither brand owner nor regulator cannot recall',
    when: (w) => w.command({ type: 'recall_lot', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.net.wholesaler),
    alerts: ['NOT_BRAND_OWNER'],
    check: (_w, outcome) => expect(outcome.lots).toEqual([]),
  },
  {
    name: 'recalling a lot of an unknown product is refused',
    when: (w) => w.command({ type: 'recall_lot', gtin: '00000000000000', lot: 'L' }, w.net.regulator),
    alerts: ['UNKNOWN_PRODUCT'],
  },
  {
    name: 'a recall is lifted only by whoever set it or a regulator',
    when: (w) =>
      w.recalled().command({ type: 'lift_recall', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.net.wholesaler),
    alerts: ['NOT_AUTHORISED'],
    check: (w) => expect(w.store.lots.get(LOT_KEY)?.status).toBe('recalled'),
  },
  {
    name: 'a regulator lifts a recall set by the brand owner',
    when: (w) =>
      w.recalled().command({ type: 'lift_recall', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.net.regulator),
    alerts: [],
    check: (w) =>
      expect(w.store.lots.get(LOT_KEY)).toMatchObject({ status: 'active', statusSetBy: w.net.regulator.gln }),
  },
  {
    name: 'the brand owner cannot lift a recall a regulator set',
    when: (w) => {
      w.command({ type: 'recall_lot', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.net.regulator);
      return w.command({ type: 'lift_recall', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.mfr);
    },
    alerts: ['NOT_AUTHORISED'],
  },
  {
    name: 'recalling a recalled lot changes nothing',
    when: (w) => w.recalled().command({ type: 'recall_lot', gtin: DEMO_GTIN, lot: DEMO_LOT }, w.mfr),
    alerts: [],
    check: (_w, outcome) => expect(outcome.lots).toEqual([]),
  },
  {
    name: 'the brand owner withdraws and reinstates a product',
    when: (w) => w.withdrawn().command({ type: 'reinstate_product', gtin: DEMO_GTIN }, w.mfr),
    alerts: [],
    check: (w, outcome) => {
      expect(outcome.products[0]).toMatchObject({
        before: { status: 'withdrawn' },
        after: { status: 'active' },
      });
      expect(w.store.products.get(DEMO_GTIN)?.status).toBe('active');
    },
  },
  {
    name: 'another manufacturer cannot withdraw a product',
    when: (w) => w.command({ type: 'withdraw_product', gtin: DEMO_GTIN }, w.net.rival),
    alerts: ['NOT_BRAND_OWNER'],
  },
  {
    name: 'an unknown participant cannot issue commands',
    when: (w) =>
      w.store.command(
        { type: 'withdraw_product', gtin: DEMO_GTIN, id: 'c', time: w.events.now() },
        '4099999999999',
      ),
    alerts: ['NOT_AUTHORISED'],
  },
];
