import { Inject, Injectable } from '@nestjs/common';
import {
  createParticipantDirectory,
  type CorrectionRecord,
  type Handoff,
  type LotRecord,
  type PackState,
  type ParticipantDirectory,
  type ProductRecord,
} from '@pharmatrace/custody';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import {
  lotRecordOf,
  productRecordOf,
  type HandoffRow,
  type LotRow,
  type PackRow,
  type ProductRow,
} from './custody-rows';
import { HOSTED_MSP } from './ledger-records';

const DIRECTORY_TTL_MS = 5_000;
/** Pack in case in pallet in container… far deeper than any real shipment nests. */
const MAX_AGGREGATION_DEPTH = 32;

/** Reads of the custody tables; writes go through CustodyWriter inside one transaction. */
@Injectable()
export class CustodyStoreRepository {
  private readonly sql: SqlClient;
  private directoryCache: { directory: ParticipantDirectory; expires: number } | undefined;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async packs(epcs: readonly string[]): Promise<PackState[]> {
    if (epcs.length === 0) return [];
    const rows = await this.sql.query<PackRow>(`select epc, state from packs where epc = any($1::text[])`, [
      epcs,
    ]);
    return rows.map((row) => row.state);
  }

  /**
   * The roots and every descendant in the aggregation tree. Roots that do not exist yet (the common
   * case: objects being commissioned) cost one index probe and no descent; the descent starts only
   * from the roots found. A pack has one parent, so the tree has no cycles; the depth bound guards
   * against corrupted links anyway.
   */
  async subtrees(roots: readonly string[]): Promise<PackState[]> {
    const found = await this.packs(roots);
    if (found.length === 0) return found;
    const rows = await this.sql.query<PackRow>(
      `with recursive tree as (
         select epc, state, 1 as depth from packs where parent_epc = any($1::text[])
         union all
         select p.epc, p.state, t.depth + 1 from packs p join tree t on p.parent_epc = t.epc
          where t.depth < ${MAX_AGGREGATION_DEPTH}
       ) select epc, state from tree`,
      [found.map((state) => state.epc)],
    );
    return [...found, ...rows.map((row) => row.state)];
  }

  async handoffs(ids: readonly string[]): Promise<Handoff[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<HandoffRow>(
      `select id, state from handoffs where id = any($1::text[])`,
      [ids],
    );
    return rows.map((row) => row.state);
  }

  async lots(keys: readonly { gtin: string; lot: string }[]): Promise<LotRecord[]> {
    if (keys.length === 0) return [];
    const rows = await this.sql.query<LotRow>(
      `select l.* from lots l join jsonb_to_recordset($1::jsonb) as k(gtin text, lot text)
         on l.gtin = k.gtin and l.lot = k.lot`,
      [JSON.stringify(keys)],
    );
    return rows.map(lotRecordOf);
  }

  async products(gtins: readonly string[]): Promise<ProductRecord[]> {
    if (gtins.length === 0) return [];
    const rows = await this.sql.query<ProductRow>(
      `select gtin, status, status_set_by, status_set_at, status_reason, min_temp_c, max_temp_c
         from products where gtin = any($1::text[])`,
      [gtins],
    );
    return rows.map(productRecordOf);
  }

  /** Hashes of these events already applied by `consumer`. */
  async processed(consumer: string, hashes: readonly string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows = await this.sql.query<{ event_hash: string }>(
      `select event_hash from processed_events where consumer = $1 and event_hash = any($2::text[])`,
      [consumer, hashes],
    );
    return new Set(rows.map((row) => row.event_hash));
  }

  async corrections(consumer: string, eventIds: readonly string[]): Promise<Map<string, CorrectionRecord>> {
    if (eventIds.length === 0) return new Map();
    const rows = await this.sql.query<{ event_id: string; correction: CorrectionRecord }>(
      `select event_id, correction from processed_events
        where consumer = $1 and event_id = any($2::text[]) and correction is not null
          and event_hash not like '%#error-declaration'`,
      [consumer, eventIds],
    );
    return new Map(rows.map((row) => [row.event_id, row.correction]));
  }

  async directory(): Promise<ParticipantDirectory> {
    if (this.directoryCache && this.directoryCache.expires > Date.now()) return this.directoryCache.directory;
    const rows = await this.sql.query<{
      gln: string;
      name: string;
      role: 'manufacturer' | 'distributor' | 'pharmacy' | 'regulator';
      company_prefixes: string[];
      msp_id: string | null;
      locations: string[];
    }>(
      `select p.gln, p.name, p.role, p.company_prefixes, p.msp_id,
              coalesce(array_agg(l.sgln order by l.sgln) filter (where l.sgln is not null), '{}') as locations
         from participants p left join participant_locations l on l.gln = p.gln group by p.gln order by p.gln`,
    );
    const directory = createParticipantDirectory(
      rows.map((row) => ({
        gln: row.gln,
        name: row.name,
        role: row.role,
        companyPrefixes: row.company_prefixes,
        locations: row.locations,
        mspId: row.msp_id ?? HOSTED_MSP,
      })),
    );
    this.directoryCache = { directory, expires: Date.now() + DIRECTORY_TTL_MS };
    return directory;
  }

  invalidateDirectory(): void {
    this.directoryCache = undefined;
  }
}
