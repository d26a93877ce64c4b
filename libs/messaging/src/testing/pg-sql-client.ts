import { Pool } from 'pg';
import type { SqlClient } from '@pharmatrace/persistence';

/** A SqlClient over a bare `pg` pool, for integration tests against the real PostgreSQL. */
export function pgSqlClient(pool: Pool): SqlClient {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await pool.query(sql, params ? [...params] : []);
      return result.rows as Row[];
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      const tx: SqlClient = {
        async query<Row>(sql: string, params?: readonly unknown[]) {
          const result = await connection.query(sql, params ? [...params] : []);
          return result.rows as Row[];
        },
        transaction: (inner) => inner(tx),
      };
      try {
        await connection.query('begin');
        const result = await work(tx);
        await connection.query('commit');
        return result;
      } catch (error) {
        await connection.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}

/** A pool whose every connection works in `schema` (created if missing): one schema per test run. */
export async function poolInSchema(databaseUrl: string, schema: string, max = 5): Promise<Pool> {
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await admin.query(`create schema if not exists "${schema}"`);
  } finally {
    await admin.end();
  }
  return new Pool({ connectionString: databaseUrl, max, options: `-c search_path="${schema}"` });
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const admin = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    await admin.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await admin.end();
  }
}
