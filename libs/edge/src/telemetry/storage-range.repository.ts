import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { StorageRange } from './telemetry-event.mapper';

interface RangeRow {
  min_c: string | null;
  max_c: string | null;
}

/** Loggers report every few seconds; what a container holds changes far more slowly. */
const TTL_MS = 60_000;
const UNDEFINED_TABLE = '42P01';

const CONTENTS_RANGE = `
  with recursive inside(epc, gtin, depth) as (
    select epc, gtin::text, 0 from packs where epc = $1
    union all
    select p.epc, p.gtin::text, i.depth + 1 from packs p join inside i on p.parent_epc = i.epc where i.depth < 8
  ), gtins as (
    select gtin from inside where gtin is not null
    union select $2::text where $2::text is not null
  )
  select max(pr.min_temp_c) as min_c, min(pr.max_temp_c) as max_c
    from products pr join gtins g on pr.gtin = g.gtin
   where pr.min_temp_c is not null and pr.max_temp_c is not null`;

const PRODUCT_RANGE = `select min_temp_c as min_c, max_temp_c as max_c from products
   where gtin = $2::text and min_temp_c is not null and max_temp_c is not null and $1::text is not null`;

/**
 * The storage range a reading on a container is checked against: the tightest range (highest minimum,
 * lowest maximum) over the products packed inside it at any depth (the custody processor's `packs`
 * tree) and the GTIN the logger may name itself, from product master data (`products.min_temp_c`,
 * `max_temp_c`). Undefined when no product inside has a range.
 */
@Injectable()
export class StorageRangeRepository {
  private readonly logger = new Logger('StorageRanges');
  private readonly sql: SqlClient;
  private readonly cache = new Map<string, { range: Promise<StorageRange | undefined>; expires: number }>();
  private packsTable = true;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  rangeFor(containerEpc: string, gtin: string | undefined): Promise<StorageRange | undefined> {
    const key = `${containerEpc}|${gtin ?? ''}`;
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && cached.expires > now) return cached.range;
    const range = this.load(containerEpc, gtin).catch((error: unknown) => {
      this.cache.delete(key);
      throw error;
    });
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { range, expires: now + TTL_MS });
    return range;
  }

  private async load(containerEpc: string, gtin: string | undefined): Promise<StorageRange | undefined> {
    let rows: RangeRow[];
    try {
      rows = await this.sql.query<RangeRow>(this.packsTable ? CONTENTS_RANGE : PRODUCT_RANGE, [
        containerEpc,
        gtin ?? null,
      ]);
    } catch (error) {
      if ((error as { code?: unknown }).code !== UNDEFINED_TABLE || !this.packsTable) throw error;
      // A database without the custody schema (an edge gateway deployed before the custody
      // processor): only the GTIN a logger names can be checked.
      this.logger.warn('no packs table: telemetry is checked only against the GTIN a logger names');
      this.packsTable = false;
      return this.load(containerEpc, gtin);
    }
    const row = rows[0];
    if (!row || row.min_c === null || row.max_c === null) return undefined;
    return { minC: Number(row.min_c), maxC: Number(row.max_c) };
  }
}
