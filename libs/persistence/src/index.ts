export * from './sql-client';
export * from './database';
export * from './typeorm-sql-client';
export { ALL_MIGRATIONS } from './migrations';
