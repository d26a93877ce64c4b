import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Participant } from '@pharmatrace/auth';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import { BROKER_PROVISIONER, type BrokerProvisioner } from '../provisioning/broker-provisioner';
import { TOPIC_ROOT } from '../shared/device-topics';
import type { Device } from './device';
import { generateDevicePassword, hashDevicePassword, verifyDevicePassword } from './device-credentials';
import { validateRegistration } from './device.dto';
import { DeviceRepository } from './device.repository';

export interface DeviceCredentials {
  device: Device;
  username: string;
  password: string;
  topicPrefix: string;
}

/** How long the gateway trusts a device lookup; a registration or rotation here invalidates at once. */
const KNOWN_TTL_MS = 30_000;
const UNKNOWN_TTL_MS = 5_000;

/**
 * Registers devices, rotates their credentials and answers "who is this device?" for the gateway and
 * the embedded broker. The broker login is written before the answer goes out, so a password handed
 * out works at once; a registration the broker refuses is undone.
 */
@Injectable()
export class DeviceRegistryService {
  private readonly lookups = new Map<string, { device: Promise<Device | undefined>; expires: number }>();

  constructor(
    private readonly devices: DeviceRepository,
    @Inject(BROKER_PROVISIONER) private readonly provisioner: BrokerProvisioner,
  ) {}

  async register(owner: Participant, body: unknown): Promise<DeviceCredentials> {
    const request = validateRegistration(body);
    if (!owner.locations.some((location) => location.sgln === request.location)) {
      throw new EdgeError(
        EdgeErrorCode.LocationNotOwned,
        `${request.location} is not one of your locations (${owner.locations.map((l) => l.sgln).join(', ') || 'none'})`,
      );
    }
    const now = new Date().toISOString();
    const device: Device = {
      id: request.id ?? `dev-${randomBytes(5).toString('hex')}`,
      participantGln: owner.gln,
      locationSgln: request.location,
      role: request.role,
      name: request.name,
      status: 'active',
      createdAt: now,
      credentialsRotatedAt: now,
    };
    const password = generateDevicePassword();
    // The insert claims the id atomically; only then is the broker told, so two registrations racing
    // for one id cannot overwrite each other's broker login.
    if (!(await this.devices.insert(device, await hashDevicePassword(password)))) {
      throw new EdgeError(EdgeErrorCode.DeviceExists, `a device with id ${device.id} already exists`);
    }
    try {
      await this.provisioner.upsertDevice(device, password);
    } catch (error) {
      await this.devices.delete(device.id);
      throw error;
    }
    this.lookups.delete(device.id);
    return this.credentials(device, password);
  }

  /** A participant's own devices; a regulator sees every device. */
  list(caller: Participant): Promise<Device[]> {
    return this.devices.list(caller.role === 'regulator' ? undefined : caller.gln);
  }

  async rotateCredentials(caller: Participant, id: string): Promise<DeviceCredentials> {
    const record = await this.devices.find(id);
    if (!record || record.device.participantGln !== caller.gln) {
      throw new EdgeError(EdgeErrorCode.DeviceNotFound, `you have no device with id ${id}`);
    }
    const password = generateDevicePassword();
    await this.provisioner.rotatePassword(record.device, password);
    const device = await this.devices.updatePassword(id, await hashDevicePassword(password));
    if (!device) throw new EdgeError(EdgeErrorCode.DeviceNotFound, `device ${id} was removed meanwhile`);
    this.lookups.delete(id);
    return this.credentials(device, password);
  }

  /** The device with this id (cached briefly: the gateway asks for every message). */
  resolve(id: string): Promise<Device | undefined> {
    const now = Date.now();
    const cached = this.lookups.get(id);
    if (cached && cached.expires > now) return cached.device;
    const device = this.devices.find(id).then(
      (record) => {
        if (!record) this.lookups.set(id, { device, expires: now + UNKNOWN_TTL_MS });
        return record?.device;
      },
      (error: unknown) => {
        this.lookups.delete(id);
        throw error;
      },
    );
    if (this.lookups.size > 100_000) this.lookups.clear();
    this.lookups.set(id, { device, expires: now + KNOWN_TTL_MS });
    return device;
  }

  /** The active device these MQTT credentials belong to, or undefined. */
  async authenticate(username: string, password: string): Promise<Device | undefined> {
    const record = await this.devices.find(username);
    if (!record || record.device.status !== 'active') return undefined;
    return (await verifyDevicePassword(password, record.passwordHash)) ? record.device : undefined;
  }

  private credentials(device: Device, password: string): DeviceCredentials {
    return {
      device,
      username: device.id,
      password,
      topicPrefix: `${TOPIC_ROOT}/${device.participantGln}/devices/${device.id}`,
    };
  }
}
