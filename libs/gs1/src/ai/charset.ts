import { type Charset } from './ai-table.types';

/*
 * One lookup table for all four GS1 character sets, indexed by char code (ASCII only; anything at or
 * above 128 belongs to no set). Bits: digit, AI-82, AI-39, base64url.
 */
const DIGIT = 1;
const CSET82 = 2;
const CSET39 = 4;
const BASE64URL = 8;

const CLASS = new Uint8Array(128);
function mark(chars: string, bit: number): void {
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    CLASS[code] = (CLASS[code] ?? 0) | bit;
  }
}
const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
mark(DIGITS, DIGIT | CSET82 | CSET39 | BASE64URL);
mark(UPPER, CSET82 | CSET39 | BASE64URL);
mark(LOWER, CSET82 | BASE64URL);
mark('!"%&\'()*+,-./:;<=>?_', CSET82);
mark('#-/', CSET39);
mark('-_=', BASE64URL);

/** The 82 characters GS1 allows in alphanumeric AI values, in code order. */
export const CSET82_CHARACTERS =
  '!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

export const CHARSET_BITS: Readonly<Record<Charset, number>> = {
  N: DIGIT,
  X: CSET82,
  Y: CSET39,
  Z: BASE64URL,
};

export const CHARSET_NAMES: Record<Charset, string> = {
  N: 'digits',
  X: 'the GS1 AI-82 character set',
  Y: 'the GS1 AI-39 character set',
  Z: 'base64url',
};

/** Index of the first character outside `charset` in text[start, end), or -1. */
export function findInvalidChar(text: string, start: number, end: number, charset: Charset): number {
  return findCharOutside(text, start, end, CHARSET_BITS[charset]);
}

/** findInvalidChar for a precomputed charset bit (the validator's hot path). */
export function findCharOutside(text: string, start: number, end: number, bit: number): number {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ((CLASS[code] ?? 0) & bit) === 0) return i;
  }
  return -1;
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isAllDigits(text: string): boolean {
  if (text.length === 0) return false;
  return findInvalidChar(text, 0, text.length, 'N') < 0;
}

export function isCset82(text: string): boolean {
  return findInvalidChar(text, 0, text.length, 'X') < 0;
}

/** A character shown in an error message: printable as itself, control characters as \xNN. */
export function describeChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 32 || code === 127) return `\\x${code.toString(16).padStart(2, '0')}`;
  return char;
}
