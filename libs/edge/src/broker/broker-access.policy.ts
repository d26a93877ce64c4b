import type { Device } from '../devices/device';
import { deviceTopic, parseDeviceTopic, TOPIC_ROOT } from '../shared/device-topics';

/** Who is on the other end of an MQTT connection to the embedded broker. */
export type BrokerPrincipal =
  { kind: 'service' } | { kind: 'device'; device: Pick<Device, 'id' | 'participantGln'> };

/**
 * The embedded broker's ACL, the same rights Mosquitto gives through dynamic-security roles: a device
 * publishes only its own scans and telemetry under its own participant, and subscribes only to its
 * own error topic; the platform's service login reads and writes the whole `pharmatrace/` tree.
 */
export function mayPublish(principal: BrokerPrincipal, topic: string): boolean {
  if (principal.kind === 'service') return topic.startsWith(`${TOPIC_ROOT}/`);
  const parsed = parseDeviceTopic(topic);
  return (
    parsed !== undefined &&
    parsed.channel !== 'errors' &&
    parsed.deviceId === principal.device.id &&
    parsed.gln === principal.device.participantGln
  );
}

export function maySubscribe(principal: BrokerPrincipal, filter: string): boolean {
  if (principal.kind === 'service') {
    const topicPart = filter.startsWith('$share/') ? filter.split('/').slice(2).join('/') : filter;
    return topicPart.startsWith(`${TOPIC_ROOT}/`);
  }
  return filter === deviceTopic(principal.device.participantGln, principal.device.id, 'errors');
}
