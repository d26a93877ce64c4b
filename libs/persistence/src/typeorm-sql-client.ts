import type { DataSource, QueryRunner } from 'typeorm';
import type { SqlClient } from './sql-client';

function runnerClient(runner: QueryRunner): SqlClient {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const result = await runner.query(sql, params ? [...params] : undefined, true);
      return result.records as Row[];
    },
    transaction: (work) => work(runnerClient(runner)), // already inside one: join it
  };
}

/** A SqlClient over a TypeORM DataSource: each query takes a connection; `transaction` holds one. */
export function typeormSqlClient(dataSource: DataSource): SqlClient {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      const runner = dataSource.createQueryRunner();
      try {
        const result = await runner.query(sql, params ? [...params] : undefined, true);
        return result.records as Row[];
      } finally {
        await runner.release();
      }
    },
    transaction: (work) =>
      dataSource.transaction((manager) => {
        if (!manager.queryRunner) throw new Error('TypeORM gave a transaction without a query runner');
        return work(runnerClient(manager.queryRunner));
      }),
  };
}
