import { connectAsync, type MqttClient } from 'mqtt';
import type { TestPlatform } from '@pharmatrace/auth/testing';
import { uniqueName } from '@pharmatrace/testing';
import { DeviceRegistryService, type DeviceCredentials } from '../devices/device-registry.service';
import { EdgeGatewayService } from '../gateway/edge-gateway.service';
import { RegistryBackedProvisioner } from '../provisioning/broker-provisioner';
import { deviceTopic } from '../shared/device-topics';
import { runScannerFleet } from '../simulation/scanner-fleet';
import { newRunTag, SIMULATED_GTIN, simulatedScanPayload } from '../simulation/simulated-scan.factory';
import { LogTap, startEdgePlatform, uniqueGln, until } from '../testing/edge-test-platform';
import { startEmbeddedBroker, type EmbeddedBroker } from './embedded-broker';

jest.setTimeout(120_000);

describe('embedded aedes broker with the device registry (all-in-one mode)', () => {
  const gln = uniqueGln();
  const sgln = `urn:epc:id:sgln:9506000.${gln.slice(7, 12)}.0`;
  const service = { username: 'pharmatrace-service', password: uniqueName('secret') };
  const tap = new LogTap();
  const clients: MqttClient[] = [];
  let platform: TestPlatform;
  let broker: EmbeddedBroker;
  let url: string;
  let apiKey: string;

  const register = async (id: string): Promise<DeviceCredentials> => {
    const response = await platform.request({
      method: 'POST',
      url: '/v1/devices',
      apiKey,
      body: { id, name: id, role: 'receiving-dock', location: sgln },
    });
    expect(response.statusCode).toBe(201);
    return response.json<DeviceCredentials>();
  };
  const connect = async (username: string, password: string): Promise<MqttClient> => {
    const client = await connectAsync(url, {
      username,
      password,
      clientId: uniqueName(username),
      reconnectPeriod: 0,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    platform = await startEdgePlatform(
      {
        mqttUrl: 'mqtt://127.0.0.1:1',
        ...service,
        gatewayId: uniqueName('gw'),
        sharedGroup: undefined,
        glns: [],
        lanes: 1,
        protocolVersion: 4,
        sessionExpirySeconds: 0,
        maxBatch: 500,
        lingerMs: 2,
        acknowledge: 'on-receipt',
        reportAllReadings: false,
        autoStart: false,
      },
      new RegistryBackedProvisioner(),
      { embeddedLog: true },
    );
    broker = await startEmbeddedBroker({
      port: 0,
      registry: platform.app.get(DeviceRegistryService),
      service,
    });
    url = `mqtt://127.0.0.1:${broker.port}`;
    await platform.app.get(EdgeGatewayService).start(url);
    apiKey = (
      await platform.participant({
        gln,
        role: 'distributor',
        companyPrefixes: ['9506000'],
        locations: [{ sgln, name: 'DC' }],
      })
    ).apiKey;
    await tap.start(platform);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await tap.stop();
    await platform?.close();
    await broker?.close();
  });

  it('authenticates devices against the registry’s scrypt hashes', async () => {
    const dock = await register(uniqueName('dock'));
    await expect(connect(dock.username, dock.password)).resolves.toBeDefined();
    await expect(connect(dock.username, `${dock.password}x`)).rejects.toThrow(/Bad username or password/i);
    await expect(connect('nobody', 'x')).rejects.toThrow(/Bad username or password/i);
  });

  it('delivers 1,000 scans exactly once through the same gateway code', async () => {
    const device = await register(uniqueName('dock'));
    const runTag = newRunTag();
    const before = tap.events.length;
    const result = await runScannerFleet({
      url,
      devices: [{ id: device.username, gln, password: device.password }],
      count: 1_000,
      ratePerSecond: 0,
      protocolVersion: 4,
      payload: (d, s) => simulatedScanPayload(d, s, { runTag }),
    });
    expect(result).toMatchObject({ acknowledged: 1_000, failed: 0 });
    await until(() => tap.events.length - before >= 1_000, 60_000, '1,000 events');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const mine = tap.events.slice(before);
    expect(mine).toHaveLength(1_000);
    expect(new Set(mine.map((c) => c.event.eventHash)).size).toBe(1_000);
    expect(mine[0]?.event).toMatchObject({
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: sgln,
    });
  });

  it('refuses publishing under another device’s topic and subscribing to its errors', async () => {
    const a = await register(uniqueName('dock-a'));
    const b = await register(uniqueName('dock-b'));
    const received = platform.app.get(EdgeGatewayService).stats().received;
    const client = await connect(a.username, a.password);
    await expect(client.subscribeAsync(deviceTopic(gln, b.username, 'errors'), { qos: 1 })).rejects.toThrow(
      /Unspecified error/,
    );
    await expect(client.subscribeAsync(deviceTopic(gln, a.username, 'errors'), { qos: 1 })).resolves.toEqual([
      expect.objectContaining({ qos: 1 }),
    ]);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish(deviceTopic(gln, b.username, 'scans'), `]d201${SIMULATED_GTIN}21Z1`, { qos: 1 });
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(platform.app.get(EdgeGatewayService).stats().received).toBe(received);
  });
});
