import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The edge device registry: scanners and cold-chain loggers that publish over MQTT. A device belongs
 * to one participant, sits at one of its locations (SGLN) and has a role that fixes the bizStep of its
 * scans. Its MQTT username is its id; only an scrypt hash of its password is kept.
 *
 * Kept identical to DEVICE_REGISTRY_SCHEMA_SQL in libs/edge (which its tests run directly).
 */
export class Devices1732300100000 implements MigrationInterface {
  name = 'Devices1732300100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table if not exists devices (
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
      );
      create index if not exists devices_participant on devices (participant_gln);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table devices;`);
  }
}
