import { type Admin, Kafka, Partitioners, type Producer } from 'kafkajs';
import type { ConsumeOptions, Consumer, EventLog, PublishRecord, TopicSpec } from '../event-log.port';
import { withDeadline } from '../deadline';
import { resolveConsumeOptions } from '../delivery/consume-options';
import { type DeadLetter, deadLetterRecord } from '../delivery/dead-letter';
import { EventLogUnavailableError, MessagingError, MessagingErrorCode } from '../messaging.error';
import {
  assertPositiveInteger,
  assertTopicName,
  chunkRecords,
  validatePublishRecords,
} from '../publish-record.validator';
import { KafkaConsumerRunner } from './kafka-consumer.runner';
import {
  type KafkaEventLogOptions,
  type ResolvedKafkaOptions,
  resolveKafkaOptions,
} from './kafka-event-log.options';
import { kafkaToMessagingError } from './kafka-error.mapper';
import { waitForLeaders } from './kafka-topic.waiter';
import { kafkaLogCreator, toKafkaLogLevel } from './kafka-logger';

/**
 * The event log on Kafka (kafkajs). Publishing uses acks=all and waits for every chunk in order;
 * consuming uses consumer groups with manual offset resolution (see KafkaConsumerRunner).
 */
export class KafkaEventLog implements EventLog {
  private readonly settings: ResolvedKafkaOptions;
  private readonly kafka: Kafka;
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;
  /** Topics seen to exist, so publish checks each topic once instead of waiting on metadata retries. */
  private readonly knownTopics = new Set<string>();
  private readonly consumers = new Set<KafkaConsumerRunner>();
  private closed = false;

