/**
 * The event log port: what services need from Kafka (distributed) or from the database-backed log
 * (embedded). Both adapters pass the same contract suite (`describeEventLogContract`).
 */

export interface TopicSpec {
  topic: string;
  /** Kafka partitions when the topic is created; the embedded log always has one. */
  partitions?: number;
}

export interface PublishRecord {
  /** Partitioning key: records with the same key keep their order (e.g. the SGTIN or SSCC). */
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface ConsumedRecord {
  topic: string;
  partition: number;
  /** Position in the partition, as a decimal string (Kafka offsets exceed 2^53 in theory). */
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  /** When the log appended the record, in milliseconds since the epoch. */
  timestamp: number;
}

export interface RetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface ConsumeOptions {
  groupId: string;
  topic: string;
  /**
   * Applies a batch and makes its effect durable before resolving (e.g. one DB transaction). Must be
   * idempotent: after a crash or a rebalance the same records come again. Throw
   * `PermanentMessageError` for a record that can never succeed; anything else is retried.
   */
  handleBatch: (records: ConsumedRecord[]) => Promise<void>;
  /** Most records per `handleBatch` call (default 100). */
  maxBatchSize?: number;
  /** Backoff for transient failures (default 100 ms doubling to 30 s). */
  retry?: RetryPolicy;
  /** Where poison records go (default `<topic>.dlq`); created by `consume` if missing. */
  deadLetterTopic?: string;
}

export interface Consumer {
  readonly groupId: string;
  readonly topic: string;
  /**
   * Stops after the batch in flight (its handler is awaited, never interrupted); offsets of records
   * not handled are not committed. Idempotent.
   */
  stop(): Promise<void>;
}

export interface EventLog {
  /** Creates the missing topics; existing ones are left as they are. Idempotent. */
  ensureTopics(specs: TopicSpec[]): Promise<void>;
  /**
   * Appends the records and resolves once the log has durably acknowledged all of them (Kafka:
   * acks=all; embedded: committed). Records with one key keep their order. Rejects with
   * `EventLogUnavailableError` within the configured bound when the log cannot acknowledge; after a
   * rejection some records may have been written (a retry duplicates them, never loses them).
   */
  publish(topic: string, records: PublishRecord[]): Promise<void>;
  /**
   * Starts a consumer (at-least-once, per-key order, commit after `handleBatch` resolved). Consumers
   * with one `groupId` share the topic's partitions; each group sees every record.
   */
  consume(options: ConsumeOptions): Promise<Consumer>;
  /** Stops every consumer started here and releases connections. Idempotent. */
  close(): Promise<void>;
}
