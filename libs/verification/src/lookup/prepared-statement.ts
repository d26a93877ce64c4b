import type { Database } from '@pharmatrace/persistence';

interface PgClient {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

/**
 * A fixed statement run as a named prepared statement on PostgreSQL, so it is parsed and planned
 * once per pooled connection instead of on every call: measured with pgbench on the verification
 * lookup, planning cost ~2 ms per call against ~0.3 ms for the whole prepared execution. On PGlite,
 * whose driver takes plain text only, it is an ordinary query.
 *
 * The connection comes from TypeORM's own pool (QueryRunner.connect returns the pg client), so the
 * pool size and the schema's search_path are those of every other query.
 */
export class PreparedStatement<Row> {
  constructor(
    private readonly database: Database,
    private readonly name: string,
    private readonly text: string,
  ) {}

  async run(values: unknown[]): Promise<Row[]> {
    if (this.database.kind !== 'postgres') return this.database.sql.query<Row>(this.text, values);
    const runner = this.database.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PgClient;
      const result = await client.query<Row>({ name: this.name, text: this.text, values });
      return result.rows;
    } finally {
      await runner.release();
    }
  }
}
