import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
// Test wiring only: the pipeline under test starts at EPCIS capture. scope:trace may not depend on
// scope:capture (eslint.config.mjs); the lead decides whether tests get that edge (see the README).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { CaptureModule } from '@pharmatrace/capture';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { MasterDataModule } from '@pharmatrace/master-data';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { waitFor } from '@pharmatrace/testing';
import { TraceModule } from '../trace.module';
import type { TraceOptions } from '../trace.options';

@Module({})
class TraceTestModule {
  static with(ports: RuntimePorts, options: Partial<TraceOptions>): DynamicModule {
    return {
      module: TraceTestModule,
      imports: [
        RuntimeModule.forRoot(ports),
        MasterDataModule,
        CaptureModule,
        CustodyProcessingModule,
        TraceModule.withOptions(options),
      ],
    };
  }
}

/** The whole pipeline (capture → Kafka → custody → PostgreSQL) plus the trace module. */
export function startTracePlatform(options: Partial<TraceOptions> = {}): Promise<TestPlatform> {
  return startTestPlatform((ports) => TraceTestModule.with(ports, options));
}

export async function eventsApplied(platform: TestPlatform): Promise<number> {
  const rows = await platform.ports.database.sql.query<{ n: number }>(
    `select count(*)::int as n from processed_events where consumer = 'custody'`,
  );
  return rows[0]?.n ?? 0;
}

/** Waits until the custody processor has applied `count` events in all. */
export function waitForCustody(platform: TestPlatform, count: number): Promise<void> {
  return waitFor(async () => (await eventsApplied(platform)) >= count, 60_000, `${count} events applied`);
}
