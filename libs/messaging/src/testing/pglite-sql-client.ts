import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient } from '@pharmatrace/persistence';
import { EMBEDDED_LOG_SCHEMA_SQL } from '../embedded/embedded-log.schema';

/**
 * A SqlClient straight over PGlite (the production embedded engine), for tests that do not want
 * TypeORM. PGlite serialises `query` behind any open `transaction`, so the port's rule holds.
 */
export function pgliteSqlClient(db: PGlite): SqlClient {
  const over = (target: PGlite | Transaction, inTransaction: boolean): SqlClient => ({
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await target.query<Row>(sql, params ? [...params] : []);
      return result.rows;
    },
    transaction: <T>(work: (tx: SqlClient) => Promise<T>): Promise<T> =>
      inTransaction ? work(over(target, true)) : db.transaction((tx) => work(over(tx, true))),
  });
  return over(db, false);
}

/** What the platform migration does, for tests. */
export async function applyEmbeddedLogSchema(sql: SqlClient): Promise<void> {
  for (const statement of EMBEDDED_LOG_SCHEMA_SQL) await sql.query(statement);
}
