/**
 * @pharmatrace/verification: pack verification (verify, bulk verify, GS1 LVMS) from one indexed
 * lookup, and dispense / decommission / undo through the event pipeline.
 */
export * from './verification.module';
export * from './verification.error';
export { VerificationErrorFilter } from './verification-error.filter';
export { VERDICTS, decideVerdict, type Verdict, type VerdictResult } from './verify/verdict.policy';
export { VerificationService, type Verified } from './verify/verification.service';
export type { VerificationView } from './verify/verification.view';
export {
  packQueryFromBody,
  packQueryFromFields,
  packQueryFromScan,
  type PackQuery,
} from './verify/pack-query';
export { TAMPER_CHECK, type LedgerIntegrity, type TamperCheck } from './integrity/tamper-check';
export { ReceiptHashTamperCheck, stateHash } from './integrity/receipt-hash.tamper-check';
export type { PackRecord } from './lookup/pack-record';
export { AppliedEventWaiter } from './operations/applied-event.waiter';
export { DECOMMISSION_REASONS, type DecommissionReason } from './operations/operation-event.factory';
export { lvmsData, type LvmsResponse } from './lvms/lvms.mapping';
