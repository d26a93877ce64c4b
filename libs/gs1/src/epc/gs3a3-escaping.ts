import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { percentDecode } from '../digital-link/percent-encoding';
import { findInvalidChar } from '../ai/charset';

/*
 * EPC Tag Data Standard, URI form of alphanumeric components (serial, lot, GLN extension): any AI-82
 * character may appear, but the seven that mean something in a URI — " % & / < > ? — are written as
 * %22 %25 %26 %2F %3C %3E %3F. Parsing accepts any %XX that decodes to an AI-82 character.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '%22',
  '%': '%25',
  '&': '%26',
  '/': '%2F',
  '<': '%3C',
  '>': '%3E',
  '?': '%3F',
};

function needsEscape(code: number): boolean {
  return (
    code === 34 || code === 37 || code === 38 || code === 47 || code === 60 || code === 62 || code === 63
  );
}

export function escapeGs3a3(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    // Most serials need no escaping: test char codes before touching the lookup table.
    if (!needsEscape(value.charCodeAt(i))) continue;
    const escape = ESCAPES[value.charAt(i)];
    if (escape === undefined) continue;
    out += value.slice(from, i) + escape;
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

/** Decodes one URN component at text[start, end) and checks it is 1..maxLength AI-82 characters. */
export function unescapeGs3a3(
  text: string,
  start: number,
  end: number,
  what: string,
  maxLength: number,
): string {
  const value = percentDecode(text, start, end);
  if (value.length === 0 || value.length > maxLength) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidEpcUrn,
      start,
      `the ${what} must be 1 to ${maxLength} characters, got ${value.length}`,
    );
  }
  const bad = findInvalidChar(value, 0, value.length, 'X');
  if (bad >= 0) {
    const exact = value.length === end - start;
    throw new Gs1Error(
      Gs1ErrorCode.InvalidCharacter,
      exact ? start + bad : start,
      `the ${what} contains '${value[bad] ?? ''}', which is not in the GS1 AI-82 character set`,
    );
  }
  return value;
}
