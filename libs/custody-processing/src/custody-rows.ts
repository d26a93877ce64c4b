import type { Handoff, LotRecord, PackState, ProductRecord } from '@pharmatrace/custody';

/** Row shapes of the custody tables and their mapping to the custody library's records. */
export interface PackRow {
  epc: string;
  state: PackState;
}

export interface HandoffRow {
  id: string;
  state: Handoff;
}

export interface LotRow {
  gtin: string;
  lot: string;
  status: LotRecord['status'];
  status_set_by: string | null;
  status_set_at: Date | string | null;
  status_reason: string | null;
}

export interface ProductRow {
  gtin: string;
  status: ProductRecord['status'];
  status_set_by: string | null;
  status_set_at: Date | string | null;
  status_reason: string | null;
  min_temp_c: string | null;
  max_temp_c: string | null;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

export function lotRecordOf(row: LotRow): LotRecord {
  return {
    gtin: row.gtin,
    lot: row.lot,
    status: row.status,
    ...(row.status_set_by ? { statusSetBy: row.status_set_by } : {}),
    ...(row.status_set_at ? { statusSetAt: iso(row.status_set_at) } : {}),
    ...(row.status_reason ? { statusReason: row.status_reason } : {}),
  };
}

export function productRecordOf(row: ProductRow): ProductRecord {
  const hasRange = row.min_temp_c !== null || row.max_temp_c !== null;
  return {
    gtin: row.gtin,
    status: row.status,
    ...(row.status_set_by ? { statusSetBy: row.status_set_by } : {}),
    ...(row.status_set_at ? { statusSetAt: iso(row.status_set_at) } : {}),
    ...(row.status_reason ? { statusReason: row.status_reason } : {}),
    ...(hasRange
      ? {
          storage: [
            {
              type: 'Temperature',
              uom: 'CEL',
              ...(row.min_temp_c !== null ? { min: Number(row.min_temp_c) } : {}),
              ...(row.max_temp_c !== null ? { max: Number(row.max_temp_c) } : {}),
            },
          ],
        }
      : {}),
  };
}

/** Indexed columns of a pack row, derived from its state. */
export function packColumns(state: PackState) {
  return {
    epc: state.epc,
    kind: state.kind,
    gtin: state.kind === 'item' ? state.gtin : null,
    serial: state.kind === 'item' ? state.serial : null,
    lot: state.kind === 'item' ? state.lot : null,
    expiry: state.kind === 'item' ? state.expiry : null,
    owner_gln: state.owner,
    status: state.status,
    custodian_gln: state.custodian,
    parent_epc: state.parent ?? null,
    last_event_id: state.lastEvent.id,
    updated_at: state.lastEvent.time,
    version: state.version,
    state,
  };
}
