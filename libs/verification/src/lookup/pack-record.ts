import type { ItemState, LotRecord, ProductRecord } from '@pharmatrace/custody';
import type { PackLookupRow } from './pack-lookup.sql';

/** Where a verification came from, as written to the access audit. */
export type AuditChannel = 'verify' | 'bulk' | 'lvms' | 'operation';

/** One pack to look up, and who asks (the reader is audited unless it is the pack's custodian). */
export interface LookupKey {
  readonly gtin: string;
  readonly serial: string;
  /** GLN of the authenticated participant. */
  readonly reader: string;
  readonly channel: AuditChannel;
}

export type ReceiptStatus = 'pending' | 'anchored' | 'rejected';

export interface LedgerReceipt {
  readonly recordId: string;
  readonly txId?: string;
  readonly blockNumber?: string;
  readonly blockHash?: string;
  readonly anchoredAt?: string;
}

/** The indexed columns of a pack row; they must agree with its state, or the row was edited. */
export interface PackColumns {
  readonly status: string;
  readonly custodian: string | undefined;
  readonly gtin: string | undefined;
  readonly serial: string | undefined;
  readonly lot: string | undefined;
  readonly expiry: string | undefined;
}

export interface ProductSummary {
  readonly record: ProductRecord;
  readonly name: string;
  readonly form?: string;
  readonly strength?: string;
  /** GLN of the brand owner (who registered the GTIN). */
  readonly ownerGln: string;
}

/** Everything one lookup found about one key. */
export interface PackRecord {
  readonly gtin: string;
  readonly serial: string;
  readonly product?: ProductSummary;
  readonly pack?: { readonly epc: string; readonly state: ItemState; readonly columns: PackColumns };
  readonly lot?: LotRecord;
  readonly custodian?: { readonly role: string; readonly name: string };
  /** The newest anchored receipt of the pack (may be for an earlier state). */
  readonly latestAnchored?: LedgerReceipt;
  /** Receipts of the record the current state's event produced (pending, anchored or rejected). */
  readonly currentReceipts: readonly { readonly recordHash: string; readonly status: ReceiptStatus }[];
  /** Whether the custody processor marked the state's last event as applied. */
  readonly lastEventApplied: boolean;
  /** The newest open critical alert on the pack (duplicate serial, lot mismatch at a scan…). */
  readonly openCriticalAlert?: { readonly code: string; readonly nmvsCode?: string };
}

const opt = (value: string | null): string | undefined => value ?? undefined;

function isItemState(value: unknown): value is ItemState {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'item';
}

function receiptOf(latest: NonNullable<PackLookupRow['latest_anchored']>): LedgerReceipt {
  return {
    recordId: latest.recordId,
    ...(latest.txId !== null && { txId: latest.txId }),
    ...(latest.blockNumber !== null && { blockNumber: latest.blockNumber }),
    ...(latest.blockHash !== null && { blockHash: latest.blockHash }),
    ...(latest.anchoredAt !== null && { anchoredAt: latest.anchoredAt }),
  };
}

/**
 * The receipts of the record the current state came from. An error declaration keeps the eventID and
 * hash of the event it reverses, so the state names the same event either way; the processed-event
 * mark of the declaration (`<hash>#error-declaration`) says which record it is.
 */
function currentEvidence(
  row: PackLookupRow,
  state: ItemState | undefined,
): Pick<PackRecord, 'currentReceipts' | 'lastEventApplied'> {
  const applied = row.applied_keys ?? [];
  if (!state || row.epc === null) return { currentReceipts: [], lastEventApplied: applied.length > 0 };
  const hash = state.lastEvent.hash;
  const declared = applied.includes(`${hash}#error-declaration`);
  const recordId = declared ? `${hash}#error-declaration#${row.epc}` : `${hash}#${row.epc}`;
  return {
    currentReceipts: (row.event_receipts ?? [])
      .filter((receipt) => receipt.recordId === recordId)
      .map((receipt) => ({ recordHash: receipt.recordHash, status: receipt.status as ReceiptStatus })),
    lastEventApplied: applied.length > 0,
  };
}

export function packRecordOf(key: Pick<LookupKey, 'gtin' | 'serial'>, row: PackLookupRow): PackRecord {
  const product: ProductSummary | undefined =
    row.product_known && row.product_status !== null
      ? {
          record: {
            gtin: key.gtin,
            status: row.product_status,
            ...(row.product_status_reason !== null && { statusReason: row.product_status_reason }),
          },
          name: row.product_name ?? '',
          ...(row.product_form !== null && { form: row.product_form }),
          ...(row.product_strength !== null && { strength: row.product_strength }),
          ownerGln: row.brand_owner ?? '',
        }
      : undefined;
  const state = isItemState(row.state) ? row.state : undefined;
  return {
    gtin: key.gtin,
    serial: key.serial,
    ...(product && { product }),
    ...(row.epc !== null &&
      state && {
        pack: {
          epc: row.epc,
          state,
          columns: {
            status: row.p_status ?? '',
            custodian: opt(row.p_custodian),
            gtin: opt(row.p_gtin),
            serial: opt(row.p_serial),
            lot: opt(row.p_lot),
            expiry: opt(row.p_expiry),
          },
        },
      }),
    ...(state &&
      row.lot_status !== null && {
        lot: {
          gtin: state.gtin,
          lot: state.lot,
          status: row.lot_status,
          ...(row.lot_status_reason !== null && { statusReason: row.lot_status_reason }),
        },
      }),
    ...(row.custodian_role !== null && {
      custodian: { role: row.custodian_role, name: row.custodian_name ?? '' },
    }),
    ...(row.latest_anchored !== null && { latestAnchored: receiptOf(row.latest_anchored) }),
    ...currentEvidence(row, state),
    ...(row.alert_code !== null && {
      openCriticalAlert: {
        code: row.alert_code,
        ...(row.alert_nmvs_code !== null && { nmvsCode: row.alert_nmvs_code }),
      },
    }),
  };
}
