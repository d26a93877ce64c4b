import { connectAsync, type MqttClient } from 'mqtt';
import type { TestPlatform } from '@pharmatrace/auth/testing';
import { engineSettings, uniqueName, waitFor } from '@pharmatrace/testing';
import type { DeviceCredentials } from '../devices/device-registry.service';
import { deviceTopic } from '../shared/device-topics';
import { runScannerFleet, type SimulatedDevice } from '../simulation/scanner-fleet';
import {
  newRunTag,
  SIMULATED_GTIN,
  simulatedScanPayload,
  simulatedSerial,
} from '../simulation/simulated-scan.factory';
import { anSscc } from '../testing/edge.factories';
import {
  dynsecProvisioner,
  LogTap,
  mosquittoGateway,
  startEdgePlatform,
  uniqueGln,
  until,
} from '../testing/edge-test-platform';
import type { DeviceErrorReport } from './rejection.reporter';
import { EdgeGatewayService } from './edge-gateway.service';

const engines = engineSettings();

jest.setTimeout(120_000);

describe('edge gateway on Mosquitto (dynamic security) and Kafka', () => {
  const gln = uniqueGln();
  const sgln = `urn:epc:id:sgln:9506000.${gln.slice(7, 12)}.0`;
  const provisioner = dynsecProvisioner();
  const gateway = mosquittoGateway(gln);
  const registered: DeviceCredentials[] = [];
  const clients: MqttClient[] = [];
  const tap = new LogTap();
  let platform: TestPlatform;
  let apiKey: string;

  const register = async (id: string, role: string): Promise<DeviceCredentials> => {
    const response = await platform.request({
      method: 'POST',
      url: '/v1/devices',
      apiKey,
      body: { id, name: id, role, location: sgln },
    });
    expect(response.statusCode).toBe(201);
    const credentials = response.json<DeviceCredentials>();
    registered.push(credentials);
    return credentials;
  };
  const connectDevice = async (credentials: { username: string; password: string }): Promise<MqttClient> => {
    const client = await connectAsync(engines.mqttUrl, {
      ...credentials,
      clientId: uniqueName(credentials.username),
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
    });
    clients.push(client);
    return client;
  };
  const simulated = (credentials: DeviceCredentials): SimulatedDevice => ({
    id: credentials.username,
    gln,
    password: credentials.password,
  });
  const gatewayService = () => platform.app.get(EdgeGatewayService);
  const storedEvents = async () =>
    (await platform.ports.database.sql.query<{ n: number }>(`select count(*)::int as n from epcis_events`))[0]
      ?.n ?? 0;

  beforeAll(async () => {
    platform = await startEdgePlatform(gateway, provisioner);
    apiKey = (
      await platform.participant({
        gln,
        role: 'manufacturer',
        companyPrefixes: ['9506000'],
        locations: [{ sgln, name: 'Plant' }],
      })
    ).apiKey;
    await platform.ports.database.sql.query(
      `insert into products (gtin, owner_gln, name, min_temp_c, max_temp_c) values ($1, $2, 'Insulin pens', 2, 8)`,
      [SIMULATED_GTIN, gln],
    );
    await tap.start(platform);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await tap.stop();
    await platform?.close();
    await Promise.all(registered.map((credentials) => provisioner.removeDevice(credentials.device)));
    await provisioner.close();
  });

  it('registers devices with a one-time password, lists them and rotates credentials', async () => {
    const device = await register(uniqueName('dock'), 'shipping-dock');
    expect(device).toMatchObject({
      username: device.device.id,
      topicPrefix: `pharmatrace/${gln}/devices/${device.device.id}`,
    });
    const listed = await platform.request({ method: 'GET', url: '/v1/devices', apiKey });
    expect(listed.json<{ id: string }[]>().map((d) => d.id)).toContain(device.device.id);
    expect(listed.body).not.toContain(device.password);

    await (await connectDevice(device)).endAsync();
    const rotated = await platform.request({
      method: 'POST',
      url: `/v1/devices/${device.device.id}/rotate-credentials`,
      apiKey,
    });
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json<DeviceCredentials>();
    expect(fresh.password).not.toBe(device.password);
    await expect(connectDevice(device)).rejects.toThrow(/Bad User Name or Password|Not authorized/i);
    await (await connectDevice(fresh)).endAsync();

    const foreign = await platform.request({
      method: 'POST',
      url: '/v1/devices',
      apiKey,
      body: { name: 'x', role: 'shipping-dock', location: 'urn:epc:id:sgln:4012345.00000.0' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'LOCATION_NOT_OWNED' });
  });

  it('refuses a device publishing under another device’s topic or another participant', async () => {
    const a = await register(uniqueName('line-a'), 'commissioning-line');
    const b = await register(uniqueName('line-b'), 'commissioning-line');
    const client = await connectDevice(a);
    const before = gatewayService().stats().received;
    const barcode = `]d201${SIMULATED_GTIN}21ACL1\x1d10L1\x1d17301231`;
    await expect(
      client.publishAsync(deviceTopic(gln, b.username, 'scans'), barcode, { qos: 1 }),
    ).rejects.toThrow(/Not authorized/i);
    await expect(
      client.publishAsync(deviceTopic(uniqueGln(), a.username, 'scans'), barcode, { qos: 1 }),
    ).rejects.toThrow(/Not authorized/i);
    await expect(connectDevice({ username: a.username, password: 'wrong' })).rejects.toThrow(
      /Bad User Name or Password|Not authorized/i,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(gatewayService().stats().received).toBe(before);
  });

  it('delivers 10,000 scans from 10 devices to the event log exactly once', async () => {
    const devices = await Promise.all(
      Array.from({ length: 10 }, async (_, i) =>
        simulated(await register(uniqueName(`line${i}`), 'commissioning-line')),
      ),
    );
    const runTag = newRunTag();
    const storedBefore = await storedEvents();
    const eventsBefore = tap.events.length;
    const result = await runScannerFleet({
      url: engines.mqttUrl,
      devices,
      count: 10_000,
      ratePerSecond: 0,
      payload: (device, sequence) => simulatedScanPayload(device, sequence, { runTag }),
    });
    expect(result).toMatchObject({ acknowledged: 10_000, failed: 0 });
    await until(() => tap.events.length - eventsBefore >= 10_000, 120_000, '10,000 events on the log');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mine = tap.events.slice(eventsBefore);
    expect(mine).toHaveLength(10_000);
    const epcs = new Set(mine.map((captured) => captured.event.epcList?.[0]));
    expect(epcs.size).toBe(10_000);
    for (const [device, sequence] of [
      [0, 0],
      [9, 999],
      [4, 500],
    ] as const) {
      expect(epcs).toContain(`urn:epc:id:sgtin:9506000.013435.${simulatedSerial(runTag, device, sequence)}`);
    }
    expect(
      mine.every((captured) => captured.capturedBy === gln && captured.event.bizStep === 'commissioning'),
    ).toBe(true);
    await waitFor(async () => (await storedEvents()) - storedBefore >= 10_000, 120_000, 'events stored');
    expect((await storedEvents()) - storedBefore).toBe(10_000);
  }, 240_000);

  it('loses nothing when the gateway stops with messages in hand: redeliveries have the same hash', async () => {
    const devices = await Promise.all(
      Array.from({ length: 4 }, async (_, i) =>
        simulated(await register(uniqueName(`re${i}`), 'commissioning-line')),
      ),
    );
    const runTag = newRunTag();
    const storedBefore = await storedEvents();
    const eventsBefore = tap.events.length;
    const redeliveredBefore = gatewayService().stats().redelivered;
    const fleet = runScannerFleet({
      url: engines.mqttUrl,
      devices,
      count: 4_000,
      ratePerSecond: 2_000,
      payload: (device, sequence) => simulatedScanPayload(device, sequence, { runTag }),
    });
    await until(
      () => gatewayService().stats().accepted > 0 && tap.events.length > eventsBefore + 500,
      30_000,
      'some accepted',
    );
    await gatewayService().stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await gatewayService().start();
    expect(await fleet).toMatchObject({ acknowledged: 4_000, failed: 0 });
    const mine = () =>
      tap.events.slice(eventsBefore).filter((c) => c.event.epcList?.[0]?.includes(`.${runTag}`));
    await until(
      () => new Set(mine().map((c) => c.event.eventHash)).size >= 4_000,
      120_000,
      'all 4,000 events',
    );
    expect(new Set(mine().map((c) => c.event.eventHash)).size).toBe(4_000);
    // The messages in hand at the stop came again (MQTT DUP) and went to the log a second time with the
    // same event hash; the store, idempotent on the hash, holds each once.
    expect(gatewayService().stats().redelivered).toBeGreaterThan(redeliveredBefore);
    expect(mine().length).toBeGreaterThanOrEqual(4_000);
    await waitFor(async () => (await storedEvents()) - storedBefore >= 4_000, 120_000, 'events stored');
    expect((await storedEvents()) - storedBefore).toBe(4_000);
  }, 240_000);

  it('reports an unusable scan on the device’s error topic and as an alert, and carries on', async () => {
    const line = await register(uniqueName('line-bad'), 'commissioning-line');
    const client = await connectDevice(line);
    const reports: DeviceErrorReport[] = [];
    client.on('message', (_topic, payload) =>
      reports.push(JSON.parse(payload.toString()) as DeviceErrorReport),
    );
    await client.subscribeAsync(deviceTopic(gln, line.username, 'errors'), { qos: 1 });
    await client.publishAsync(deviceTopic(gln, line.username, 'scans'), ']d20109506000134353\x1d21X', {
      qos: 1,
    });
    await until(() => reports.length > 0, 20_000, 'error report');
    expect(reports[0]).toMatchObject({
      code: 'INVALID_BARCODE',
      message: expect.stringMatching(/check digit/),
    });
    await until(() => tap.alerts.some((a) => a['deviceId'] === line.username), 20_000, 'alert');
    expect(tap.alerts.find((a) => a['deviceId'] === line.username)).toMatchObject({
      code: 'INVALID_EVENT',
      participant: gln,
      reason: { code: 'INVALID_BARCODE' },
    });
    const serial = `OK${Date.now() % 100000}`;
    await client.publishAsync(
      deviceTopic(gln, line.username, 'scans'),
      JSON.stringify({
        barcode: `]d201${SIMULATED_GTIN}21${serial}\x1d10L1\x1d17301231`,
        timestamp: Date.now(),
      }),
      { qos: 1 },
    );
    await until(
      () => tap.events.some((c) => c.event.epcList?.[0]?.endsWith(`.${serial}`)),
      20_000,
      'valid scan after',
    );
  });

  it('turns a 9 °C reading into a sensor event with ALARM_CONDITION on the container, and 5 °C into none', async () => {
    const logger = await register(uniqueName('logger'), 'cold-chain-logger');
    const sscc = anSscc(Math.floor(Math.random() * 1e9));
    const container = `urn:epc:id:sscc:9506000.${sscc.slice(0, 1)}${sscc.slice(8, 17)}`;
    const insertPack = (epc: string, kind: string, parent: string | null) =>
      platform.ports.database.sql.query(
        `insert into packs (epc, kind, gtin, status, parent_epc, updated_at, state) values ($1, $2, $3, 'active', $4, now(), '{}')`,
        [epc, kind, kind === 'item' ? SIMULATED_GTIN : null, parent],
      );
    await insertPack(container, 'container', null);
    for (const serial of ['C1', 'C2', 'C3'])
      await insertPack(`urn:epc:id:sgtin:9506000.013435.${serial}${sscc.slice(10)}`, 'item', container);
    const client = await connectDevice(logger);
    const topic = deviceTopic(gln, logger.username, 'telemetry');
    const before = gatewayService().stats();
    await client.publishAsync(
      topic,
      JSON.stringify({ container: sscc, temperature: 5, timestamp: '2025-03-01T10:00:00Z' }),
      { qos: 1 },
    );
    await client.publishAsync(
      topic,
      JSON.stringify({ container: sscc, temperature: 9, humidity: 50, timestamp: '2025-03-01T10:05:00Z' }),
      {
        qos: 1,
      },
    );
    await until(() => tap.events.some((c) => c.event.epcList?.[0] === container), 20_000, 'sensor event');
    const events = tap.events.filter((c) => c.event.epcList?.[0] === container);
    expect(events).toHaveLength(1);
    expect(events[0]?.event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'sensor_reporting',
      eventTime: '2025-03-01T10:05:00.000Z',
      epcList: [container],
    });
    expect(events[0]?.event.sensorElementList?.[0]?.sensorReport).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Temperature', value: 9, uom: 'CEL', exception: 'ALARM_CONDITION' }),
      ]),
    );
    expect(gatewayService().stats().noEvent).toBe(before.noEvent + 1);
  });
});
