import { PGlite } from '@electric-sql/pglite';
import type { SqlClient } from '@pharmatrace/persistence';
import type { ConsumeOptions, Consumer } from '../event-log.port';
import { silentLogger } from '../messaging.logger';
import { keyedRecords, Received, waitFor } from '../testing/contract.helpers';
import { applyEmbeddedLogSchema, pgliteSqlClient } from '../testing/pglite-sql-client';
import { EmbeddedEventLog, type EmbeddedEventLogOptions } from './embedded-event-log.adapter';
import { EMBEDDED_LOG_SCHEMA_DROP_SQL, EMBEDDED_LOG_SCHEMA_SQL } from './embedded-log.schema';
import { LogNotifier } from './log-notifier';

/** Fails the statements `fail` picks, as a flaky network or a restarting server would. */
function flaky(sql: SqlClient, fail: (statement: string) => boolean): SqlClient {
  const wrap = (client: SqlClient): SqlClient => ({
    query: <Row>(statement: string, params?: readonly unknown[]) =>
      fail(statement)
        ? Promise.reject(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }))
        : client.query<Row>(statement, params),
    transaction: (work) => client.transaction((tx) => work(wrap(tx))),
  });
  return wrap(sql);
}

describe('embedded log: partitions, leases and polling', () => {
  let db: PGlite;
  let sql: SqlClient;
  const logs: EmbeddedEventLog[] = [];
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    db = new PGlite();
    sql = pgliteSqlClient(db);
    await applyEmbeddedLogSchema(sql);
  }, 120_000); // PGlite compiles its WebAssembly on start: seconds on a busy machine
  afterAll(() => db.close());
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    await Promise.all(logs.splice(0).map((l) => l.close()));
  });

  /** A log as another process would have it: its own notifier, so only polling finds new records. */
  function openLog(options: Partial<EmbeddedEventLogOptions> = {}): EmbeddedEventLog {
    const log = new EmbeddedEventLog({ sql, notifier: new LogNotifier(), logger: silentLogger, ...options });
    logs.push(log);
    return log;
  }

  async function consume(log: EmbeddedEventLog, options: ConsumeOptions): Promise<Consumer> {
    const consumer = await log.consume({ retry: { initialDelayMs: 5, maxDelayMs: 50 }, ...options });
    consumers.push(consumer);
    return consumer;
  }

  async function topic(name: string): Promise<string> {
    const unique = `${name}-${Math.random().toString(36).slice(2, 8)}`;
    await openLog().ensureTopics([{ topic: unique }]);
    return unique;
  }

  it('wakes an in-process consumer at once and finds records from other processes by polling', async () => {
    const t = await topic('wake');
    const shared = new LogNotifier();
    const publisher = openLog({ notifier: shared });
    const sameProcess = new Received();
    const otherProcess = new Received();
    await consume(openLog({ notifier: shared, pollIntervalMs: 60_000 }), {
      groupId: 'same',
      topic: t,
      handleBatch: (r) => Promise.resolve(sameProcess.add(r)),
    });
    await consume(openLog({ pollIntervalMs: 100 }), {
      groupId: 'other',
      topic: t,
      handleBatch: (r) => Promise.resolve(otherProcess.add(r)),
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // both are idle now
    await publisher.publish(t, [{ key: 'k', value: 'v' }]);
    await waitFor(() => sameProcess.count === 1, 'the woken consumer', 1_000);
    await waitFor(() => otherProcess.count === 1, 'the polling consumer', 2_000);
  });

  it('lets one member of a group hold the partition, and hands it over when that member stops', async () => {
    const t = await topic('lease');
    const a = new Received();
    const b = new Received();
    const first = await consume(openLog({ pollIntervalMs: 50 }), {
      groupId: 'g',
      topic: t,
      handleBatch: (r) => Promise.resolve(a.add(r)),
    });
    await consume(openLog({ pollIntervalMs: 50 }), {
      groupId: 'g',
      topic: t,
      handleBatch: (r) => Promise.resolve(b.add(r)),
    });
    const publisher = openLog();
    await publisher.publish(t, keyedRecords(3, 10));
    await waitFor(() => a.count === 30, 'the lease holder');
    expect(b.count).toBe(0);
    await first.stop();
    await publisher.publish(t, [{ key: 'k', value: 'after handover' }]);
    await waitFor(() => b.count === 1, 'the standby member', 2_000);
    expect(b.records[0]?.value).toBe('after handover');
  });

  it('takes over a partition whose holder died once its lease expires, from the committed position', async () => {
    const t = await topic('expiry');
    const publisher = openLog();
    await publisher.publish(t, keyedRecords(1, 6));
    const [{ id } = { id: '0' }] = await sql.query<{ id: string }>(
      'select id::text as id from event_log_records where topic = $1 order by event_log_records.id offset 3 limit 1',
      [t],
    );
    await sql.query(
      `insert into event_log_offsets (group_id, topic, partition, committed_id, owner, lease_expires_at)
       values ('g', $1, 0, $2::bigint, 'crashed-process#1', now() + interval '400 milliseconds')`,
      [t, id],
    );
    const received = new Received();
    const started = Date.now();
    await consume(openLog({ pollIntervalMs: 50 }), {
      groupId: 'g',
      topic: t,
      handleBatch: (r) => Promise.resolve(received.add(r)),
    });
    await waitFor(() => received.count === 2, 'the two records after the committed one', 3_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(received.records.map((r) => r.value)).toEqual(['key-0#4', 'key-0#5']);
  });

  it('keeps a slow handler on its partition by renewing the lease while it works', async () => {
    const t = await topic('renew');
    await openLog().publish(t, [{ key: 'k', value: 'slow' }]);
    const seen = new Received();
    const b = new Received();
    const options = { leaseMs: 150, pollIntervalMs: 30 };
    await consume(openLog(options), {
      groupId: 'g',
      topic: t,
      handleBatch: async (r) => {
        await new Promise((resolve) => setTimeout(resolve, 600));
        seen.add(r);
      },
    });
    await consume(openLog(options), {
      groupId: 'g',
      topic: t,
      handleBatch: (r) => Promise.resolve(b.add(r)),
    });
    await waitFor(() => seen.count === 1, 'the slow handler');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.count).toBe(0);
  });

  it('rides out database failures without losing or skipping records', async () => {
    const t = await topic('flaky');
    let fetchFailures = 3;
    let commitFailures = 2;
    const unreliable = flaky(sql, (statement) => {
      if (statement.includes('from event_log_records') && fetchFailures > 0) return fetchFailures-- > 0;
      if (statement.includes('set committed_id') && commitFailures > 0) return commitFailures-- > 0;
      return false;
    });
    const received = new Received();
    await consume(openLog({ sql: unreliable, pollIntervalMs: 20 }), {
      groupId: 'g',
      topic: t,
      maxBatchSize: 7,
      handleBatch: (r) => Promise.resolve(received.add(r)),
    });
    const records = keyedRecords(4, 10);
    await openLog().publish(t, records);
    await waitFor(() => received.distinct === records.length, 'every record despite the failures', 5_000);
    const committed = () =>
      sql.query<{ committed: boolean }>(
        `select o.committed_id = (select max(id) from event_log_records where topic = $1) as committed
           from event_log_offsets o where o.group_id = 'g' and o.topic = $1`,
        [t],
      );
    const deadline = Date.now() + 3_000;
    while (!(await committed())[0]?.committed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await committed())[0]?.committed).toBe(true);
  });

  it('publishes all of a multi-statement publish or none of it', async () => {
    const t = await topic('atomic');
    let inserts = 0;
    const failSecondInsert = flaky(
      sql,
      (statement) => statement.startsWith('insert into event_log_records') && ++inserts === 2,
    );
    const log = openLog({ sql: failSecondInsert, maxRecordsPerStatement: 3 });
    await expect(log.publish(t, keyedRecords(2, 4))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const rows = await sql.query('select 1 from event_log_records where topic = $1', [t]);
    expect(rows).toHaveLength(0);
    await log.publish(t, keyedRecords(2, 4));
    expect(await sql.query('select 1 from event_log_records where topic = $1', [t])).toHaveLength(8);
  });

  it('has a schema that can be applied twice and dropped', async () => {
    const left = await sql.transaction(async (tx) => {
      await tx.query('create schema schema_probe');
      await tx.query('set local search_path to schema_probe');
      for (let round = 0; round < 2; round++) {
        for (const statement of EMBEDDED_LOG_SCHEMA_SQL) await tx.query(statement);
      }
      for (const statement of EMBEDDED_LOG_SCHEMA_DROP_SQL) await tx.query(statement);
      const tables = await tx.query(
        `select 1 from information_schema.tables where table_schema = 'schema_probe'`,
      );
      await tx.query('drop schema schema_probe');
      return tables;
    });
    expect(left).toHaveLength(0);
  });
});
