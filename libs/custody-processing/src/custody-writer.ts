import { createHash } from 'node:crypto';
import {
  correctionRecordOf,
  type Alert,
  type CustodyOutcome,
  type Handoff,
  type LotRecord,
  type PackState,
  type ParticipantDirectory,
  type ProductRecord,
} from '@pharmatrace/custody';
import { eventIdempotencyKey, type CapturedEvent } from '@pharmatrace/epcis';
import { Topics } from '@pharmatrace/messaging';
import type { SqlClient } from '@pharmatrace/persistence';
import { enqueueOutbox, type OutboxMessage } from '@pharmatrace/runtime';
import { packColumns } from './custody-rows';
import { ledgerRecordsOf } from './ledger-records';

export const CUSTODY_CONSUMER = 'custody';

export function alertId(alert: Alert): string {
  return createHash('sha256')
    .update(`${alert.eventId}|${alert.epc ?? ''}|${alert.code}`)
    .digest('hex')
    .slice(0, 32);
}

interface Applied {
  captured: CapturedEvent;
  outcome: CustodyOutcome;
}

/** The final state of everything a batch changed (a key changed twice keeps its last value). */
function finalStates(applied: readonly Applied[]) {
  const packs = new Map<string, PackState | undefined>();
  const handoffs = new Map<string, Handoff | undefined>();
  const lots = new Map<string, LotRecord>();
  const products = new Map<string, ProductRecord>();
  for (const { outcome } of applied) {
    for (const change of outcome.packs) packs.set(change.epc, change.after);
    for (const change of outcome.handoffs) handoffs.set(change.id, change.after);
    for (const change of outcome.lots) lots.set(change.key, change.after);
    for (const change of outcome.products) products.set(change.gtin, change.after);
  }
  return { packs, handoffs, lots, products };
}

/**
 * Writes a batch's effects in the caller's transaction: pack, handoff, lot and product states, link
 * history, alerts, the processed-event marks (with correction records), and the outbox messages for
 * alerts and ledger records. Either all of it commits or none of it does.
 */
export async function writeCustodyBatch(
  tx: SqlClient,
  applied: readonly Applied[],
  directory: ParticipantDirectory,
) {
  const states = finalStates(applied);
  const upserts = [...states.packs.values()].filter((s): s is PackState => s !== undefined).map(packColumns);
  const deletions = [...states.packs].filter(([, s]) => s === undefined).map(([epc]) => epc);
  if (upserts.length > 0) {
    await tx.query(
      `insert into packs (epc, kind, gtin, serial, lot, expiry, owner_gln, status, custodian_gln, parent_epc,
                          last_event_id, updated_at, version, state)
       select epc, kind, gtin, serial, lot, expiry, owner_gln, status, custodian_gln, parent_epc,
              last_event_id, updated_at, version, state
         from jsonb_to_recordset($1::jsonb) as x(epc text, kind text, gtin text, serial text, lot text, expiry date,
              owner_gln text, status text, custodian_gln text, parent_epc text, last_event_id text,
              updated_at timestamptz, version int, state jsonb)
       on conflict (epc) do update set status = excluded.status, custodian_gln = excluded.custodian_gln,
         parent_epc = excluded.parent_epc, last_event_id = excluded.last_event_id, updated_at = excluded.updated_at,
         version = excluded.version, state = excluded.state, lot = excluded.lot, expiry = excluded.expiry`,
      [JSON.stringify(upserts)],
    );
  }
  if (deletions.length > 0) await tx.query(`delete from packs where epc = any($1::text[])`, [deletions]);

  const handoffRows = [...states.handoffs].map(([id, h]) => ({ id, h }));
  const liveHandoffs = handoffRows.filter((r) => r.h !== undefined).map((r) => r.h as Handoff);
  if (liveHandoffs.length > 0) {
    await tx.query(
      `insert into handoffs (id, from_gln, to_gln, status, shipped_at, closed_at, items, state)
       select id, from_gln, to_gln, status, shipped_at, closed_at, items, state
         from jsonb_to_recordset($1::jsonb) as x(id text, from_gln text, to_gln text, status text,
              shipped_at timestamptz, closed_at timestamptz, items text[], state jsonb)
       on conflict (id) do update set status = excluded.status, closed_at = excluded.closed_at, state = excluded.state`,
      [
        JSON.stringify(
          liveHandoffs.map((h) => ({
            id: h.id,
            from_gln: h.from,
            to_gln: h.to,
            status: h.status,
            shipped_at: h.shippedAt,
            closed_at: h.closedAt ?? null,
            items: h.items,
            state: h,
          })),
        ),
      ],
    );
  }
  const removedHandoffs = handoffRows.filter((r) => r.h === undefined).map((r) => r.id);
  if (removedHandoffs.length > 0)
    await tx.query(`delete from handoffs where id = any($1::text[])`, [removedHandoffs]);

  for (const lot of states.lots.values()) {
    await tx.query(
      `insert into lots (gtin, lot, status, status_set_by, status_set_at, status_reason) values ($1, $2, $3, $4, $5, $6)
       on conflict (gtin, lot) do update set status = excluded.status, status_set_by = excluded.status_set_by,
         status_set_at = excluded.status_set_at, status_reason = excluded.status_reason`,
      [
        lot.gtin,
        lot.lot,
        lot.status,
        lot.statusSetBy ?? null,
        lot.statusSetAt ?? null,
        lot.statusReason ?? null,
      ],
    );
  }
  for (const product of states.products.values()) {
    await tx.query(
      `update products set status = $2, status_set_by = $3, status_set_at = $4, status_reason = $5, updated_at = now()
        where gtin = $1`,
      [
        product.gtin,
        product.status,
        product.statusSetBy ?? null,
        product.statusSetAt ?? null,
        product.statusReason ?? null,
      ],
    );
  }

  await writeLinkHistory(tx, applied);
  const outbox: OutboxMessage[] = [];
  await writeAlerts(tx, applied, directory, outbox);
  for (const { captured, outcome } of applied) outbox.push(...ledgerRecordsOf(captured, outcome, directory));
  await tx.query(
    // json, not jsonb, end to end: the column stores the text as checked (see the migration).
    `insert into processed_events (consumer, event_hash, event_id, correction)
     select $1, event_hash, event_id, correction from json_to_recordset($2::json)
       as x(event_hash text, event_id text, correction json)
     on conflict do nothing`,
    [
      CUSTODY_CONSUMER,
      JSON.stringify(
        applied.map(({ captured, outcome }) => ({
          event_hash: eventIdempotencyKey(captured.event),
          event_id: captured.event.eventID,
          correction:
            outcome.packs.length > 0 || outcome.handoffs.length > 0 ? correctionRecordOf(outcome) : null,
        })),
      ),
    ],
  );
  await enqueueOutbox(tx, outbox);
}

