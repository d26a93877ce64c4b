import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pack state, aggregation, handoffs, lots, alerts, processed-event bookkeeping, ledger receipts and the
 * access audit. A pack's full state is kept as JSON (the custody library's PackState) beside the
 * columns that verification and trace query by.
 */
export class CustodySchema1732300200000 implements MigrationInterface {
  name = 'CustodySchema1732300200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table packs (
        epc text primary key,
        kind text not null check (kind in ('item', 'container')),
        gtin char(14),
        serial text,
        lot text,
        expiry date,
        owner_gln char(13),
        status text not null,
        custodian_gln char(13),
        parent_epc text,
        last_event_id text,
        updated_at timestamptz not null,
        version integer not null default 1,
        state jsonb not null
      );
      create unique index packs_gtin_serial on packs (gtin, serial) where kind = 'item';
      create index packs_gtin_lot on packs (gtin, lot) where kind = 'item';
      create index packs_parent on packs (parent_epc) where parent_epc is not null;
      create index packs_custodian on packs (custodian_gln);

      create table aggregation_history (
        id bigserial primary key,
        parent_epc text not null,
        child_epc text not null,
        packed_event_id text not null,
        packed_at timestamptz not null,
        unpacked_event_id text,
        unpacked_at timestamptz
      );
      create index aggregation_history_child on aggregation_history (child_epc);
      create index aggregation_history_parent on aggregation_history (parent_epc);

      create table handoffs (
        id text primary key,
        from_gln char(13) not null,
        to_gln char(13) not null,
        status text not null check (status in ('open', 'verified', 'cancelled')),
        shipped_at timestamptz not null,
        closed_at timestamptz,
        items text[] not null,
        state jsonb not null
      );
      create index handoffs_items on handoffs using gin (items);
      create index handoffs_open_to on handoffs (to_gln) where status = 'open';

      create table lots (
        gtin char(14) not null,
        lot text not null,
        status text not null check (status in ('active', 'recalled')),
        status_set_by char(13),
        status_set_at timestamptz,
        status_reason text,
        recall_id text,
        primary key (gtin, lot)
      );

      create table alerts (
        id text primary key,
        code text not null,
        nmvs_code text,
        severity text not null,
        message text not null,
        epc text,
        gtin char(14),
        lot text,
        event_id text,
        participant_gln char(13),
        involved_glns text[] not null default '{}',
        created_at timestamptz not null,
        status text not null default 'open' check (status in ('open', 'acknowledged', 'closed')),
        trail jsonb not null default '[]'
      );
      create index alerts_code_time on alerts (code, created_at);
      create index alerts_epc on alerts (epc) where epc is not null;
      create index alerts_lot on alerts (gtin, lot) where lot is not null;
      create index alerts_involved on alerts using gin (involved_glns);
      create index alerts_created on alerts (created_at);

      create table processed_events (
        consumer text not null,
        event_hash text not null,
        event_id text not null,
        processed_at timestamptz not null default now(),
        correction jsonb,
        primary key (consumer, event_hash)
      );
      create index processed_events_event_id on processed_events (consumer, event_id);

      create table ledger_receipts (
        record_id text primary key,
        subject text not null,
        record_hash text not null,
        tx_id text,
        block_number bigint,
        block_hash text,
        status text not null check (status in ('pending', 'anchored', 'rejected')),
        reason text,
        anchored_at timestamptz
      );
      create index ledger_receipts_subject on ledger_receipts (subject);

      alter table products add column status_set_by char(13), add column status_set_at timestamptz,
        add column status_reason text;

      create table outbox (
        id bigserial primary key,
        topic text not null,
        key text not null,
        value text not null,
        headers jsonb not null default '{}',
        created_at timestamptz not null default now()
      );

      create table access_audit (
        id bigserial primary key,
        at timestamptz not null default now(),
        gln char(13) not null,
        action text not null,
        subject text not null,
        details jsonb not null default '{}'
      );
      create index access_audit_subject on access_audit (subject, at);
      create index access_audit_gln on access_audit (gln, at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table access_audit;
      drop table outbox;
      drop table ledger_receipts;
      drop table processed_events;
      drop table alerts;
      drop table lots;
      drop table handoffs;
      drop table aggregation_history;
      drop table packs;
      alter table products drop column status_set_by, drop column status_set_at, drop column status_reason;
    `);
  }
}
