import { isValidDeviceId } from '../devices/device';

/** The MQTT topic tree: `pharmatrace/{gln}/devices/{deviceId}/{channel}`. */
export const TOPIC_ROOT = 'pharmatrace';
export const DEVICE_CHANNELS = ['scans', 'telemetry', 'errors'] as const;
export type DeviceChannel = (typeof DEVICE_CHANNELS)[number];
/** Channels devices publish on; `errors` goes the other way. */
export type InboundChannel = Exclude<DeviceChannel, 'errors'>;

export interface DeviceTopic {
  gln: string;
  deviceId: string;
  channel: DeviceChannel;
}

const GLN = /^\d{13}$/;

export function deviceTopic(gln: string, deviceId: string, channel: DeviceChannel): string {
  return `${TOPIC_ROOT}/${gln}/devices/${deviceId}/${channel}`;
}

/** The parts of a device topic, or undefined when the topic is not one. */
export function parseDeviceTopic(topic: string): DeviceTopic | undefined {
  const parts = topic.split('/');
  if (parts.length !== 5 || parts[0] !== TOPIC_ROOT || parts[2] !== 'devices') return undefined;
  const [, gln = '', , deviceId = '', channel = ''] = parts;
  if (!GLN.test(gln) || !isValidDeviceId(deviceId)) return undefined;
  if (!(DEVICE_CHANNELS as readonly string[]).includes(channel)) return undefined;
  return { gln, deviceId, channel: channel as DeviceChannel };
}

/**
 * The gateway's subscriptions. With a shared-subscription group, several gateways (and the lanes of
 * one gateway) split the messages between them; without one (brokers lacking MQTT 5 shared
 * subscriptions, like the embedded aedes) there must be a single subscriber. `glns` narrows the
 * gateway to some participants' devices (a regional gateway); empty means every participant.
 */
export function gatewaySubscriptions(
  sharedGroup: string | undefined,
  glns: readonly string[] = [],
): string[] {
  const channels: InboundChannel[] = ['scans', 'telemetry'];
  const participants = glns.length > 0 ? glns : ['+'];
  return participants.flatMap((gln) =>
    channels.map((channel) => {
      const filter = `${TOPIC_ROOT}/${gln}/devices/+/${channel}`;
      return sharedGroup ? `$share/${sharedGroup}/${filter}` : filter;
    }),
  );
}
