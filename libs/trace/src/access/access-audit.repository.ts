import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

export type AuditAction =
  'trace.read' | 'recall.read' | 'recall.events.read' | 'recall.issue' | 'recall.lift' | 'recall.refused';

export interface AuditEntry {
  gln: string;
  action: AuditAction;
  /** The EPC traced or the recall id. */
  subject: string;
  details: Record<string, unknown>;
}

/** Appends to `access_audit`: who read or changed which pack data, and how much of it they saw. */
@Injectable()
export class AccessAuditRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  /** Pass the transaction's client when the entry must commit (or roll back) with a change. */
  async record(entry: AuditEntry, client: SqlClient = this.sql): Promise<void> {
    await client.query(`insert into access_audit (gln, action, subject, details) values ($1, $2, $3, $4)`, [
      entry.gln,
      entry.action,
      entry.subject,
      JSON.stringify(entry.details),
    ]);
  }
}
