import type {
  Consumer as KafkaConsumer,
  ConsumerCrashEvent,
  EachBatchPayload,
  Kafka,
  KafkaMessage,
} from 'kafkajs';
import type { ConsumedRecord, Consumer } from '../event-log.port';
import { BatchDeliveryEngine } from '../delivery/batch-delivery.engine';
import type { ResolvedConsumeOptions } from '../delivery/consume-options';
import type { DeadLetter } from '../delivery/dead-letter';
import { abortableSleep, backoffDelay } from '../delivery/retry-policy';
import { errorMessage } from '../messaging.error';
import type { ResolvedKafkaOptions } from './kafka-event-log.options';
import { isRebalanceError, kafkaToMessagingError } from './kafka-error.mapper';

export interface KafkaConsumerDeps {
  kafka: Kafka;
  settings: ResolvedKafkaOptions;
  publishDeadLetter: (letter: DeadLetter) => Promise<void>;
  onStopped: (consumer: KafkaConsumerRunner) => void;
}

function text(value: Buffer | string | null | undefined): string {
  return value === null || value === undefined ? '' : value.toString();
}

export function toConsumedRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? text(value[value.length - 1]) : text(value);
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: text(message.key),
    value: text(message.value),
    headers,
    timestamp: Number(message.timestamp),
  };
}

/**
 * One kafkajs consumer in a group, with `eachBatch` and manual resolution: a record's offset is
 * resolved and committed only after `handleBatch` (through the shared delivery engine) resolved for
 * it. Heartbeats keep the membership alive while a handler or a backoff takes long; a rebalance seen
 * by the heartbeat aborts the retries so the partition can move without committing anything new.
 */
export class KafkaConsumerRunner implements Consumer {
  readonly groupId: string;
  readonly topic: string;
  private readonly stopController = new AbortController();
  private readonly engine: BatchDeliveryEngine;
  private readonly consumer: KafkaConsumer;
  private stopping: Promise<void> | undefined;
  private restartFailures = 0;

  constructor(
    private readonly options: ResolvedConsumeOptions,
    private readonly deps: KafkaConsumerDeps,
  ) {
    this.groupId = options.groupId;
    this.topic = options.topic;
    const { settings } = deps;
    this.engine = new BatchDeliveryEngine({
      groupId: options.groupId,
      topic: options.topic,
      handleBatch: options.handleBatch,
      publishDeadLetter: deps.publishDeadLetter,
      retry: options.retry,
      logger: settings.logger,
    });
    this.consumer = deps.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.fetchMaxWaitMs,
      allowAutoTopicCreation: false,
      // Retriable crashes restart inside kafkajs; never once we are stopping.
      retry: { restartOnFailure: () => Promise.resolve(!this.stopController.signal.aborted) },
    });
    this.consumer.on(this.consumer.events.CRASH, (event: ConsumerCrashEvent) => this.onCrash(event));
  }

  async start(): Promise<void> {
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topic: this.topic, fromBeginning: this.deps.settings.fromBeginning });
      await this.run();
    } catch (error) {
      await this.consumer.disconnect().catch(() => undefined);
      throw kafkaToMessagingError(error, `starting consumer ${this.groupId} on ${this.topic}`);
    }
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopController.abort();
      try {
        // Waits for the batch in flight, whose engine returns as soon as its current handler call does.
        await this.consumer.disconnect();
      } catch (error) {
        this.deps.settings.logger('warn', 'consumer disconnect failed', {
          groupId: this.groupId,
          error: errorMessage(error),
        });
      } finally {
        this.deps.onStopped(this);
      }
    })();
    return this.stopping;
  }

  private run(): Promise<void> {
    return this.consumer.run({
      autoCommit: true, // kafkajs only ever commits offsets we resolved, i.e. handled ones
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.deps.settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.eachBatch(payload),
    });
  }

  private async eachBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const records = batch.messages.map((m) => toConsumedRecord(batch.topic, batch.partition, m));
    for (let start = 0; start < records.length; start += this.options.maxBatchSize) {
      if (!payload.isRunning() || payload.isStale() || this.stopController.signal.aborted) return;
      const chunk = records.slice(start, start + this.options.maxBatchSize);
      const { completed, lostMembership } = await this.deliverWithHeartbeat(chunk, payload);
      const last = chunk[completed - 1];
      if (last) {
        payload.resolveOffset(last.offset);
        const offset = (BigInt(last.offset) + 1n).toString();
        await payload.commitOffsetsIfNecessary({
          topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset }] }],
        });
      }
      // Thrown to kafkajs, which rejoins the group; the records not handled are fetched again.
      if (lostMembership) throw lostMembership;
      if (completed < chunk.length) return;
    }
  }

  private async deliverWithHeartbeat(
    chunk: ConsumedRecord[],
    payload: EachBatchPayload,
  ): Promise<{ completed: number; lostMembership: Error | undefined }> {
    const abort = new AbortController();
    const onStop = () => abort.abort();
    this.stopController.signal.addEventListener('abort', onStop, { once: true });
    let lostMembership: Error | undefined;
    const timer = setInterval(() => {
      if (payload.isStale()) abort.abort();
      payload.heartbeat().catch((error: unknown) => {
        if (!isRebalanceError(error)) return; // a broken connection heals; kafkajs reports it
        lostMembership = error instanceof Error ? error : new Error(String(error));
        abort.abort();
      });
    }, this.deps.settings.heartbeatIntervalMs);
    try {
      const { completed } = await this.engine.deliver(chunk, abort.signal);
      return { completed, lostMembership };
    } finally {
      clearInterval(timer);
      this.stopController.signal.removeEventListener('abort', onStop);
    }
  }

  /** kafkajs gives up on non-retriable crashes; a consumer of the platform must keep going. */
  private onCrash({ payload }: ConsumerCrashEvent): void {
    this.deps.settings.logger('error', 'consumer crashed', {
      groupId: this.groupId,
      error: errorMessage(payload.error),
      restartedByClient: payload.restart,
    });
    if (!payload.restart) this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.stopController.signal.aborted) return;
    this.restartFailures++;
    const delay = backoffDelay(this.options.retry, this.restartFailures);
    void abortableSleep(delay, this.stopController.signal)
      .then(async () => {
        if (this.stopController.signal.aborted) return;
        await this.consumer.connect();
        await this.run();
        this.restartFailures = 0;
      })
      .catch((error: unknown) => {
        this.deps.settings.logger('error', 'consumer restart failed', {
          groupId: this.groupId,
          error: errorMessage(error),
        });
        this.scheduleRestart();
      });
  }
}
