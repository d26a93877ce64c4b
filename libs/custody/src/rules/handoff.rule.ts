import type { Handoff } from '../model/handoff';
import { buildHandoff } from '../model/handoff';
import { resolveDestination } from '../participants/participant-directory';
import { refuseCustodianOperation, refuseInactive } from '../policy/status.policy';
import type { WorkingSet } from '../engine/working-set';
import { patchPack } from '../engine/working-set';
import { sortStrings, sortedUnique } from '../util/sorted';
import {
  masterDataMismatch,
  requirePack,
  statedMasterData,
  warnRecalledOrWithdrawn,
} from './pack-guard.rule';

/**
 * Shipping: the custodian sends the named objects and everything packed in them to the destination
 * (destinationList). Each object that may move goes in transit; one handoff, keyed by the event id,
 * lists them all.
 */
export function applyShipping(ws: WorkingSet, listed: readonly string[]): void {
  const destination = resolveDestination(ws.event.destinationList, ws.directory);
  if (!destination) {
    ws.alert({
      code: 'UNKNOWN_DESTINATION',
      blocking: true,
      detail: 'destinationList names no known participant (possessing_party, owning_party or location)',
    });
    return;
  }
  const listedSet = new Set(listed);
  const stated = statedMasterData(ws.event);
  const moved: string[] = [];
  for (const epc of ws.expand(listed)) {
    const pack = requirePack(ws, epc, true);
    if (!pack) continue;
    if (listedSet.has(epc) && masterDataMismatch(ws, pack, stated, true)) continue;
    const refusal = refuseCustodianOperation(pack, ws.capturedBy, 'ship it');
    if (refusal) {
      ws.refuse(epc, refusal);
      continue;
    }
    warnRecalledOrWithdrawn(ws, pack, 'shipped');
    ws.putPack(
      patchPack(pack, {
        status: 'in_transit',
        inTransit: { from: pack.custodian, to: destination.gln, shipmentEventId: ws.eventRef.id },
      }),
    );
    moved.push(epc);
  }
  if (moved.length === 0) return;
  ws.putHandoff({
    id: ws.eventRef.id,
    from: ws.capturedBy,
    to: destination.gln,
    ...(ws.location !== undefined && { fromLocation: ws.location }),
    ...(destination.location !== undefined && { toLocation: destination.location }),
    shippedAt: ws.eventRef.time,
    status: 'open',
    items: moved,
    pending: moved,
    received: [],
    voided: [],
    version: 0,
  });
}

/**
 * void_shipping: the shipper takes back objects it shipped and that nobody received yet; they become
 * active again in its custody.
 */
export function applyVoidShipping(ws: WorkingSet, listed: readonly string[]): void {
  const voidedBy = new Map<string, string[]>();
  for (const epc of ws.expand(listed)) {
    const pack = requirePack(ws, epc, true);
    if (!pack) continue;
    const inactive = refuseInactive(pack.status);
    if (inactive) {
      ws.refuse(epc, inactive);
      continue;
    }
    if (pack.status !== 'in_transit' || !pack.inTransit) {
      ws.alert({
        code: 'INVALID_TRANSITION',
        epc,
        blocking: true,
        detail: 'not in transit: no shipment to void',
      });
      continue;
    }
    if (pack.inTransit.from !== ws.capturedBy) {
      ws.alert({
        code: 'NOT_CUSTODIAN',
        epc,
        blocking: true,
        detail: `only the shipper ${pack.inTransit.from} may void shipment ${pack.inTransit.shipmentEventId}`,
      });
      continue;
    }
    const id = pack.inTransit.shipmentEventId;
    ws.requireHandoff(id);
    ws.putPack(patchPack(pack, { status: 'active', inTransit: undefined }));
    const epcs = voidedBy.get(id) ?? [];
    epcs.push(epc);
    voidedBy.set(id, epcs);
  }
  for (const id of sortStrings(voidedBy.keys())) {
    settleHandoff(ws, ws.requireHandoff(id), [], voidedBy.get(id) ?? []);
  }
}

/**
 * Moves received or voided objects out of a handoff's pending list and closes it when nothing is left:
 * `verified` if the destination received anything, `cancelled` if everything went back. Returns what is
 * still pending.
 */
export function settleHandoff(
  ws: WorkingSet,
  handoff: Handoff,
  received: readonly string[],
  voided: readonly string[],
): readonly string[] {
  if (received.length === 0 && voided.length === 0) return handoff.pending;
  const settled = new Set([...received, ...voided]);
  const pending = handoff.pending.filter((epc) => !settled.has(epc));
  const allReceived = mergeSorted(handoff.received, received);
  const closed = pending.length === 0;
  ws.putHandoff(
    buildHandoff(handoff, {
      pending,
      received: allReceived,
      voided: mergeSorted(handoff.voided, voided),
      status: closed ? (allReceived.length > 0 ? 'verified' : 'cancelled') : 'open',
      ...(closed && { closedAt: ws.eventRef.time, closedBy: ws.eventRef.id }),
    }),
  );
  return pending;
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  return b.length === 0 ? [...a] : sortedUnique([...a, ...b]);
}
