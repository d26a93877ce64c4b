import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `processed_events.correction` as `json` instead of `jsonb`. The correction record (the states an
 * event changed, before and after) is written for every applied event and read back only when an
 * error declaration arrives, whole, by the custody processor: nothing queries inside it. `json` stores
 * the text as checked, `jsonb` rebuilt it as a tree on every write. Writing these records was the
 * largest single cost of a custody batch (1.8 s of 4.1 s writing 10,440 events,
 * tools/bench/custody-apply.bench.ts).
 */
export class CorrectionJson1732300600000 implements MigrationInterface {
  name = 'CorrectionJson1732300600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table processed_events alter column correction type json using correction::json`);
    // Large records (a pallet's shipment changes a thousand states) are TOASTed; lz4 compresses them
    // several times faster than the default pglz. Only where the server was built with it.
    const lz4 = (await db.query(
      `select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)`,
    )) as unknown[];
    if (lz4.length > 0) {
      await db.query(`alter table processed_events alter column correction set compression lz4`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table processed_events alter column correction type jsonb using correction::jsonb`);
  }
}
