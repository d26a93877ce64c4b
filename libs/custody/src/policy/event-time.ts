/**
 * Time comes only from events (never a clock), and is compared with Date.parse on ISO 8601 strings,
 * which is a pure function: the same in the processor and inside chaincode.
 */
export const UNDO_WINDOW_DAYS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

const UTC_TIME = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})/;

/** Calendar date (YYYY-MM-DD) at the place of the event: eventTime shifted by eventTimeZoneOffset. */
export function eventLocalDate(eventTime: string, eventTimeZoneOffset: string): string {
  const offset = OFFSET.exec(eventTimeZoneOffset);
  if (!offset) return eventTime.slice(0, 10);
  const shiftMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
  // Fast path: a canonical UTC time whose shifted time of day stays within the same day.
  const time = UTC_TIME.exec(eventTime);
  if (time && eventTime.endsWith('Z')) {
    const local = Number(time[1]) * 60 + Number(time[2]) + shiftMinutes;
    if (local >= 0 && local < 24 * 60) return eventTime.slice(0, 10);
  }
  const instant = Date.parse(eventTime);
  if (Number.isNaN(instant)) return eventTime.slice(0, 10);
  return new Date(instant + shiftMinutes * 60_000).toISOString().slice(0, 10);
}

/** True when `undoAt` is at most 10 days (240 h) after `decommissionedAt`; unparseable times are outside. */
export function withinUndoWindow(decommissionedAt: string, undoAt: string): boolean {
  const from = Date.parse(decommissionedAt);
  const to = Date.parse(undoAt);
  if (Number.isNaN(from) || Number.isNaN(to)) return false;
  return to - from <= UNDO_WINDOW_DAYS * DAY_MS;
}

/** A pack is expired on any date after its expiry date (the expiry day itself is still valid). */
export function isExpiredOn(expiry: string, date: string): boolean {
  return expiry < date;
}
