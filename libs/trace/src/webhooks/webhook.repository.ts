import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

export interface Webhook {
  id: string;
  gln: string;
  url: string;
  createdAt: string;
}

/** A delivery to write in the same transaction as the change it reports. */
export interface NewDelivery {
  id: string;
  webhookId: string;
  gln: string;
  eventType: string;
  subject: string;
  payload: string;
}

interface WebhookRow {
  id: string;
  gln: string;
  url: string;
  created_at: Date | string;
}

const toWebhook = (row: WebhookRow): Webhook => ({
  id: row.id,
  gln: row.gln,
  url: row.url,
  createdAt: new Date(row.created_at).toISOString(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Webhook registrations (`webhooks`) and the durable delivery queue (`webhook_deliveries`). */
@Injectable()
export class WebhookRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  /** Registers a webhook unless the participant already has `max`; undefined when it has. */
  async create(
    webhook: { id: string; gln: string; url: string; secret: string },
    max: number,
  ): Promise<Webhook | undefined> {
    return this.sql.transaction(async (tx) => {
      // One registration at a time per participant, so the limit holds under concurrent requests.
      await tx.query(`select pg_advisory_xact_lock(hashtext('webhooks:' || $1))`, [webhook.gln]);
      const [count] = await tx.query<{ n: number }>(
        `select count(*)::int as n from webhooks where gln = $1 and deleted_at is null`,
        [webhook.gln],
      );
      if ((count?.n ?? 0) >= max) return undefined;
      const rows = await tx.query<WebhookRow>(
        `insert into webhooks (id, gln, url, secret) values ($1, $2, $3, $4) returning id, gln, url, created_at`,
        [webhook.id, webhook.gln, webhook.url, webhook.secret],
      );
      return rows[0] ? toWebhook(rows[0]) : undefined;
    });
  }

  async list(gln: string): Promise<Webhook[]> {
    const rows = await this.sql.query<WebhookRow>(
      `select id, gln, url, created_at from webhooks where gln = $1 and deleted_at is null order by created_at, id`,
      [gln],
    );
    return rows.map(toWebhook);
  }

  /** Deletes a participant's webhook and cancels what is still queued for it; false if none. */
  async delete(gln: string, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    return this.sql.transaction(async (tx) => {
      const rows = await tx.query<{ id: string }>(
        `update webhooks set deleted_at = now() where id = $1 and gln = $2 and deleted_at is null returning id`,
        [id, gln],
      );
      if (rows.length === 0) return false;
      await tx.query(
        `update webhook_deliveries set status = 'cancelled' where webhook_id = $1 and status = 'pending'`,
        [id],
      );
      return true;
    });
  }

  /** Live webhooks of these participants, read in the caller's transaction. */
  async activeFor(tx: SqlClient, glns: readonly string[]): Promise<{ id: string; gln: string }[]> {
    if (glns.length === 0) return [];
    return tx.query<{ id: string; gln: string }>(
      `select id, gln from webhooks where gln = any($1::text[]) and deleted_at is null order by gln, id`,
      [glns],
    );
  }

  async enqueue(tx: SqlClient, deliveries: readonly NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await tx.query(
      `insert into webhook_deliveries (id, webhook_id, gln, event_type, subject, payload, status)
       select id, webhook_id, gln, event_type, subject, payload, 'pending'
         from jsonb_to_recordset($1::jsonb) as x(id uuid, webhook_id uuid, gln text, event_type text,
              subject text, payload text)`,
      [
        JSON.stringify(
          deliveries.map((d) => ({
            id: d.id,
            webhook_id: d.webhookId,
            gln: d.gln,
            event_type: d.eventType,
            subject: d.subject,
            payload: d.payload,
          })),
        ),
      ],
    );
  }
}
