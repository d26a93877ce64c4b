import { parseSerialisedUrn } from '../identifiers/epc-urn';
import type { PackState } from '../model/pack-state';
import { refuseCustodianOperation } from '../policy/status.policy';
import type { WorkingSet } from '../engine/working-set';
import { patchPack } from '../engine/working-set';
import { commissionOne } from './commissioning.rule';
import { requirePack } from './pack-guard.rule';

/**
 * Packing (AggregationEvent ADD): children into an SSCC parent, keeping a tree. The packer must be the
 * custodian of the parent and of each child; a child already in another parent must be unpacked first.
 * An SSCC seen for the first time is commissioned implicitly, under the same rule as an explicit one.
 */
export function applyPacking(
  ws: WorkingSet,
  parentEpc: string | undefined,
  children: readonly string[],
): void {
  if (parentEpc !== undefined && children.includes(parentEpc)) {
    ws.alert({
      code: 'AGGREGATION_CYCLE',
      epc: parentEpc,
      blocking: true,
      detail: 'parent listed among its own children',
    });
    return;
  }
  const parent = packingParent(ws, parentEpc);
  if (!parent) return;
  for (const epc of children) {
    const child = requirePack(ws, epc, true);
    if (!child) continue;
    const refusal = refuseCustodianOperation(child, ws.capturedBy, 'pack it');
    if (refusal) {
      ws.refuse(epc, refusal);
      continue;
    }
    if (ws.inSubtree(epc, parent.epc)) {
      ws.alert({ code: 'AGGREGATION_CYCLE', epc, blocking: true, detail: `${parent.epc} is inside ${epc}` });
      continue;
    }
    if (child.parent === parent.epc) continue;
    if (child.parent !== undefined) {
      ws.alert({
        code: 'AGGREGATION_CONFLICT',
        epc,
        blocking: true,
        detail: `already packed in ${child.parent}: unpack it before packing it into ${parent.epc}`,
      });
      continue;
    }
    ws.putPack(patchPack(child, { parent: parent.epc }));
  }
}

function packingParent(ws: WorkingSet, parentEpc: string | undefined): PackState | undefined {
  const id = parentEpc === undefined ? undefined : parseSerialisedUrn(parentEpc);
  if (parentEpc === undefined || id?.scheme !== 'sscc') {
    ws.alert({
      code: 'INVALID_EVENT',
      ...(parentEpc !== undefined && { epc: parentEpc }),
      blocking: true,
      detail: 'packing needs an SSCC parentID',
    });
    return undefined;
  }
  const existing = ws.pack(parentEpc);
  if (!existing) return commissionOne(ws, parentEpc, id, {});
  const refusal = refuseCustodianOperation(existing, ws.capturedBy, 'pack into it');
  if (refusal) {
    ws.refuse(parentEpc, refusal);
    return undefined;
  }
  return existing;
}

/**
 * Unpacking (AggregationEvent DELETE): removes the named children, or all of them when none are named,
 * from the parent. Only the custodian of the parent may unpack.
 */
export function applyUnpacking(
  ws: WorkingSet,
  parentEpc: string | undefined,
  children: readonly string[] | undefined,
): void {
  if (parentEpc === undefined) {
    ws.alert({ code: 'INVALID_EVENT', blocking: true, detail: 'unpacking needs a parentID' });
    return;
  }
  const parent = requirePack(ws, parentEpc, true);
  if (!parent) return;
  const refusal = refuseCustodianOperation(parent, ws.capturedBy, 'unpack it');
  if (refusal) {
    ws.refuse(parentEpc, refusal);
    return;
  }
  for (const epc of children ?? ws.children(parentEpc)) {
    const child = requirePack(ws, epc, true);
    if (!child) continue;
    if (child.parent !== parentEpc) {
      ws.alert({ code: 'AGGREGATION_CONFLICT', epc, blocking: true, detail: `not packed in ${parentEpc}` });
      continue;
    }
    const childRefusal = refuseCustodianOperation(child, ws.capturedBy, 'unpack it');
    if (childRefusal) {
      ws.refuse(epc, childRefusal);
      continue;
    }
    ws.putPack(patchPack(child, { parent: undefined }));
  }
}
