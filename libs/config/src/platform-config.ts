/**
 * The platform's configuration, read from the environment once at boot and validated as a whole:
 * every problem is reported together, naming the variable and what is wrong with it.
 */
export interface PlatformConfig {
  httpPort: number;
  httpHost: string;
  mqttPort: number;
  dataDir: string;
  /** PostgreSQL connection string; absent means the embedded database (PGlite) under dataDir. */
  databaseUrl: string | undefined;
  /** Kafka bootstrap brokers; empty means the embedded, database-backed event log. */
  kafkaBrokers: string[];
  /** External MQTT broker; absent means the embedded broker on mqttPort. */
  mqttUrl: string | undefined;
  fabric: FabricConfig | undefined;
  /** PostgreSQL schema for all tables (default: the connection's search_path, usually public). */
  databaseSchema: string | undefined;
  /** Prefix for event-log topics and consumer groups, so platforms can share one Kafka. */
  namespace: string | undefined;
  /** Most events a consumer handles in one transaction. */
  consumerBatchSize: number;
}

export interface FabricConfig {
  channel: string;
  chaincode: string;
  peerEndpoint: string;
  peerHostAlias: string;
  tlsCertPath: string;
  mspId: string;
  certPath: string;
  keyPath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    problems.push(`${name}=${raw} is not a TCP port (0-65535)`);
    return fallback;
  }
  return value;
}

function fabricConfig(env: Env, problems: string[]): FabricConfig | undefined {
  const keys = {
    peerEndpoint: 'FABRIC_PEER_ENDPOINT',
    peerHostAlias: 'FABRIC_PEER_HOST_ALIAS',
    tlsCertPath: 'FABRIC_TLS_CERT',
    mspId: 'FABRIC_MSP_ID',
    certPath: 'FABRIC_CERT',
    keyPath: 'FABRIC_KEY',
  } as const;
  const present = Object.values(keys).filter((k) => env[k]);
  if (present.length === 0) return undefined;
  const missing = Object.values(keys).filter((k) => !env[k]);
  if (missing.length > 0) {
    problems.push(`Fabric is partly configured: ${missing.join(', ')} missing (set all FABRIC_* or none)`);
    return undefined;
  }
  return {
    channel: env['FABRIC_CHANNEL'] ?? 'pharmatrace',
    chaincode: env['FABRIC_CHAINCODE'] ?? 'pharma-custody',
    peerEndpoint: env[keys.peerEndpoint] ?? '',
    peerHostAlias: env[keys.peerHostAlias] ?? '',
    tlsCertPath: env[keys.tlsCertPath] ?? '',
    mspId: env[keys.mspId] ?? '',
    certPath: env[keys.certPath] ?? '',
    keyPath: env[keys.keyPath] ?? '',
  };
}

function positiveInteger(env: Env, name: string, fallback: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    problems.push(`${name}=${raw} must be an integer from 1 to ${max}`);
    return fallback;
  }
  return value;
}

function identifier(env: Env, name: string, problems: string[]): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^[a-z][a-z0-9_-]{0,62}$/.test(value)) {
    problems.push(`${name}=${value} must be lower-case letters, digits, _ or -, starting with a letter`);
    return undefined;
  }
  return value;
}

export function loadPlatformConfig(env: Env = process.env): PlatformConfig {
  const problems: string[] = [];
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// connection string');
  }
  const mqttUrl = env['MQTT_URL'] || undefined;
  if (mqttUrl && !/^mqtts?:\/\//.test(mqttUrl)) problems.push('MQTT_URL must start with mqtt:// or mqtts://');
  const kafkaBrokers = (env['KAFKA_BROKERS'] ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of kafkaBrokers) {
    if (!/^[^:\s]+:\d+$/.test(broker)) problems.push(`KAFKA_BROKERS entry "${broker}" is not host:port`);
  }
  const config: PlatformConfig = {
    httpPort: port(env, 'HTTP_PORT', 3000, problems),
    httpHost: env['HTTP_HOST'] ?? '127.0.0.1',
    mqttPort: port(env, 'MQTT_PORT', 1883, problems),
    dataDir: env['DATA_DIR'] ?? './data',
    databaseUrl,
    kafkaBrokers,
    mqttUrl,
    fabric: fabricConfig(env, problems),
    databaseSchema: identifier(env, 'DATABASE_SCHEMA', problems),
    namespace: identifier(env, 'EVENT_LOG_NAMESPACE', problems),
    consumerBatchSize: positiveInteger(env, 'CONSUMER_BATCH_SIZE', 1000, 10_000, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
