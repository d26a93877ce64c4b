import { Inject, Injectable } from '@nestjs/common';
import type { EpcisEvent } from '@pharmatrace/epcis';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

/** A pack's place in a lot read in serial order (index packs (gtin, lot, serial)). */
export interface PackCursor {
  lot: string;
  serial: string;
}

export interface LotPack extends PackCursor {
  epc: string;
}

interface EventRow {
  document: EpcisEvent;
  epcs: string[];
  parent_id: string | null;
}

/**
 * Reads the events a recall concerns, a slice of identifiers at a time, each event exactly once: an
 * event naming several recalled packs belongs to the page of the first of them (by lot, then serial),
 * and a container event (shipping a pallet) to the page of the first container it names, unless it
 * names a recalled pack (then it was on that pack's page already).
 */
@Injectable()
export class RecallEventsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** The next `limit` packs of the lots after `after`, in (lot, serial) order. */
  async packs(gtin: string, lots: readonly string[], after: PackCursor, limit: number): Promise<LotPack[]> {
    return this.database.sql.query<LotPack>(
      `select lot, serial, epc from packs
        where kind = 'item' and gtin = $1 and lot = any($2::text[]) and (lot, serial) > ($3, $4)
        order by lot, serial limit $5`,
      [gtin, lots, after.lot, after.serial, limit],
    );
  }

  /** Events naming any of `chunk` (packs of the lots) and no pack of the lots before `first`. */
  async packEvents(
    gtin: string,
    lots: readonly string[],
    chunk: readonly LotPack[],
    visibleTo: readonly string[] | undefined,
  ): Promise<EpcisEvent[]> {
    const first = chunk[0];
    if (!first) return [];
    const rows = await this.database.sql.query<EventRow>(
      `select e.document from epcis_events e
        where e.epcs && $3::text[]
          and not exists (select 1 from unnest(e.epcs) x(epc) join packs q on q.epc = x.epc
                           where q.kind = 'item' and q.gtin = $1 and q.lot = any($2::text[])
                             and (q.lot, q.serial) < ($4, $5))
          and ($6::text[] is null or e.parties && $6::text[])
        order by e.event_time, e.seq`,
      [gtin, lots, chunk.map((p) => p.epc), first.lot, first.serial, visibleTo ?? null],
    );
    return rows.map((row) => row.document);
  }

  /** Every container that ever held a pack of the lots, directly or through another container. */
  async containers(gtin: string, lots: readonly string[]): Promise<string[]> {
    const rows = await this.database.sql.query<{ epc: string }>(
      `with recursive c(epc) as (
         select h.parent_epc from aggregation_history h join packs p on p.epc = h.child_epc
          where p.kind = 'item' and p.gtin = $1 and p.lot = any($2::text[])
         union
         select h.parent_epc from c join aggregation_history h on h.child_epc = c.epc
       ) select epc from c order by epc`,
      [gtin, lots],
    );
    return rows.map((row) => row.epc);
  }

  /** Events naming (or parenting) any of `chunk` and no pack of the lots; `all` = every container. */
  async containerEvents(
    gtin: string,
    lots: readonly string[],
    chunk: readonly string[],
    all: readonly string[],
    visibleTo: readonly string[] | undefined,
  ): Promise<EpcisEvent[]> {
    const first = chunk[0];
    if (first === undefined) return [];
    const rows = await this.database.sql.query<EventRow>(
      `select e.document, e.epcs, e.parent_id from epcis_events e
        where (e.epcs && $3::text[] or e.parent_id = any($3::text[]))
          and not exists (select 1 from unnest(e.epcs) x(epc) join packs q on q.epc = x.epc
                           where q.kind = 'item' and q.gtin = $1 and q.lot = any($2::text[]))
          and ($4::text[] is null or e.parties && $4::text[])
        order by e.event_time, e.seq`,
      [gtin, lots, chunk, visibleTo ?? null],
    );
    const set = new Set(all);
    return rows
      .filter((row) => {
        const named = [...row.epcs, ...(row.parent_id ? [row.parent_id] : [])].filter((epc) => set.has(epc));
        return !named.some((epc) => epc < first);
      })
      .map((row) => row.document);
  }
}
