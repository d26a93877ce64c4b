import type { SerialisedUrn } from '../identifiers/epc-urn';
import { parseSerialisedUrn } from '../identifiers/epc-urn';
import type { PackState } from '../model/pack-state';
import type { WorkingSet } from '../engine/working-set';
import type { MasterData } from './pack-guard.rule';
import { isIsoDate, statedMasterData } from './pack-guard.rule';

/**
 * Commissioning (ObjectEvent ADD): one new pack per SGTIN (lot and expiry from ilmd) or container per
 * SSCC, only by the owner of the identifier's company prefix, and only once per identifier.
 */
export function applyCommissioning(ws: WorkingSet, epcs: readonly string[]): void {
  const masterData = statedMasterData(ws.event);
  for (const epc of epcs) {
    const id = parseSerialisedUrn(epc);
    if (!id) {
      ws.alert({ code: 'INVALID_EVENT', epc, blocking: true, detail: 'not an SGTIN or SSCC URN' });
      continue;
    }
    commissionOne(ws, epc, id, masterData);
  }
}

/** Creates the state, or raises why not and returns undefined. Also used to create a container on first packing. */
export function commissionOne(
  ws: WorkingSet,
  epc: string,
  id: SerialisedUrn,
  masterData: MasterData,
): PackState | undefined {
  const product = id.scheme === 'sgtin' ? ws.input.products.get(id.gtin) : undefined;
  if (id.scheme === 'sgtin' && !product) {
    ws.alert({
      code: 'UNKNOWN_PRODUCT',
      epc,
      blocking: true,
      detail: `GTIN ${id.gtin} is not in the product master`,
    });
    return undefined;
  }
  const owner = ws.directory.ownerOfCompanyPrefix(id.companyPrefix);
  if (owner?.gln !== ws.capturedBy) {
    const holder = owner ? `owned by ${owner.gln}` : 'owned by no participant';
    ws.alert({
      code: 'NOT_BRAND_OWNER',
      epc,
      blocking: true,
      detail: `${ws.capturedBy} cannot commission: company prefix ${id.companyPrefix} is ${holder}`,
    });
    return undefined;
  }
  const existing = ws.pack(epc);
  if (existing) {
    ws.alert({
      code: 'DUPLICATE_COMMISSIONING',
      epc,
      blocking: true,
      detail: `already commissioned (status ${existing.status}, last changed by event ${existing.lastEvent.id})`,
    });
    return undefined;
  }
  if (product?.status === 'withdrawn') {
    ws.alert({ code: 'WITHDRAWN', epc, blocking: true, detail: `product ${product.gtin} is withdrawn` });
    return undefined;
  }
  const location = ws.location;
  if (id.scheme === 'sscc') {
    const container: PackState = {
      epc,
      kind: 'container',
      owner: owner.gln,
      status: 'active',
      custodian: ws.capturedBy,
      lastEvent: ws.eventRef,
      version: 0,
      ...(location !== undefined && { custodianLocation: location }),
    };
    ws.putPack(container);
    return container;
  }
  if (masterData.lot === undefined || !isIsoDate(masterData.expiry)) {
    ws.alert({
      code: 'INVALID_EVENT',
      epc,
      blocking: true,
      detail: 'commissioning needs ilmd cbvmda:lotNumber and cbvmda:itemExpirationDate (YYYY-MM-DD)',
    });
    return undefined;
  }
  const item: PackState = {
    epc,
    kind: 'item',
    gtin: id.gtin,
    serial: id.serial,
    lot: masterData.lot,
    expiry: masterData.expiry,
    owner: owner.gln,
    status: 'active',
    custodian: ws.capturedBy,
    lastEvent: ws.eventRef,
    version: 0,
    ...(location !== undefined && { custodianLocation: location }),
  };
  ws.putPack(item);
  return item;
}
