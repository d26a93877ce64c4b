import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import { PACK_LOOKUP_SQL, PACK_LOOKUP_STATEMENT, type PackLookupRow } from './pack-lookup.sql';
import { packRecordOf, type LookupKey, type PackRecord } from './pack-record';
import { PreparedStatement } from './prepared-statement';

/** The audit subject of a pack that does not exist: its identity as a GS1 Digital Link. */
export function unknownPackSubject(gtin: string, serial: string): string {
  return `https://id.gs1.org/01/${gtin}/21/${encodeURIComponent(serial)}`;
}

/**
 * synchronous_commit of the lookup's transaction (see PACK_LOOKUP_SQL): 'off' answers once the audit
 * rows are committed, without waiting for their WAL flush. Set 'on' to wait for the flush too.
 */
export const AUDIT_SYNCHRONOUS_COMMIT: 'on' | 'off' = 'off';

/** Reads packs for verification and writes their access audit, in one statement per call. */
@Injectable()
export class PackLookupRepository {
  private readonly statement: PreparedStatement<PackLookupRow>;

  constructor(@Inject(DATABASE) database: Database) {
    this.statement = new PreparedStatement(database, PACK_LOOKUP_STATEMENT, PACK_LOOKUP_SQL);
  }

  async find(keys: readonly LookupKey[]): Promise<PackRecord[]> {
    if (keys.length === 0) return [];
    const rows = await this.statement.run([
      keys.map((k) => k.gtin),
      keys.map((k) => k.serial),
      keys.map((k) => k.reader),
      keys.map((k) => unknownPackSubject(k.gtin, k.serial)),
      keys.map((k) => k.channel),
      AUDIT_SYNCHRONOUS_COMMIT,
    ]);
    const records = new Array<PackRecord>(keys.length);
    for (const row of rows) {
      const key = keys[row.i - 1];
      if (key) records[row.i - 1] = packRecordOf(key, row);
    }
    for (let i = 0; i < keys.length; i++) {
      if (!records[i]) throw new Error(`pack lookup returned no row for key ${i + 1}`);
    }
    return records;
  }
}
