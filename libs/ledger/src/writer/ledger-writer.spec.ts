import type { ConsumedRecord } from '@pharmatrace/messaging';
import { PermanentMessageError } from '@pharmatrace/messaging';
import type { LedgerRecord } from '../ledger-record';
import type { LedgerReceipt } from '../ledger.port';
import { InMemoryLedger, LedgerRecordFactory, ORG1, ORG2 } from '../testing';
import { LedgerWriter, type ReceiptStore } from './ledger-writer';

class MemoryReceipts implements ReceiptStore {
  readonly rows = new Map<string, LedgerReceipt>();
  saves = 0;

  settled(recordIds: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(recordIds.filter((id) => this.rows.has(id))));
  }

  save(receipts: readonly LedgerReceipt[]): Promise<void> {
    this.saves++;
    for (const r of receipts)
      if (this.rows.get(r.recordId)?.status !== 'anchored') this.rows.set(r.recordId, r);
    return Promise.resolve();
  }
}

let offset = 0;
const consumed = (record: LedgerRecord | string): ConsumedRecord => ({
  topic: 'ledger.records',
  partition: 0,
  offset: String(offset++),
  key: typeof record === 'string' ? 'x' : record.subject,
  value: typeof record === 'string' ? record : JSON.stringify(record),
  headers: {},
  timestamp: 0,
});

describe('LedgerWriter', () => {
  let ledger: InMemoryLedger;
  let receipts: MemoryReceipts;
  let writer: LedgerWriter;
  let f: LedgerRecordFactory;

  beforeEach(() => {
    ledger = new InMemoryLedger();
    receipts = new MemoryReceipts();
    writer = new LedgerWriter(ledger, receipts);
    f = new LedgerRecordFactory();
  });

  it('anchors a batch and stores a receipt per record, rejected ones included', async () => {
    const a = f.sgtin(1);
    const batch = [f.commission(a), f.ship(a, ORG2, ORG1), f.commission(f.sgtin(2))];
    const stats = await writer.handleBatch(batch.map(consumed));
    expect(stats).toEqual({ anchored: 2, duplicates: 0, rejected: 1, skipped: 0 });
    expect([...receipts.rows.values()].map((r) => r.status)).toEqual(['anchored', 'rejected', 'anchored']);
  });

  it('skips records with a final receipt and anchors a replayed batch once', async () => {
    const batch = [f.commission(f.sgtin(1)), f.commission(f.sgtin(2))].map(consumed);
    await writer.handleBatch(batch);
    const transactions = ledger.transactions.length;
    expect(await writer.handleBatch(batch)).toEqual({ anchored: 0, duplicates: 0, rejected: 0, skipped: 2 });
    expect(ledger.transactions).toHaveLength(transactions);
  });

  it('recognises records anchored before a crash that lost their receipts', async () => {
    const batch = [f.commission(f.sgtin(1)), f.commission(f.sgtin(2))];
    await ledger.submitBatch(batch); // anchored, then the process died before saving receipts
    const stats = await writer.handleBatch(batch.map(consumed));
    expect(stats).toMatchObject({ anchored: 0, duplicates: 2 });
    expect(
      [...receipts.rows.values()].every((r) => r.status === 'duplicate' && r.blockNumber !== undefined),
    ).toBe(true);
  });

  it('retries nothing itself: a transient ledger failure fails the batch, and its retry completes it', async () => {
    const batch = [f.commission(f.sgtin(1))].map(consumed);
    ledger.failNext = 1;
    await expect(writer.handleBatch(batch)).rejects.toThrow(/unavailable/);
    expect(receipts.rows.size).toBe(0);
    expect((await writer.handleBatch(batch)).anchored).toBe(1);
  });

  it('turns an undecodable record into a permanent error (dead letter)', async () => {
    await expect(writer.handleBatch([consumed('{"recordId":1}')])).rejects.toThrow(PermanentMessageError);
    await expect(writer.handleBatch([consumed('not json')])).rejects.toThrow(/invalid ledger record/);
  });
});
