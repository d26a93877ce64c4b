/**
 * The device registry's table, as idempotent statements. The platform's reviewed migration
 * (libs/persistence `1732300100000-devices`) holds the same DDL; tests that open a database without
 * that migration registered may run these directly.
 */
export const DEVICE_REGISTRY_SCHEMA_SQL: string[] = [
  `create table if not exists devices (
    id text primary key check (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    participant_gln char(13) not null references participants(gln),
    location_sgln text not null,
    role text not null check (role in ('commissioning-line', 'shipping-dock', 'receiving-dock',
                                       'dispensing-counter', 'cold-chain-logger')),
    name text not null,
    password_hash text not null,
    status text not null default 'active' check (status in ('active', 'disabled')),
    created_at timestamptz not null default now(),
    credentials_rotated_at timestamptz not null default now()
  )`,
  `create index if not exists devices_participant on devices (participant_gln)`,
];
