import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Participants, API keys, product master data, capture jobs and the EPCIS event store. */
export class CoreSchema1732300000000 implements MigrationInterface {
  name = 'CoreSchema1732300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table participants (
        gln char(13) primary key,
        name text not null,
        role text not null check (role in ('manufacturer', 'distributor', 'pharmacy', 'regulator')),
        company_prefixes text[] not null default '{}',
        msp_id text,
        created_at timestamptz not null default now()
      );
      create table participant_locations (
        sgln text primary key,
        gln char(13) not null references participants(gln),
        name text not null
      );
      create index participant_locations_gln on participant_locations (gln);
      create table api_keys (
        id uuid primary key,
        gln char(13) not null references participants(gln),
        key_hash char(64) not null unique,
        label text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create table products (
        gtin char(14) primary key,
        owner_gln char(13) not null references participants(gln),
        name text not null,
        form text,
        strength text,
        national_codes jsonb not null default '{}',
        min_temp_c numeric(5,2),
        max_temp_c numeric(5,2),
        status text not null default 'active' check (status in ('active', 'withdrawn')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create table capture_jobs (
        id uuid primary key,
        captured_by char(13) not null,
        status text not null check (status in ('running', 'success', 'failed')),
        error_behaviour text not null check (error_behaviour in ('rollback', 'proceed')),
        event_count integer not null,
        accepted_count integer not null default 0,
        errors jsonb not null default '[]',
        created_at timestamptz not null default now(),
        finished_at timestamptz
      );
      create table epcis_events (
        seq bigserial unique,
        event_hash text primary key,
        event_id text not null unique,
        event_type text not null,
        event_time timestamptz not null,
        record_time timestamptz not null,
        action text,
        biz_step text,
        disposition text,
        read_point text,
        biz_location text,
        parent_id text,
        epcs text[] not null default '{}',
        epc_classes text[] not null default '{}',
        parties text[] not null default '{}',
        captured_by char(13) not null,
        capture_id uuid,
        document jsonb not null
      );
      create index epcis_events_event_time on epcis_events (event_time, seq);
      create index epcis_events_record_time on epcis_events (record_time, seq);
      create index epcis_events_biz_step on epcis_events (biz_step);
      create index epcis_events_parent on epcis_events (parent_id) where parent_id is not null;
      create index epcis_events_epcs on epcis_events using gin (epcs);
      create index epcis_events_epc_classes on epcis_events using gin (epc_classes);
      create index epcis_events_parties on epcis_events using gin (parties);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table epcis_events;
      drop table capture_jobs;
      drop table products;
      drop table api_keys;
      drop table participant_locations;
      drop table participants;
    `);
  }
}
