import { engineSettings, uniqueName } from '@pharmatrace/testing';
import type { Pool } from 'pg';
import type { SqlClient } from '@pharmatrace/persistence';
import { silentLogger } from '../messaging.logger';
import { describeEventLogContract } from '../testing/event-log.contract';
import { applyEmbeddedLogSchema } from '../testing/pglite-sql-client';
import { dropSchema, pgSqlClient, poolInSchema } from '../testing/pg-sql-client';
import { EmbeddedEventLog } from './embedded-event-log.adapter';

describeEventLogContract('embedded log on PostgreSQL', async () => {
  const url = engineSettings().databaseUrl;
  const schema = uniqueName('msg').replace(/-/g, '_');
  const pool: Pool = await poolInSchema(url, schema, 8);
  const sql = pgSqlClient(pool);
  await applyEmbeddedLogSchema(sql);
  return {
    partitions: 1,
    open: () => Promise.resolve(new EmbeddedEventLog({ sql, pollIntervalMs: 50, logger: silentLogger })),
    async openUnreachable() {
      const ended = await poolInSchema(url, schema, 1);
      const endedSql = pgSqlClient(ended);
      await endedSql.query(
        `insert into event_log_topics (topic) values ('epcis.events') on conflict do nothing`,
      );
      await ended.end();
      const log = new EmbeddedEventLog({ sql: endedSql, publishTimeoutMs: 1_000, logger: silentLogger });
      return { log, boundMs: 1_000 };
    },
    async dispose() {
      await pool.end();
      await dropSchema(url, schema);
    },
  };
});

describe('embedded log on PostgreSQL with concurrent publishers', () => {
  const url = engineSettings().databaseUrl;
  const schema = uniqueName('msgc').replace(/-/g, '_');
  let pool: Pool;
  beforeAll(async () => {
    pool = await poolInSchema(url, schema, 10);
    await applyEmbeddedLogSchema(pgSqlClient(pool));
  });
  afterAll(async () => {
    await pool.end();
    await dropSchema(url, schema);
  });

  // Ids come from a sequence but commit in any order across connections; without the per-topic
  // publish lock a consumer could commit past an id whose transaction had not committed yet.
  it('never lets a consumer skip records published concurrently from several connections', async () => {
    const sql = pgSqlClient(pool);
    // Commits that lag behind the inserts widen the window in which ids become visible out of order.
    const slowCommits: SqlClient = {
      query: (statement, params) => sql.query(statement, params),
      transaction: (work) =>
        sql.transaction(async (tx) => {
          const result = await work(tx);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15));
          return result;
        }),
    };
    const publisher = new EmbeddedEventLog({ sql: slowCommits, logger: silentLogger });
    const consumerLog = new EmbeddedEventLog({ sql, pollIntervalMs: 10, logger: silentLogger });
    const topic = uniqueName('race');
    await publisher.ensureTopics([{ topic }]);
    const seen = new Set<string>();
    let duplicates = 0;
    const consumer = await consumerLog.consume({
      groupId: 'g',
      topic,
      maxBatchSize: 7,
      handleBatch: (records) => {
        for (const r of records) {
          if (seen.has(r.value)) duplicates++;
          seen.add(r.value);
        }
        return Promise.resolve();
      },
    });
    try {
      const publishers = 8;
      const rounds = 40;
      await Promise.all(
        Array.from({ length: publishers }, async (_, p) => {
          for (let round = 0; round < rounds; round++) {
            await publisher.publish(topic, [
              { key: `p${p}`, value: `p${p}-r${round}-a` },
              { key: `p${p}`, value: `p${p}-r${round}-b` },
            ]);
          }
        }),
      );
      const expected = publishers * rounds * 2;
      const deadline = Date.now() + 20_000;
      while (seen.size < expected && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(seen.size).toBe(expected);
      expect(duplicates).toBe(0);
    } finally {
      await consumer.stop();
      await Promise.all([publisher.close(), consumerLog.close()]);
    }
  }, 60_000);
});
