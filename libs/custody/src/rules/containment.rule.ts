import type { PackState } from '../model/pack-state';
import type { WorkingSet } from '../engine/working-set';
import { patchPack } from '../engine/working-set';
import { sortStrings } from '../util/sorted';

/**
 * A container and what is packed in it are always in the same hands and the same status. After every
 * event, an object whose custody changed apart from its container leaves it: a pack dispensed out of
 * a case, received without its case, or refused while its pallet moved on. Checked only around the
 * objects the event changed, so it costs O(objects touched).
 */
export function keepContainmentConsistent(ws: WorkingSet): void {
  const leaving = new Set<string>();
  for (const [epc, draft] of ws.draftPacks()) {
    const stored = ws.input.packs.get(epc);
    if (draft && stored && sameCustody(draft, stored)) continue;
    if (draft?.parent !== undefined) {
      const parent = ws.pack(draft.parent);
      if (!parent || !sameCustody(parent, draft)) leaving.add(epc);
    }
    for (const childEpc of ws.children(epc)) {
      const child = ws.pack(childEpc);
      if (child?.parent === epc && (!draft || !sameCustody(child, draft))) leaving.add(childEpc);
    }
  }
  for (const epc of sortStrings(leaving)) {
    const pack = ws.pack(epc);
    if (pack) ws.putPack(patchPack(pack, { parent: undefined }));
  }
}

function sameCustody(a: PackState, b: PackState): boolean {
  return (
    a.status === b.status &&
    a.custodian === b.custodian &&
    a.inTransit?.shipmentEventId === b.inTransit?.shipmentEventId
  );
}
