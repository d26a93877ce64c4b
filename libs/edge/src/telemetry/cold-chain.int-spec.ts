import { connectAsync, type MqttClient } from 'mqtt';
import type { TestPlatform } from '@pharmatrace/auth/testing';
import { EventIntake } from '@pharmatrace/capture';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { engineSettings, uniqueName, waitFor } from '@pharmatrace/testing';
import type { DeviceCredentials } from '../devices/device-registry.service';
import { deviceTopic } from '../shared/device-topics';
import { SIMULATED_GTIN } from '../simulation/simulated-scan.factory';
import { anSscc } from '../testing/edge.factories';
import {
  dynsecProvisioner,
  mosquittoGateway,
  startEdgePlatform,
  uniqueGln,
} from '../testing/edge-test-platform';

jest.setTimeout(120_000);

/**
 * The whole cold chain on the real engines: a line scanner commissions packs and a pallet over MQTT,
 * the packs are packed onto the pallet, a logger on the pallet reports 9 °C for a 2–8 °C product, and
 * the custody processor raises COLD_CHAIN_EXCURSION on exactly the packs on that pallet.
 */
describe('cold chain: a 9 °C reading on a pallet raises alerts on the packs inside it', () => {
  const gln = uniqueGln();
  const sgln = `urn:epc:id:sgln:9506000.${gln.slice(7, 12)}.0`;
  const provisioner = dynsecProvisioner();
  const registered: DeviceCredentials[] = [];
  const clients: MqttClient[] = [];
  let platform: TestPlatform;
  let apiKey: string;

  const sscc = anSscc(Math.floor(Math.random() * 1e9));
  const pallet = `urn:epc:id:sscc:9506000.${sscc.slice(0, 1)}${sscc.slice(8, 17)}`;
  const tag = uniqueName('p').slice(-6).toUpperCase();
  const serials = [1, 2, 3, 4].map((n) => `${tag}${n}`);
  const packEpc = (serial: string) => `urn:epc:id:sgtin:9506000.013435.${serial}`;
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 8, minute)).toISOString();

  const register = async (role: string): Promise<DeviceCredentials> => {
    const response = await platform.request({
      method: 'POST',
      url: '/v1/devices',
      apiKey,
      body: { id: uniqueName(role), name: role, role, location: sgln },
    });
    expect(response.statusCode).toBe(201);
    const credentials = response.json<DeviceCredentials>();
    registered.push(credentials);
    return credentials;
  };
  const publisher = async (device: DeviceCredentials) => {
    const client = await connectAsync(engineSettings().mqttUrl, {
      username: device.username,
      password: device.password,
      clientId: uniqueName(device.username),
      protocolVersion: 5,
    });
    clients.push(client);
    return (channel: 'scans' | 'telemetry', payload: unknown) =>
      client.publishAsync(deviceTopic(gln, device.username, channel), JSON.stringify(payload), { qos: 1 });
  };
  const query = <Row>(sql: string, params: unknown[]) => platform.ports.database.sql.query<Row>(sql, params);

  beforeAll(async () => {
    platform = await startEdgePlatform(mosquittoGateway(gln), provisioner, {
      imports: [CustodyProcessingModule],
    });
    apiKey = (
      await platform.participant({
        gln,
        role: 'manufacturer',
        companyPrefixes: ['9506000'],
        locations: [{ sgln, name: 'Plant' }],
      })
    ).apiKey;
    await query(
      `insert into products (gtin, owner_gln, name, min_temp_c, max_temp_c) values ($1, $2, 'Insulin', 2, 8)`,
      [SIMULATED_GTIN, gln],
    );
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await platform?.close();
    await Promise.all(registered.map((credentials) => provisioner.removeDevice(credentials.device)));
    await provisioner.close();
  });

  it('alerts the three packs on the pallet, not the fourth pack beside it', async () => {
    const scan = await publisher(await register('commissioning-line'));
    for (const [i, serial] of serials.entries()) {
      await scan('scans', {
        barcode: `]d201${SIMULATED_GTIN}21${serial}\x1d10LOT1\x1d17281231`,
        timestamp: at(i),
      });
    }
    await scan('scans', { barcode: `]C100${sscc}`, timestamp: at(5) });
    await waitFor(
      async () =>
        (
          await query<{ n: number }>(`select count(*)::int as n from packs where epc = any($1)`, [
            [...serials.map(packEpc), pallet],
          ])
        )[0]?.n === 5,
      60_000,
      'packs and pallet commissioned',
    );

    await platform.app.get(EventIntake).submit(gln, [
      {
        type: 'AggregationEvent',
        eventTime: at(6),
        eventTimeZoneOffset: '+00:00',
        parentID: pallet,
        childEPCs: serials.slice(0, 3).map(packEpc),
        action: 'ADD',
        bizStep: 'packing',
        disposition: 'in_progress',
        readPoint: { id: sgln },
        bizLocation: { id: sgln },
      },
    ]);
    await waitFor(
      async () =>
        (
          await query<{ n: number }>(`select count(*)::int as n from packs where parent_epc = $1`, [pallet])
        )[0]?.n === 3,
      60_000,
      'packs on the pallet',
    );

    const log = await publisher(await register('cold-chain-logger'));
    await log('telemetry', { container: sscc, temperature: 9, timestamp: at(7) });
    const alerted = async () =>
      (
        await query<{ epc: string }>(
          `select epc from alerts where code = 'COLD_CHAIN_EXCURSION' and epc = any($1)`,
          [[...serials.map(packEpc), pallet]],
        )
      ).map((row) => row.epc);
    await waitFor(async () => (await alerted()).length >= 3, 60_000, 'cold-chain alerts');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const epcs = await alerted();
    expect(epcs).toEqual(expect.arrayContaining(serials.slice(0, 3).map(packEpc)));
    expect(epcs).not.toContain(packEpc(serials[3] ?? ''));
  });
});
