/**
 * @pharmatrace/custody: the pack state machine. Pure and deterministic (no I/O, no clock, no
 * randomness), so the processor and the chaincode run the same rules. Test factories and an in-memory
 * store are exported separately from ./testing.
 */
export * from './model/pack-state';
export * from './model/alert-codes';
export * from './model/handoff';
export * from './model/reference-data';
export * from './model/custody-command';
export * from './model/custody-outcome';
export * from './participants/participant-directory';
export {
  gs1CheckDigit,
  locationGln,
  parseSerialisedUrn,
  partyGln,
  sameLocation,
  sgtinUrn,
} from './identifiers/epc-urn';
export type { SerialisedUrn, SgtinUrn, SsccUrn } from './identifiers/epc-urn';
export {
  PHARMATRACE_DISPOSITIONS,
  bizStepFor,
  cbvShortName,
  decommissionForBizStep,
  decommissionForDisposition,
  dispositionFor,
} from './identifiers/cbv-vocabulary';
export * from './policy/event-time';
export * from './policy/verdict-status';
export type { Refusal, CustodyView } from './policy/status.policy';
export { classifyEvent } from './engine/event-classifier';
export type { ClassifiedEvent } from './engine/event-classifier';
export { applyEvent } from './engine/state-machine';
export * from './engine/required-packs';
export { applyCommand } from './commands/command.handler';
export type { ApplyCommandInput } from './commands/command.handler';
export * from './ledger/ledger-transition.policy';
export { canonicalJson } from './util/canonical-json';
export { EXPIRY_KEY, LOT_KEY } from './rules/pack-guard.rule';
