import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { decodeCapturedEvent } from '@pharmatrace/capture';
import { eventIdempotencyKey, type CapturedEvent } from '@pharmatrace/epcis';
import { Topics, type ConsumedRecord, type Consumer, type EventLog } from '@pharmatrace/messaging';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE, EVENT_LOG, MetricsRegistry, OutboxRelay, TUNING, type Tuning } from '@pharmatrace/runtime';
import { CustodyStoreRepository } from './custody-store.repository';
import { CustodyWorkingSet } from './custody-working-set';
import { CUSTODY_CONSUMER, writeCustodyBatch } from './custody-writer';

/**
 * Applies captured events to the pack state machine in log order. A batch is loaded once, applied in
 * memory event by event, and written in one transaction together with the ids of the events it
 * applied, so redelivery after a crash changes nothing twice (exactly-once effect).
 */
@Injectable()
export class CustodyProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CustodyProcessor.name);
  private consumer: Consumer | undefined;

  constructor(
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @Inject(DATABASE) private readonly database: Database,
    private readonly store: CustodyStoreRepository,
    private readonly outbox: OutboxRelay,
    private readonly metrics: MetricsRegistry,
    @Inject(TUNING) private readonly tuning: Tuning,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.log.consume({
      groupId: CUSTODY_CONSUMER,
      topic: Topics.EpcisEvents,
      maxBatchSize: this.tuning.consumerBatchSize,
      handleBatch: (records) => this.handleBatch(records),
    });
    this.logger.log(`consuming ${Topics.EpcisEvents} as group ${CUSTODY_CONSUMER}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async handleBatch(records: readonly ConsumedRecord[]): Promise<void> {
    const decoded = records.map(decodeCapturedEvent);
    const done = await this.store.processed(
      CUSTODY_CONSUMER,
      decoded.map((c) => eventIdempotencyKey(c.event)),
    );
    const fresh: CapturedEvent[] = [];
    for (const captured of decoded) {
      const key = eventIdempotencyKey(captured.event);
      if (done.has(key)) continue;
      done.add(key); // the same event twice in one batch
      fresh.push(captured);
    }
    if (fresh.length === 0) return;
    const declared = fresh.filter((c) => c.event.errorDeclaration).map((c) => c.event.eventID);
    const working = new CustodyWorkingSet(
      this.store,
      await this.store.directory(),
      await this.store.corrections(CUSTODY_CONSUMER, declared),
    );
    await working.prefetch(fresh);
    for (const captured of fresh) await working.apply(captured);
    const directory = await this.store.directory();
    await this.database.sql.transaction((tx) => writeCustodyBatch(tx, working.outcomes, directory));
    this.outbox.poke();
    const alerts = working.outcomes.reduce((n, o) => n + o.outcome.alerts.length, 0);
    this.metrics.increment(
      'pharmatrace_custody_events_applied_total',
      'events applied to pack state',
      {},
      fresh.length,
    );
    if (alerts > 0)
      this.metrics.increment('pharmatrace_custody_alerts_total', 'custody alerts raised', {}, alerts);
  }
}
