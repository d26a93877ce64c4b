import type { DecommissionStatus, PackState } from '../model/pack-state';
import { refuseDecommission } from '../policy/status.policy';
import type { WorkingSet } from '../engine/working-set';
import { patchPack } from '../engine/working-set';
import { masterDataMismatch, requirePack, statedMasterData } from './pack-guard.rule';

/**
 * Decommissioning (dispense, destroy, export, sample, free sample, stolen, lock): by the custodian of
 * an active object, applied to the named objects and everything packed in them. A decommissioned object
 * leaves its container unless the container is decommissioned with it (containment.rule.ts): a
 * dispensed pack is no longer in the case it came in.
 */
export function applyDecommission(
  ws: WorkingSet,
  listed: readonly string[],
  status: DecommissionStatus,
): void {
  const listedSet = new Set(listed);
  const stated = statedMasterData(ws.event);
  const accepted: PackState[] = [];
  for (const epc of ws.expand(listed)) {
    const pack = requirePack(ws, epc, true);
    if (!pack) continue;
    if (listedSet.has(epc) && masterDataMismatch(ws, pack, stated, true)) continue;
    const refusals = refuseDecommission(pack, ws.capturedBy, status, ws.flags(pack));
    if (refusals.length > 0) {
      for (const refusal of refusals) ws.refuse(epc, refusal);
      continue;
    }
    accepted.push(pack);
  }
  for (const pack of accepted) {
    ws.putPack(
      patchPack(pack, {
        status,
        decommission: {
          status,
          by: ws.capturedBy,
          ...(ws.location !== undefined && { location: ws.location }),
          time: ws.eventRef.time,
          eventId: ws.eventRef.id,
        },
      }),
    );
  }
}
