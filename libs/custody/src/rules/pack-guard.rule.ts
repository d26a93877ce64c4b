import type { EpcisEvent } from '@pharmatrace/epcis';
import { parseSerialisedUrn } from '../identifiers/epc-urn';
import type { PackState } from '../model/pack-state';
import type { WorkingSet } from '../engine/working-set';

export const LOT_KEY = 'cbvmda:lotNumber';
export const EXPIRY_KEY = 'cbvmda:itemExpirationDate';
/** The EPCIS library keeps ilmd and extension keys as sent: the CURIE or either URI spelling of cbvmda. */
const MDA_SPELLINGS = ['cbvmda:', 'urn:epcglobal:cbv:mda:', 'urn:epcglobal:cbv:mda#'];
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export interface MasterData {
  readonly lot?: string;
  readonly expiry?: string;
}

/**
 * Lot and expiry an event states: ilmd on commissioning; on later events ilmd or, where the validator
 * keeps ilmd only for ADD, the same keys among the extensions (a dispense from a scanned DataMatrix).
 */
export function statedMasterData(event: EpcisEvent): MasterData {
  const lot = mdaField(event.ilmd, 'lotNumber') ?? mdaField(event.extensions, 'lotNumber');
  const expiry =
    mdaField(event.ilmd, 'itemExpirationDate') ?? mdaField(event.extensions, 'itemExpirationDate');
  return { ...(lot !== undefined && { lot }), ...(expiry !== undefined && { expiry }) };
}

export function isIsoDate(value: string | undefined): value is string {
  return value !== undefined && ISO_DATE.test(value);
}

function mdaField(record: Record<string, unknown> | undefined, name: string): string | undefined {
  if (record === undefined) return undefined;
  for (const prefix of MDA_SPELLINGS) {
    const value = record[prefix + name];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return undefined;
}

/**
 * The pack's state, or an alert saying why there is none: UNKNOWN_PRODUCT when the GTIN itself is
 * unknown (NMVS reports the product first), UNKNOWN_SERIAL otherwise.
 */
export function requirePack(ws: WorkingSet, epc: string, blocking: boolean): PackState | undefined {
  const pack = ws.pack(epc);
  if (pack) return pack;
  const id = parseSerialisedUrn(epc);
  if (id === undefined) {
    ws.alert({ code: 'INVALID_EVENT', epc, blocking, detail: 'not an SGTIN or SSCC URN' });
  } else if (id.scheme === 'sgtin' && !ws.input.products.has(id.gtin)) {
    ws.alert({
      code: 'UNKNOWN_PRODUCT',
      epc,
      blocking,
      detail: `GTIN ${id.gtin} is not in the product master`,
    });
  } else {
    ws.alert({ code: 'UNKNOWN_SERIAL', epc, blocking, detail: 'serial number was never commissioned' });
  }
  return undefined;
}

/** LOT_MISMATCH / EXPIRY_MISMATCH when the event states master data that differs; true if any. */
export function masterDataMismatch(
  ws: WorkingSet,
  pack: PackState,
  stated: MasterData,
  blocking: boolean,
): boolean {
  if (pack.kind !== 'item') return false;
  let mismatch = false;
  if (stated.lot !== undefined && stated.lot !== pack.lot) {
    ws.alert({
      code: 'LOT_MISMATCH',
      epc: pack.epc,
      blocking,
      detail: `event states lot ${stated.lot}, pack was commissioned with lot ${pack.lot}`,
    });
    mismatch = true;
  }
  if (stated.expiry !== undefined && stated.expiry !== pack.expiry) {
    ws.alert({
      code: 'EXPIRY_MISMATCH',
      epc: pack.epc,
      blocking,
      detail: `event states expiry ${stated.expiry}, pack was commissioned with expiry ${pack.expiry}`,
    });
    mismatch = true;
  }
  return mismatch;
}

/** Non-blocking RECALLED / WITHDRAWN when a recalled or withdrawn pack is shipped or received. */
export function warnRecalledOrWithdrawn(ws: WorkingSet, pack: PackState, doing: string): void {
  const flags = ws.flags(pack);
  if (flags.withdrawn) {
    ws.alert({ code: 'WITHDRAWN', epc: pack.epc, blocking: false, detail: `withdrawn product ${doing}` });
  }
  if (flags.recalled) {
    ws.alert({ code: 'RECALLED', epc: pack.epc, blocking: false, detail: `pack of a recalled lot ${doing}` });
  }
}
