import { computeCheckDigit } from '@pharmatrace/gs1';
import type { Device, DeviceRole } from '../devices/device';

/** Test data for the edge specs. GS1 example prefix 9506000 is in libs/gs1's DEFAULT_PREFIX_TABLE. */
export const TEST_GLN = '9506000000009';
export const TEST_SGLN = 'urn:epc:id:sgln:9506000.00000.0';
export const TEST_GTIN = '09506000134352';

export function aDevice(overrides: Partial<Device> = {}): Device {
  return {
    id: 'line-1',
    participantGln: TEST_GLN,
    locationSgln: TEST_SGLN,
    role: 'commissioning-line',
    name: 'Line 1 scanner',
    status: 'active',
    createdAt: '2025-01-01T00:00:00.000Z',
    credentialsRotatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function aDeviceWithRole(role: DeviceRole, id = `${role}-1`): Device {
  return aDevice({ role, id });
}

/** A GS1 DataMatrix element string (AIM id, GS separators) for a pack. */
export function packBarcode(serial: string, lot = 'LOT42', expiry = '261231', gtin = TEST_GTIN): string {
  return `]d201${gtin}21${serial}\x1d10${lot}\x1d17${expiry}`;
}

/** An SSCC with a valid check digit, from a serial reference (up to 9 digits) under 9506000. */
export function anSscc(serialReference: number): string {
  const body = `0${'9506000'}${String(serialReference).padStart(9, '0')}`;
  return `${body}${computeCheckDigit(body)}`;
}
