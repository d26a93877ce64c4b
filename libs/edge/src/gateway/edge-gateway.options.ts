import { hostname } from 'node:os';
import { ConfigError } from '@pharmatrace/config';
import type { AcknowledgeMode } from './message-pipeline';

export interface EdgeGatewayOptions {
  mqttUrl: string;
  /** The platform's service login: reads every device topic, writes the error topics. */
  username: string;
  password: string;
  /** Stable per gateway instance: its lanes' MQTT client ids (persistent sessions) derive from it. */
  gatewayId: string;
  /** Shared-subscription group; undefined for brokers without `$share` (then one lane). */
  sharedGroup: string | undefined;
  /** Only these participants' devices (empty: all). */
  glns: string[];
  /** Concurrent MQTT sessions, each holding one message until the event log acknowledged it. */
  lanes: number;
  protocolVersion: 4 | 5;
  /** How long the broker keeps a lane's session (and its queued messages) while it is away. */
  sessionExpirySeconds: number;
  maxBatch: number;
  lingerMs: number;
  /** When a message is acknowledged to the broker (see AcknowledgeMode); `after-log` unless embedded. */
  acknowledge: AcknowledgeMode;
  /** Also emit sensor events for readings within range (default: only excursions). */
  reportAllReadings: boolean;
  /** Start consuming when the Nest application boots (default true). */
  autoStart: boolean;
}

export const EDGE_GATEWAY_OPTIONS = Symbol('EdgeGatewayOptions');

export const DEFAULT_SHARED_GROUP = 'pharmatrace-edge';

type Env = Record<string, string | undefined>;

function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name}=${raw} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return value;
}

/**
 * The gateway's settings from the environment, validated as a whole:
 * MQTT_URL, MQTT_SERVICE_USERNAME, MQTT_SERVICE_PASSWORD (required); EDGE_GATEWAY_ID (host name),
 * EDGE_SHARED_GROUP (pharmatrace-edge; `none` for brokers without shared subscriptions), EDGE_LANES
 * (128, forced to 1 without a group), EDGE_MQTT_PROTOCOL (5), EDGE_SESSION_EXPIRY_SECONDS (7 days),
 * EDGE_MAX_BATCH (500), EDGE_LINGER_MS (2), EDGE_REPORT_ALL_READINGS (false), EDGE_GLNS (all; or a
 * comma-separated list of participant GLNs whose devices this gateway serves), EDGE_ACKNOWLEDGE
 * (after-log; on-receipt only for the embedded broker).
 */
export function loadEdgeGatewayOptions(env: Env = process.env): EdgeGatewayOptions {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name];
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };
  const mqttUrl = required('MQTT_URL');
  if (mqttUrl && !/^(mqtts?|wss?):\/\//.test(mqttUrl))
    problems.push('MQTT_URL must start with mqtt://, mqtts://, ws:// or wss://');
  const group = env['EDGE_SHARED_GROUP'] ?? DEFAULT_SHARED_GROUP;
  if (group !== 'none' && !/^[A-Za-z0-9_-]{1,64}$/.test(group)) {
    problems.push(`EDGE_SHARED_GROUP=${group} must be letters, digits, _ or - (or "none")`);
  }
  const sharedGroup = group === 'none' ? undefined : group;
  const gatewayId = env['EDGE_GATEWAY_ID'] || hostname();
  if (!/^[A-Za-z0-9_.-]{1,40}$/.test(gatewayId))
    problems.push(`EDGE_GATEWAY_ID=${gatewayId} must be 1-40 of A-Z a-z 0-9 _ . -`);
  const glns = (env['EDGE_GLNS'] ?? '')
    .split(',')
    .map((gln) => gln.trim())
    .filter(Boolean);
  for (const gln of glns)
    if (!/^\d{13}$/.test(gln)) problems.push(`EDGE_GLNS entry ${gln} is not a 13-digit GLN`);
  const protocol = integer(env, 'EDGE_MQTT_PROTOCOL', 5, 4, 5, problems) as 4 | 5;
  const options: EdgeGatewayOptions = {
    mqttUrl,
    username: required('MQTT_SERVICE_USERNAME'),
    password: required('MQTT_SERVICE_PASSWORD'),
    gatewayId,
    sharedGroup,
    glns,
    lanes: sharedGroup ? integer(env, 'EDGE_LANES', 128, 1, 1024, problems) : 1,
    protocolVersion: protocol,
    sessionExpirySeconds: integer(env, 'EDGE_SESSION_EXPIRY_SECONDS', 7 * 86_400, 0, 0xffff_ffff, problems),
    maxBatch: integer(env, 'EDGE_MAX_BATCH', 500, 1, 10_000, problems),
    lingerMs: integer(env, 'EDGE_LINGER_MS', 2, 0, 1_000, problems),
    acknowledge: env['EDGE_ACKNOWLEDGE'] === 'on-receipt' ? 'on-receipt' : 'after-log',
    reportAllReadings: env['EDGE_REPORT_ALL_READINGS'] === 'true',
    autoStart: env['EDGE_AUTO_START'] !== 'false',
  };
  const acknowledge = env['EDGE_ACKNOWLEDGE'];
  if (acknowledge !== undefined && acknowledge !== 'after-log' && acknowledge !== 'on-receipt') {
    problems.push(`EDGE_ACKNOWLEDGE=${acknowledge} must be after-log or on-receipt`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return options;
}
