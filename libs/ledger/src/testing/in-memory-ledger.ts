import {
  PharmaCustodyContract,
  RecordRejectedError,
  Transactions,
  type AnchorResult,
  type SubjectState,
} from '../contract/chaincode';
import type { LedgerRecord } from '../ledger-record';
import type { Ledger, LedgerHistoryEntry, LedgerReceipt } from '../ledger.port';
import { LedgerUnavailableError } from '../ledger.error';
import { BatchSubmitter, type BatchSubmitterOptions } from '../submit/batch-submitter';
import type { CommittedTransaction, TransactionAttempt, TransactionPort } from '../submit/transaction.port';
import { FakeLedger } from './chaincode-testing';

/**
 * A Ledger for unit tests: the real contract on the chaincode's in-memory fake peer, every
 * transaction its own block. `failNext` makes the next submissions fail as if the peer were down;
 * `conflictNext` as if they met an MVCC read conflict. Counts what was submitted.
 */
export class InMemoryLedger implements Ledger, TransactionPort {
  readonly peer = new FakeLedger();
  readonly transactions: { msp: string; size: number; outcome: TransactionAttempt['kind'] }[] = [];
  failNext = 0;
  conflictNext = 0;
  private readonly contract = new PharmaCustodyContract();
  private readonly submitter: BatchSubmitter;
  private readonly blocks = new Map<string, number>();

  constructor(
    private readonly organisations: readonly string[] = ['Org1MSP', 'Org2MSP'],
    options: BatchSubmitterOptions = {},
  ) {
    this.submitter = new BatchSubmitter(this, { conflictBackoffMs: 1, ...options });
  }

  submitBatch(records: readonly LedgerRecord[]): Promise<LedgerReceipt[]> {
    return this.submitter.submit(records);
  }

  canSubmitAs(msp: string): boolean {
    return this.organisations.includes(msp);
  }

  async submit(msp: string, records: readonly LedgerRecord[]): Promise<TransactionAttempt> {
    const attempt = await this.attempt(msp, records);
    this.transactions.push({ msp, size: records.length, outcome: attempt.kind });
    return attempt;
  }

  locate(txId: string): Promise<CommittedTransaction | undefined> {
    const blockNumber = this.blocks.get(txId);
    return Promise.resolve(
      blockNumber === undefined ? undefined : { blockNumber, blockHash: `hash-${blockNumber}` },
    );
  }

  async readRecord(subject: string): Promise<SubjectState | undefined> {
    return (await this.readRecords([subject]))[0];
  }

  async readRecords(subjects: readonly string[]): Promise<(SubjectState | undefined)[]> {
    const answer = await this.peer.invoke('Org1MSP', (ctx) =>
      this.contract.ReadRecords(ctx, JSON.stringify(subjects)),
    );
    return (JSON.parse(answer) as (SubjectState | null)[]).map((s) => s ?? undefined);
  }

  async history(subject: string): Promise<LedgerHistoryEntry[]> {
    const answer = await this.peer.invoke('Org1MSP', (ctx) =>
      this.contract[Transactions.RecordHistory](ctx, subject),
    );
    return JSON.parse(answer) as LedgerHistoryEntry[];
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private async attempt(msp: string, records: readonly LedgerRecord[]): Promise<TransactionAttempt> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new LedgerUnavailableError('fake peer unavailable');
    }
    const txIdIfConflict = `conflict-${this.transactions.length}`;
    if (this.conflictNext > 0) {
      this.conflictNext--;
      return { kind: 'conflict', txId: txIdIfConflict, reason: 'MVCC_READ_CONFLICT' };
    }
    try {
      const answer = await this.peer.invoke(msp, (ctx) =>
        this.contract.AnchorBatch(ctx, JSON.stringify(records)),
      );
      const result = JSON.parse(answer) as AnchorResult;
      const blockNumber = this.blocks.size + 1;
      this.blocks.set(result.txId, blockNumber);
      return {
        kind: 'committed',
        txId: result.txId,
        blockNumber,
        blockHash: `hash-${blockNumber}`,
        results: result.results,
      };
    } catch (error) {
      if (error instanceof RecordRejectedError)
        return { kind: 'rejected', txId: 'refused', rejection: error.rejection };
      throw error;
    }
  }
}
