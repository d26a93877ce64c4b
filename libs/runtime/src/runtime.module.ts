import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Database } from '@pharmatrace/persistence';
import type { EventLog } from '@pharmatrace/messaging';
import { CLOCK, DATABASE, EVENT_LOG, systemClock, type Clock } from './runtime.tokens';
import { MetricsRegistry } from './metrics.registry';
import { HealthController } from './health.controller';

export interface RuntimePorts {
  database: Database;
  eventLog: EventLog;
  clock?: Clock;
}

/**
 * Makes the process's ports (database, event log, clock) injectable everywhere. The ports are opened
 * before Nest starts (their adapters depend on the mode) and closed by whoever opened them.
 */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(ports: RuntimePorts): DynamicModule {
    return {
      module: RuntimeModule,
      controllers: [HealthController],
      providers: [
        { provide: DATABASE, useValue: ports.database },
        { provide: EVENT_LOG, useValue: ports.eventLog },
        { provide: CLOCK, useValue: ports.clock ?? systemClock },
        MetricsRegistry,
      ],
      exports: [DATABASE, EVENT_LOG, CLOCK, MetricsRegistry],
    };
  }
}
