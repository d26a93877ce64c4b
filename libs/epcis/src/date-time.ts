/**
 * xsd:dateTimeStamp / RFC 3339 handling without Date.parse (which accepts far too much and varies by
 * engine). Hand-rolled on char codes: the capture path parses several timestamps per event.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` into epoch milliseconds, rounding the fraction to
 * milliseconds as the CBV event-hash rule says (the 3rd decimal goes up when the 4th is 5–9; later digits
 * are ignored). Returns NaN when the text is not such a timestamp (the time zone is mandatory).
 */
export function parseTimestamp(text: string): number {
  const len = text.length;
  if (len < 20 || len > 64) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    (text.charCodeAt(10) | 0x20) !== 116 || // T or t
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58
  ) {
    return NaN;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  const maxDay = month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  if (day > maxDay) return NaN;

  let i = 19;
  let millis = 0;
  if (text.charCodeAt(i) === 46) {
    // .fraction: at least one digit
    i++;
    const start = i;
    while (i < len) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      const place = i - start;
      if (place < 3) millis = millis * 10 + c;
      else if (place === 3 && c >= 5) millis += 1;
      i++;
    }
    const count = i - start;
    if (count === 0) return NaN;
    if (count === 1) millis *= 100;
    else if (count === 2) millis *= 10;
  }

  let offsetMinutes = 0;
  const tz = text.charCodeAt(i);
  if ((tz | 0x20) === 122 && i === len - 1) {
    // Z or z
  } else if ((tz === 43 || tz === 45) && i + 6 === len && text.charCodeAt(i + 3) === 58) {
    const oh = digits(text, i + 1, 2);
    const om = digits(text, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offsetMinutes = (oh * 60 + om) * (tz === 45 ? -1 : 1);
  } else {
    return NaN;
  }

  let utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (year < 100) utc = new Date(utc).setUTCFullYear(year);
  return utc - offsetMinutes * 60_000;
}

/** Canonical UTC rendering with milliseconds: `2024-03-01T10:00:00.000Z`. */
export function formatUtc(epochMillis: number): string {
  return new Date(epochMillis).toISOString();
}

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The timestamp in canonical UTC form, or undefined when it is not a valid timestamp. */
export function canonicalTimestamp(text: string): string | undefined {
  if (CANONICAL_UTC.test(text)) {
    // Already canonical in shape; still reject impossible dates such as 2024-02-30.
    return Number.isNaN(parseTimestamp(text)) ? undefined : text;
  }
  const ms = parseTimestamp(text);
  if (Number.isNaN(ms)) return undefined;
  const formatted = formatUtc(ms);
  // Years that leave 0001–9999 after the offset is applied have no xsd-compatible rendering here.
  return formatted.length === 24 ? formatted : undefined;
}

/** eventTimeZoneOffset per the EPCIS JSON schema: `±HH:MM` from -14:00 to +14:00. */
const TIME_ZONE_OFFSET = /^[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)$/;

export function isTimeZoneOffset(text: string): boolean {
  return TIME_ZONE_OFFSET.test(text);
}
