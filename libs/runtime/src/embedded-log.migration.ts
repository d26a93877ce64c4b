import type { MigrationInterface, QueryRunner } from 'typeorm';
import { EMBEDDED_LOG_SCHEMA_DROP_SQL, EMBEDDED_LOG_SCHEMA_SQL } from '@pharmatrace/messaging';

/**
 * The database-backed event log's tables. Kept out of libs/persistence (which messaging depends on)
 * and added by `openPorts`, so every database the platform opens has them, Kafka mode included: the
 * schema stays one schema whichever adapter runs.
 */
export class EmbeddedEventLog1732300050000 implements MigrationInterface {
  name = 'EmbeddedEventLog1732300050000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of EMBEDDED_LOG_SCHEMA_SQL) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of EMBEDDED_LOG_SCHEMA_DROP_SQL) await db.query(statement);
  }
}
