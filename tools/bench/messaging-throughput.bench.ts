// Publish → consume throughput of the event log adapters.
//   node tools/bench/run-messaging-throughput.js [--adapters kafka,postgres,pglite] [--records 20000]
//        [--bytes 1024] [--publish-batch 1000] [--consume-batch 500] [--timeout-ms 120000]
// Kafka and PostgreSQL come from the engines `npm run infra:up` started (engineSettings()).
import { PGlite } from '@electric-sql/pglite';
import {
  EmbeddedEventLog,
  type EventLog,
  KafkaEventLog,
  type PublishRecord,
  silentLogger,
} from '@pharmatrace/messaging';
import { engineSettings, uniqueName } from '@pharmatrace/testing';
import { applyEmbeddedLogSchema, pgliteSqlClient } from '../../libs/messaging/src/testing/pglite-sql-client';
import { dropSchema, pgSqlClient, poolInSchema } from '../../libs/messaging/src/testing/pg-sql-client';

interface Options {
  adapters: string[];
  records: number;
  bytes: number;
  publishBatch: number;
  consumeBatch: number;
  timeoutMs: number;
}

interface Target {
  name: string;
  log: EventLog;
  dispose(): Promise<void>;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string, fallback: string) => {
    const index = argv.indexOf(flag);
    return (index >= 0 ? argv[index + 1] : undefined) ?? fallback;
  };
  return {
    adapters: value('--adapters', 'kafka,postgres,pglite').split(','),
    records: Number(value('--records', '20000')),
    bytes: Number(value('--bytes', '1024')),
    publishBatch: Number(value('--publish-batch', '1000')),
    consumeBatch: Number(value('--consume-batch', '500')),
    timeoutMs: Number(value('--timeout-ms', '120000')),
  };
}

async function openTarget(adapter: string): Promise<Target> {
  switch (adapter) {
    case 'kafka': {
      const log = new KafkaEventLog({ brokers: engineSettings().kafkaBrokers, logger: silentLogger });
      return { name: 'kafka (6 partitions)', log, dispose: () => log.close() };
    }
    case 'postgres': {
      const url = engineSettings().databaseUrl;
      const schema = uniqueName('bench').replace(/-/g, '_');
      const pool = await poolInSchema(url, schema, 4);
      const sql = pgSqlClient(pool);
      await applyEmbeddedLogSchema(sql);
      const log = new EmbeddedEventLog({ sql, logger: silentLogger });
      return {
        name: 'embedded on PostgreSQL',
        log,
        async dispose() {
          await log.close();
          await pool.end();
          await dropSchema(url, schema);
        },
      };
    }
    case 'pglite': {
      const db = new PGlite();
      const sql = pgliteSqlClient(db);
      await applyEmbeddedLogSchema(sql);
      const log = new EmbeddedEventLog({ sql, logger: silentLogger });
      return {
        name: 'embedded on PGlite (memory)',
        log,
        async dispose() {
          await log.close();
          await db.close();
        },
      };
    }
    default:
      throw new Error(`unknown adapter ${adapter} (kafka, postgres, pglite)`);
  }
}

function makeRecords(count: number, bytes: number): PublishRecord[] {
  const filler = 'x'.repeat(Math.max(0, bytes - 40));
  return Array.from({ length: count }, (_, i) => ({
    key: `urn:epc:id:sgtin:0614141.107346.${i % 500}`,
    value: `${i}:${filler}`,
  }));
}

async function measure(target: Target, options: Options) {
  const topic = uniqueName('bench');
  await target.log.ensureTopics([{ topic, partitions: 6 }]);
  const records = makeRecords(options.records, options.bytes);
  let consumed = 0;
  let lastConsumedAt = 0;
  const started = performance.now();
  const consumer = await target.log.consume({
    groupId: uniqueName('bench'),
    topic,
    maxBatchSize: options.consumeBatch,
    handleBatch: (batch) => {
      consumed += batch.length;
      lastConsumedAt = performance.now();
      return Promise.resolve();
    },
  });
  const publishStart = performance.now();
  for (let i = 0; i < records.length; i += options.publishBatch) {
    await target.log.publish(topic, records.slice(i, i + options.publishBatch));
  }
  const publishMs = performance.now() - publishStart;
  const deadline = Date.now() + options.timeoutMs;
  while (consumed < records.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  await consumer.stop();
  const endToEndMs = lastConsumedAt - publishStart;
  return {
    adapter: target.name,
    records: records.length,
    consumed,
    'publish rec/s': Math.round(records.length / (publishMs / 1000)),
    'publish→consume rec/s':
      consumed >= records.length ? Math.round(records.length / (endToEndMs / 1000)) : NaN,
    'publish MB/s': Number(((records.length * options.bytes) / 1e6 / (publishMs / 1000)).toFixed(1)),
    'setup ms': Math.round(publishStart - started),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  console.log(
    `${options.records} records of ~${options.bytes} B, published ${options.publishBatch} per call, consumed up to ${options.consumeBatch} per batch`,
  );
  const rows = [];
  for (const adapter of options.adapters) {
    const target = await openTarget(adapter);
    try {
      rows.push(await measure(target, options));
    } finally {
      await target.dispose();
    }
  }
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
