/**
 * What a device is for. The role fixes the business step of its scans (CBV 2.0), so a scanner at a
 * dock cannot commission and a line scanner cannot dispense; loggers only send telemetry.
 */
export const DEVICE_ROLES = [
  'commissioning-line',
  'shipping-dock',
  'receiving-dock',
  'dispensing-counter',
  'cold-chain-logger',
] as const;
export type DeviceRole = (typeof DEVICE_ROLES)[number];

export const DEVICE_STATUSES = ['active', 'disabled'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** A registered device. Its MQTT username is its id; topics carry its participant's GLN. */
export interface Device {
  id: string;
  participantGln: string;
  /** SGLN URN of the participant location where the device works (readPoint and bizLocation). */
  locationSgln: string;
  role: DeviceRole;
  name: string;
  status: DeviceStatus;
  createdAt: string;
  credentialsRotatedAt: string;
}

/** The EPCIS "how and why" of a scan by a device of a given role. */
export interface ScanStep {
  bizStep: 'commissioning' | 'shipping' | 'receiving' | 'dispensing';
  action: 'ADD' | 'OBSERVE';
  disposition: 'active' | 'in_transit' | 'in_progress' | 'dispensed';
  /** CBV: an object being shipped has left the location, so shipping events carry no bizLocation. */
  withBizLocation: boolean;
  /** Commissioning carries lot and expiry as instance master data (ilmd). */
  withIlmd: boolean;
}

/** The step a role's scans record, or undefined for roles that do not scan. */
export function scanStepFor(role: DeviceRole): ScanStep | undefined {
  switch (role) {
    case 'commissioning-line':
      return {
        bizStep: 'commissioning',
        action: 'ADD',
        disposition: 'active',
        withBizLocation: true,
        withIlmd: true,
      };
    case 'shipping-dock':
      return {
        bizStep: 'shipping',
        action: 'OBSERVE',
        disposition: 'in_transit',
        withBizLocation: false,
        withIlmd: false,
      };
    case 'receiving-dock':
      return {
        bizStep: 'receiving',
        action: 'OBSERVE',
        disposition: 'in_progress',
        withBizLocation: true,
        withIlmd: false,
      };
    case 'dispensing-counter':
      return {
        bizStep: 'dispensing',
        action: 'OBSERVE',
        disposition: 'dispensed',
        withBizLocation: true,
        withIlmd: false,
      };
    case 'cold-chain-logger':
      return undefined;
  }
}

/** Device ids are MQTT usernames and topic levels: no wildcards, no separators, nothing to escape. */
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidDeviceId(id: string): boolean {
  return DEVICE_ID_PATTERN.test(id);
}

/** A URI naming the device, for sensorMetadata.deviceID. */
export function deviceUri(device: Pick<Device, 'participantGln' | 'id'>): string {
  return `urn:pharmatrace:device:${device.participantGln}:${device.id}`;
}
