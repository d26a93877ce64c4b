import { Inject, Injectable } from '@nestjs/common';
import type { LotRecord } from '@pharmatrace/custody';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { Recall, RecallClass, RecallStatus } from './recall.model';

interface RecallRow {
  id: string;
  gtin: string;
  lots: string[];
  class: RecallClass;
  reason: string;
  status: RecallStatus;
  issued_by: string;
  issued_at: Date | string;
  lifted_by: string | null;
  lifted_at: Date | string | null;
  lift_reason: string | null;
  ledger_record_ids: string[];
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toRecall(row: RecallRow): Recall {
  return {
    id: row.id,
    gtin: row.gtin,
    lots: row.lots,
    class: row.class,
    reason: row.reason,
    status: row.status,
    issuedBy: row.issued_by,
    issuedAt: iso(row.issued_at),
    liftedBy: row.lifted_by ?? undefined,
    liftedAt: row.lifted_at ? iso(row.lifted_at) : undefined,
    liftReason: row.lift_reason ?? undefined,
    ledgerRecordIds: row.ledger_record_ids,
  };
}

export interface StoredLot extends LotRecord {
  recallId: string | undefined;
}

/** Who holds packs of a lot: current custodians, and destinations of packs on their way. */
export interface HolderRow {
  gln: string;
  lot: string;
  /** A pack status, or `incoming` for packs in transit to this participant. */
  status: string;
  n: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class RecallRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async find(id: string, client: SqlClient = this.database.sql): Promise<Recall | undefined> {
    if (!UUID.test(id)) return undefined;
    const rows = await client.query<RecallRow>(`select * from recalls where id = $1`, [id]);
    return rows[0] ? toRecall(rows[0]) : undefined;
  }

  /** Serialises concurrent recalls and lifts of the same lots until the transaction ends. */
  async lockLots(tx: SqlClient, gtin: string, lots: readonly string[]): Promise<void> {
    await tx.query(
      `select pg_advisory_xact_lock(hashtext('lot:' || $1 || '|' || l))
         from (select unnest($2::text[]) as l order by 1) sorted`,
      [gtin, lots],
    );
  }

  async lots(tx: SqlClient, gtin: string, lots: readonly string[]): Promise<StoredLot[]> {
    const rows = await tx.query<{
      gtin: string;
      lot: string;
      status: LotRecord['status'];
      status_set_by: string | null;
      status_set_at: Date | string | null;
      status_reason: string | null;
      recall_id: string | null;
    }>(`select * from lots where gtin = $1 and lot = any($2::text[])`, [gtin, lots]);
    return rows.map((row) => ({
      gtin: row.gtin,
      lot: row.lot,
      status: row.status,
      ...(row.status_set_by ? { statusSetBy: row.status_set_by } : {}),
      ...(row.status_set_at ? { statusSetAt: iso(row.status_set_at) } : {}),
      ...(row.status_reason ? { statusReason: row.status_reason } : {}),
      recallId: row.recall_id ?? undefined,
    }));
  }

  /** Writes lot records the custody rules produced; verification reads `status` from here. */
  async writeLots(tx: SqlClient, records: readonly LotRecord[], recallId: string | null): Promise<void> {
    if (records.length === 0) return;
    await tx.query(
      `insert into lots (gtin, lot, status, status_set_by, status_set_at, status_reason, recall_id)
       select gtin, lot, status, status_set_by, status_set_at, status_reason, $2
         from jsonb_to_recordset($1::jsonb) as x(gtin text, lot text, status text, status_set_by text,
              status_set_at timestamptz, status_reason text)
       on conflict (gtin, lot) do update set status = excluded.status, status_set_by = excluded.status_set_by,
         status_set_at = excluded.status_set_at, status_reason = excluded.status_reason,
         recall_id = excluded.recall_id`,
      [
        JSON.stringify(
          records.map((r) => ({
            gtin: r.gtin,
            lot: r.lot,
            status: r.status,
            status_set_by: r.statusSetBy ?? null,
            status_set_at: r.statusSetAt ?? null,
            status_reason: r.statusReason ?? null,
          })),
        ),
        recallId,
      ],
    );
  }

  async insert(tx: SqlClient, recall: Recall): Promise<void> {
    await tx.query(
      `insert into recalls (id, gtin, lots, class, reason, status, issued_by, issued_at, ledger_record_ids)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        recall.id,
        recall.gtin,
        recall.lots,
        recall.class,
        recall.reason,
        recall.status,
        recall.issuedBy,
        recall.issuedAt,
        recall.ledgerRecordIds,
      ],
    );
  }

  async markLifted(tx: SqlClient, recall: Recall): Promise<void> {
    await tx.query(
      `update recalls set status = 'lifted', lifted_by = $2, lifted_at = $3, lift_reason = $4,
              ledger_record_ids = $5 where id = $1`,
      [recall.id, recall.liftedBy, recall.liftedAt, recall.liftReason ?? null, recall.ledgerRecordIds],
    );
  }

  /** Pack counts per holder and status for the lots (index on packs (gtin, lot)). */
  async holders(tx: SqlClient, gtin: string, lots: readonly string[]): Promise<HolderRow[]> {
    return tx.query<HolderRow>(
      `select holder as gln, lot, status, count(*)::int as n
         from (select custodian_gln as holder, lot, status from packs
                where kind = 'item' and gtin = $1 and lot = any($2::text[])
               union all
               select state->'inTransit'->>'to', lot, 'incoming' from packs
                where kind = 'item' and gtin = $1 and lot = any($2::text[]) and status = 'in_transit') x
        where holder is not null
        group by holder, lot, status`,
      [gtin, lots],
    );
  }
}
