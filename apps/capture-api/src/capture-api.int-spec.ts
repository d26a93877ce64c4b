import { hashApiKey } from '@pharmatrace/auth';
import { commissioningDocument } from '@pharmatrace/capture/testing';
import { loadPlatformConfig } from '@pharmatrace/config';
import { openPorts, type OpenPorts } from '@pharmatrace/runtime';
import {
  engineSettings,
  freePort,
  startChildService,
  uniqueName,
  waitFor,
  type ChildService,
} from '@pharmatrace/testing';

const KEY = 'pt_capture-api-kill-test-key';

describe('capture-api process killed mid-document', () => {
  const engines = engineSettings();
  const schema = uniqueName('kill').replace(/-/g, '_');
  let ports: OpenPorts;
  let port: number;
  let child: ChildService | undefined;

  const env = () => ({
    DATABASE_URL: engines.databaseUrl,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: engines.kafkaBrokers.join(','),
    EVENT_LOG_NAMESPACE: schema,
    HTTP_PORT: String(port),
  });
  const start = () =>
    startChildService('apps/capture-api/src/main.ts', env(), async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      return response.ok;
    });
  const stored = async () =>
    (await ports.database.sql.query<{ n: number }>(`select count(*)::int as n from epcis_events`))[0]?.n ?? 0;

  beforeAll(async () => {
    port = await freePort();
    const config = loadPlatformConfig({
      DATABASE_URL: engines.databaseUrl,
      KAFKA_BROKERS: engines.kafkaBrokers.join(','),
    });
    ports = await openPorts(config, { schema, namespace: schema });
    await ports.database.sql.query(
      `insert into participants (gln, name, role, company_prefixes) values ('0614141000012', 'Maker', 'manufacturer', '{0614141}')`,
    );
    await ports.database.sql.query(
      `insert into api_keys (id, gln, key_hash, label) values (gen_random_uuid(), '0614141000012', $1, 'k')`,
      [hashApiKey(KEY)],
    );
  });
  afterAll(async () => {
    await child?.kill('SIGKILL');
    await ports.database.sql.query(`drop schema if exists "${schema}" cascade`);
    await ports.close();
  });

  it('stores every accepted event exactly once after a SIGKILL and a restart', async () => {
    child = await start();
    for (const prefix of ['A', 'B']) {
      const response = await fetch(`http://127.0.0.1:${port}/epcis/capture`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(commissioningDocument(10_000, prefix)),
      });
      expect(response.status).toBe(202);
    }
    // Accepted means on the log; the store is still catching up when the process dies.
    await waitFor(async () => (await stored()) > 0, 60_000, 'first events stored');
    await child.kill('SIGKILL');
    const atKill = await stored();
    expect(atKill).toBeLessThan(20_000);

    child = await start();
    await waitFor(async () => (await stored()) === 20_000, 120_000, 'all 20,000 events stored');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await stored()).toBe(20_000);
    expect(await child.kill('SIGTERM')).toBe(0);
  }, 240_000);
});
