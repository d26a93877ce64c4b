import { invalidPayload, jsonObject, payloadText } from '../shared/json-payload';
import { parseDeviceTimestamp, type EventTime } from '../shared/event-time';

/** A logger reading as the device sent it. */
export interface TelemetryPayload {
  /** The container the logger travels with: SSCC (18 digits, `(00)…` element string, URN or Digital Link). */
  container: string;
  /** °C. */
  temperature: number | undefined;
  /** % relative humidity. */
  humidity: number | undefined;
  /** Optional GTIN of the goods, for containers whose contents the platform does not know. */
  gtin: string | undefined;
  time: EventTime;
  batchId: string | undefined;
}

function optionalNumber(
  body: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidPayload(`"${key}" must be a number from ${min} to ${max}`, `/${key}`);
  }
  return value;
}

/**
 * JSON `{ "container": "…", "temperature": 9.1, "humidity": 55, "timestamp": "…", "gtin"?: "…" }`.
 * The timestamp is required: a reading without one cannot be placed in time, nor deduplicated.
 */
export function parseTelemetryPayload(payload: Buffer): TelemetryPayload {
  const body = jsonObject(payloadText(payload));
  const container = body['container'];
  if (typeof container !== 'string' || container.trim() === '' || container.length > 200) {
    throw invalidPayload('"container" is required: the SSCC the logger travels with', '/container');
  }
  const temperature = optionalNumber(body, 'temperature', -273.15, 1_000);
  const humidity = optionalNumber(body, 'humidity', 0, 100);
  if (temperature === undefined && humidity === undefined) {
    throw invalidPayload('a reading needs "temperature" (°C) or "humidity" (%)', '/temperature');
  }
  const gtin = body['gtin'];
  if (gtin !== undefined && (typeof gtin !== 'string' || !/^\d{8}$|^\d{12,14}$/.test(gtin))) {
    throw invalidPayload('"gtin" must be a GTIN of 8, 12, 13 or 14 digits', '/gtin');
  }
  const batchId = body['batchId'];
  if (batchId !== undefined && (typeof batchId !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(batchId))) {
    throw invalidPayload('"batchId" must be 1 to 128 printable ASCII characters', '/batchId');
  }
  if (body['timestamp'] === undefined) throw invalidPayload('"timestamp" is required', '/timestamp');
  return {
    container: container.trim(),
    temperature,
    humidity,
    gtin: gtin === undefined ? undefined : gtin.padStart(14, '0'),
    time: parseDeviceTimestamp(body['timestamp'], '/timestamp'),
    batchId,
  };
}
