import { deviceUri, type Device } from '../devices/device';
import type { RawEpcisEvent } from '../scans/scan-event.mapper';
import type { EventTime } from '../shared/event-time';

/** The allowed storage range of what a container holds, in °C (the tightest over its products). */
export interface StorageRange {
  minC: number;
  maxC: number;
}

export interface TelemetryReading {
  /** EPC URN of the container (SSCC). */
  container: string;
  temperature: number | undefined;
  humidity: number | undefined;
  time: EventTime;
}

export type ReadingVerdict = 'excursion' | 'in-range' | 'unchecked';

export function judgeReading(reading: TelemetryReading, range: StorageRange | undefined): ReadingVerdict {
  if (reading.temperature === undefined || range === undefined) return 'unchecked';
  return reading.temperature < range.minC || reading.temperature > range.maxC ? 'excursion' : 'in-range';
}

/**
 * Reading → EPCIS 2.0 ObjectEvent (OBSERVE, sensor_reporting) on the container, with the reading as a
 * sensorReport; an out-of-range temperature carries `exception: ALARM_CONDITION`, from which the
 * custody processor raises COLD_CHAIN_EXCURSION on every pack inside. Pure and deterministic.
 * Loggers travel, so the event names no readPoint or bizLocation (the device's home is not where the
 * reading was taken).
 */
export function mapTelemetryEvent(
  device: Device,
  reading: TelemetryReading,
  verdict: ReadingVerdict,
): RawEpcisEvent {
  const reports: Record<string, unknown>[] = [];
  if (reading.temperature !== undefined) {
    reports.push({
      type: 'Temperature',
      value: reading.temperature,
      uom: 'CEL',
      ...(verdict === 'excursion' && { exception: 'ALARM_CONDITION' }),
    });
  }
  if (reading.humidity !== undefined)
    reports.push({ type: 'RelativeHumidity', value: reading.humidity, uom: 'P1' });
  return {
    type: 'ObjectEvent',
    eventTime: reading.time.eventTime,
    eventTimeZoneOffset: reading.time.eventTimeZoneOffset,
    epcList: [reading.container],
    action: 'OBSERVE',
    bizStep: 'sensor_reporting',
    sensorElementList: [
      {
        sensorMetadata: { time: reading.time.eventTime, deviceID: deviceUri(device) },
        sensorReport: reports,
      },
    ],
  };
}
