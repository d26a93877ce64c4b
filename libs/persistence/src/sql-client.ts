/**
 * The smallest database surface the data-access code needs: parameterised queries and a transaction
 * scope. Implemented over a TypeORM DataSource (PostgreSQL or PGlite) by `typeormSqlClient`, and easy to
 * implement over a bare `pg` pool in tests.
 *
 * Inside `transaction`, use only the client passed to the callback: on the single-connection embedded
 * database, a query through the outer client would wait for the transaction that is waiting for it.
 */
export interface SqlClient {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}
