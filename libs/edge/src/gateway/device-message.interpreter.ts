import { createHash } from 'node:crypto';
import type { PrefixTable } from '@pharmatrace/gs1';
import type { Clock } from '@pharmatrace/runtime';
import type { Device } from '../devices/device';
import { EdgeError, EdgeErrorCode, isEdgeError } from '../edge.error';
import { mapScanEvent } from '../scans/scan-event.mapper';
import { parseScanPayload } from '../scans/scan-payload.parser';
import { parseDeviceTopic, type DeviceTopic } from '../shared/device-topics';
import { receivedAt } from '../shared/event-time';
import { containerEpc, decodeBarcode } from '../shared/identifier.decoder';
import {
  judgeReading,
  mapTelemetryEvent,
  type ReadingVerdict,
  type StorageRange,
} from '../telemetry/telemetry-event.mapper';
import { parseTelemetryPayload } from '../telemetry/telemetry-payload.parser';
import type { IntakeItem } from './intake-batcher';
import type { Rejection } from './rejection.reporter';

export type MessageOutcome =
  | { kind: 'event'; item: IntakeItem; channel: 'scans' | 'telemetry'; verdict?: ReadingVerdict }
  /** A reading that needs no event (in range, or nothing to check it against). */
  | { kind: 'no-event'; channel: 'telemetry'; verdict: ReadingVerdict }
  | { kind: 'rejected'; rejection: Rejection };

export interface InterpreterPorts {
  resolveDevice(id: string): Promise<Device | undefined>;
  prefixTable(): Promise<PrefixTable>;
  storageRange(containerEpc: string, gtin: string | undefined): Promise<StorageRange | undefined>;
  clock: Clock;
  /** Emit sensor events for in-range and unchecked readings too (default: only excursions). */
  reportAllReadings: boolean;
}

/**
 * Turns one MQTT message into what the gateway must do with it: an event for the intake, nothing, or
 * a rejection to report. Every failure that is the device's doing becomes a rejection; only
 * infrastructure failures (the database unreachable) throw, and the message is then retried.
 */
export class DeviceMessageInterpreter {
  constructor(private readonly ports: InterpreterPorts) {}

  async interpret(topic: string, payload: Buffer): Promise<MessageOutcome> {
    const parsed = parseDeviceTopic(topic);
    try {
      if (!parsed || parsed.channel === 'errors') {
        throw new EdgeError(EdgeErrorCode.InvalidTopic, `${topic} is not a device scans or telemetry topic`);
      }
      const device = await this.authorisedDevice(parsed);
      return parsed.channel === 'scans'
        ? await this.scan(device, payload)
        : await this.reading(device, payload);
    } catch (error) {
      if (!isEdgeError(error)) throw error;
      return { kind: 'rejected', rejection: { topic, parsed, error, payload } };
    }
  }

  private async authorisedDevice(topic: DeviceTopic): Promise<Device> {
    const device = await this.ports.resolveDevice(topic.deviceId);
    if (!device)
      throw new EdgeError(EdgeErrorCode.UnknownDevice, `no device ${topic.deviceId} is registered`);
    if (device.status !== 'active')
      throw new EdgeError(EdgeErrorCode.DeviceDisabled, `device ${device.id} is disabled`);
    // The broker's ACL should already have refused this; the gateway does not rely on it.
    if (device.participantGln !== topic.gln) {
      throw new EdgeError(EdgeErrorCode.TopicNotOwned, `device ${device.id} does not belong to ${topic.gln}`);
    }
    return device;
  }

  private async scan(device: Device, payload: Buffer): Promise<MessageOutcome> {
    const scan = parseScanPayload(payload);
    const decoded = decodeBarcode(scan.barcode, await this.ports.prefixTable());
    const event = mapScanEvent(device, decoded, scan.time ?? receivedAt(this.ports.clock.now()));
    return { kind: 'event', channel: 'scans', item: this.item(device, scan.batchId, event) };
  }

  private async reading(device: Device, payload: Buffer): Promise<MessageOutcome> {
    const reading = parseTelemetryPayload(payload);
    const container = containerEpc(reading.container, await this.ports.prefixTable());
    const range = await this.ports.storageRange(container, reading.gtin);
    const measured = {
      container,
      temperature: reading.temperature,
      humidity: reading.humidity,
      time: reading.time,
    };
    const verdict = judgeReading(measured, range);
    if (verdict !== 'excursion' && !this.ports.reportAllReadings)
      return { kind: 'no-event', channel: 'telemetry', verdict };
    const event = mapTelemetryEvent(device, measured, verdict);
    return { kind: 'event', channel: 'telemetry', verdict, item: this.item(device, reading.batchId, event) };
  }

  private item(device: Device, batchId: string | undefined, event: IntakeItem['event']): IntakeItem {
    return {
      capturedBy: device.participantGln,
      captureId: batchId === undefined ? undefined : captureIdFor(device.id, batchId),
      event,
    };
  }
}

/** A stable capture id (UUID form) for a device's batch, so a redelivered message joins the same capture. */
export function captureIdFor(deviceId: string, batchId: string): string {
  const hex = createHash('sha256').update(`${deviceId}\u0000${batchId}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
