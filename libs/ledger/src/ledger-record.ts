/**
 * The ledger record published on `ledger.records` (one per changed pack, container or lot) and its
 * validating decoder. Defined once, by the chaincode that anchors it.
 */
export {
  decodeLedgerRecord,
  LedgerRecordError,
  lotSubject,
  parseLedgerRecord,
  RECORD_KINDS,
  RECORD_OPERATIONS,
  type LedgerRecord,
  type RecordKind,
  type RecordOperation,
} from './contract/chaincode';
