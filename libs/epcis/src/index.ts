export * from './model/epcis-event';
export * from './model/event-query';
export * from './model/master-data';
export * from './epcis.error';
export * from './capture-limits';
export {
  cbvWebUri,
  isCbvTerm,
  normaliseVocabularyValue,
  type VocabularyKind,
  type VocabularyResult,
} from './cbv-vocabulary';
export { EPCIS_CONTEXT_URI, STANDARD_NAMESPACES } from './json-ld-context';
export { normaliseEvent, type NormaliseOptions } from './event.normaliser';
export {
  normaliseDocument,
  normaliseDocumentPartial,
  type NormalisedDocument,
  type RejectedEvent,
} from './document.normaliser';
export {
  canonicalPreHashString,
  computeEventHash,
  hashPreHashString,
  EVENT_HASH_VERSION,
  type EventHashOptions,
  type HashableEvent,
} from './event-hash';
export type { Gs1UriCanonicaliser } from './hash/pre-hash-values';
export {
  nextPageLink,
  toEpcisJson,
  toQueryDocument,
  type EpcisJson,
  type EpcisJsonOptions,
  type EpcisQueryDocument,
  type QueryDocumentOptions,
} from './query-document.builder';
export { parseEventQuery, type EventQueryOptions, type QueryParams } from './event-query.parser';
