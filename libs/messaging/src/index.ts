export * from './event-log.port';
export * from './messaging.error';
export * from './messaging.logger';
export * from './topics';
export {
  DeadLetterHeader,
  defaultDeadLetterTopic,
  deadLetterRecord,
  type DeadLetter,
} from './delivery/dead-letter';
export {
  BatchDeliveryEngine,
  type BatchDeliveryOptions,
  type DeliveryOutcome,
} from './delivery/batch-delivery.engine';
export { DEFAULT_RETRY_POLICY, backoffDelay, abortableSleep, type Sleep } from './delivery/retry-policy';
export { DEFAULT_MAX_BATCH_SIZE } from './delivery/consume-options';
export { DEFAULT_MAX_RECORD_BYTES } from './publish-record.validator';
export { KafkaEventLog } from './kafka/kafka-event-log.adapter';
export type { KafkaEventLogOptions } from './kafka/kafka-event-log.options';
export { EmbeddedEventLog, type EmbeddedEventLogOptions } from './embedded/embedded-event-log.adapter';
export { EMBEDDED_LOG_SCHEMA_SQL, EMBEDDED_LOG_SCHEMA_DROP_SQL } from './embedded/embedded-log.schema';
export { LogNotifier } from './embedded/log-notifier';
