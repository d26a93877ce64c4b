import { Client } from 'pg';
import { engineSettings } from '../engine-settings';
import { uniqueName } from '../unique-name';

describe('PostgreSQL engine', () => {
  const client = new Client({ connectionString: engineSettings().databaseUrl });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('runs queries and keeps what a committed transaction wrote', async () => {
    const table = uniqueName('smoke').replace(/-/g, '_');
    await client.query(`create temporary table ${table} (id int primary key, note text not null)`);
    await client.query('begin');
    await client.query(`insert into ${table} values ($1, $2), ($3, $4)`, [1, 'one', 2, 'two']);
    await client.query('commit');
    await client.query('begin');
    await client.query(`insert into ${table} values (3, 'rolled back')`);
    await client.query('rollback');
    const rows = await client.query<{ id: number; note: string }>(
      `select id, note from ${table} order by id`,
    );
    expect(rows.rows).toEqual([
      { id: 1, note: 'one' },
      { id: 2, note: 'two' },
    ]);
  });

  it('is a real PostgreSQL server', async () => {
    const result = await client.query<{ version: string }>('select version()');
    expect(result.rows[0]?.version).toMatch(/^PostgreSQL \d+/);
  });
});
