import type { RecordOutcome, RecordRejection } from '../contract/chaincode';
import type { LedgerRecord } from '../ledger-record';

/**
 * One attempt at one AnchorBatch transaction:
 * - `committed`: valid in block `blockNumber`, with the chaincode's outcome per record;
 * - `rejected`: the chaincode refused record `rejection.index`; nothing was written;
 * - `failed`: the chaincode failed without naming a record (a bug, or a rule outside the records);
 * - `conflict`: committed as invalid because another transaction changed what it read
 *   (MVCC_READ_CONFLICT); submitting it again is safe.
 * Anything transient (no answer, deadline, peer down) is thrown as LedgerUnavailableError.
 */
export type TransactionAttempt =
  | {
      readonly kind: 'committed';
      readonly txId: string;
      readonly blockNumber: number;
      readonly blockHash?: string;
      readonly results: readonly RecordOutcome[];
    }
  | { readonly kind: 'rejected'; readonly txId: string; readonly rejection: RecordRejection }
  | { readonly kind: 'failed'; readonly txId: string; readonly reason: string }
  | { readonly kind: 'conflict'; readonly txId: string; readonly reason: string };

export interface CommittedTransaction {
  readonly blockNumber: number;
  readonly blockHash?: string;
}

/** What an adapter provides to the shared batch submitter. */
export interface TransactionPort {
  /** True when the adapter holds an identity of this organisation. */
  canSubmitAs(msp: string): boolean;
  submit(msp: string, records: readonly LedgerRecord[]): Promise<TransactionAttempt>;
  /** Where a committed transaction is (for duplicates: the transaction that anchored them first). */
  locate(txId: string): Promise<CommittedTransaction | undefined>;
}
