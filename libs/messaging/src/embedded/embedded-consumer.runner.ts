import type { ConsumedRecord, Consumer } from '../event-log.port';
import { BatchDeliveryEngine } from '../delivery/batch-delivery.engine';
import type { ResolvedConsumeOptions } from '../delivery/consume-options';
import type { DeadLetter } from '../delivery/dead-letter';
import { abortableSleep, backoffDelay, type Sleep } from '../delivery/retry-policy';
import { errorMessage } from '../messaging.error';
import type { MessagingLogger } from '../messaging.logger';
import type { EmbeddedLogRepository, Lease } from './embedded-log.repository';
import { type LogNotifier, leaseChannel, recordsChannel } from './log-notifier';

export interface EmbeddedConsumerDeps {
  repository: EmbeddedLogRepository;
  notifier: LogNotifier;
  logger: MessagingLogger;
  owner: string;
  pollIntervalMs: number;
  leaseMs: number;
  publishDeadLetter: (letter: DeadLetter) => Promise<void>;
  onStopped: (consumer: EmbeddedConsumerRunner) => void;
  sleep?: Sleep;
}

/**
 * One member of a consumer group on the database-backed log. It holds the topic's single partition
 * through a lease (so one member of a group works at a time, even across processes), polls for
 * records after the committed id, hands them to the shared delivery engine and commits the last
 * handled id. It wakes at once on an in-process publish and every `pollIntervalMs` otherwise.
 */
export class EmbeddedConsumerRunner implements Consumer {
  readonly groupId: string;
  readonly topic: string;
  private readonly stopController = new AbortController();
  private readonly engine: BatchDeliveryEngine;
  private readonly lease: Lease;
  private readonly sleep: Sleep;
  private readonly unsubscribe: (() => void)[] = [];
  private loop: Promise<void> = Promise.resolve();
  private stopping: Promise<void> | undefined;
  private poked = false;
  private wake: (() => void) | undefined;
  /** The committed id while this member holds the lease; undefined when it does not. */
  private position: string | undefined;
  private leaseRenewedAt = 0;

  constructor(
    private readonly options: ResolvedConsumeOptions,
    private readonly deps: EmbeddedConsumerDeps,
  ) {
    this.groupId = options.groupId;
    this.topic = options.topic;
    this.sleep = deps.sleep ?? abortableSleep;
    this.lease = { groupId: options.groupId, topic: options.topic, owner: deps.owner, leaseMs: deps.leaseMs };
    this.engine = new BatchDeliveryEngine({
      groupId: options.groupId,
      topic: options.topic,
      handleBatch: options.handleBatch,
      publishDeadLetter: deps.publishDeadLetter,
      retry: options.retry,
      logger: deps.logger,
      sleep: this.sleep,
    });
  }

  /** Takes the lease if it is free, then keeps working in the background until `stop`. */
  async start(): Promise<void> {
    this.unsubscribe.push(
      this.deps.notifier.subscribe(recordsChannel(this.topic), () => this.poke(true)),
      this.deps.notifier.subscribe(leaseChannel(this.groupId, this.topic), () => this.poke(false)),
    );
    await this.tryAcquire().catch((error: unknown) => this.reportDatabaseError(error, 1));
    this.loop = this.run();
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.stopController.abort();
      this.unsubscribe.forEach((unsubscribe) => unsubscribe());
      await this.loop;
      this.deps.onStopped(this);
    })();
    return this.stopping;
  }

  private async run(): Promise<void> {
    const { signal } = this.stopController;
    let failures = 0;
    while (!signal.aborted) {
      try {
        if (this.position === undefined && !(await this.tryAcquire())) {
          await this.idle();
          continue;
        }
        const records = await this.deps.repository.fetch(
          this.topic,
          this.position ?? '0',
          this.options.maxBatchSize,
        );
        if (records.length === 0) {
          await this.keepLease();
          await this.idle();
        } else {
          await this.deliverAndCommit(records);
        }
        failures = 0;
      } catch (error) {
        failures++;
        this.position = undefined; // re-read the committed id once the database answers again
        this.reportDatabaseError(error, failures);
        await this.sleep(backoffDelay(this.options.retry, failures), signal);
      }
    }
    await this.release();
  }

  private async deliverAndCommit(records: ConsumedRecord[]): Promise<void> {
    const abort = new AbortController();
    const onStop = () => abort.abort();
    this.stopController.signal.addEventListener('abort', onStop, { once: true });
    let leaseLost = false;
    // Renew while a handler or a backoff takes long, so no other member takes the partition over.
    const timer = setInterval(() => {
      this.deps.repository.renewLease(this.lease).then(
        (renewed) => {
          if (renewed) return;
          leaseLost = true;
          abort.abort();
        },
        (error: unknown) =>
          this.deps.logger('warn', 'lease renewal failed', { ...this.context(), error: errorMessage(error) }),
      );
    }, this.renewEveryMs());
    try {
      const { completed } = await this.engine.deliver(records, abort.signal);
      const last = records[completed - 1];
      if (last && !leaseLost && (await this.deps.repository.commit(this.lease, last.offset))) {
        this.position = last.offset;
        this.leaseRenewedAt = Date.now();
      } else if (last || leaseLost) {
        this.deps.logger('warn', 'lease lost: another group member took the partition over', this.context());
        this.position = undefined;
      }
    } finally {
      clearInterval(timer);
      this.stopController.signal.removeEventListener('abort', onStop);
    }
  }

  private async tryAcquire(): Promise<boolean> {
    const committed = await this.deps.repository.acquireLease(this.lease);
    if (committed !== undefined) {
      this.position = committed;
      this.leaseRenewedAt = Date.now();
    }
    return committed !== undefined;
  }

  private async keepLease(): Promise<void> {
    if (Date.now() - this.leaseRenewedAt < this.renewEveryMs()) return;
    if (await this.deps.repository.renewLease(this.lease)) this.leaseRenewedAt = Date.now();
    else this.position = undefined;
  }

  private async release(): Promise<void> {
    if (this.position === undefined) return;
    this.position = undefined;
    try {
      await this.deps.repository.releaseLease(this.lease);
      this.deps.notifier.notify(leaseChannel(this.groupId, this.topic));
    } catch (error) {
      // The lease expires on its own; another member then takes over.
      this.deps.logger('warn', 'could not release the lease', {
        ...this.context(),
        error: errorMessage(error),
      });
    }
  }

  /** Records wake the lease holder; a released lease wakes the members waiting for it. */
  private poke(records: boolean): void {
    if (records !== (this.position !== undefined)) return;
    if (this.wake) this.wake();
    else this.poked = true;
  }

  private idle(): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    const { signal } = this.stopController;
    if (signal.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.deps.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', this.wakeOnStop);
        this.wake = undefined;
        resolve();
      };
      signal.addEventListener('abort', this.wakeOnStop, { once: true });
    });
  }

  private readonly wakeOnStop = (): void => this.wake?.();

  private renewEveryMs(): number {
    return Math.max(1, Math.floor(this.deps.leaseMs / 3));
  }

  private reportDatabaseError(error: unknown, failures: number): void {
    this.deps.logger('warn', 'event log database call failed, retrying', {
      ...this.context(),
      error: errorMessage(error),
      failures,
    });
  }

  private context(): Record<string, unknown> {
    return { groupId: this.groupId, topic: this.topic, owner: this.deps.owner };
  }
}
