import { connectAsync } from 'mqtt';
import { parseEpcUrn } from '@pharmatrace/gs1';
import type { DemoCredentials } from './demo-credentials';

/** The GS1-128 content a dock scanner reads off a pallet label: AIM id, AI 00 and the SSCC. */
export function ssccBarcode(ssccUrn: string): string {
  const parsed = parseEpcUrn(ssccUrn);
  if (parsed.kind !== 'sscc') throw new Error(`${ssccUrn} is not an SSCC`);
  return `]C100${parsed.sscc}`;
}

/**
 * Scans containers with a participant's dock scanner over MQTT (QoS 1, JSON payload with a timestamp
 * so a redelivered message is the same event). Resolves when the broker acknowledged every scan.
 */
export async function scanWithDevice(
  credentials: DemoCredentials,
  deviceId: string,
  ssccs: readonly string[],
  timestamp: () => string,
): Promise<void> {
  const device = credentials.devices.find((d) => d.id === deviceId);
  if (!device) throw new Error(`credentials have no device ${deviceId}`);
  const client = await connectAsync(credentials.mqttUrl, {
    username: device.username,
    password: device.password,
    clientId: `${device.id}-demo`,
    reconnectPeriod: 0,
    connectTimeout: 10_000,
  });
  try {
    const topic = `pharmatrace/${device.gln}/devices/${device.id}/scans`;
    for (const sscc of ssccs) {
      await client.publishAsync(
        topic,
        JSON.stringify({ barcode: ssccBarcode(sscc), timestamp: timestamp() }),
        { qos: 1 },
      );
    }
  } finally {
    await client.endAsync();
  }
}
