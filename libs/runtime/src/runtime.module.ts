import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Database } from '@pharmatrace/persistence';
import type { EventLog } from '@pharmatrace/messaging';
import {
  CLOCK,
  DATABASE,
  DEFAULT_TUNING,
  EVENT_LOG,
  systemClock,
  TUNING,
  type Clock,
  type Tuning,
} from './runtime.tokens';
import { MetricsRegistry } from './metrics.registry';
import { HealthController } from './health.controller';

export interface RuntimePorts {
  database: Database;
  eventLog: EventLog;
  clock?: Clock;
  tuning?: Partial<Tuning>;
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
        { provide: TUNING, useValue: { ...DEFAULT_TUNING, ...ports.tuning } },
        MetricsRegistry,
      ],
      exports: [DATABASE, EVENT_LOG, CLOCK, TUNING, MetricsRegistry],
    };
  }
}
