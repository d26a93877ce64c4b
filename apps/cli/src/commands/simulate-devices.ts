import { readFileSync, writeFileSync } from 'node:fs';
import type { SimulatedDevice } from '@pharmatrace/edge';

export interface ProvisionOptions {
  api: string;
  apiKey: string;
  location: string;
  role: string;
  count: number;
  prefix: string;
}

interface CredentialsEntry {
  id?: string;
  username?: string;
  gln?: string;
  password?: string;
  device?: { id?: string; participantGln?: string };
}

/**
 * Device logins from a JSON file: an array (or `{ devices: [...] }`) of `{ username|id, gln, password }`
 * or of the registry's answers `{ device: { id, participantGln }, username, password }`.
 */
export function loadCredentials(file: string): SimulatedDevice[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    CredentialsEntry[] | { devices?: CredentialsEntry[] };
  const entries = Array.isArray(parsed) ? parsed : (parsed.devices ?? []);
  return entries.map((entry, index) => {
    const id = entry.username ?? entry.id ?? entry.device?.id;
    const gln = entry.gln ?? entry.device?.participantGln;
    if (!id || !gln || !entry.password)
      throw new Error(`${file}: entry ${index} needs username (or id), gln and password`);
    return { id, gln, password: entry.password };
  });
}

export function saveCredentials(file: string, devices: SimulatedDevice[]): void {
  writeFileSync(file, `${JSON.stringify(devices, null, 2)}\n`, { mode: 0o600 });
}

/** Registers devices through the registry API (`POST /v1/devices`); each answer carries its password once. */
export async function provisionDevices(options: ProvisionOptions): Promise<SimulatedDevice[]> {
  const devices: SimulatedDevice[] = [];
  for (let i = 0; i < options.count; i++) {
    const response = await fetch(new URL('/v1/devices', options.api), {
      method: 'POST',
      headers: { authorization: `Bearer ${options.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id: `${options.prefix}-${i}`,
        name: `simulated scanner ${i}`,
        role: options.role,
        location: options.location,
      }),
    });
    if (response.status !== 201)
      throw new Error(`POST /v1/devices answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as {
      username: string;
      password: string;
      device: { participantGln: string };
    };
    devices.push({ id: body.username, gln: body.device.participantGln, password: body.password });
  }
  return devices;
}
