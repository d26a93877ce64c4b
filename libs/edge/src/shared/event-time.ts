import { EdgeError, EdgeErrorCode } from '../edge.error';

/** EPCIS eventTime (UTC, milliseconds) and the zone offset the device reported it in. */
export interface EventTime {
  eventTime: string;
  eventTimeZoneOffset: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a device timestamp: ISO 8601 with a zone (`2025-03-01T10:00:00.123+01:00`, `…Z`) or
 * milliseconds since the epoch. The result depends on the timestamp alone, so a redelivered message
 * yields the same eventTime, the same event and the same event hash.
 */
export function parseDeviceTimestamp(value: unknown, pointer: string): EventTime {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0 || value > 253_402_300_799_999) {
      throw invalid(pointer, 'milliseconds since the epoch must be a non-negative integer');
    }
    return { eventTime: new Date(value).toISOString(), eventTimeZoneOffset: '+00:00' };
  }
  if (typeof value !== 'string')
    throw invalid(pointer, 'must be an ISO 8601 time with a zone, or epoch milliseconds');
  const match = ISO.exec(value);
  const millis = match && fieldsInRange(match) ? Date.parse(value) : Number.NaN;
  if (!match || Number.isNaN(millis)) {
    throw invalid(
      pointer,
      `"${value.slice(0, 40)}" is not an ISO 8601 time with a zone (e.g. 2025-03-01T10:00:00Z)`,
    );
  }
  const zone = match[8] ?? 'Z';
  const offset = zone === 'Z' ? '+00:00' : zone;
  const hours = Number(offset.slice(1, 3));
  if (hours > 14 || Number(offset.slice(4)) > 59)
    throw invalid(pointer, `${offset} is not a time zone offset`);
  return { eventTime: new Date(millis).toISOString(), eventTimeZoneOffset: offset };
}

/** Date.parse rolls 30 February over to March; a device clock that says so is wrong. */
function fieldsInRange(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDay && hour < 24 && minute < 60 && second < 60;
}

/** For payloads without a timestamp: the time the gateway received the message. */
export function receivedAt(now: Date): EventTime {
  return { eventTime: now.toISOString(), eventTimeZoneOffset: '+00:00' };
}

function invalid(pointer: string, reason: string): EdgeError {
  return new EdgeError(EdgeErrorCode.InvalidTimestamp, `invalid timestamp: ${reason}`, {
    details: [{ pointer, reason }],
  });
}
