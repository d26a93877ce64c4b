import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Decodes %XX escapes in text[start, end). AI values are ASCII, so each escape is one character; a
 * decoded byte above 0x7F is kept as that code and later rejected by the character-set check.
 * Unlike decodeURIComponent this throws Gs1Error (with the position) instead of URIError.
 */
export function percentDecode(text: string, start: number, end: number): string {
  const firstPercent = text.indexOf('%', start);
  if (firstPercent < 0 || firstPercent >= end) return text.slice(start, end);
  let out = text.slice(start, firstPercent);
  for (let i = firstPercent; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 37) {
      out += text[i];
      continue;
    }
    const hi = i + 1 < end ? hexValue(text.charCodeAt(i + 1)) : -1;
    const lo = i + 2 < end ? hexValue(text.charCodeAt(i + 2)) : -1;
    if (hi < 0 || lo < 0) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidPercentEncoding,
        i,
        "'%' must be followed by two hexadecimal digits",
      );
    }
    out += String.fromCharCode(hi * 16 + lo);
    i += 2;
  }
  return out;
}

const HEX = '0123456789ABCDEF';

function isUnreserved(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 45 ||
    code === 46 ||
    code === 95 ||
    code === 126
  );
}

/**
 * Canonical Digital Link encoding of an AI value: RFC 3986 unreserved characters stay, every other
 * character becomes %XX (upper-case hex). Stricter than the minimum the standard demands, so the same
 * value always yields the same URI.
 */
export function percentEncode(value: string): string {
  let i = 0;
  while (i < value.length && isUnreserved(value.charCodeAt(i))) i++;
  if (i === value.length) return value;
  let out = value.slice(0, i);
  for (; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isUnreserved(code)) out += value[i];
    else out += `%${HEX[(code >> 4) & 15] ?? '0'}${HEX[code & 15] ?? '0'}`;
  }
  return out;
}
