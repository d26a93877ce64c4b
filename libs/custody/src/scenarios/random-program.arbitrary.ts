import fc from 'fast-check';
import type { EpcisEvent } from '@pharmatrace/epcis';
import type { CustodyOutcome } from '../model/custody-outcome';
import { DECOMMISSION_STATUSES, isDecommissioned } from '../model/pack-state';
import type { Participant } from '../participants/participant-directory';
import { CONTAINER, CustodyWorld, DEMO_GTIN, DEMO_LOT, ITEM, siteOf } from '../testing';

/**
 * Random custody programs for property tests: steps over four items and three containers, by the
 * plausible participant most of the time (`auto`) and by anyone otherwise, so both successful
 * transitions and every kind of refusal occur.
 */
const ACTORS = ['manufacturer', 'wholesaler', 'pharmacy', 'otherPharmacy'] as const;
type Actor = (typeof ACTORS)[number];
const ITEMS = [ITEM(1), ITEM(2), ITEM(3), ITEM(4)];
const CONTAINERS = [CONTAINER(1), CONTAINER(2), CONTAINER(3, '4098765')];

/** `auto` resolves, when the step runs, to whoever would plausibly act (owner, custodian, destination). */
const actor = fc.oneof(
  { weight: 3, arbitrary: fc.constant('auto' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...ACTORS) },
);
const subset = fc.uniqueArray(fc.constantFrom(...ITEMS, ...CONTAINERS), { minLength: 1, maxLength: 3 });
const container = fc.constantFrom(...CONTAINERS);
const status = fc.constantFrom(...DECOMMISSION_STATUSES);
/** When set, the step's subject is chosen from the state at run time (an open shipment, a pack…). */
const pick = fc.option(fc.nat(), { freq: 5 });

/** One random step; `at` picks the actor's own site or, sometimes, the first pharmacy's. */
const step = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('commission' as const), epcs: subset, by: actor }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('pack' as const), parent: container, epcs: subset, by: actor }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unpack' as const), parent: container, by: actor }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('ship' as const),
      epcs: subset,
      by: actor,
      to: fc.constantFrom(...ACTORS),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      epcs: subset,
      by: actor,
      pick,
      partial: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('void' as const), epcs: subset, by: actor }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('decommission' as const),
      epcs: subset,
      by: actor,
      status,
      pick,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('undo' as const),
      epcs: subset,
      by: actor,
      status,
      away: fc.constantFrom(false, false, false, true),
      pick,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('observe' as const), epcs: subset, by: actor }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.constantFrom(0, 1, 3, 11) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('recall' as const), lift: fc.boolean(), by: actor }),
  },
);
export type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;
/** Programs start with the universe commissioned (manufacturer, then the wholesaler's own SSCC). */
const START: Step[] = [
  { kind: 'commission', epcs: [...ITEMS, CONTAINER(1), CONTAINER(2)], by: 'manufacturer' },
  { kind: 'commission', epcs: [CONTAINER(3, '4098765')], by: 'wholesaler' },
];
export const program = fc.array(step, { maxLength: 30 }).map((steps) => [...START, ...steps]);

function participant(world: CustodyWorld, who: Actor): Participant {
  return who === 'manufacturer' ? world.mfr : world.net[who];
}

/** The objects a step acts on: its own list, or with `pick` one chosen from the current state. */
function subjects(world: CustodyWorld, s: Step): readonly string[] {
  if (!('epcs' in s)) return [];
  if (!('pick' in s) || s.pick === null) return s.epcs;
  const index = s.pick;
  const choose = <T>(candidates: readonly T[]): T | undefined =>
    candidates[index % Math.max(candidates.length, 1)];
  const packs = [...world.store.packs.values()].sort((a, b) => (a.epc < b.epc ? -1 : 1));
  switch (s.kind) {
    case 'receive': {
      const open = [...world.store.handoffs.values()]
        .filter((h) => h.status === 'open')
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const pending = choose(open)?.pending ?? [];
      return s.partial ? pending.slice(0, 1) : pending;
    }
    case 'undo':
      return [choose(packs.filter((p) => isDecommissioned(p.status)))?.epc ?? s.epcs[0] ?? ''];
    case 'decommission':
      return [choose(packs.filter((p) => p.status === 'active'))?.epc ?? s.epcs[0] ?? ''];
  }
}

/** The participant a step acts as: the named one, or for `auto` the plausible one given the state. */
export function actingAs(world: CustodyWorld, s: Step): Participant {
  if (!('by' in s)) return world.mfr;
  if (s.by !== 'auto') return participant(world, s.by);
  const subject = 'parent' in s ? s.parent : subjects(world, s)[0];
  const pack = subject === undefined ? undefined : world.pack(subject);
  const gln = (() => {
    switch (s.kind) {
      case 'commission':
        return subject?.includes('4098765') ? world.net.wholesaler.gln : world.mfr.gln;
      case 'receive':
        return pack?.inTransit?.to;
      case 'undo':
        return pack?.decommission?.by;
      case 'recall':
        return world.mfr.gln;
      case 'pack':
      case 'unpack':
      case 'ship':
      case 'void':
      case 'decommission':
      case 'observe':
        return pack?.custodian;
    }
  })();
  return world.net.participants.find((p) => p.gln === gln) ?? world.mfr;
}

/** Runs one step; returns the event (if any) and its outcome. */
export function runStep(
  world: CustodyWorld,
  applied: EpcisEvent[],
  s: Step,
): { event?: EpcisEvent; outcome: CustodyOutcome } | undefined {
  const e = world.events;
  const by = actingAs(world, s);
  const epcs = subjects(world, s);
  const here = { location: siteOf(by) };
  let event: EpcisEvent;
  switch (s.kind) {
    case 'advance':
      e.advanceDays(s.days);
      return undefined;
    case 'recall': {
      const type = s.lift ? 'lift_recall' : 'recall_lot';
      return { outcome: world.command({ type, gtin: DEMO_GTIN, lot: DEMO_LOT }, by) };
    }
    case 'correct': {
      const target = applied[s.pick % Math.max(applied.length, 1)];
      if (!target) return undefined;
      event = e.errorDeclaration(target);
      break;
    }
    case 'commission':
      event = e.commission(s.epcs, here);
      break;
    case 'pack':
      event = e.pack(s.parent, s.epcs);
      break;
    case 'unpack':
      event = e.unpack(s.parent);
      break;
    case 'ship':
      event = e.ship(s.epcs, participant(world, s.to), here);
      break;
    case 'receive':
      event = e.receive(epcs, here);
      break;
    case 'void':
      event = e.voidShipping(s.epcs);
      break;
    case 'decommission':
      event = e.decommission(epcs, s.status, here);
      break;
    case 'undo': {
      const previous = world.pack(epcs[0] ?? '')?.decommission;
      const status = s.by === 'auto' ? (previous?.status ?? s.status) : s.status;
      // `away`: another of the actor's own premises (refused as UNDO_AT_OTHER_LOCATION if it differs).
      const location = s.away ? (by.locations[1] ?? here.location) : (previous?.location ?? here.location);
      event = e.undo(epcs, status, { location });
      break;
    }
    case 'observe':
      event = e.observe(s.epcs);
      break;
  }
  const outcome = world.apply(event, by);
  if (!event.errorDeclaration) applied.push(event);
  return { event, outcome };
}
