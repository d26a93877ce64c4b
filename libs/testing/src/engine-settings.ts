import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Connection settings for the real engines. Variables set in the environment win; otherwise the
 * values come from the env files that `npm run infra:up` writes under `.infra/env/`.
 */
export interface EngineSettings {
  databaseUrl: string;
  mqttUrl: string;
  mqttServiceUsername: string;
  mqttServicePassword: string;
  /** Command that adds a device login to the broker (only for the broker that infra/ started). */
  mqttAddUserCommand: string | undefined;
  kafkaBrokers: string[];
}

export class EngineNotConfiguredError extends Error {
  constructor(variable: string) {
    super(
      `${variable} is not set and no engine started by 'npm run infra:up' provides it. ` +
        `Run 'npm run infra:up' (or 'npm test', which starts the engines), or export ${variable}.`,
    );
    this.name = 'EngineNotConfiguredError';
  }
}

export function findRepoRoot(start: string = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/**
 * KEY=VALUE lines as the engine scripts write them. A value with spaces is single-quoted so the file
 * can also be sourced by a shell (`set -a; . .infra/env/mosquitto.env`); the quotes are not part of it.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] === undefined) continue;
    const raw = match[2] ?? '';
    const quoted = /^'([^']*)'$/.exec(raw);
    values[match[1]] = quoted?.[1] ?? raw;
  }
  return values;
}

/** Every KEY=VALUE the engine scripts wrote, overridden by the process environment. */
export function engineEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const stateDir = env['PHARMATRACE_STATE_DIR'] ?? join(findRepoRoot(), '.infra');
  const envDir = join(stateDir, 'env');
  const fromFiles: Record<string, string> = {};
  if (existsSync(envDir)) {
    for (const file of readdirSync(envDir)
      .filter((name) => name.endsWith('.env'))
      .sort()) {
      Object.assign(fromFiles, parseEnvFile(readFileSync(join(envDir, file), 'utf8')));
    }
  }
  const fromProcess = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return { ...fromFiles, ...fromProcess };
}

function required(values: Record<string, string>, name: string): string {
  const value = values[name];
  if (value === undefined || value === '') throw new EngineNotConfiguredError(name);
  return value;
}

export function engineSettings(env: NodeJS.ProcessEnv = process.env): EngineSettings {
  const values = engineEnvironment(env);
  return {
    get databaseUrl() {
      return required(values, 'DATABASE_URL');
    },
    get mqttUrl() {
      return required(values, 'MQTT_URL');
    },
    get mqttServiceUsername() {
      return required(values, 'MQTT_SERVICE_USERNAME');
    },
    get mqttServicePassword() {
      return required(values, 'MQTT_SERVICE_PASSWORD');
    },
    get mqttAddUserCommand() {
      return values['MOSQUITTO_ADD_USER'];
    },
    get kafkaBrokers() {
      return required(values, 'KAFKA_BROKERS')
        .split(',')
        .map((broker) => broker.trim())
        .filter(Boolean);
    },
  };
}
