import type { WorkingSet } from '../engine/working-set';

/**
 * Error declaration: restores every pack and handoff the declared event changed to its state before
 * that event, using the record the caller stored with it. All or nothing: if any of them was changed
 * since (its version moved on), nothing is restored and CORRECTION_CONFLICT names each one, because a
 * partial reversal could split a shipment or a container. Restoring may bring back a destroyed or
 * decommissioned object: the declaration says that event did not happen as recorded.
 */
export function applyCorrection(ws: WorkingSet): void {
  const record = ws.input.correction;
  if (record?.eventId !== ws.eventRef.id) {
    ws.alert({
      code: 'INVALID_EVENT',
      blocking: true,
      detail: 'error declaration without the stored record of the declared event (never applied?)',
    });
    return;
  }
  let conflict = false;
  for (const change of record.packs) {
    if (ws.pack(change.epc)?.version === change.after?.version) continue;
    conflict = true;
    ws.alert({
      code: 'CORRECTION_CONFLICT',
      epc: change.epc,
      blocking: true,
      detail: 'changed by a later event; restore it by a corrective event instead',
    });
  }
  for (const change of record.handoffs) {
    if (ws.handoff(change.id)?.version === change.after?.version) continue;
    conflict = true;
    ws.alert({
      code: 'CORRECTION_CONFLICT',
      blocking: true,
      detail: `handoff ${change.id} changed by a later event`,
    });
  }
  if (conflict) return;
  for (const change of record.packs) {
    if (change.before) ws.putPack(change.before);
    else ws.removePack(change.epc);
  }
  for (const change of record.handoffs) {
    if (change.before) ws.putHandoff(change.before);
    else ws.removeHandoff(change.id);
  }
}
