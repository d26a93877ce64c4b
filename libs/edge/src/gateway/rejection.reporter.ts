import { createHash } from 'node:crypto';
import { buildAlert } from '@pharmatrace/custody';
import { Topics, type EventLog } from '@pharmatrace/messaging';
import type { Clock } from '@pharmatrace/runtime';
import type { EdgeError } from '../edge.error';
import { deviceTopic, type DeviceTopic } from '../shared/device-topics';

/** Sends a device its error report (best effort: the device may not listen). */
export interface DeviceErrorChannel {
  publish(topic: string, payload: string): Promise<void>;
}

export interface Rejection {
  /** The topic the message came on, as received. */
  topic: string;
  /** Its parts, when it is a device topic at all. */
  parsed: DeviceTopic | undefined;
  error: EdgeError;
  payload: Buffer;
}

/** What the device reads on `pharmatrace/{gln}/devices/{deviceId}/errors`. */
export interface DeviceErrorReport {
  code: string;
  message: string;
  details?: { pointer: string; reason: string }[];
  topic: string;
  receivedAt: string;
  /** SHA-256 of the refused payload, so the device can tell which message this was. */
  payloadSha256: string;
}

/**
 * Reports a message that cannot become an event, so that it is never silently dropped: to the device
 * on its error topic, and as an INVALID_EVENT alert on the `custody.alerts` log topic (the durable
 * record). The gateway acknowledges such a message only once the alert is on the log.
 */
export class RejectionReporter {
  constructor(
    private readonly devices: DeviceErrorChannel,
    private readonly log: EventLog,
    private readonly clock: Clock,
    private readonly onDeviceChannelFailure: (error: unknown) => void = () => undefined,
  ) {}

  async report(rejection: Rejection): Promise<void> {
    const payloadSha256 = createHash('sha256').update(rejection.payload).digest('hex');
    const receivedAt = this.clock.now().toISOString();
    const { parsed, error } = rejection;
    if (parsed) {
      const report: DeviceErrorReport = {
        code: error.code,
        message: error.message,
        ...(error.details && { details: error.details }),
        topic: rejection.topic,
        receivedAt,
        payloadSha256,
      };
      this.devices
        .publish(deviceTopic(parsed.gln, parsed.deviceId, 'errors'), JSON.stringify(report))
        .catch(this.onDeviceChannelFailure);
    }
    const deviceId = parsed?.deviceId ?? 'unknown';
    const alert = buildAlert(
      {
        code: 'INVALID_EVENT',
        blocking: true,
        detail: `device ${deviceId} sent an unusable message on ${rejection.topic}: ${error.code}: ${error.message}`,
      },
      `urn:pharmatrace:mqtt:${deviceId}:${payloadSha256.slice(0, 32)}`,
      parsed?.gln ?? '',
    );
    const record = {
      ...alert,
      source: 'edge-gateway',
      deviceId,
      topic: rejection.topic,
      reason: { code: error.code, message: error.message, ...(error.details && { details: error.details }) },
      payloadSha256,
      createdAt: receivedAt,
    };
    await this.log.publish(Topics.CustodyAlerts, [
      { key: `device:${deviceId}`, value: JSON.stringify(record), headers: { source: 'edge-gateway' } },
    ]);
  }
}
