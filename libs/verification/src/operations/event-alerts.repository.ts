import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

/** An alert the custody processor raised on an operation's event. */
export interface OperationAlert {
  id: string;
  code: string;
  nmvsCode?: string;
  severity: string;
  message: string;
  epc?: string;
}

const SEVERITY_RANK: Record<string, number> = { critical: 0, error: 1, warning: 2, info: 3 };

@Injectable()
export class EventAlertsRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Alerts raised by one event, most severe first. */
  async forEvent(eventId: string): Promise<OperationAlert[]> {
    const rows = await this.database.sql.query<{
      id: string;
      code: string;
      nmvs_code: string | null;
      severity: string;
      message: string;
      epc: string | null;
    }>(`select id, code, nmvs_code, severity, message, epc from alerts where event_id = $1 order by id`, [
      eventId,
    ]);
    return rows
      .map((row) => ({
        id: row.id,
        code: row.code,
        ...(row.nmvs_code !== null && { nmvsCode: row.nmvs_code }),
        severity: row.severity,
        message: row.message,
        ...(row.epc !== null && { epc: row.epc }),
      }))
      .sort((a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9));
  }
}
