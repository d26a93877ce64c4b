import fc from 'fast-check';
import type { EpcisEvent } from '@pharmatrace/epcis';
import type { CustodyOutcome } from '../model/custody-outcome';
import { isDecommissioned, isFinalStatus } from '../model/pack-state';
import type { PackState } from '../model/pack-state';
import { actingAs, program, runStep } from '../scenarios/random-program.arbitrary';
import { CustodyWorld } from '../testing';
import { canonicalJson } from '../util/canonical-json';
import { classifyEvent } from './event-classifier';

/** Invariants of the whole store, whatever happened. */
function checkStore(world: CustodyWorld): void {
  const { packs, handoffs } = world.store;
  for (const pack of packs.values()) {
    expect(world.net.directory.participant(pack.custodian)).toBeDefined();
    expect([pack.epc, pack.status === 'in_transit']).toEqual([pack.epc, pack.inTransit !== undefined]);
    if (pack.inTransit) {
      const handoff = handoffs.get(pack.inTransit.shipmentEventId);
      expect(handoff?.status).toBe('open');
      expect(handoff?.pending).toContain(pack.epc);
      expect(pack.custodian).toBe(pack.inTransit.from);
    }
    if (pack.parent !== undefined) {
      const parent = packs.get(pack.parent);
      expect(parent?.kind).toBe('container');
      expect([parent?.status, parent?.custodian, parent?.inTransit?.shipmentEventId]).toEqual([
        pack.status,
        pack.custodian,
        pack.inTransit?.shipmentEventId,
      ]);
      expect(world.store.childrenOf(pack.parent)).toContain(pack.epc);
    }
    const seen = new Set<string>();
    for (let at: PackState | undefined = pack; at?.parent !== undefined; at = packs.get(at.parent)) {
      expect(seen.has(at.epc)).toBe(false);
      seen.add(at.epc);
    }
  }
  for (const handoff of handoffs.values()) {
    if (handoff.status !== 'open') expect(handoff.pending).toEqual([]);
    for (const epc of handoff.pending) expect(packs.get(epc)?.inTransit?.shipmentEventId).toBe(handoff.id);
  }
}

/** Invariants of one event's transition. */
function checkTransition(
  before: ReadonlyMap<string, PackState>,
  event: EpcisEvent,
  outcome: CustodyOutcome,
  by: string,
): void {
  const op = classifyEvent(event).op;
  const blocked = new Set(
    outcome.alerts.filter((alert) => alert.blocking && alert.epc).map((alert) => alert.epc),
  );
  for (const change of outcome.packs) {
    const prior = before.get(change.epc);
    const after = change.after;
    // A blocked object keeps its state; at most it leaves a container that moved on without it.
    if (blocked.has(change.epc) && op !== 'correction') expect(custodyOf(after)).toEqual(custodyOf(prior));
    if (!prior || !after) continue;
    expect(after.version).toBe(prior.version + 1);
    if (op === 'correction') continue;
    expect(isFinalStatus(prior.status)).toBe(false);
    if (isDecommissioned(prior.status) && !isDecommissioned(after.status)) expect(op).toBe('undo');
    if (after.custodian !== prior.custodian) {
      expect(op).toBe('receive');
      expect(after.custodian).toBe(by);
      expect(prior.inTransit?.to).toBe(by);
    }
  }
}

function custodyOf(pack: PackState | undefined): unknown {
  if (!pack) return undefined;
  const { parent: _parent, version: _version, lastEvent: _lastEvent, ...rest } = pack;
  return rest;
}

describe('custody properties', () => {
  it('random event sequences keep custody invariants', () => {
    fc.assert(
      fc.property(program, (steps) => {
        const world = new CustodyWorld();
        const applied: EpcisEvent[] = [];
        for (const s of steps) {
          const before = new Map(world.store.packs);
          const by = actingAs(world, s).gln;
          const result = runStep(world, applied, s);
          if (result?.event) {
            checkTransition(before, result.event, result.outcome, by);
          }
          checkStore(world);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same events give byte-identical outcomes, whatever the load order', () => {
    fc.assert(
      fc.property(program, (steps) => {
        const outcomes = (['sorted', 'sorted', 'reversed'] as const).map((loadOrder) => {
          const world = new CustodyWorld({ loadOrder });
          const applied: EpcisEvent[] = [];
          return steps.map((s) => canonicalJson(runStep(world, applied, s)?.outcome ?? null));
        });
        expect(outcomes[1]).toEqual(outcomes[0]);
        expect(outcomes[2]).toEqual(outcomes[0]);
      }),
      { numRuns: 100 },
    );
  });
});
