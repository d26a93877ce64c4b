import { PGlite } from '@electric-sql/pglite';
import { silentLogger } from '../messaging.logger';
import { describeEventLogContract } from '../testing/event-log.contract';
import { applyEmbeddedLogSchema, pgliteSqlClient } from '../testing/pglite-sql-client';
import { EmbeddedEventLog } from './embedded-event-log.adapter';

// PGlite is the embedded production engine (Postgres in WASM), not a fake: the contract runs on it
// in the unit tier, and on the real PostgreSQL server in the integration tier.
describeEventLogContract(
  'embedded log on PGlite',
  async () => {
    const db = new PGlite();
    const sql = pgliteSqlClient(db);
    await applyEmbeddedLogSchema(sql);
    return {
      partitions: 1,
      open: () => Promise.resolve(new EmbeddedEventLog({ sql, pollIntervalMs: 50, logger: silentLogger })),
      async openUnreachable() {
        const closed = new PGlite();
        const closedSql = pgliteSqlClient(closed);
        await applyEmbeddedLogSchema(closedSql);
        await closedSql.query(`insert into event_log_topics (topic) values ('epcis.events')`);
        await closed.close();
        const log = new EmbeddedEventLog({ sql: closedSql, publishTimeoutMs: 1_000, logger: silentLogger });
        return { log, boundMs: 1_000 };
      },
      dispose: () => db.close(),
    };
  },
  120_000,
);
