import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

export type AlertStatus = 'open' | 'acknowledged' | 'closed';

export interface AlertView {
  id: string;
  code: string;
  nmvsCode: string | undefined;
  severity: string;
  message: string;
  epc: string | undefined;
  gtin: string | undefined;
  lot: string | undefined;
  eventId: string | undefined;
  participant: string | undefined;
  createdAt: string;
  status: AlertStatus;
  trail: { at: string; by: string; action: string; comment: string }[];
}

export interface AlertFilter {
  code?: string;
  epc?: string;
  gtin?: string;
  lot?: string;
  participant?: string;
  status?: AlertStatus;
  from?: string;
  to?: string;
  /** GLNs the reader may see alerts about; undefined = all (regulators). */
  visibleTo?: readonly string[];
  limit: number;
}

interface AlertRow {
  id: string;
  code: string;
  nmvs_code: string | null;
  severity: string;
  message: string;
  epc: string | null;
  gtin: string | null;
  lot: string | null;
  event_id: string | null;
  participant_gln: string | null;
  created_at: Date | string;
  status: AlertStatus;
  trail: AlertView['trail'];
}

function toView(row: AlertRow): AlertView {
  return {
    id: row.id,
    code: row.code,
    nmvsCode: row.nmvs_code ?? undefined,
    severity: row.severity,
    message: row.message,
    epc: row.epc ?? undefined,
    gtin: row.gtin ?? undefined,
    lot: row.lot ?? undefined,
    eventId: row.event_id ?? undefined,
    participant: row.participant_gln ?? undefined,
    createdAt: new Date(row.created_at).toISOString(),
    status: row.status,
    trail: row.trail,
  };
}

@Injectable()
export class AlertRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async find(filter: AlertFilter): Promise<AlertView[]> {
    const rows = await this.sql.query<AlertRow>(
      `select * from alerts
        where ($1::text is null or code = $1) and ($2::text is null or epc = $2)
          and ($3::text is null or gtin = $3) and ($4::text is null or lot = $4)
          and ($5::text is null or participant_gln = $5 or $5 = any(involved_glns))
          and ($6::text is null or status = $6)
          and ($7::timestamptz is null or created_at >= $7) and ($8::timestamptz is null or created_at < $8)
          and ($9::text[] is null or involved_glns && $9::text[])
        order by created_at desc, id limit $10`,
      [
        filter.code ?? null,
        filter.epc ?? null,
        filter.gtin ?? null,
        filter.lot ?? null,
        filter.participant ?? null,
        filter.status ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.visibleTo ?? null,
        filter.limit,
      ],
    );
    return rows.map(toView);
  }

  async get(id: string, visibleTo: readonly string[] | undefined): Promise<AlertView | undefined> {
    const rows = await this.sql.query<AlertRow>(
      `select * from alerts where id = $1 and ($2::text[] is null or involved_glns && $2::text[])`,
      [id, visibleTo ?? null],
    );
    return rows[0] ? toView(rows[0]) : undefined;
  }

  /** Moves an alert along its investigation trail, appending who did what and why. */
  async transition(
    id: string,
    status: AlertStatus,
    entry: AlertView['trail'][number],
  ): Promise<AlertView | undefined> {
    const rows = await this.sql.query<AlertRow>(
      `update alerts set status = $2, trail = trail || $3::jsonb where id = $1 returning *`,
      [id, status, JSON.stringify([entry])],
    );
    return rows[0] ? toView(rows[0]) : undefined;
  }
}
