import type { SqlClient } from '@pharmatrace/persistence';
import type { LedgerReceipt } from '../ledger.port';
import type { ReceiptStore } from './ledger-writer';

/** A row of `ledger_receipts`, as verification, trace and the audit read it. */
export interface ReceiptRow {
  record_id: string;
  subject: string;
  record_hash: string;
  tx_id: string | null;
  block_number: string | null;
  block_hash: string | null;
  status: 'pending' | 'anchored' | 'rejected';
  reason: string | null;
  anchored_at: Date | string | null;
}

/**
 * The ledger writer's receipts: one row per record, `anchored` (a duplicate is anchored by the
 * transaction that wrote it first) or `rejected` with the chaincode's code and reason. An anchored
 * receipt is final: a later write never turns it back.
 */
export class LedgerReceiptRepository implements ReceiptStore {
  constructor(private readonly sql: SqlClient) {}

  /** The records among `recordIds` whose receipt is final (anchored or rejected). */
  async settled(recordIds: readonly string[]): Promise<Set<string>> {
    if (recordIds.length === 0) return new Set();
    const rows = await this.sql.query<{ record_id: string }>(
      `select record_id from ledger_receipts where record_id = any($1::text[]) and status in ('anchored', 'rejected')`,
      [recordIds],
    );
    return new Set(rows.map((r) => r.record_id));
  }

  async save(receipts: readonly LedgerReceipt[], at: Date): Promise<void> {
    if (receipts.length === 0) return;
    const rows = receipts.map((r) => {
      const anchored = r.status !== 'rejected';
      return {
        record_id: r.recordId,
        subject: r.subject,
        record_hash: r.stateHash,
        tx_id: r.txId === '' ? null : r.txId,
        block_number: anchored ? (r.blockNumber ?? null) : null,
        block_hash: anchored ? (r.blockHash ?? null) : null,
        status: anchored ? 'anchored' : 'rejected',
        reason: anchored ? null : `${r.code ?? 'REJECTED'}: ${r.reason ?? ''}`,
        anchored_at: anchored ? at.toISOString() : null,
      };
    });
    await this.sql.query(
      `insert into ledger_receipts (record_id, subject, record_hash, tx_id, block_number, block_hash, status, reason, anchored_at)
       select record_id, subject, record_hash, tx_id, block_number, block_hash, status, reason, anchored_at
         from jsonb_to_recordset($1::jsonb) as x(record_id text, subject text, record_hash text, tx_id text,
              block_number bigint, block_hash text, status text, reason text, anchored_at timestamptz)
       on conflict (record_id) do update set
         subject = excluded.subject, record_hash = excluded.record_hash, tx_id = excluded.tx_id,
         block_number = excluded.block_number, block_hash = excluded.block_hash, status = excluded.status,
         reason = excluded.reason, anchored_at = excluded.anchored_at
       where ledger_receipts.status <> 'anchored'`,
      [JSON.stringify(rows)],
    );
  }

  async find(recordIds: readonly string[]): Promise<ReceiptRow[]> {
    return this.sql.query<ReceiptRow>(
      `select record_id, subject, record_hash, tx_id, block_number::text as block_number, block_hash, status, reason,
              anchored_at
         from ledger_receipts where record_id = any($1::text[]) order by record_id`,
      [recordIds],
    );
  }
}
