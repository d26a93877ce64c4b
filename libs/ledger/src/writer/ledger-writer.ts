import type { ConsumedRecord } from '@pharmatrace/messaging';
import { PermanentMessageError } from '@pharmatrace/messaging';
import { LedgerRecordError, parseLedgerRecord, type LedgerRecord } from '../ledger-record';
import type { Ledger, LedgerReceipt } from '../ledger.port';

/** Where receipts are kept (ledger_receipts; an in-memory map in unit tests). */
export interface ReceiptStore {
  /** The records among `recordIds` whose receipt is final (anchored or rejected). */
  settled(recordIds: readonly string[]): Promise<Set<string>>;
  save(receipts: readonly LedgerReceipt[], at: Date): Promise<void>;
}

export interface LedgerWriterStats {
  readonly anchored: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly skipped: number;
}

/**
 * One consumed batch of `ledger.records` → the ledger → receipts. Idempotent: records with a final
 * receipt are skipped, the others are submitted (the chaincode skips what is already anchored, so a
 * batch replayed after a crash between anchoring and storing receipts is anchored once), and receipts
 * are stored before the consumer commits its offsets. A refused record gets a `rejected` receipt and
 * the rest of the batch is anchored; a transient ledger failure throws, so the batch is retried.
 */
export class LedgerWriter {
  constructor(
    private readonly ledger: Ledger,
    private readonly receipts: ReceiptStore,
    private readonly clock: { now(): Date } = { now: () => new Date() },
  ) {}

  async handleBatch(consumed: readonly ConsumedRecord[]): Promise<LedgerWriterStats> {
    const records = consumed.map(decode);
    const settled = await this.receipts.settled(records.map((r) => r.recordId));
    const fresh: LedgerRecord[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      if (settled.has(record.recordId) || seen.has(record.recordId)) continue;
      seen.add(record.recordId);
      fresh.push(record);
    }
    if (fresh.length === 0) return { anchored: 0, duplicates: 0, rejected: 0, skipped: records.length };
    const receipts = await this.ledger.submitBatch(fresh);
    await this.receipts.save(receipts, this.clock.now());
    return {
      anchored: count(receipts, 'anchored'),
      duplicates: count(receipts, 'duplicate'),
      rejected: count(receipts, 'rejected'),
      skipped: records.length - fresh.length,
    };
  }
}

function count(receipts: readonly LedgerReceipt[], status: LedgerReceipt['status']): number {
  return receipts.filter((r) => r.status === status).length;
}

/** An undecodable record can never be anchored: the consumer sends it to the dead-letter topic. */
function decode(consumed: ConsumedRecord): LedgerRecord {
  try {
    return parseLedgerRecord(consumed.value);
  } catch (error) {
    if (error instanceof LedgerRecordError) {
      throw new PermanentMessageError(
        `${consumed.topic}@${consumed.partition}:${consumed.offset}: ${error.message}`,
      );
    }
    throw error;
  }
}
