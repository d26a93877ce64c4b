import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { Device, DeviceRole, DeviceStatus } from './device';

interface DeviceRow {
  id: string;
  participant_gln: string;
  location_sgln: string;
  role: DeviceRole;
  name: string;
  status: DeviceStatus;
  password_hash: string;
  created_at: Date | string;
  credentials_rotated_at: Date | string;
}

/** A device with the stored form of its password (never leaves the registry). */
export interface DeviceRecord {
  device: Device;
  passwordHash: string;
}

const iso = (value: Date | string): string => new Date(value).toISOString();

function toRecord(row: DeviceRow): DeviceRecord {
  return {
    device: {
      id: row.id,
      participantGln: row.participant_gln,
      locationSgln: row.location_sgln,
      role: row.role,
      name: row.name,
      status: row.status,
      createdAt: iso(row.created_at),
      credentialsRotatedAt: iso(row.credentials_rotated_at),
    },
    passwordHash: row.password_hash,
  };
}

@Injectable()
export class DeviceRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async find(id: string): Promise<DeviceRecord | undefined> {
    const rows = await this.sql.query<DeviceRow>(`select * from devices where id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Devices of one participant, or every device when `participantGln` is undefined. */
  async list(participantGln: string | undefined): Promise<Device[]> {
    const rows = await this.sql.query<DeviceRow>(
      `select * from devices where ($1::text is null or participant_gln = $1) order by id limit 10000`,
      [participantGln ?? null],
    );
    return rows.map((row) => toRecord(row).device);
  }

  /** Inserts a device; false when the id is taken. */
  async insert(device: Device, passwordHash: string): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `insert into devices (id, participant_gln, location_sgln, role, name, password_hash, status)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing returning id`,
      [
        device.id,
        device.participantGln,
        device.locationSgln,
        device.role,
        device.name,
        passwordHash,
        device.status,
      ],
    );
    return rows.length === 1;
  }

  async delete(id: string): Promise<void> {
    await this.sql.query(`delete from devices where id = $1`, [id]);
  }

  async updatePassword(id: string, passwordHash: string): Promise<Device | undefined> {
    const rows = await this.sql.query<DeviceRow>(
      `update devices set password_hash = $2, credentials_rotated_at = now() where id = $1 returning *`,
      [id, passwordHash],
    );
    return rows[0] ? toRecord(rows[0]).device : undefined;
  }
}
