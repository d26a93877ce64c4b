import type { DecommissionStatus, PackState } from '../model/pack-state';
import { sameLocation } from '../identifiers/epc-urn';
import { withinUndoWindow } from '../policy/event-time';
import type { Refusal } from '../policy/status.policy';
import { refuseUndoBy, refuseUndoFlags, refuseUndoState } from '../policy/status.policy';
import type { WorkingSet } from '../engine/working-set';
import { patchPack } from '../engine/working-set';
import { masterDataMismatch, requirePack, statedMasterData } from './pack-guard.rule';

/**
 * Undo of a reversible decommission (Art. 13 of Regulation 2016/161): the decommission the undo names,
 * by the same participant, at the same premises, at most 10 days later, and never for an expired,
 * recalled or withdrawn pack. Destroyed and stolen are final. The pack becomes active again with the
 * same custodian; it does not go back into a container.
 */
export function applyUndo(ws: WorkingSet, listed: readonly string[], target: DecommissionStatus): void {
  const listedSet = new Set(listed);
  const stated = statedMasterData(ws.event);
  for (const epc of ws.expand(listed)) {
    const pack = requirePack(ws, epc, true);
    if (!pack) continue;
    if (listedSet.has(epc) && masterDataMismatch(ws, pack, stated, true)) continue;
    const refusal = undoRefusal(ws, pack, target);
    if (refusal) {
      ws.refuse(epc, refusal);
      continue;
    }
    ws.putPack(patchPack(pack, { status: 'active', decommission: undefined }));
  }
}

function undoRefusal(ws: WorkingSet, pack: PackState, target: DecommissionStatus): Refusal | undefined {
  const state = refuseUndoState(pack.status, target);
  if (state) return state;
  const record = pack.decommission;
  if (!record) return { code: 'UNDO_NOT_ALLOWED', detail: 'no decommission record to undo' };
  const by = refuseUndoBy(record.by, ws.capturedBy);
  if (by) return by;
  if (!sameLocation(record.location, ws.location)) {
    return {
      code: 'UNDO_AT_OTHER_LOCATION',
      detail: `decommissioned at ${record.location ?? 'no stated location'}, undo at ${ws.location ?? 'no stated location'}`,
    };
  }
  if (!withinUndoWindow(record.time, ws.eventRef.time)) {
    return {
      code: 'UNDO_WINDOW_EXPIRED',
      detail: `decommissioned at ${record.time}, more than 10 days before ${ws.eventRef.time}`,
    };
  }
  return refuseUndoFlags(ws.flags(pack));
}
