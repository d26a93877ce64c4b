import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trace and recall (libs/trace): recalls, webhook registrations and the durable webhook delivery
 * queue; on packs, an index to read a lot in serial order (recall events paging) and extended
 * statistics for grouping a lot by place (recall report).
 */
export class Trace1732300500000 implements MigrationInterface {
  name = 'Trace1732300500000';

  async up(db: QueryRunner): Promise<void> {
    for (const statement of UP) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const statement of DOWN) await db.query(statement);
  }
}

const UP: string[] = [
  `create table if not exists recalls (
    id uuid primary key,
    gtin char(14) not null,
    lots text[] not null,
    class text not null check (class in ('I', 'II', 'III')),
    reason text not null,
    status text not null check (status in ('active', 'lifted')),
    issued_by char(13) not null,
    issued_at timestamptz not null,
    lifted_by char(13),
    lifted_at timestamptz,
    lift_reason text,
    ledger_record_ids text[] not null default '{}'
  )`,
  `create index if not exists recalls_gtin on recalls (gtin, issued_at)`,
  `create table if not exists webhooks (
    id uuid primary key,
    gln char(13) not null references participants(gln),
    url text not null,
    secret text not null,
    created_at timestamptz not null default now(),
    deleted_at timestamptz
  )`,
  `create index if not exists webhooks_gln on webhooks (gln) where deleted_at is null`,
  `create table if not exists webhook_deliveries (
    id uuid primary key,
    webhook_id uuid not null references webhooks(id),
    gln char(13) not null,
    event_type text not null,
    subject text not null,
    payload text not null,
    status text not null check (status in ('pending', 'delivered', 'failed', 'cancelled')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_attempt_at timestamptz,
    last_status_code integer,
    last_error text,
    created_at timestamptz not null default now(),
    delivered_at timestamptz
  )`,
  `create index if not exists webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`,
  `create index if not exists webhook_deliveries_webhook on webhook_deliveries (webhook_id, created_at)`,
  `create index if not exists packs_gtin_lot_serial on packs (gtin, lot, serial) where kind = 'item'`,
  // Lot-level alerts (recall notices, no EPC) for a pack's trace, apart from the many per-pack alerts.
  `create index if not exists alerts_lot_level on alerts (gtin, lot) where epc is null`,
  // The recall report groups a lot's packs by these; without the statistics the planner takes every
  // pack for a group of its own and sorts 100,000 rows instead of hashing them.
  `create statistics if not exists packs_whereabouts (ndistinct) on lot, status, custodian_gln, parent_epc,
    (state->>'custodianLocation'), (state->'inTransit'), (state->'decommission'->>'by'),
    (state->'decommission'->>'location') from packs`,
];

const DOWN: string[] = [
  `drop statistics if exists packs_whereabouts`,
  `drop index if exists alerts_lot_level`,
  `drop index if exists packs_gtin_lot_serial`,
  `drop table if exists webhook_deliveries`,
  `drop table if exists webhooks`,
  `drop table if exists recalls`,
];
