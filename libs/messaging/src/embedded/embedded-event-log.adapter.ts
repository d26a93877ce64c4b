import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { SqlClient } from '@pharmatrace/persistence';
import type { ConsumeOptions, Consumer, EventLog, PublishRecord, TopicSpec } from '../event-log.port';
import { withDeadline } from '../deadline';
import { resolveConsumeOptions } from '../delivery/consume-options';
import { type DeadLetter, deadLetterRecord } from '../delivery/dead-letter';
import { EventLogUnavailableError, MessagingError, MessagingErrorCode } from '../messaging.error';
import { type MessagingLogger, stderrLogger } from '../messaging.logger';
import {
  DEFAULT_MAX_RECORD_BYTES,
  assertPositiveInteger,
  assertTopicName,
  chunkRecords,
  validatePublishRecords,
} from '../publish-record.validator';
import { EmbeddedConsumerRunner } from './embedded-consumer.runner';
import { EmbeddedLogRepository } from './embedded-log.repository';
import { type LogNotifier, processLogNotifier, recordsChannel } from './log-notifier';
import { sqlToMessagingError } from './sql-error.mapper';

export interface EmbeddedEventLogOptions {
  /** The platform database; its migrations must include EMBEDDED_LOG_SCHEMA_SQL. */
  sql: SqlClient;
  /** Bound on one publish (default 5 000 ms). */
  publishTimeoutMs?: number;
  /** Bound on ensureTopics and on starting a consumer (default 30 000 ms). */
  adminTimeoutMs?: number;
  retryAfterSeconds?: number;
  /** Fallback poll for records published by other processes (default 500 ms). */
  pollIntervalMs?: number;
  /** How long a consumer keeps the partition without renewing (default 30 000 ms). */
  leaseMs?: number;
  maxRecordBytes?: number;
  /** Rows per insert statement; a larger publish is several statements in its one transaction. */
  maxRecordsPerStatement?: number;
  maxBytesPerStatement?: number;
  notifier?: LogNotifier;
  logger?: MessagingLogger;
}

/**
 * The event log in the database (PostgreSQL or PGlite) through the SqlClient port: one partition
 * per topic, publish = one committed transaction, consumers poll after their committed id.
 */
export class EmbeddedEventLog implements EventLog {
  private readonly repository: EmbeddedLogRepository;
  private readonly settings: Required<Omit<EmbeddedEventLogOptions, 'sql'>>;
  private readonly consumers = new Set<EmbeddedConsumerRunner>();
  /** Names consumers' leases: unique per process and consumer, readable in the offsets table. */
  private readonly instanceId = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private consumerCount = 0;
  private closed = false;

  constructor(options: EmbeddedEventLogOptions) {
    this.repository = new EmbeddedLogRepository(options.sql);
    this.settings = {
      publishTimeoutMs: options.publishTimeoutMs ?? 5_000,
      adminTimeoutMs: options.adminTimeoutMs ?? 30_000,
      retryAfterSeconds: options.retryAfterSeconds ?? 5,
      pollIntervalMs: options.pollIntervalMs ?? 500,
      leaseMs: options.leaseMs ?? 30_000,
      maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES,
      maxRecordsPerStatement: options.maxRecordsPerStatement ?? 5_000,
      maxBytesPerStatement: options.maxBytesPerStatement ?? 8_000_000,
      notifier: options.notifier ?? processLogNotifier,
      logger: options.logger ?? stderrLogger,
    };
    for (const name of [
      'publishTimeoutMs',
      'adminTimeoutMs',
      'pollIntervalMs',
      'leaseMs',
      'maxRecordBytes',
      'maxRecordsPerStatement',
      'maxBytesPerStatement',
    ] as const) {
      assertPositiveInteger(name, this.settings[name]);
    }
  }

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    this.assertOpen();
    for (const spec of specs) {
      assertTopicName(spec.topic);
      assertPositiveInteger('partitions', spec.partitions);
    }
    const topics = [...new Set(specs.map((spec) => spec.topic))];
    if (topics.length === 0) return;
    // `partitions` is accepted and ignored: one partition keeps a topic in total order.
    await this.bounded('ensuring topics', this.settings.adminTimeoutMs, () =>
      this.repository.createTopics(topics),
    );
  }

  async publish(topic: string, records: PublishRecord[]): Promise<void> {
    this.assertOpen();
    await this.append(topic, records);
  }

  /** Publish without the open check: consumers stopping during `close` may still dead-letter. */
  private async append(topic: string, records: PublishRecord[]): Promise<void> {
    assertTopicName(topic);
    const sizes = validatePublishRecords(records, this.settings.maxRecordBytes);
    if (records.length === 0) return;
    const chunks = chunkRecords(records, sizes, {
      maxRecords: this.settings.maxRecordsPerStatement,
      maxBytes: this.settings.maxBytesPerStatement,
    });
    await this.bounded(`publishing to ${topic}`, this.settings.publishTimeoutMs, () =>
      this.repository.append(topic, chunks),
    );
    this.settings.notifier.notify(recordsChannel(topic));
  }

  async consume(options: ConsumeOptions): Promise<Consumer> {
    this.assertOpen();
    const resolved = resolveConsumeOptions(options);
    await this.bounded('starting a consumer', this.settings.adminTimeoutMs, async () => {
      if (!(await this.repository.topicExists(resolved.topic))) {
        throw new MessagingError(
          MessagingErrorCode.UnknownTopic,
          `topic ${resolved.topic} does not exist (ensureTopics creates it)`,
        );
      }
      await this.repository.createTopics([resolved.deadLetterTopic]);
    });
    const runner = new EmbeddedConsumerRunner(resolved, {
      repository: this.repository,
      notifier: this.settings.notifier,
      logger: this.settings.logger,
      owner: `${this.instanceId}#${++this.consumerCount}`,
      pollIntervalMs: this.settings.pollIntervalMs,
      leaseMs: this.settings.leaseMs,
      publishDeadLetter: (letter: DeadLetter) =>
        this.append(resolved.deadLetterTopic, [deadLetterRecord(letter, resolved.groupId)]),
      onStopped: (consumer) => this.consumers.delete(consumer),
    });
    this.consumers.add(runner);
    await runner.start();
    return runner;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
  }

  /** Runs one database call within `timeoutMs`, mapping failures to messaging errors. */
  private bounded<T>(action: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
    const { retryAfterSeconds } = this.settings;
    const attempt = work().catch((error: unknown) => {
      throw sqlToMessagingError(error, action, retryAfterSeconds);
    });
    return withDeadline(
      attempt,
      timeoutMs,
      () =>
        new EventLogUnavailableError(
          `${action}: no answer from the database within ${timeoutMs} ms`,
          retryAfterSeconds,
        ),
    );
  }

  private assertOpen(): void {
    if (this.closed)
      throw new EventLogUnavailableError('the event log is closed', this.settings.retryAfterSeconds);
  }
}
