/**
 * The pharma-custody chaincode. `contracts` is what fabric-shim's `server` command loads (package.json
 * `main`); the rest is the contract's public surface for clients and the embedded ledger, which runs
 * this same contract class in process.
 */
import './logging-defaults';
import { PharmaCustodyContract } from './pharma-custody.contract';

export const contracts = [PharmaCustodyContract];

export { PharmaCustodyContract, Transactions } from './pharma-custody.contract';
export * from './record/ledger-record';
export {
  anchorRecords,
  MAX_RECORDS_PER_TRANSACTION,
  RECORDS_ANCHORED_EVENT,
  type AnchorResult,
  type RecordOutcome,
  type RecordsAnchoredEvent,
} from './anchor/anchor-batch';
export { parseRejection, RecordRejectedError, type RecordRejection } from './anchor/record-rejection';
export type { RejectionCode } from './anchor/record-transition';
export type { RecordMarker, SubjectState } from './state/subject-state';
export type { SubjectHistoryEntry } from './state/world-state';
export {
  compositeKey,
  type HistoryEntry,
  type HistoryIterator,
  type LedgerContext,
  type LedgerIdentity,
  type LedgerStub,
} from './state/ledger-stub';
export { contractContext } from './state/contract-context';
