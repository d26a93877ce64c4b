import { Presets, SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import {
  newRunTag,
  runScannerFleet,
  SIMULATED_GTIN,
  simulatedScanPayload,
  type SimulatedDevice,
} from '@pharmatrace/edge';
import { loadCredentials, provisionDevices, saveCredentials } from './simulate-devices';

interface ScannerOptions {
  url: string;
  devices: number;
  rate: number;
  count: number;
  credentials?: string;
  api?: string;
  apiKey?: string;
  location?: string;
  role: string;
  saveCredentials?: string;
  gtin: string;
  protocol: number;
}

const positive =
  (name: string, allowZero = false) =>
  (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < (allowZero ? 0 : 1))
      throw new InvalidArgumentError(`${name} must be an integer ≥ ${allowZero ? 0 : 1}`);
    return n;
  };

async function devicesFor(options: ScannerOptions): Promise<SimulatedDevice[]> {
  if (options.credentials) {
    const all = loadCredentials(options.credentials);
    if (all.length < options.devices)
      throw new Error(`${options.credentials} holds ${all.length} devices, ${options.devices} asked`);
    return all.slice(0, options.devices);
  }
  if (!options.api || !options.apiKey || !options.location) {
    throw new Error('give --credentials <file>, or --api, --api-key and --location to register the devices');
  }
  const devices = await provisionDevices({
    api: options.api,
    apiKey: options.apiKey,
    location: options.location,
    role: options.role,
    count: options.devices,
    prefix: `sim-${newRunTag().toLowerCase()}`,
  });
  if (options.saveCredentials) saveCredentials(options.saveCredentials, devices);
  return devices;
}

async function simulateScanners(options: ScannerOptions): Promise<void> {
  const devices = await devicesFor(options);
  const runTag = newRunTag();
  const bar = new SingleBar(
    {
      format: 'scans {bar} {value}/{total} acknowledged | {rate}/s | {duration_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(options.count, 0, { rate: 0 });
  const result = await runScannerFleet({
    url: options.url,
    devices,
    count: options.count,
    ratePerSecond: options.rate,
    protocolVersion: options.protocol === 4 ? 4 : 5,
    payload: (device, sequence) =>
      simulatedScanPayload(device, sequence, { runTag, gtin: options.gtin, startMs: started }),
    onProgress: (acknowledged) =>
      bar.update(acknowledged, {
        rate: Math.round(acknowledged / Math.max(0.001, (Date.now() - started) / 1000)),
      }),
  });
  bar.stop();
  const perSecond = Math.round(result.acknowledged / Math.max(0.001, result.elapsedMs / 1000));
  process.stdout.write(
    `${result.acknowledged} scans acknowledged by the broker (${result.failed} failed) from ${devices.length} devices ` +
      `in ${(result.elapsedMs / 1000).toFixed(1)} s: ${perSecond}/s; serials tagged ${runTag}\n`,
  );
  if (result.failed > 0) process.exitCode = 1;
}

/** `pharmatrace simulate scanners`: line scanners publishing commissioning scans over MQTT (QoS 1). */
export function registerSimulateCommand(program: Command): void {
  const simulate = program.command('simulate').description('Simulated devices for demos and load tests');
  simulate
    .command('scanners')
    .description('Publish GS1 DataMatrix scans from N simulated scanners at a total rate')
    .option('--url <mqtt-url>', 'MQTT broker', process.env['MQTT_URL'] ?? 'mqtt://127.0.0.1:1883')
    .option('--devices <n>', 'number of scanners', positive('--devices'), 10)
    .option(
      '--rate <per-second>',
      'scans per second over all scanners (0: as fast as acknowledged)',
      positive('--rate', true),
      100,
    )
    .option('--count <n>', 'scans in all', positive('--count'), 1000)
    .option('--credentials <file>', 'device logins: JSON [{ username, gln, password }]')
    .option('--api <url>', 'register the scanners through this platform API instead')
    .option(
      '--api-key <key>',
      'API key of the participant owning the scanners',
      process.env['PHARMATRACE_API_KEY'],
    )
    .option('--location <sgln>', 'SGLN of the participant location the scanners work at')
    .option('--role <role>', 'device role of registered scanners', 'commissioning-line')
    .option('--save-credentials <file>', 'write the registered logins here (mode 600) for later runs')
    .option('--gtin <gtin14>', 'GTIN printed on the simulated packs', SIMULATED_GTIN)
    .option('--protocol <4|5>', 'MQTT protocol version', positive('--protocol'), 5)
    .action((options: ScannerOptions) => simulateScanners(options));
}
