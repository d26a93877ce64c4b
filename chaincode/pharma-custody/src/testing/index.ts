import '../logging-defaults';

export { FakeLedger, type CommittedEvent } from './fake-ledger';
export { GTIN, LedgerRecordFactory, ORG1, ORG2, type Party } from './record.factory';
