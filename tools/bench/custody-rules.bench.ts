/**
 * Throughput of the custody machine on one core, including the loading the processor does (required
 * packs through the link index, picking states from maps) but not a database. Run with:
 *   node -e "require('./tools/bin/run-ts.js')('tools/bench/custody-rules.bench.ts')"
 */
import type { EpcisEvent } from '@pharmatrace/epcis';
import type { CustodyOutcome } from '@pharmatrace/custody';
import { applyEvent } from '@pharmatrace/custody';
import {
  CustodyEventFactory,
  InMemoryCustodyStore,
  demoNetwork,
  demoProducts,
  sgtinOf,
  siteOf,
  ssccOf,
} from '@pharmatrace/custody/testing';

/** Applies each item, fails on any alert, prints the rate. Outcomes are not kept (a processor writes them). */
function time<T>(
  label: string,
  items: readonly T[],
  apply: (item: T) => CustodyOutcome,
): CustodyOutcome | undefined {
  let last: CustodyOutcome | undefined;
  const start = performance.now();
  for (const item of items) {
    last = apply(item);
    if (last.alerts.length > 0) throw new Error(`${label}: ${last.alerts[0]?.message ?? ''}`);
  }
  const ms = performance.now() - start;
  const rate = Math.round((items.length / ms) * 1000);
  const count = String(items.length).padStart(7);
  console.log(
    `${label.padEnd(56)} ${count} events ${ms.toFixed(1).padStart(8)} ms ${String(rate).padStart(8)} events/s`,
  );
  return last;
}

const net = demoNetwork();
const { manufacturer: mfr, wholesaler, pharmacy } = net;
const store = new InMemoryCustodyStore(net.directory, demoProducts(), { keepCorrections: false });
const events = new CustodyEventFactory();
const PACKS = 100_000;
const serials = Array.from({ length: PACKS }, (_, i) => sgtinOf(`B${i}`));

const commissions = serials.map((epc) => events.commission([epc], { location: siteOf(mfr) }));
time('commission, one pack per event (store, incl. loading)', commissions, (event) =>
  store.apply(event, mfr.gln),
);

// Pure apply on a pre-loaded input: what is left when loading is free.
const bare = new CustodyEventFactory('2026-01-01T00:00:00.000Z');
const pure = serials.map((_, i) => bare.commission([sgtinOf(`P${i}`)]));
const products = new Map(demoProducts().map((product) => [product.gtin, product]));
time('commission, one pack per event (applyEvent only)', pure, (event) =>
  applyEvent({
    event,
    capturedBy: mfr.gln,
    packs: new Map(),
    lots: new Map(),
    products,
    directory: net.directory,
  }),
);

// A pallet of 1,000 packs: 10 cases of 100.
const pallet = ssccOf(900_000);
const cases = Array.from({ length: 10 }, (_, c) => ssccOf(900_001 + c));
const packing: EpcisEvent[] = [
  ...cases.map((sscc, c) => events.pack(sscc, serials.slice(c * 100, c * 100 + 100))),
  events.pack(pallet, cases),
];
time('pack 1,000 packs into 10 cases and 1 pallet', packing, (event) => store.apply(event, mfr.gln));
const ship = events.ship([pallet], wholesaler, { location: siteOf(mfr) });
const shipped = time('ship the pallet (1,011 objects inferred)', [ship], (event) =>
  store.apply(event, mfr.gln),
);
console.log(
  `  ship changed ${shipped?.packs.length} states, handoff items ${shipped?.handoffs[0]?.after?.items.length}`,
);
const receive = events.receive([pallet], { location: siteOf(wholesaler) });
const received = time('receive the pallet (1,011 objects, handoff verified)', [receive], (event) =>
  store.apply(event, wholesaler.gln),
);
console.log(`  receive changed ${received?.packs.length} states, handoff ${received?.handoffs[0]?.kind}`);

// A second pallet at the pharmacy, for round trips.
const pallet2 = ssccOf(5_000_000, '4011111');
const second = serials.slice(10_000, 11_000);
const secondCases = Array.from({ length: 10 }, (_, c) => ssccOf(5_000_001 + c, '4011111'));
time(
  'move 1,000 more packs to the pharmacy and palletise them',
  [
    { event: events.ship(second, wholesaler), by: mfr.gln },
    { event: events.receive(second), by: wholesaler.gln },
    { event: events.ship(second, pharmacy), by: wholesaler.gln },
    { event: events.receive(second), by: pharmacy.gln },
    ...secondCases.map((sscc, c) => ({
      event: events.pack(sscc, second.slice(c * 100, c * 100 + 100)),
      by: pharmacy.gln,
    })),
    { event: events.pack(pallet2, secondCases), by: pharmacy.gln },
  ],
  ({ event, by }) => store.apply(event, by),
);

// Steady state: cases shipped on and received, packs dispensed one by one.
const caseFlow = cases.flatMap((sscc) => [
  { event: events.ship([sscc], pharmacy, { location: siteOf(wholesaler) }), by: wholesaler.gln },
  { event: events.receive([sscc], { location: siteOf(pharmacy) }), by: pharmacy.gln },
]);
store.apply(events.unpack(pallet), wholesaler.gln);
time('ship + receive a case of 100 (per event)', caseFlow, ({ event, by }) => store.apply(event, by));
const dispenses = serials
  .slice(0, 1_000)
  .map((epc) => events.dispense([epc], { location: siteOf(pharmacy) }));
time('dispense one pack per event (pack leaves its case)', dispenses, (event) =>
  store.apply(event, pharmacy.gln),
);

// Repeated pallet round trips once warm: 100 ships and 100 receipts of 1,011 objects each.
const trips = Array.from({ length: 100 }, (_, i) => {
  const [from, to] = i % 2 === 0 ? [pharmacy, wholesaler] : [wholesaler, pharmacy];
  return [
    { event: events.ship([pallet2], to), by: from.gln },
    { event: events.receive([pallet2]), by: to.gln },
  ];
}).flat();
time('pallet of 1,011 shipped or received, warm (per event)', trips, ({ event, by }) =>
  store.apply(event, by),
);
