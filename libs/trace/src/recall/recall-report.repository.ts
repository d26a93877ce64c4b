import { Inject, Injectable } from '@nestjs/common';
import type { TransitInfo } from '@pharmatrace/custody';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { ReceiptRow } from '../trace/trace.repository';

/**
 * Packs of the recalled lots that are in the same place and condition: same lot, status, custodian,
 * premises, container, shipment and decommission. A lot of 100,000 packs spread over a few hundred
 * places comes back as a few hundred rows.
 */
export interface WhereaboutsRow {
  lot: string;
  status: string;
  custodian: string;
  location: string | null;
  parent: string | null;
  in_transit: TransitInfo | null;
  decommission_by: string | null;
  decommission_location: string | null;
  n: number;
  /** Space-separated (GS1 serials and lots contain no space), in no particular order. */
  serials: string;
  /** For decommissioned packs, aligned with `serials`: when each was decommissioned; else null. */
  decommissioned_at: string | null;
}

export interface LotStatusRow {
  lot: string;
  status: string;
  recall_id: string | null;
}

/**
 * One pass over the lot's packs (index on packs (gtin, lot)), grouped in the database by place: the
 * answer is a few hundred rows whose serials come as one string each, so neither PostgreSQL nor Node
 * builds 100,000 objects. Both string_aggs see the rows in the same order; the filter keeps the times
 * aligned because decommission is part of the group key (all packs of a group have one, or none). The GROUP BY keys are
 * covered by the extended statistics `packs_whereabouts` (migration 1732300500000), without which the
 * planner would take every pack for a group of its own and sort instead of hashing. JIT is off for
 * this transaction: compiling costs more than the query.
 */
const WHEREABOUTS_SQL = `
  select lot, status, custodian_gln as custodian, state->>'custodianLocation' as location,
         parent_epc as parent, state->'inTransit' as in_transit,
         state->'decommission'->>'by' as decommission_by,
         state->'decommission'->>'location' as decommission_location,
         count(*)::int as n, string_agg(serial, ' ') as serials,
         string_agg(coalesce(state->'decommission'->>'time', '-'), ' ') filter (where state ? 'decommission')
           as decommissioned_at
    from packs
   where kind = 'item' and gtin = $1 and lot = any($2::text[])
     and ($3::text[] is null or custodian_gln = any($3::text[]) or state->'inTransit'->>'to' = any($3::text[]))
   group by lot, status, custodian_gln, state->>'custodianLocation', parent_epc, state->'inTransit',
            state->'decommission'->>'by', state->'decommission'->>'location'`;

@Injectable()
export class RecallReportRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async load(
    gtin: string,
    lots: readonly string[],
    recordIds: readonly string[],
    /** Only packs held by (or on their way to) these GLNs; undefined = every pack. */
    holders: readonly string[] | undefined,
  ): Promise<{ groups: WhereaboutsRow[]; lots: LotStatusRow[]; receipts: ReceiptRow[] }> {
    return this.database.sql.transaction(async (tx) => {
      if (this.database.kind === 'postgres') {
        await tx.query(`set local jit = off`);
        await tx.query(`set local work_mem = '64MB'`);
      }
      const groups = await tx.query<WhereaboutsRow>(WHEREABOUTS_SQL, [gtin, lots, holders ?? null]);
      const lotRows = await tx.query<LotStatusRow>(
        `select lot, status, recall_id from lots where gtin = $1 and lot = any($2::text[])`,
        [gtin, lots],
      );
      const receipts =
        recordIds.length === 0
          ? []
          : await tx.query<ReceiptRow>(`select * from ledger_receipts where record_id = any($1::text[])`, [
              recordIds,
            ]);
      return { groups, lots: lotRows, receipts };
    });
  }
}
