import type { SubjectHistoryEntry, SubjectState } from './contract/chaincode';
import type { LedgerRecord } from './ledger-record';

/**
 * What happened to one record:
 * - `anchored`: written by transaction `txId`, committed in block `blockNumber`;
 * - `duplicate`: already on the ledger; `txId` / `blockNumber` name the transaction that anchored it;
 * - `rejected`: the chaincode refused it (`code`, `reason`); nothing of it is on the ledger. `txId`
 *   is the refused proposal's, for the peers' logs.
 */
export interface LedgerReceipt {
  readonly recordId: string;
  readonly subject: string;
  readonly stateHash: string;
  readonly status: 'anchored' | 'duplicate' | 'rejected';
  readonly txId: string;
  readonly blockNumber?: number;
  readonly blockHash?: string;
  readonly code?: string;
  readonly reason?: string;
}

/** A subject's state on the ledger (see chaincode/pharma-custody/README.md). */
export type LedgerSubjectState = SubjectState;
export type LedgerHistoryEntry = SubjectHistoryEntry;

/** Reading the ledger: what the audit and verification need. */
export interface LedgerReader {
  readRecord(subject: string): Promise<LedgerSubjectState | undefined>;
  /** Many subjects at once (one query per few hundred), in the order asked; undefined when absent. */
  readRecords(subjects: readonly string[]): Promise<(LedgerSubjectState | undefined)[]>;
  history(subject: string): Promise<LedgerHistoryEntry[]>;
}

/**
 * The ledger port. Two adapters: Fabric (through the Gateway, identities per organisation) and the
 * embedded ledger (the same contract run in process over a signed, hash-chained block store).
 */
export interface Ledger extends LedgerReader {
  /**
   * Anchors the records, in order per subject, as few transactions as the organisations and the size
   * bound allow, several in flight. Resolves with one receipt per record, in input order. A refused
   * record gets a `rejected` receipt and does not hold back the others. Rejects with
   * LedgerUnavailableError when the ledger cannot be reached or does not answer in time: nothing is
   * known about the records then, and submitting them again is safe (already anchored ones come back
   * as `duplicate`).
   */
  submitBatch(records: readonly LedgerRecord[]): Promise<LedgerReceipt[]>;
  close(): Promise<void>;
}

export const LEDGER = Symbol('Ledger');
