import type { Alert } from '../model/alert-codes';
import type { CustodyOutcome, EventOperation, LinkChange, PackChange } from '../model/custody-outcome';
import type { HandoffChange } from '../model/handoff';
import { buildHandoff, canonicalHandoff, handoffChangeKind } from '../model/handoff';
import { buildPackState, canonicalPackState } from '../model/pack-state';
import { compareStrings, sortStrings } from '../util/sorted';
import type { WorkingSet } from './working-set';

/**
 * Turns a working set into the outcome: every written state gets this event as lastEvent and its
 * version bumped exactly once, keys are canonical and every list sorted.
 */
export function buildOutcome(ws: WorkingSet, operation: EventOperation): CustodyOutcome {
  const packs = packChanges(ws);
  return {
    eventId: ws.eventRef.id,
    operation,
    packs,
    links: linkChanges(packs),
    handoffs: handoffChanges(ws),
    lots: [],
    products: [],
    alerts: sortAlerts(ws.alerts()),
  };
}

function packChanges(ws: WorkingSet): PackChange[] {
  const changes: PackChange[] = [];
  for (const epc of sortStrings(ws.draftPacks().keys())) {
    const stored = ws.input.packs.get(epc);
    const draft = ws.draftPacks().get(epc);
    if (stored === undefined && !draft) continue;
    const after = draft
      ? buildPackState(draft, { lastEvent: ws.eventRef, version: (stored?.version ?? 0) + 1 })
      : undefined;
    changes.push({ epc, before: stored && canonicalPackState(stored), after });
  }
  return changes;
}

function linkChanges(packs: readonly PackChange[]): LinkChange[] {
  const links: LinkChange[] = [];
  for (const { epc, before, after } of packs) {
    if (before?.parent === after?.parent) continue;
    if (before?.parent !== undefined) links.push({ parent: before.parent, child: epc, change: 'removed' });
    if (after?.parent !== undefined) links.push({ parent: after.parent, child: epc, change: 'added' });
  }
  return links.sort(
    (a, b) =>
      compareStrings(a.parent, b.parent) ||
      compareStrings(a.child, b.child) ||
      compareStrings(a.change, b.change),
  );
}

function handoffChanges(ws: WorkingSet): HandoffChange[] {
  const changes: HandoffChange[] = [];
  for (const id of sortStrings(ws.draftHandoffs().keys())) {
    const stored = ws.input.handoffs?.get(id);
    const draft = ws.draftHandoffs().get(id);
    if (stored === undefined && !draft) continue;
    const before = stored && canonicalHandoff(stored);
    const after = draft ? buildHandoff(draft, { version: (stored?.version ?? 0) + 1 }) : undefined;
    changes.push({ id, kind: handoffChangeKind(before, after), before, after });
  }
  return changes;
}

export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      compareStrings(a.epc ?? '', b.epc ?? '') ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message),
  );
}
