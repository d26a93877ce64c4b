// End-to-end throughput of the MQTT edge at QoS 1: simulated scanners → broker → edge gateway →
// event intake → event log acknowledged (the moment the gateway may PUBACK), then verified by consuming
// the log. 127.0.0.1 only, bounded in count and time.
//   node tools/bin/run-app.js tools/bench/edge-throughput.bench.ts [--broker mosquitto|embedded]
//        [--count 50000] [--devices 20] [--lanes 256] [--max-batch 256] [--rate 0] [--timeout-ms 120000]
// Engines: `bash infra/infra.sh up postgres mosquitto kafka` (engineSettings()).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  DeviceRegistryService,
  DynsecProvisioner,
  EdgeGatewayService,
  newRunTag,
  RegistryBackedProvisioner,
  startEmbeddedBroker,
  type BrokerProvisioner,
  type DeviceCredentials,
  type EdgeGatewayOptions,
  type EmbeddedBroker,
} from '@pharmatrace/edge';
import { engineEnvironment, engineSettings, findRepoRoot, uniqueName } from '@pharmatrace/testing';
import { LogTap, startEdgePlatform, uniqueGln } from '../../libs/edge/src/testing/edge-test-platform';

interface Options {
  broker: 'mosquitto' | 'embedded';
  count: number;
  devices: number;
  lanes: number;
  maxBatch: number;
  rate: number;
  timeoutMs: number;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? (argv[index + 1] ?? fallback) : fallback;
  };
  const options: Options = {
    broker: value('--broker', 'mosquitto') === 'embedded' ? 'embedded' : 'mosquitto',
    count: Number(value('--count', '50000')),
    devices: Number(value('--devices', '20')),
    lanes: Number(value('--lanes', '256')),
    maxBatch: Number(value('--max-batch', '256')),
    rate: Number(value('--rate', '0')),
    timeoutMs: Number(value('--timeout-ms', '120000')),
  };
  if (!(options.count >= 1 && options.count <= 1_000_000)) throw new Error('--count must be 1 to 1,000,000');
  if (!(options.devices >= 1 && options.devices <= 500)) throw new Error('--devices must be 1 to 500');
  if (!(options.timeoutMs >= 1_000 && options.timeoutMs <= 600_000))
    throw new Error('--timeout-ms must be 1 s to 10 min');
  return options;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const engines = engineSettings();
  const env = engineEnvironment();
  const embedded = options.broker === 'embedded';
  const service = embedded
    ? { username: 'pharmatrace-service', password: uniqueName('bench') }
    : { username: engines.mqttServiceUsername, password: engines.mqttServicePassword };
  const gln = uniqueGln();
  const sgln = `urn:epc:id:sgln:9506000.${gln.slice(7, 12)}.0`;
  const gateway: EdgeGatewayOptions = {
    mqttUrl: embedded ? 'mqtt://127.0.0.1:1' : engines.mqttUrl,
    ...service,
    gatewayId: uniqueName('bench-gw'),
    sharedGroup: embedded ? undefined : uniqueName('bench'),
    glns: [gln],
    lanes: embedded ? 1 : options.lanes,
    protocolVersion: embedded ? 4 : 5,
    sessionExpirySeconds: 120,
    maxBatch: options.maxBatch,
    lingerMs: 2,
    acknowledge: embedded ? 'on-receipt' : 'after-log',
    reportAllReadings: false,
    autoStart: false,
  };
  const provisioner: BrokerProvisioner = embedded
    ? new RegistryBackedProvisioner()
    : new DynsecProvisioner({
        url: engines.mqttUrl,
        username: env['MQTT_PROVISIONER_USERNAME'] ?? '',
        password: env['MQTT_PROVISIONER_PASSWORD'] ?? '',
      });
  const platform = await startEdgePlatform(gateway, provisioner);
  const tap = new LogTap();
  const registered: DeviceCredentials[] = [];
  let broker: EmbeddedBroker | undefined;
  try {
    let url = engines.mqttUrl;
    if (embedded) {
      broker = await startEmbeddedBroker({
        port: 0,
        registry: platform.app.get(DeviceRegistryService),
        service,
      });
      url = `mqtt://127.0.0.1:${broker.port}`;
    }
    const { apiKey } = await platform.participant({
      gln,
      role: 'manufacturer',
      companyPrefixes: ['9506000'],
      locations: [{ sgln, name: 'Bench plant' }],
    });
    for (let i = 0; i < options.devices; i++) {
      const response = await platform.request({
        method: 'POST',
        url: '/v1/devices',
        apiKey,
        body: { id: uniqueName(`bench${i}`), name: `bench ${i}`, role: 'commissioning-line', location: sgln },
      });
      if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
      registered.push(response.json<DeviceCredentials>());
    }
    const gatewayService = platform.app.get(EdgeGatewayService);
    await gatewayService.start(url);

    const runTag = newRunTag();
    const started = Date.now();
    const worker = new Worker(
      `require(${JSON.stringify(join(findRepoRoot(), 'tools/bin/run-ts.js'))})('tools/bench/edge-fleet.worker.ts')`,
      {
        eval: true,
        workerData: {
          url,
          devices: registered.map((d) => ({ id: d.username, gln, password: d.password })),
          count: options.count,
          rate: options.rate,
          runTag,
          protocolVersion: gateway.protocolVersion,
        },
      },
    );
    let published: { acknowledged: number; failed: number; elapsedMs: number } | undefined;
    worker.on('message', (message: { kind: string; result?: typeof published; message?: string }) => {
      if (message.kind === 'done') published = message.result;
      if (message.kind === 'failed') console.error(`fleet failed: ${message.message}`);
    });
    const deadline = started + options.timeoutMs;
    let acceptedAt = 0;
    let firstAt = 0;
    const marks = new Map<number, number>();
    let lastReport = started;
    while (Date.now() < deadline) {
      const { accepted } = gatewayService.stats();
      if (accepted > 0 && firstAt === 0) firstAt = Date.now();
      for (const share of [0.1, 0.9])
        if (accepted >= options.count * share && !marks.has(share)) marks.set(share, Date.now());
      if (accepted >= options.count) {
        acceptedAt = Date.now();
        break;
      }
      if (Date.now() - lastReport >= 2_000) {
        lastReport = Date.now();
        console.log(
          `  … ${accepted} acknowledged by the event log after ${((lastReport - started) / 1000).toFixed(1)} s`,
        );
      }
      await sleep(5);
    }
    // Verified after the run, so reading the log back takes no CPU from the gateway under test.
    await tap.start(platform);
    const verifyDeadline = Date.now() + 60_000;
    while (tap.distinctHashes() < options.count && Date.now() < verifyDeadline) await sleep(100);
    await worker.terminate();
    const stats = gatewayService.stats();
    const seconds = ((acceptedAt || Date.now()) - started) / 1000;
    const steady = (marks.get(0.9) ?? 0) - (marks.get(0.1) ?? 0);
    console.log(
      JSON.stringify(
        {
          broker: options.broker,
          devices: options.devices,
          lanes: gateway.lanes,
          acknowledge: gateway.acknowledge,
          count: options.count,
          completed: acceptedAt > 0,
          seconds: Number(seconds.toFixed(2)),
          // Whole run, from starting the simulated scanners (their connections included).
          endToEndPerSecond: Math.round(stats.accepted / seconds),
          // From the first event acknowledged to the last, and between 10 % and 90 % (steady state).
          firstToLastPerSecond: acceptedAt
            ? Math.round(options.count / ((acceptedAt - firstAt) / 1000))
            : undefined,
          steadyPerSecond: steady > 0 ? Math.round((options.count * 0.8) / (steady / 1000)) : undefined,
          brokerAckedPerSecond: published
            ? Math.round(published.acknowledged / (published.elapsedMs / 1000))
            : undefined,
          gateway: stats,
          onLog: { records: tap.events.length, distinctEventHashes: tap.distinctHashes() },
        },
        null,
        2,
      ),
    );
    if (!acceptedAt || tap.distinctHashes() !== options.count) process.exitCode = 1;
  } finally {
    await tap.stop();
    await platform.close();
    await broker?.close();
    for (const credentials of registered)
      await provisioner.removeDevice(credentials.device).catch(() => undefined);
    await provisioner.close();
  }
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
