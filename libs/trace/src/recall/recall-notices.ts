import { createHash } from 'node:crypto';
import {
  buildAlert,
  canonicalJson,
  type CustodyCommand,
  type LotChange,
  type ParticipantDirectory,
} from '@pharmatrace/custody';
import { Topics } from '@pharmatrace/messaging';
import type { OutboxMessage } from '@pharmatrace/runtime';
import type { Recall } from './recall.model';
import type { HolderRow } from './recall.repository';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type RecallNoticeType = 'recall.issued' | 'recall.lifted';

/** One command's effect: what the custody rules changed for one lot. */
export interface AppliedLotCommand {
  command: CustodyCommand;
  changes: readonly LotChange[];
}

/**
 * A command has no EPCIS event hash; its ledger records are keyed by the hash of the command itself, in
 * the event hash's notation, so receipts are found the same way (`${hash}#${subject}`).
 */
export function commandHash(command: CustodyCommand): string {
  return `ni:///sha-256;${sha256(canonicalJson(command))}?ver=pharmatrace-command-1`;
}

/** The ledger records of lot status changes: the same shape the custody processor writes for lots. */
export function lotLedgerMessages(
  applied: readonly AppliedLotCommand[],
  issuedBy: string,
  directory: ParticipantDirectory,
): { messages: OutboxMessage[]; recordIds: string[] } {
  const submitterMsp = directory.participant(issuedBy)?.mspId ?? 'PharmaTraceMSP';
  const messages: OutboxMessage[] = [];
  const recordIds: string[] = [];
  for (const { command, changes } of applied) {
    const hash = commandHash(command);
    for (const { after: lot } of changes) {
      const subject = `lot:${lot.gtin}|${lot.lot}`;
      const owner = directory.ownerOfGtin(lot.gtin);
      const record = {
        recordId: `${hash}#${subject}`,
        subject,
        kind: 'lot',
        operation: command.type,
        status: lot.status,
        ownerGln: owner?.gln ?? issuedBy,
        ownerMsp: owner?.mspId ?? submitterMsp,
        submitterGln: issuedBy,
        submitterMsp,
        gtin: lot.gtin,
        lot: lot.lot,
        stateHash: sha256(canonicalJson(lot)),
        eventHash: hash,
        eventId: command.id,
        eventTime: command.time,
        version: 1,
      };
      recordIds.push(record.recordId);
      messages.push({ topic: Topics.LedgerRecords, key: subject, value: JSON.stringify(record) });
    }
  }
  return { messages, recordIds };
}

/** What one participant holds of the recalled lots, for its notification. */
export interface HolderSummary {
  gln: string;
  /** Packs in its custody, by status. */
  byStatus: Record<string, number>;
  /** Packs in transit to it. */
  incoming: number;
  total: number;
}

/**
 * Everyone to notify: each participant holding packs of the lots (custodian, or destination of packs in
 * transit), and the brand owner, who must act on every recall of its product even when it holds none.
 */
export function recipientsOf(holders: readonly HolderRow[], brandOwner: string | undefined): HolderSummary[] {
  const byGln = new Map<string, HolderSummary>();
  const summary = (gln: string) => {
    let entry = byGln.get(gln);
    if (!entry) {
      entry = { gln, byStatus: {}, incoming: 0, total: 0 };
      byGln.set(gln, entry);
    }
    return entry;
  };
  for (const row of holders) {
    const entry = summary(row.gln);
    if (row.status === 'incoming') entry.incoming += row.n;
    else {
      entry.byStatus[row.status] = (entry.byStatus[row.status] ?? 0) + row.n;
      entry.total += row.n;
    }
  }
  if (brandOwner !== undefined) summary(brandOwner);
  return [...byGln.values()].sort((a, b) => (a.gln < b.gln ? -1 : a.gln > b.gln ? 1 : 0));
}

export function recallSummary(recall: Recall) {
  return {
    id: recall.id,
    gtin: recall.gtin,
    lots: recall.lots,
    class: recall.class,
    reason: recall.reason,
    status: recall.status,
    issuedBy: recall.issuedBy,
    issuedAt: recall.issuedAt,
    ...(recall.liftedAt !== undefined && {
      liftedBy: recall.liftedBy,
      liftedAt: recall.liftedAt,
      liftReason: recall.liftReason,
    }),
  };
}

/** The body a webhook receives (signed as is; see webhook-signature.ts). */
export function webhookPayload(
  deliveryId: string,
  type: RecallNoticeType,
  recall: Recall,
  holder: HolderSummary,
  createdAt: string,
): string {
  return JSON.stringify({
    id: deliveryId,
    type,
    createdAt,
    recall: recallSummary(recall),
    yourPacks: { total: holder.total, byStatus: holder.byStatus, incoming: holder.incoming },
    links: { report: `/v1/recalls/${recall.id}` },
  });
}

export interface RecallAlertRow {
  id: string;
  code: 'RECALLED';
  severity: string;
  message: string;
  gtin: string;
  lot: string;
  event_id: string;
  participant_gln: string;
  involved_glns: string[];
  created_at: string;
}

/**
 * One RECALLED alert per lot (stored, so participants without a webhook find it in GET /v1/alerts), and
 * the same alert on the custody alerts topic for the console and other listeners.
 */
export function recallAlerts(
  applied: readonly AppliedLotCommand[],
  type: RecallNoticeType,
  recall: Recall,
  recipients: readonly HolderSummary[],
  at: string,
): { rows: RecallAlertRow[]; messages: OutboxMessage[] } {
  const involved = [...new Set([recall.issuedBy, ...recipients.map((r) => r.gln)])].sort();
  const rows: RecallAlertRow[] = [];
  const messages: OutboxMessage[] = [];
  for (const { command, changes } of applied) {
    for (const { after: lot } of changes) {
      const what =
        type === 'recall.issued'
          ? `lot ${lot.lot} of ${lot.gtin} recalled (class ${recall.class}): ${recall.reason}`
          : `recall of lot ${lot.lot} of ${lot.gtin} lifted${recall.liftReason ? `: ${recall.liftReason}` : ''}`;
      const issuer = type === 'recall.issued' ? recall.issuedBy : (recall.liftedBy ?? recall.issuedBy);
      const alert = buildAlert({ code: 'RECALLED', blocking: false, detail: what }, command.id, issuer);
      const id = sha256(`${command.id}||RECALLED`).slice(0, 32);
      rows.push({
        id,
        code: 'RECALLED',
        severity: alert.severity,
        message: alert.message,
        gtin: lot.gtin,
        lot: lot.lot,
        event_id: command.id,
        participant_gln: issuer,
        involved_glns: involved,
        created_at: at,
      });
      messages.push({
        topic: Topics.CustodyAlerts,
        key: `lot:${lot.gtin}|${lot.lot}`,
        value: JSON.stringify({
          ...alert,
          id,
          source: 'trace',
          notice: type,
          recallId: recall.id,
          recallClass: recall.class,
          gtin: lot.gtin,
          lot: lot.lot,
          involved,
          createdAt: at,
        }),
        headers: { source: 'trace' },
      });
    }
  }
  return { rows, messages };
}
