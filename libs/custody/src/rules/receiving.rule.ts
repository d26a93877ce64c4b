import { refuseReceive } from '../policy/status.policy';
import type { WorkingSet } from '../engine/working-set';
import { patchPack } from '../engine/working-set';
import { sortStrings } from '../util/sorted';
import { settleHandoff } from './handoff.rule';
import {
  masterDataMismatch,
  requirePack,
  statedMasterData,
  warnRecalledOrWithdrawn,
} from './pack-guard.rule';

/**
 * Receiving: the destination of an open handoff takes custody of what it received (named objects and
 * everything packed in them). The received set is compared with each matched handoff: shipped objects
 * not presented raise MISSING_ITEMS (they stay in transit, the handoff stays open); presented objects
 * that were not shipped raise UNEXPECTED_ITEMS, or RECEIVE_WITHOUT_SHIPMENT when nothing matched at all.
 */
export function applyReceiving(ws: WorkingSet, listed: readonly string[]): void {
  const listedSet = new Set(listed);
  const stated = statedMasterData(ws.event);
  const presented = ws.expand(listed);
  const receivedBy = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const epc of presented) {
    const pack = requirePack(ws, epc, true);
    if (!pack) continue;
    const refusal = refuseReceive(pack.status, pack.inTransit?.to, ws.capturedBy);
    if (refusal?.code === 'RECEIVE_WITHOUT_SHIPMENT') {
      unmatched.push(epc);
      continue;
    }
    if (refusal || !pack.inTransit) {
      if (refusal) ws.refuse(epc, refusal);
      continue;
    }
    const id = pack.inTransit.shipmentEventId;
    const handoff = ws.requireHandoff(id);
    const received = receivedBy.get(id) ?? [];
    receivedBy.set(id, received);
    if (listedSet.has(epc) && masterDataMismatch(ws, pack, stated, true)) continue;
    warnRecalledOrWithdrawn(ws, pack, 'received');
    ws.putPack(
      patchPack(pack, {
        status: 'active',
        custodian: ws.capturedBy,
        custodianLocation: ws.location ?? handoff.toLocation,
        inTransit: undefined,
      }),
    );
    received.push(epc);
  }
  const matched = receivedBy.size > 0;
  for (const epc of unmatched) {
    ws.alert(
      matched
        ? {
            code: 'UNEXPECTED_ITEMS',
            epc,
            blocking: true,
            detail: 'presented at receipt but not in the shipment',
          }
        : {
            code: 'RECEIVE_WITHOUT_SHIPMENT',
            epc,
            blocking: true,
            detail: `no open shipment to ${ws.capturedBy}`,
          },
    );
  }
  const presentedSet = new Set(presented);
  for (const id of sortStrings(receivedBy.keys())) {
    const pending = settleHandoff(ws, ws.requireHandoff(id), receivedBy.get(id) ?? [], []);
    for (const epc of pending) {
      if (presentedSet.has(epc)) continue;
      ws.alert({
        code: 'MISSING_ITEMS',
        epc,
        blocking: false,
        detail: `shipped in ${id} but not received; still in transit`,
      });
    }
  }
}
