import { mkdirSync } from 'node:fs';
import { DataSource, type MigrationInterface } from 'typeorm';
import { PGlite } from '@electric-sql/pglite';
import { pglitePgDriver } from './pglite-pool';
import { typeormSqlClient } from './typeorm-sql-client';
import type { SqlClient } from './sql-client';
import { ALL_MIGRATIONS } from './migrations';

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number; schema?: string }
  /** dataDir undefined = in memory (tests); otherwise persisted there. */
  | { kind: 'pglite'; dataDir?: string };

export interface Database {
  readonly kind: DatabaseOptions['kind'];
  readonly dataSource: DataSource;
  readonly sql: SqlClient;
  close(): Promise<void>;
}

/**
 * Opens the platform database and brings its schema up to date. PostgreSQL and PGlite run the same
 * reviewed migrations (`synchronize` stays off).
 */
export async function openDatabase(
  options: DatabaseOptions,
  migrations: (new () => MigrationInterface)[] = ALL_MIGRATIONS,
): Promise<Database> {
  let pglite: PGlite | undefined;
  let dataSource: DataSource;
  if (options.kind === 'pglite') {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir ? { dataDir: options.dataDir } : {});
    dataSource = new DataSource({
      type: 'postgres',
      driver: pglitePgDriver(pglite),
      synchronize: false,
      migrations,
      migrationsTransactionMode: 'each',
    });
  } else {
    // JIT off for every connection: the platform's statements are short OLTP ones, but recursive CTEs
    // and array parameters inflate the planner's estimates past jit_above_cost, and compiling then
    // costs 100–250 ms per statement (seen on the custody processor's subtree load; ADR 7).
    const sessionOptions = ['-c jit=off', ...(options.schema ? [`-c search_path=${options.schema}`] : [])];
    dataSource = new DataSource({
      type: 'postgres',
      url: options.url,
      poolSize: options.poolSize ?? 10,
      synchronize: false,
      migrations,
      migrationsTransactionMode: 'each',
      ...(options.schema ? { schema: options.schema } : {}),
      extra: { options: sessionOptions.join(' ') },
    });
  }
  await dataSource.initialize();
  if (options.kind === 'postgres' && options.schema) {
    await dataSource.query(`create schema if not exists "${options.schema}"`);
  }
  await dataSource.runMigrations();
  return {
    kind: options.kind,
    dataSource,
    sql: typeormSqlClient(dataSource),
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await pglite?.close();
    },
  };
}