interface LinkRow {
  parent: string;
  child: string;
  event: string;
  at: string;
}

/**
 * Link history in event order, as few statements as order allows: consecutive packings become one
 * insert, consecutive unpackings one update (an unpack then repack of the same child stays correct).
 */
async function writeLinkHistory(tx: SqlClient, applied: readonly Applied[]) {
  let run: { kind: 'added' | 'removed'; rows: LinkRow[] } | undefined;
  const flush = async () => {
    if (!run || run.rows.length === 0) return;
    const json = JSON.stringify(run.rows);
    if (run.kind === 'added') {
      await tx.query(
        `insert into aggregation_history (parent_epc, child_epc, packed_event_id, packed_at)
         select parent, child, event, at from jsonb_to_recordset($1::jsonb) as x(parent text, child text, event text, at timestamptz)`,
        [json],
      );
    } else {
      await tx.query(
        `update aggregation_history h set unpacked_event_id = x.event, unpacked_at = x.at
           from jsonb_to_recordset($1::jsonb) as x(parent text, child text, event text, at timestamptz)
          where h.parent_epc = x.parent and h.child_epc = x.child and h.unpacked_event_id is null`,
        [json],
      );
    }
    run = undefined;
  };
  for (const { captured, outcome } of applied) {
    for (const link of outcome.links) {
      if (run && run.kind !== link.change) await flush();
      run ??= { kind: link.change, rows: [] };
      run.rows.push({
        parent: link.parent,
        child: link.child,
        event: captured.event.eventID,
        at: captured.event.eventTime,
      });
    }
  }
  await flush();
}

async function writeAlerts(
  tx: SqlClient,
  applied: readonly Applied[],
  directory: ParticipantDirectory,
  outbox: OutboxMessage[],
) {
  const rows = [];
  for (const { captured, outcome } of applied) {
    for (const alert of outcome.alerts) {
      const pack = alert.epc ? outcome.packs.find((p) => p.epc === alert.epc) : undefined;
      const state = pack?.after ?? pack?.before;
      const involved = new Set([alert.participant, captured.capturedBy]);
      if (state) {
        involved.add(state.owner);
        involved.add(state.custodian);
      }
      const gtin = state?.kind === 'item' ? state.gtin : null;
      const lot = state?.kind === 'item' ? state.lot : null;
      const row = {
        id: alertId(alert),
        code: alert.code,
        nmvs_code: alert.nmvsCode ?? null,
        severity: alert.severity,
        message: alert.message,
        epc: alert.epc ?? null,
        gtin,
        lot,
        event_id: alert.eventId,
        participant_gln: directory.participant(alert.participant) ? alert.participant : null,
        involved_glns: [...involved].filter((g) => /^\d{13}$/.test(g)).sort(),
        created_at: captured.event.eventTime,
      };
      rows.push(row);
      outbox.push({
        topic: Topics.CustodyAlerts,
        key: alert.epc ?? alert.eventId,
        value: JSON.stringify({ ...alert, id: row.id }),
      });
    }
  }
  if (rows.length === 0) return;
  await tx.query(
    `insert into alerts (id, code, nmvs_code, severity, message, epc, gtin, lot, event_id, participant_gln,
                         involved_glns, created_at)
     select id, code, nmvs_code, severity, message, epc, gtin, lot, event_id, participant_gln, involved_glns, created_at
       from jsonb_to_recordset($1::jsonb) as x(id text, code text, nmvs_code text, severity text, message text,
            epc text, gtin text, lot text, event_id text, participant_gln text, involved_glns text[], created_at timestamptz)
     on conflict (id) do nothing`,
    [JSON.stringify(rows)],
  );
}
