import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ParticipantDirectory } from '@pharmatrace/custody';
import type { SqlClient } from '@pharmatrace/persistence';
import { enqueueOutbox } from '@pharmatrace/runtime';
import { WebhookRepository } from '../webhooks/webhook.repository';
import type { Recall } from './recall.model';
import {
  lotLedgerMessages,
  recallAlerts,
  recipientsOf,
  webhookPayload,
  type AppliedLotCommand,
  type RecallAlertRow,
  type RecallNoticeType,
} from './recall-notices';
import { RecallRepository } from './recall.repository';

export interface NoticeResult {
  /** Ledger record ids of the lot changes, for their receipts. */
  recordIds: string[];
  /** Participants notified (holders of the lots and the brand owner). */
  recipients: string[];
  /** Webhook deliveries queued. */
  deliveries: number;
}

/**
 * Writes, in the caller's transaction, everything a lot status change must leave behind: the ledger
 * records and the alert notice in the outbox, a RECALLED alert per lot, and one webhook delivery per
 * webhook of every participant holding packs of the lots. All of it commits with the status change.
 */
@Injectable()
export class RecallNoticeWriter {
  constructor(
    private readonly recalls: RecallRepository,
    private readonly webhooks: WebhookRepository,
  ) {}

  async write(
    tx: SqlClient,
    input: {
      type: RecallNoticeType;
      recall: Recall;
      applied: readonly AppliedLotCommand[];
      issuedBy: string;
      directory: ParticipantDirectory;
      at: string;
    },
  ): Promise<NoticeResult> {
    const { recall, type, at } = input;
    const ledger = lotLedgerMessages(input.applied, input.issuedBy, input.directory);
    const holders = await this.recalls.holders(tx, recall.gtin, recall.lots);
    const recipients = recipientsOf(holders, input.directory.ownerOfGtin(recall.gtin)?.gln);
    const alerts = recallAlerts(input.applied, type, recall, recipients, at);
    await insertAlerts(tx, alerts.rows);
    const byGln = new Map(recipients.map((r) => [r.gln, r]));
    const hooks = await this.webhooks.activeFor(tx, [...byGln.keys()]);
    const deliveries = hooks.flatMap((hook) => {
      const holder = byGln.get(hook.gln);
      if (!holder) return [];
      const id = randomUUID();
      return [
        {
          id,
          webhookId: hook.id,
          gln: hook.gln,
          eventType: type,
          subject: recall.id,
          payload: webhookPayload(id, type, recall, holder, at),
        },
      ];
    });
    await this.webhooks.enqueue(tx, deliveries);
    await enqueueOutbox(tx, [...ledger.messages, ...alerts.messages]);
    return {
      recordIds: ledger.recordIds,
      recipients: recipients.map((r) => r.gln),
      deliveries: deliveries.length,
    };
  }
}

async function insertAlerts(tx: SqlClient, rows: readonly RecallAlertRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into alerts (id, code, severity, message, gtin, lot, event_id, participant_gln, involved_glns, created_at)
     select id, code, severity, message, gtin, lot, event_id, participant_gln, involved_glns, created_at
       from jsonb_to_recordset($1::jsonb) as x(id text, code text, severity text, message text, gtin text,
            lot text, event_id text, participant_gln text, involved_glns text[], created_at timestamptz)
     on conflict (id) do nothing`,
    [JSON.stringify(rows)],
  );
}
