import { hashApiKey } from '@pharmatrace/auth';
import { loadPlatformConfig } from '@pharmatrace/config';
import {
  epcisDocument,
  MANUFACTURER,
  PHARMACY,
  THREE_TIER_GTIN as GTIN,
} from '@pharmatrace/custody-processing/testing';
import { openPorts, type OpenPorts } from '@pharmatrace/runtime';
import {
  engineSettings,
  freePort,
  startChildService,
  uniqueName,
  waitFor,
  type ChildService,
} from '@pharmatrace/testing';

const MAKER_KEY = 'pt_verification-api-e2e-maker';
const PHARMACY_KEY = 'pt_verification-api-e2e-pharmacy';
const epc = (n: number) => `urn:epc:id:sgtin:0614141.107346.E${n}`;

describe('verification-api, capture-api and custody-processor as separate processes (Kafka, PostgreSQL)', () => {
  const engines = engineSettings();
  const schema = uniqueName('verif').replace(/-/g, '_');
  let ports: OpenPorts;
  const children: ChildService[] = [];
  let port: number;
  let capturePort: number;

  const env = (httpPort: number) => ({
    DATABASE_URL: engines.databaseUrl,
    DATABASE_SCHEMA: schema,
    KAFKA_BROKERS: engines.kafkaBrokers.join(','),
    EVENT_LOG_NAMESPACE: schema,
    HTTP_PORT: String(httpPort),
  });
  const start = async (entry: string) => {
    const httpPort = await freePort();
    children.push(
      await startChildService(entry, env(httpPort), async () => {
        const response = await fetch(`http://127.0.0.1:${httpPort}/health`);
        return response.ok;
      }),
    );
    return httpPort;
  };
  const call = async (method: string, path: string, key: string, body?: unknown, to = port) => {
    const response = await fetch(`http://127.0.0.1:${to}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    const config = loadPlatformConfig({
      DATABASE_URL: engines.databaseUrl,
      KAFKA_BROKERS: engines.kafkaBrokers.join(','),
    });
    ports = await openPorts(config, { schema, namespace: schema });
    const sql = ports.database.sql;
    for (const p of [MANUFACTURER, PHARMACY]) {
      await sql.query(
        `insert into participants (gln, name, role, company_prefixes) values ($1, $2, $3, $4)`,
        [p.gln, p.role, p.role, p.companyPrefixes],
      );
      for (const l of p.locations) {
        await sql.query(`insert into participant_locations (sgln, gln, name) values ($1, $2, $3)`, [
          l.sgln,
          p.gln,
          l.name,
        ]);
      }
    }
    await sql.query(
      `insert into api_keys (id, gln, key_hash, label) values
         (gen_random_uuid(), $1, $2, 'e2e'), (gen_random_uuid(), $3, $4, 'e2e')`,
      [MANUFACTURER.gln, hashApiKey(MAKER_KEY), PHARMACY.gln, hashApiKey(PHARMACY_KEY)],
    );
    await sql.query(`insert into products (gtin, owner_gln, name) values ($1, $2, 'Amoxicillin')`, [
      GTIN,
      MANUFACTURER.gln,
    ]);
    [port, capturePort] = await Promise.all([
      start('apps/verification-api/src/main.ts'),
      start('apps/capture-api/src/main.ts'),
      start('apps/custody-processor/src/main.ts'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(children.map((child) => child.kill()));
    await ports?.database.sql.query(`drop schema if exists "${schema}" cascade`);
    await ports?.close();
  });

  it('verifies and decommissions, waiting for a processor in another process', async () => {
    // The maker commissions through the capture API and, to keep the test short, keeps the packs.
    const commission = await call(
      'POST',
      '/epcis/capture',
      MAKER_KEY,
      epcisDocument([
        {
          type: 'ObjectEvent',
          eventTime: '2026-04-01T08:00:00.000Z',
          eventTimeZoneOffset: '+00:00',
          epcList: [epc(1), epc(2)],
          action: 'ADD',
          bizStep: 'commissioning',
          disposition: 'active',
          readPoint: { id: MANUFACTURER.locations[0]?.sgln },
          bizLocation: { id: MANUFACTURER.locations[0]?.sgln },
          ilmd: { 'cbvmda:lotNumber': 'L1', 'cbvmda:itemExpirationDate': '2028-06-30' },
        },
      ]),
      capturePort,
    );
    expect(commission.status).toBe(202);
    await waitFor(
      async () =>
        (await call('GET', `/v1/verify?gtin=${GTIN}&serial=E1`, MAKER_KEY)).body['verdict'] === 'authentic',
      60_000,
      'pack commissioned',
    );
    const byPharmacy = await call(
      'GET',
      `/v1/verify?gtin=${GTIN}&serial=E1&lot=L1&expiry=280630`,
      PHARMACY_KEY,
    );
    expect(byPharmacy.body).toMatchObject({ verdict: 'authentic', custodian: { role: 'manufacturer' } });
    expect(byPharmacy.body['custodian']).not.toHaveProperty('gln');

    const destroyed = await call('POST', '/v1/decommission', MAKER_KEY, {
      gtin: GTIN,
      serial: 'E2',
      reason: 'destroyed',
    });
    expect(destroyed.status).toBe(200);
    expect(destroyed.body).toMatchObject({
      applied: true,
      verification: { verdict: 'decommissioned', reason: 'destroyed' },
    });
  }, 90_000);
});
