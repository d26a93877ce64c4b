import type { KafkaConfig } from 'kafkajs';
import { MessagingError, MessagingErrorCode } from '../messaging.error';
import { type MessagingLogLevel, type MessagingLogger, stderrLogger } from '../messaging.logger';
import { DEFAULT_MAX_RECORD_BYTES, assertPositiveInteger } from '../publish-record.validator';

export interface KafkaEventLogOptions {
  /** Bootstrap brokers, `host:port`. */
  brokers: string[];
  clientId?: string;
  /** Partitions of a topic `ensureTopics` creates without an explicit count (default 6). */
  defaultPartitions?: number;
  /** Replication of created topics (default -1: the broker's `default.replication.factor`). */
  replicationFactor?: number;
  /** Bound on one publish request, connecting included (default 5 000 ms). */
  publishTimeoutMs?: number;
  /** Bound on admin calls: topic checks and creation (default 30 000 ms). */
  adminTimeoutMs?: number;
  /** The Retry-After hint carried by `EventLogUnavailableError` (default 5 s). */
  retryAfterSeconds?: number;
  /** TCP connect timeout per broker (default 3 000 ms). */
  connectionTimeoutMs?: number;
  /** Records and bytes per produce request; larger publishes are sent in order, chunk by chunk. */
  maxRecordsPerRequest?: number;
  maxBytesPerRequest?: number;
  /** Largest record accepted (key + value + headers, default 1 000 000 bytes). */
  maxRecordBytes?: number;
  /**
   * kafkajs's idempotent producer (off by default: kafkajs calls it experimental and it needs
   * unbounded retries — see README). Either way the producer uses acks=all.
   */
  idempotent?: boolean;
  /** Partitions one consumer handles at the same time (default 1). */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** Longest a fetch waits on the broker for new records (default 1 000 ms); `stop` waits it out. */
  fetchMaxWaitMs?: number;
  /** Where a new consumer group starts: the earliest record (default) or only new ones. */
  fromBeginning?: boolean;
  logger?: MessagingLogger;
  /** Lowest kafkajs log level passed to `logger` (default 'warn'). */
  logLevel?: MessagingLogLevel;
  ssl?: KafkaConfig['ssl'];
  sasl?: KafkaConfig['sasl'];
}

export type ResolvedKafkaOptions = Required<Omit<KafkaEventLogOptions, 'ssl' | 'sasl'>> &
  Pick<KafkaEventLogOptions, 'ssl' | 'sasl'>;

export function resolveKafkaOptions(options: KafkaEventLogOptions): ResolvedKafkaOptions {
  if (!Array.isArray(options.brokers) || options.brokers.length === 0) {
    throw new MessagingError(MessagingErrorCode.InvalidOptions, 'at least one Kafka broker is required');
  }
  const resolved: ResolvedKafkaOptions = {
    brokers: options.brokers,
    clientId: options.clientId ?? 'pharmatrace',
    defaultPartitions: options.defaultPartitions ?? 6,
    replicationFactor: options.replicationFactor ?? -1,
    publishTimeoutMs: options.publishTimeoutMs ?? 5_000,
    adminTimeoutMs: options.adminTimeoutMs ?? 30_000,
    retryAfterSeconds: options.retryAfterSeconds ?? 5,
    connectionTimeoutMs: options.connectionTimeoutMs ?? 3_000,
    maxRecordsPerRequest: options.maxRecordsPerRequest ?? 1_000,
    maxBytesPerRequest: options.maxBytesPerRequest ?? 1_000_000,
    maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
    idempotent: options.idempotent ?? false,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    sessionTimeoutMs: options.sessionTimeoutMs ?? 30_000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 3_000,
    fetchMaxWaitMs: options.fetchMaxWaitMs ?? 1_000,
    fromBeginning: options.fromBeginning ?? true,
    logger: options.logger ?? stderrLogger,
    logLevel: options.logLevel ?? 'warn',
    ssl: options.ssl,
    sasl: options.sasl,
  };
  for (const name of [
    'defaultPartitions',
    'publishTimeoutMs',
    'adminTimeoutMs',
    'connectionTimeoutMs',
    'maxRecordsPerRequest',
    'maxBytesPerRequest',
    'maxRecordBytes',
    'partitionsConsumedConcurrently',
    'sessionTimeoutMs',
    'heartbeatIntervalMs',
    'fetchMaxWaitMs',
  ] as const) {
    assertPositiveInteger(name, resolved[name]);
  }
  return resolved;
}
