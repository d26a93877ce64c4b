import type { Database } from '@pharmatrace/persistence';

interface PgClient {
  query<Row>(config: { name?: string; text: string; values?: unknown[] }): Promise<{ rows: Row[] }>;
}

/** Connections already told to keep one generic plan per prepared statement. */
const genericPlanSessions = new WeakSet<object>();

/**
 * A fixed statement run as a named prepared statement on PostgreSQL, so it is parsed and planned
 * once per pooled connection instead of on every call. Planning the verification lookup costs
 * ~1.5–2 ms, its execution for one key ~0.8 ms; left to itself PostgreSQL keeps re-planning
 * ("custom plans", because the array parameters look cheaper when their length is known), so each
 * connection is set once to `plan_cache_mode = force_generic_plan` (measured: one-key lookup 3.2 ms
 * → 0.8 ms per statement). The setting only affects named prepared statements, which nothing else
 * in the platform uses. On PGlite, whose driver takes plain text only, it is an ordinary query.
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
      if (!genericPlanSessions.has(client)) {
        await client.query({ text: 'set plan_cache_mode = force_generic_plan' });
        genericPlanSessions.add(client);
      }
      const result = await client.query<Row>({ name: this.name, text: this.text, values });
      return result.rows;
    } finally {
      await runner.release();
    }
  }
}
