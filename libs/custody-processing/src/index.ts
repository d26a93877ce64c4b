export * from './custody-processing.module';
export * from './custody-processor.service';
export * from './custody-store.repository';
export * from './alert.repository';
export { CUSTODY_CONSUMER, alertId } from './custody-writer';
export { ledgerRecordsOf } from './ledger-records';
export * from './pack-stats.controller';
