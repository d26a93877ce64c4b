/*
 * GS1 dates. Six-digit YYMMDD values get their century from the rule in the General Specifications
 * (section 7.12): with YY the data and CC the current year's last two digits, YY−CC in 51…99 means the
 * previous century, −99…−50 the next one, anything else the current one. "Current" is an input here
 * (referenceYear) because this library never reads the clock.
 */

/** Used when the caller gives no reference year; edges (the CLI, services) pass the real current year. */
export const DEFAULT_REFERENCE_YEAR = 2026;

export function fullYear(yy: number, referenceYear: number): number {
  const currentYy = referenceYear % 100;
  const century = referenceYear - currentYy;
  const difference = yy - currentYy;
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Why a date is impossible, or undefined when it is fine. Digits are already checked. */
export function dateProblem(
  year: number,
  month: number,
  day: number,
  allowDayZero: boolean,
): string | undefined {
  if (month < 1 || month > 12) return `month ${pad2(month)} does not exist`;
  if (day === 0) return allowDayZero ? undefined : 'day 00 is not allowed here';
  const last = daysInMonth(year, month);
  if (day > last) return `day ${pad2(day)} does not exist in ${year}-${pad2(month)}`;
  return undefined;
}

export interface YymmddDate {
  readonly year: number;
  readonly month: number;
  /** The day as written (0 when DD=00). */
  readonly day: number;
}

/** Reads YYMMDD at text[start]; digits must already be validated. */
export function readYymmdd(text: string, start: number, referenceYear: number): YymmddDate {
  return {
    year: fullYear(twoDigits(text, start), referenceYear),
    month: twoDigits(text, start + 2),
    day: twoDigits(text, start + 4),
  };
}

/** ISO date for YYMMDD; DD=00 ("no day given") resolves to the last day of the month. */
export function yymmddToIso(text: string, start: number, referenceYear: number): string {
  const year = fullYear(twoDigits(text, start), referenceYear);
  const month = twoDigits(text, start + 2);
  let day = twoDigits(text, start + 4);
  if (day === 0) day = daysInMonth(year, month);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** ISO date for YYYYMMDD (AI 7250/7251); validated beforehand. */
export function yyyymmddToIso(text: string, start: number): string {
  return `${text.slice(start, start + 4)}-${text.slice(start + 4, start + 6)}-${text.slice(start + 6, start + 8)}`;
}

/**
 * Accepts `YYYY-MM-DD`, `YYYY-MM` (→ DD=00) or `YYMMDD` and returns the 6-digit GS1 form, or undefined
 * when the text is none of those or names an impossible date.
 */
export function toYymmdd(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text);
  if (iso) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    const day = iso[3] === undefined ? 0 : Number(iso[3]);
    if (dateProblem(year, month, day, iso[3] === undefined) !== undefined) return undefined;
    return `${pad2(year % 100)}${pad2(month)}${pad2(day)}`;
  }
  if (/^\d{6}$/.test(text)) {
    const month = twoDigits(text, 2);
    const day = twoDigits(text, 4);
    // Year 2000 is a leap year, so a 29 February is never rejected for want of the century.
    return dateProblem(2000, month, day, true) === undefined ? text : undefined;
  }
  return undefined;
}
