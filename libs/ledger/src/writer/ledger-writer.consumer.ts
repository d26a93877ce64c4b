import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Topics, type ConsumedRecord, type Consumer, type EventLog } from '@pharmatrace/messaging';
import type { SqlClient } from '@pharmatrace/persistence';
import type { Ledger } from '../ledger.port';
import { LedgerReceiptRepository } from './ledger-receipt.repository';
import { LedgerWriter, type LedgerWriterStats } from './ledger-writer';

export const LEDGER_WRITER_CONSUMER = 'ledger-writer';
export const LEDGER_WRITER_DEPENDENCIES = Symbol('LedgerWriterDependencies');
/** Optional: where the writer counts records by outcome (the runtime's MetricsRegistry fits). */
export const LEDGER_WRITER_METRICS = Symbol('LedgerWriterMetrics');

export interface LedgerWriterDependencies {
  readonly ledger: Ledger;
  readonly eventLog: EventLog;
  readonly sql: SqlClient;
  /** Most records per consumed batch, hence per submitBatch (default 1000, in transactions of 200). */
  readonly maxBatchRecords?: number;
  readonly clock?: { now(): Date };
}

export interface LedgerWriterMetrics {
  increment(name: string, help: string, labels?: Record<string, string>, by?: number): void;
}

/** Consumes `ledger.records` in its own group and anchors each batch (see LedgerWriter). */
@Injectable()
export class LedgerWriterConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LedgerWriterConsumer.name);
  private readonly writer: LedgerWriter;
  private consumer: Consumer | undefined;

  constructor(
    @Inject(LEDGER_WRITER_DEPENDENCIES) private readonly deps: LedgerWriterDependencies,
    @Optional() @Inject(LEDGER_WRITER_METRICS) private readonly metrics?: LedgerWriterMetrics,
  ) {
    this.writer = new LedgerWriter(deps.ledger, new LedgerReceiptRepository(deps.sql), deps.clock);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.deps.eventLog.consume({
      groupId: LEDGER_WRITER_CONSUMER,
      topic: Topics.LedgerRecords,
      maxBatchSize: this.deps.maxBatchRecords ?? 1000,
      handleBatch: (records) => this.handleBatch(records),
    });
    this.logger.log(`consuming ${Topics.LedgerRecords} as group ${LEDGER_WRITER_CONSUMER}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
  }

  async handleBatch(records: readonly ConsumedRecord[]): Promise<void> {
    this.count(await this.writer.handleBatch(records));
  }

  private count(stats: LedgerWriterStats): void {
    const outcomes: [string, number][] = [
      ['anchored', stats.anchored],
      ['duplicate', stats.duplicates],
      ['rejected', stats.rejected],
      ['skipped', stats.skipped],
    ];
    for (const [outcome, n] of outcomes) {
      if (n > 0)
        this.metrics?.increment(
          'pharmatrace_ledger_records_total',
          'ledger records by outcome',
          { outcome },
          n,
        );
    }
  }
}
