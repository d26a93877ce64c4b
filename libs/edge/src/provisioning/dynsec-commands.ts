import type { Device } from '../devices/device';
import { deviceTopic, TOPIC_ROOT } from '../shared/device-topics';

/** Mosquitto dynamic-security command objects (plugins/dynamic-security/README.md, Mosquitto 2.0). */
export interface DynsecCommand {
  command: string;
  correlationData?: string;
  [field: string]: unknown;
}

export function deviceRoleName(device: Pick<Device, 'id'>): string {
  return `pharmatrace-device-${device.id}`;
}

/**
 * A role per device pinning it to its own topics under its own participant: publish scans and
 * telemetry, subscribe and receive its error topic, nothing else. The catch-all denials (priority 0,
 * below the allows) make the plugin decide every topic for a device itself instead of deferring to
 * the broker's ACL file, whose `%u` patterns cannot bind the GLN level.
 */
export function createDeviceRole(device: Device): DynsecCommand {
  const send = (channel: 'scans' | 'telemetry') => ({
    acltype: 'publishClientSend',
    topic: deviceTopic(device.participantGln, device.id, channel),
    priority: 1,
    allow: true,
  });
  const errors = deviceTopic(device.participantGln, device.id, 'errors');
  return {
    command: 'createRole',
    rolename: deviceRoleName(device),
    textname: `device ${device.id} of ${device.participantGln}`,
    acls: [
      send('scans'),
      send('telemetry'),
      { acltype: 'subscribePattern', topic: errors, priority: 1, allow: true },
      { acltype: 'publishClientReceive', topic: errors, priority: 1, allow: true },
      { acltype: 'publishClientSend', topic: '#', priority: 0, allow: false },
      { acltype: 'subscribePattern', topic: '#', priority: 0, allow: false },
      { acltype: 'publishClientReceive', topic: `${TOPIC_ROOT}/#`, priority: 0, allow: false },
    ],
  };
}

export function createDeviceClient(device: Device, password: string): DynsecCommand {
  return {
    command: 'createClient',
    username: device.id,
    password,
    textname: device.name,
    roles: [{ rolename: deviceRoleName(device), priority: 1 }],
  };
}

export function setDevicePassword(device: Device, password: string): DynsecCommand {
  return { command: 'setClientPassword', username: device.id, password };
}

export function deleteDevice(device: Device): DynsecCommand[] {
  return [
    { command: 'deleteClient', username: device.id },
    { command: 'deleteRole', rolename: deviceRoleName(device) },
  ];
}

/** Errors that mean "already as wanted" for an idempotent upsert. */
export const ALREADY_EXISTS = /already exists/i;
export const NOT_FOUND = /not found/i;
