import type { Device } from '../devices/device';

/**
 * Puts a device's login into the MQTT broker. The registry calls it on registration and on every
 * credential rotation, before it stores the new password hash, so a password it hands out works.
 * Implementations are idempotent (create or update).
 */
export interface BrokerProvisioner {
  /** Creates the device's login with this password and its topic rights, or resets the password. */
  upsertDevice(device: Device, password: string): Promise<void>;
  /** Sets a new password for an existing login (recreating the login if the broker lost it). */
  rotatePassword(device: Device, password: string): Promise<void>;
  /** Removes the device's login (used to undo a registration that could not be stored). */
  removeDevice(device: Device): Promise<void>;
  close(): Promise<void>;
}

export const BROKER_PROVISIONER = Symbol('BrokerProvisioner');

/**
 * For brokers that ask the registry themselves (the embedded aedes broker authenticates every CONNECT
 * against the device registry), there is nothing to push.
 */
export class RegistryBackedProvisioner implements BrokerProvisioner {
  upsertDevice(): Promise<void> {
    return Promise.resolve();
  }
  rotatePassword(): Promise<void> {
    return Promise.resolve();
  }
  removeDevice(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
