import { join } from 'node:path';
import type { PlatformConfig } from '@pharmatrace/config';
import {
  EmbeddedEventLog,
  KafkaEventLog,
  platformTopicSpecs,
  Topics,
  type EventLog,
  type MessagingLogger,
} from '@pharmatrace/messaging';
import { ALL_MIGRATIONS, openDatabase, type Database } from '@pharmatrace/persistence';
import { EmbeddedEventLog1732300050000 } from './embedded-log.migration';
import { NamespacedEventLog } from './namespaced-event-log';

export const PLATFORM_MIGRATIONS = [...ALL_MIGRATIONS, EmbeddedEventLog1732300050000];

export interface OpenPorts {
  database: Database;
  eventLog: EventLog;
  mode: { database: 'postgres' | 'pglite'; eventLog: 'kafka' | 'embedded' };
  close(): Promise<void>;
}

/**
 * Opens the database and the event log the configuration asks for: PostgreSQL and Kafka when
 * DATABASE_URL and KAFKA_BROKERS are set, otherwise PGlite under DATA_DIR and the database-backed log.
 */
export async function openPorts(
  config: PlatformConfig,
  options: {
    logger?: MessagingLogger;
    /** PostgreSQL schema to use (tests isolate themselves with a fresh one). */
    schema?: string;
    /** Prefix for topics and consumer groups (tests sharing one Kafka). */
    namespace?: string;
  } = {},
): Promise<OpenPorts> {
  const database = config.databaseUrl
    ? await openDatabase(
        { kind: 'postgres', url: config.databaseUrl, schema: options.schema ?? config.databaseSchema },
        PLATFORM_MIGRATIONS,
      )
    : await openDatabase({ kind: 'pglite', dataDir: join(config.dataDir, 'db') }, PLATFORM_MIGRATIONS);
  let eventLog: EventLog;
  try {
    eventLog =
      config.kafkaBrokers.length > 0
        ? new KafkaEventLog({ brokers: config.kafkaBrokers, clientId: 'pharmatrace', logger: options.logger })
        : new EmbeddedEventLog({ sql: database.sql, logger: options.logger });
    const namespace = options.namespace ?? config.namespace;
    if (namespace) eventLog = new NamespacedEventLog(eventLog, namespace);
    // One partition for captured events: custody needs one order across participants (a receipt must
    // not overtake the shipment it closes). Throughput comes from batching, not partitions (ADR 6).
    await eventLog.ensureTopics(
      platformTopicSpecs().map((spec) =>
        spec.topic === Topics.EpcisEvents ? { ...spec, partitions: 1 } : spec,
      ),
    );
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    database,
    eventLog,
    mode: { database: database.kind, eventLog: config.kafkaBrokers.length > 0 ? 'kafka' : 'embedded' },
    async close() {
      await eventLog.close();
      await database.close();
    },
  };
}