  constructor(options: KafkaEventLogOptions) {
    this.settings = resolveKafkaOptions(options);
    const { settings } = this;
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      connectionTimeout: settings.connectionTimeoutMs,
      // A few quick retries inside the client; the publish deadline bounds the whole call anyway.
      retry: { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 },
      logLevel: toKafkaLogLevel(settings.logLevel),
      logCreator: kafkaLogCreator(settings.logger),
      ...(settings.ssl === undefined ? {} : { ssl: settings.ssl }),
      ...(settings.sasl === undefined ? {} : { sasl: settings.sasl }),
    });
  }

  async ensureTopics(specs: TopicSpec[]): Promise<void> {
    this.assertOpen();
    const wanted = new Map<string, number>();
    for (const spec of specs) {
      assertTopicName(spec.topic);
      assertPositiveInteger('partitions', spec.partitions);
      wanted.set(spec.topic, spec.partitions ?? this.settings.defaultPartitions);
    }
    if (wanted.size === 0) return;
    const { adminTimeoutMs } = this.settings;
    await this.adminCall('ensuring topics', adminTimeoutMs, async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = [...wanted].filter(([topic]) => !existing.has(topic));
      if (missing.length === 0) return;
      // false = another process created some of them first: fine, they exist.
      await admin.createTopics({
        waitForLeaders: false,
        timeout: adminTimeoutMs,
        topics: missing.map(([topic, numPartitions]) => ({
          topic,
          numPartitions,
          replicationFactor: this.settings.replicationFactor,
        })),
      });
      await waitForLeaders(
        admin,
        missing.map(([topic]) => topic),
        Date.now() + adminTimeoutMs,
      );
    });
    for (const topic of wanted.keys()) this.knownTopics.add(topic);
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
    const { publishTimeoutMs, retryAfterSeconds } = this.settings;
    await this.assertTopicExists(topic, publishTimeoutMs);
    const chunks = chunkRecords(records, sizes, {
      maxRecords: this.settings.maxRecordsPerRequest,
      maxBytes: this.settings.maxBytesPerRequest,
    });
    for (const chunk of chunks) {
      await withDeadline(
        this.send(topic, chunk),
        publishTimeoutMs,
        () =>
          new EventLogUnavailableError(
            `Kafka did not acknowledge ${chunk.length} record(s) on ${topic} within ${publishTimeoutMs} ms`,
            retryAfterSeconds,
          ),
      );
    }
  }

  async consume(options: ConsumeOptions): Promise<Consumer> {
    this.assertOpen();
    const resolved = resolveConsumeOptions(options);
    await this.assertTopicExists(resolved.topic, this.settings.adminTimeoutMs);
    await this.ensureTopics([{ topic: resolved.deadLetterTopic }]);
    const runner = new KafkaConsumerRunner(resolved, {
      kafka: this.kafka,
      settings: this.settings,
      publishDeadLetter: (letter: DeadLetter) =>
        this.append(resolved.deadLetterTopic, [deadLetterRecord(letter, resolved.groupId)]),
      onStopped: (consumer) => this.consumers.delete(consumer),
    });
    this.consumers.add(runner);
    try {
      await runner.start();
    } catch (error) {
      this.consumers.delete(runner);
      throw error;
    }
    return runner;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    const clients = [this.producer, this.admin];
    this.producer = undefined;
    this.admin = undefined;
    await Promise.all(
      clients.map(async (client) => {
        const connected = await client?.catch(() => undefined);
        await connected?.disconnect().catch(() => undefined);
      }),
    );
  }

  private async send(topic: string, chunk: PublishRecord[]): Promise<void> {
    try {
      const producer = await this.connectedProducer();
      await producer.send({
        topic,
        acks: -1,
        timeout: this.settings.publishTimeoutMs,
        messages: chunk.map(({ key, value, headers }) => ({ key, value, ...(headers ? { headers } : {}) })),
      });
    } catch (error) {
      throw kafkaToMessagingError(error, `publishing to ${topic}`, this.settings.retryAfterSeconds);
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= this.connect(
      this.kafka.producer({
        // murmur2, as the Java client: a key lands on the same partition whoever publishes it.
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
        idempotent: this.settings.idempotent,
        // kafkajs tracks idempotent sequence numbers per partition; one request in flight keeps
        // concurrent sends from racing them (tulios/kafkajs#598).
        ...(this.settings.idempotent ? { maxInFlightRequests: 1 } : {}),
      }),
      () => (this.producer = undefined),
    );
    return this.producer;
  }

  private async adminCall<T>(
    action: string,
    timeoutMs: number,
    work: (admin: Admin) => Promise<T>,
  ): Promise<T> {
    const { retryAfterSeconds } = this.settings;
    const run = async () => {
      try {
        this.admin ??= this.connect(this.kafka.admin(), () => (this.admin = undefined));
        return await work(await this.admin);
      } catch (error) {
        throw kafkaToMessagingError(error, action, retryAfterSeconds);
      }
    };
    return withDeadline(
      run(),
      timeoutMs,
      () =>
        new EventLogUnavailableError(
          `${action}: no answer from Kafka within ${timeoutMs} ms`,
          retryAfterSeconds,
        ),
    );
  }

  /** Connects once; a failed connection is forgotten so the next call tries again. */
  private async connect<T extends Producer | Admin>(client: T, forget: () => void): Promise<T> {
    try {
      await client.connect();
      return client;
    } catch (error) {
      forget();
      await client.disconnect().catch(() => undefined);
      throw error;
    }
  }

  private async assertTopicExists(topic: string, timeoutMs: number): Promise<void> {
    if (this.knownTopics.has(topic)) return;
    const exists = await this.adminCall(`looking up topic ${topic}`, timeoutMs, async (admin) =>
      (await admin.listTopics()).includes(topic),
    );
    if (!exists) {
      throw new MessagingError(
        MessagingErrorCode.UnknownTopic,
        `topic ${topic} does not exist (ensureTopics creates it)`,
      );
    }
    this.knownTopics.add(topic);
  }

  private assertOpen(): void {
    if (this.closed)
      throw new EventLogUnavailableError('the event log is closed', this.settings.retryAfterSeconds);
  }
}
