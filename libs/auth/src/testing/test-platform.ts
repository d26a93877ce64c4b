import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadPlatformConfig } from '@pharmatrace/config';
import { createHttpApp, openPorts, type OpenPorts, type RuntimePorts } from '@pharmatrace/runtime';
import { engineSettings, uniqueName } from '@pharmatrace/testing';
import { ApiKeyService } from '../api-key.service';
import type { Participant, ParticipantRole } from '../participant';
import { ParticipantRepository } from '../participant.repository';

export interface TestPlatform {
  app: NestFastifyApplication;
  ports: OpenPorts;
  /** Isolation used: a fresh PostgreSQL schema and event-log namespace per platform. */
  schema: string;
  namespace: string;
  /** Registers a participant and returns it with a fresh API key. */
  participant(spec: ParticipantSpec): Promise<Participant & { apiKey: string }>;
  request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    apiKey?: string;
    body?: unknown;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; headers: Record<string, unknown>; body: string; json<T = unknown>(): T }>;
  close(): Promise<void>;
}

export interface ParticipantSpec {
  gln: string;
  role: ParticipantRole;
  name?: string;
  companyPrefixes?: string[];
  mspId?: string;
  locations?: { sgln: string; name: string }[];
}

/**
 * Starts a platform module on the real engines (PostgreSQL, and Kafka unless `embeddedLog`), isolated
 * by a fresh schema and topic namespace, and talks HTTP to it in process (Fastify inject).
 */
export async function startTestPlatform(
  rootModule: (ports: RuntimePorts) => DynamicModule | Type,
  options: { embeddedLog?: boolean } = {},
): Promise<TestPlatform> {
  const engines = engineSettings();
  const schema = uniqueName('t').replace(/-/g, '_');
  const namespace = schema;
  const config = loadPlatformConfig({
    DATABASE_URL: engines.databaseUrl,
    KAFKA_BROKERS: options.embeddedLog ? '' : engines.kafkaBrokers.join(','),
  });
  const ports = await openPorts(config, { schema, namespace });
  const app = await createHttpApp(rootModule(ports), { title: 'test', logLevels: ['error', 'warn'] });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    ports,
    schema,
    namespace,
    async participant(spec) {
      const participant: Participant = {
        gln: spec.gln,
        name: spec.name ?? `${spec.role} ${spec.gln}`,
        role: spec.role,
        companyPrefixes: spec.companyPrefixes ?? [],
        mspId: spec.mspId,
        locations: spec.locations ?? [],
      };
      await app.get(ParticipantRepository).save(participant);
      const { key } = await app.get(ApiKeyService).issue(spec.gln, 'test');
      return { ...participant, apiKey: key };
    },
    async request({ method, url, apiKey, body, headers }) {
      const response = await app.inject({
        method,
        url,
        headers: {
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      return {
        statusCode: response.statusCode,
        headers: response.headers,
        body: response.body,
        json: <T>() => JSON.parse(response.body) as T,
      };
    },
    async close() {
      await app.close();
      await ports.database.sql.query(`drop schema if exists "${schema}" cascade`);
      await ports.close();
    },
  };
}
