export * from './ledger-record';
export * from './ledger.port';
export * from './ledger.error';
export {
  parseRejection,
  RECORDS_ANCHORED_EVENT,
  Transactions,
  type RecordMarker,
  type RecordRejection,
  type RejectionCode,
  type SubjectState,
} from './contract/chaincode';
export { planTransactions, type PlannedTransaction, type Wave } from './submit/transaction-plan';
export { BatchSubmitter, type BatchSubmitterOptions, type TransactionEvent } from './submit/batch-submitter';
export type { TransactionAttempt, TransactionPort, CommittedTransaction } from './submit/transaction.port';
export { fabricLedgerConfig, DEFAULT_FABRIC_DEADLINES } from './fabric/fabric-ledger.config';
export type { FabricLedgerConfig, FabricOrgConfig, FabricDeadlines } from './fabric/fabric-ledger.config';
export { FabricLedger, type FabricLedgerOptions } from './fabric/fabric-ledger.adapter';
export { blockHeaderHash, decodeBlockHeader, type BlockHeader } from './fabric/block-header';
export { EmbeddedLedger, type EmbeddedLedgerOptions } from './embedded/embedded-ledger.adapter';
export { NodeSigningKey, publicKeyId, verifySignature } from './embedded/node-signing-key';
export type { ChainVerification, TrustedKey } from './embedded/chain-verifier';
export { blockHash as embeddedBlockHash } from './embedded/block-store';
export { openLedger, embeddedKeyFile } from './ledger.factory';
export { LedgerWriter, type LedgerWriterStats, type ReceiptStore } from './writer/ledger-writer';
export { LedgerReceiptRepository, type ReceiptRow } from './writer/ledger-receipt.repository';
export { LedgerWriterModule } from './writer/ledger-writer.module';
export {
  LedgerWriterConsumer,
  LEDGER_WRITER_CONSUMER,
  LEDGER_WRITER_METRICS,
  type LedgerWriterDependencies,
  type LedgerWriterMetrics,
} from './writer/ledger-writer.consumer';
export {
  auditPack,
  auditPacks,
  comparePack,
  isTampered,
  packStateHash,
  type AuditProblem,
  type AuditVerdict,
  type PackAuditFinding,
  type PackAuditReport,
  type StoredPack,
} from './audit/pack-audit';
