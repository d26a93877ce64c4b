import { openDatabase, type Database } from './database';

describe('embedded database (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
  });
  afterAll(() => db.close());

  it('runs the migrations', async () => {
    const tables = await db.sql.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['epcis_events', 'participants', 'products']),
    );
  });

  it('keeps concurrent transactions apart on its single connection', async () => {
    await db.sql.query(`create table tx_probe (id int primary key, writer text)`);
    const slowFailing = db.sql
      .transaction(async (tx) => {
        await tx.query(`insert into tx_probe values (1, 'a')`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        throw new Error('abort a');
      })
      .catch((e: unknown) => (e as Error).message);
    const other = db.sql.transaction(async (tx) => {
      await tx.query(`insert into tx_probe values (2, 'b')`);
    });
    await expect(slowFailing).resolves.toBe('abort a');
    await other;
    const rows = await db.sql.query<{ id: number }>(`select id from tx_probe order by id`);
    expect(rows).toEqual([{ id: 2 }]);
  });

  it('returns rows for parameterised queries and affected rows for updates', async () => {
    await db.sql.query(`create table probe2 (id int primary key)`);
    await db.sql.query(`insert into probe2 select generate_series(1, 5)`);
    const rows = await db.sql.query<{ n: number }>(
      `select count(*)::int as n from probe2 where id > $1`,
      [2],
    );
    expect(rows).toEqual([{ n: 3 }]);
  });
});
