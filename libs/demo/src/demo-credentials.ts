import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DemoParticipant } from './demo-network';

export interface DemoCredentials {
  httpUrl: string;
  mqttUrl: string;
  participants: (Pick<DemoParticipant, 'key' | 'gln' | 'name' | 'role'> & { apiKey: string })[];
  devices: {
    id: string;
    participant: DemoParticipant['key'];
    gln: string;
    role: string;
    username: string;
    password: string;
  }[];
}

export function credentialsPath(dataDir: string): string {
  return join(dataDir, 'credentials.json');
}

/** Written once, readable by the owner only: it holds live API keys and device passwords. */
export function writeCredentials(dataDir: string, credentials: DemoCredentials): string {
  const file = credentialsPath(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return file;
}

export function readCredentials(dataDir: string): DemoCredentials {
  const file = credentialsPath(dataDir);
  if (!existsSync(file)) {
    throw new Error(`${file} not found: start the platform once (npm start) so it seeds the demo network`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as DemoCredentials;
}
