import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  aggregationEvent,
  commissionEvents,
  DemoClient,
  DemoClock,
  demoParticipant,
  DEMO_PRODUCTS,
  epcisDocument,
  planDemo,
  readCredentials,
  receivingEvent,
  shippingEvent,
} from '@pharmatrace/demo';
import {
  engineEnvironment,
  engineSettings,
  freePort,
  startChildService,
  uniqueName,
  waitFor,
  type ChildService,
} from '@pharmatrace/testing';

/**
 * The platform as a real process: accepted events survive a SIGKILL, in the embedded mode (PGlite and
 * the database-backed log under a temporary DATA_DIR) and in the distributed mode (PostgreSQL + Kafka).
 */
describe.each([
  // Blank values: the embedded parts even when the caller's environment names real engines.
  ['embedded', () => ({ DATABASE_URL: '', KAFKA_BROKERS: '', MQTT_URL: '' })],
  [
    'distributed',
    () => {
      const namespace = uniqueName('e2e').replace(/-/g, '_');
      return {
        DATABASE_URL: engineSettings().databaseUrl,
        DATABASE_SCHEMA: namespace,
        KAFKA_BROKERS: engineSettings().kafkaBrokers.join(','),
        EVENT_LOG_NAMESPACE: namespace,
        SEED_DEMO: '1',
        // The real Mosquitto with the gateway's and the provisioner's logins.
        ...Object.fromEntries(
          Object.entries(engineEnvironment()).filter(([name]) => name.startsWith('MQTT_')),
        ),
        EDGE_GATEWAY_ID: namespace,
      };
    },
  ],
] as const)('platform process (%s mode)', (_mode, engineEnv) => {
  let dataDir: string;
  let child: ChildService | undefined;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pt-platform-'));
    env = {
      ...engineEnv(),
      DATA_DIR: dataDir,
      HTTP_PORT: String(await freePort()),
      MQTT_PORT: String(await freePort()),
    };
  });
  afterAll(async () => {
    await child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = () =>
    startChildService(
      'apps/platform/src/main.ts',
      env,
      async () => (await fetch(`http://127.0.0.1:${env['HTTP_PORT']}/health`)).ok,
      120_000,
    );

  it('keeps every accepted event through a SIGKILL and a restart', async () => {
    child = await start();
    await waitFor(
      () => {
        try {
          return Promise.resolve(readCredentials(dataDir).participants.length === 5);
        } catch {
          return Promise.resolve(false);
        }
      },
      30_000,
      'credentials written',
    );
    const credentials = readCredentials(dataDir);
    const client = (key: string) =>
      new DemoClient(credentials.httpUrl, credentials.participants.find((p) => p.key === key)?.apiKey ?? '');
    const M = demoParticipant('manufacturer');
    const W = demoParticipant('wholesaler');
    const plan = planDemo({ packs: 1000, packsPerCase: 100, casesPerPallet: 10, lots: ['E2E-A', 'E2E-B'] });
    const clock = new DemoClock();
    const pallet = plan.pallets.map((p) => p.sscc);
    const documents: [string, unknown[]][] = [
      [
        'manufacturer',
        [
          ...commissionEvents(plan, '2030-01-31', clock),
          ...plan.cases.map((c) => aggregationEvent(c.sscc, c.packs, 'ADD', M, clock)),
          ...plan.pallets.map((p) => aggregationEvent(p.sscc, p.cases, 'ADD', M, clock)),
          shippingEvent(pallet, M, W, clock),
        ],
      ],
      ['wholesaler', [receivingEvent(pallet, W, clock)]],
    ];
    let accepted = 0;
    for (const [who, events] of documents) {
      await client(who).expect(202, 'POST', '/epcis/capture', epcisDocument(events));
      accepted += events.length;
    }
    // Accepted means durable: kill at once, before the consumers are likely done.
    await child.kill('SIGKILL');

    child = await start();
    const regulator = client('regulator');
    const gtin = DEMO_PRODUCTS[0]?.gtin ?? '';
    await waitFor(
      async () => {
        const stats = await regulator.expect<{ total: number; byCustodian: Record<string, number> }>(
          200,
          'GET',
          `/v1/packs/stats?gtin=${gtin}`,
        );
        return stats.byCustodian[W.gln] === 1000;
      },
      120_000,
      'every pack with the wholesaler',
    );
    const events = await regulator.expect<{
      epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } };
    }>(200, 'GET', '/epcis/events?perPage=1000');
    expect(events.epcisBody.queryResults.resultsBody.eventList).toHaveLength(accepted);

    // The in-process ledger writer anchors the receipt: the wholesaler's verification shows its block.
    const pack = plan.packs[0] ?? '';
    const serial = pack.slice(pack.lastIndexOf('.') + 1);
    const ledgerOf = async () =>
      (
        await client('wholesaler').expect<{
          ledger?: { integrity: string; receipt?: { recordId: string; blockNumber?: string } };
        }>(200, 'GET', `/v1/verify?gtin=${gtin}&serial=${serial}`)
      ).ledger;
    await waitFor(
      async () => (await ledgerOf())?.receipt?.recordId.endsWith(`#${pack}`) === true,
      60_000,
      'the receipt anchored',
    );
    expect(await ledgerOf()).toMatchObject({ receipt: { blockNumber: expect.any(String) } });
    expect(await child.kill('SIGTERM')).toBe(0);
  }, 300_000);
});
