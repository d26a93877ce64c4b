import { Inject, Injectable } from '@nestjs/common';
import { PrefixTable } from '@pharmatrace/gs1';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

/** How long a loaded table is reused; registering a participant invalidates it at once. */
const TTL_MS = 30_000;

/**
 * The GS1 company-prefix table built from the participants' registrations: converting a Digital Link
 * or a scan to an EPC URN needs the prefix length, which no barcode carries.
 */
@Injectable()
export class PrefixDirectory {
  private cached: { table: PrefixTable; expires: number } | undefined;

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async table(): Promise<PrefixTable> {
    if (this.cached && this.cached.expires > Date.now()) return this.cached.table;
    const rows = await this.database.sql.query<{ prefix: string }>(
      `select distinct unnest(company_prefixes) as prefix from participants order by 1`,
    );
    const table = PrefixTable.fromCompanyPrefixes(rows.map((row) => row.prefix));
    this.cached = { table, expires: Date.now() + TTL_MS };
    return table;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
