import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { CaptureModule } from '@pharmatrace/capture';
import { MasterDataModule } from '@pharmatrace/master-data';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import {
  engineSettings,
  freePort,
  startChildService,
  waitFor,
  type ChildService,
} from '@pharmatrace/testing';
import {
  captureThreeTier,
  PHARMACY,
  seedThreeTier,
  WHOLESALER,
} from '@pharmatrace/custody-processing/testing';

/** Capture only: the custody processor under test runs as a separate process. */
@Module({})
class CaptureOnlyModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: CaptureOnlyModule,
      imports: [RuntimeModule.forRoot(ports), MasterDataModule, CaptureModule],
    };
  }
}

describe('custody-processor process killed mid-run', () => {
  let platform: TestPlatform;
  let child: ChildService | undefined;
  let port: number;
  const sql = () => platform.ports.database.sql;
  const count = async (query: string) => (await sql().query<{ n: number }>(query))[0]?.n ?? 0;
  const processed = () => count(`select count(*)::int as n from processed_events where consumer = 'custody'`);

  beforeAll(async () => {
    platform = await startTestPlatform((ports) => CaptureOnlyModule.with(ports));
    port = await freePort();
  });
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await platform.close();
  });

  const start = () =>
    startChildService(
      'apps/custody-processor/src/main.ts',
      {
        DATABASE_URL: engineSettings().databaseUrl,
        DATABASE_SCHEMA: platform.schema,
        KAFKA_BROKERS: engineSettings().kafkaBrokers.join(','),
        EVENT_LOG_NAMESPACE: platform.namespace,
        HTTP_PORT: String(port),
        // One event per transaction, so the kill lands between commits of one run.
        CONSUMER_BATCH_SIZE: '1',
      },
      async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok,
    );

  it('reaches the same final state with no duplicate alert after SIGKILL and restart', async () => {
    const total = await captureThreeTier(platform, await seedThreeTier(platform));

    child = await start();
    await waitFor(async () => (await processed()) >= 3, 60_000, 'some events applied');
    await child.kill('SIGKILL');
    const atKill = await processed();
    expect(atKill).toBeLessThan(total);

    child = await start();
    await waitFor(async () => (await processed()) === total, 120_000, 'every event applied');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await processed()).toBe(total);
    expect(await child.kill('SIGTERM')).toBe(0);

    const states = await sql().query<{ status: string; custodian_gln: string; n: number }>(
      `select status, custodian_gln, count(*)::int as n from packs group by 1, 2 order by 1, 2`,
    );
    expect(states).toEqual([
      { status: 'active', custodian_gln: WHOLESALER.gln, n: 506 },
      { status: 'active', custodian_gln: PHARMACY.gln, n: 495 },
      { status: 'dispensed', custodian_gln: PHARMACY.gln, n: 10 },
    ]);
    expect(await count(`select count(*)::int as n from alerts`)).toBe(1);
    expect(await count(`select count(*)::int as n from aggregation_history`)).toBe(1000 + 10);
    expect(await count(`select count(*)::int as n from handoffs where status = 'verified'`)).toBe(2);
  }, 240_000);
});
