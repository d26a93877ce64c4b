import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Topics, type Consumer, type EventLog } from '@pharmatrace/messaging';
import { EVENT_LOG, MetricsRegistry, TUNING, type Tuning } from '@pharmatrace/runtime';
import { decodeCapturedEvent } from './captured-event.codec';
import { EventStoreRepository } from './event-store.repository';

export const EVENT_STORE_GROUP = 'event-store';

/**
 * Persists every captured event to the EPCIS event store. Idempotent on the event hash, so redelivery
 * after a crash stores nothing twice; the offset is committed only after the insert committed.
 */
@Injectable()
export class EventStoreConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventStoreConsumer.name);
  private consumer: Consumer | undefined;

  constructor(
    @Inject(EVENT_LOG) private readonly log: EventLog,
    private readonly store: EventStoreRepository,
    private readonly metrics: MetricsRegistry,
    @Inject(TUNING) private readonly tuning: Tuning,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.log.consume({
      groupId: EVENT_STORE_GROUP,
      topic: Topics.EpcisEvents,
      maxBatchSize: this.tuning.consumerBatchSize,
      handleBatch: async (records) => {
        const stored = await this.store.store(records.map(decodeCapturedEvent));
        this.metrics.increment(
          'pharmatrace_events_stored_total',
          'EPCIS events written to the event store',
          {},
          stored,
        );
      },
    });
    this.logger.log(`consuming ${Topics.EpcisEvents} as group ${EVENT_STORE_GROUP}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }
}
