import { connectAsync, type MqttClient } from 'mqtt';
import { deviceTopic } from '../shared/device-topics';

export interface SimulatedDevice {
  id: string;
  gln: string;
  password: string;
}

export interface FleetOptions {
  url: string;
  devices: SimulatedDevice[];
  /** Messages in all, spread evenly over the devices. */
  count: number;
  /** Messages per second over the whole fleet; 0 for as fast as the broker acknowledges. */
  ratePerSecond: number;
  /** The payload of message `sequence` of device `deviceIndex`. */
  payload(deviceIndex: number, sequence: number): string;
  channel?: 'scans' | 'telemetry';
  protocolVersion?: 4 | 5;
  /** QoS 1 publishes a device keeps unacknowledged at once (default 64). */
  window?: number;
  /** Called at most every 100 ms and at the end with the number acknowledged so far. */
  onProgress?(acknowledged: number): void;
  /** Stops early when aborted; what was acknowledged is reported. */
  signal?: AbortSignal;
}

export interface FleetResult {
  /** Publishes the broker acknowledged (QoS 1 PUBACK). */
  acknowledged: number;
  /** Publishes the broker refused or that failed. */
  failed: number;
  elapsedMs: number;
}

/**
 * Simulated scanners: one MQTT connection per device, QoS 1 publishes on the device's own topic,
 * paced to a total rate. Used by `pharmatrace simulate scanners`, the benchmark and the tests.
 */
export async function runScannerFleet(options: FleetOptions): Promise<FleetResult> {
  const clients = await Promise.all(
    options.devices.map((device) =>
      connectAsync(options.url, {
        clientId: `${device.id}-sim-${process.pid}`,
        username: device.id,
        password: device.password,
        protocolVersion: options.protocolVersion ?? 5,
        clean: true,
        reconnectPeriod: 1_000,
        connectTimeout: 10_000,
      }),
    ),
  );
  const started = Date.now();
  let acknowledged = 0;
  let failed = 0;
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = Date.now();
    if (force || now - lastProgress >= 100) {
      lastProgress = now;
      options.onProgress?.(acknowledged);
    }
  };
  const perDevice = (index: number) =>
    Math.floor(options.count / options.devices.length) +
    (index < options.count % options.devices.length ? 1 : 0);
  const ratePerDevice = options.ratePerSecond / options.devices.length;
  const run = async (client: MqttClient, device: SimulatedDevice, index: number) => {
    const topic = deviceTopic(device.gln, device.id, options.channel ?? 'scans');
    const total = perDevice(index);
    const inFlight = new Set<Promise<void>>();
    for (let sequence = 0; sequence < total && !options.signal?.aborted; sequence++) {
      if (ratePerDevice > 0) {
        const due = started + (sequence / ratePerDevice) * 1000;
        const wait = due - Date.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const publish = client.publishAsync(topic, options.payload(index, sequence), { qos: 1 }).then(
        () => {
          acknowledged++;
          progress();
        },
        () => {
          failed++;
        },
      );
      const tracked = publish.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= (options.window ?? 64)) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  };
  try {
    await Promise.all(
      options.devices.map((device, index) => run(clients[index] as MqttClient, device, index)),
    );
  } finally {
    await Promise.all(clients.map((client) => client.endAsync()));
  }
  progress(true);
  return { acknowledged, failed, elapsedMs: Date.now() - started };
}
