import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { NextStep } from './webhook-delivery.policy';

/** A delivery claimed for one attempt. */
export interface ClaimedDelivery {
  id: string;
  eventType: string;
  payload: string;
  /** Attempts made, this one included. */
  attempts: number;
  url: string;
  secret: string;
}

export interface DeliveryView {
  id: string;
  eventType: string;
  subject: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  nextAttemptAt: string | undefined;
  lastStatusCode: number | undefined;
  lastError: string | undefined;
  createdAt: string;
  deliveredAt: string | undefined;
}

const iso = (value: Date | string | null) => (value === null ? undefined : new Date(value).toISOString());

/**
 * The delivery queue. Claiming pushes `next_attempt_at` past the attempt's deadline (a lease) under
 * `for update skip locked`, so several dispatchers never send the same delivery at once, and a
 * dispatcher that dies mid-attempt leaves it due again once the lease runs out: nothing is lost.
 */
@Injectable()
export class WebhookDeliveryRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.sql.query<ClaimedDelivery>(
      `update webhook_deliveries d
          set attempts = d.attempts + 1, last_attempt_at = now(),
              next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
         from webhooks w
        where w.id = d.webhook_id and w.deleted_at is null
          and d.id in (select id from webhook_deliveries
                        where status = 'pending' and next_attempt_at <= now()
                        order by next_attempt_at, id limit $1 for update skip locked)
        returning d.id::text as id, d.event_type as "eventType", d.payload, d.attempts, w.url, w.secret`,
      [limit, leaseMs],
    );
  }

  async record(id: string, step: NextStep): Promise<void> {
    switch (step.kind) {
      case 'delivered':
        await this.sql.query(
          `update webhook_deliveries set status = 'delivered', delivered_at = now(), last_status_code = $2,
                  last_error = null where id = $1`,
          [id, step.statusCode],
        );
        return;
      case 'retry':
        await this.sql.query(
          `update webhook_deliveries set next_attempt_at = now() + make_interval(secs => $2::double precision / 1000),
                  last_status_code = $3, last_error = $4 where id = $1 and status = 'pending'`,
          [id, step.delayMs, step.statusCode ?? null, step.error.slice(0, 500)],
        );
        return;
      case 'failed':
        await this.sql.query(
          `update webhook_deliveries set status = 'failed', last_status_code = $2, last_error = $3
            where id = $1 and status = 'pending'`,
          [id, step.statusCode ?? null, step.error.slice(0, 500)],
        );
        return;
    }
  }

  /** The latest deliveries to one of a participant's webhooks, newest first. */
  async recent(gln: string, webhookId: string, limit: number): Promise<DeliveryView[]> {
    const rows = await this.sql.query<{
      id: string;
      event_type: string;
      subject: string;
      status: DeliveryView['status'];
      attempts: number;
      next_attempt_at: Date | string;
      last_status_code: number | null;
      last_error: string | null;
      created_at: Date | string;
      delivered_at: Date | string | null;
    }>(
      `select d.id::text as id, d.event_type, d.subject, d.status, d.attempts, d.next_attempt_at,
              d.last_status_code, d.last_error, d.created_at, d.delivered_at
         from webhook_deliveries d where d.webhook_id = $1 and d.gln = $2
        order by d.created_at desc, d.id limit $3`,
      [webhookId, gln, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      eventType: row.event_type,
      subject: row.subject,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : undefined,
      lastStatusCode: row.last_status_code ?? undefined,
      lastError: row.last_error ?? undefined,
      createdAt: iso(row.created_at) ?? '',
      deliveredAt: iso(row.delivered_at),
    }));
  }
}
