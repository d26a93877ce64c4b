/**
 * Value rules of the CBV 2.0 event-hash pre-hash string: trimmed strings, CBV URNs as Web URIs, GS1
 * identifiers as constrained canonical Digital Links, numbers without trailing zeros, times in UTC with
 * milliseconds, and the code-point ("UTF-8/ASCII") ordering used for every sort.
 */
import { cbvUrnToWebUri, cbvWebUri, isCbvTerm, type VocabularyKind } from '../cbv-vocabulary';
import { canonicalTimestamp } from '../date-time';
import { looksLikeDigitalLink } from '../identifier.normaliser';

/**
 * Turns a GS1 identifier URI (EPC URN, EPC class/pattern URN or any GS1 Digital Link) into the
 * constrained canonical GS1 Digital Link (`https://id.gs1.org/…`, no query, finest key level), or
 * returns undefined when the value is no GS1 identifier it can translate.
 */
export type Gs1UriCanonicaliser = (uri: string) => string | undefined;

export class PreHashValues {
  constructor(private readonly gs1Uri: Gs1UriCanonicaliser) {}

  /** Any string value: trimmed, CBV URN → Web URI, GS1 identifier → canonical Digital Link. */
  text(raw: string): string {
    const value = raw.trim();
    if (value.startsWith('urn:epcglobal:cbv:')) return cbvUrnToWebUri(value);
    if (value.startsWith('urn:epc:') || (value.startsWith('http') && looksLikeDigitalLink(value))) {
      return this.gs1Uri(value) ?? value;
    }
    return value;
  }

  /** A vocabulary field: standard short names expand to their Web URI; other values as `text`. */
  vocabulary(kind: VocabularyKind, raw: string): string {
    const value = raw.trim();
    return isCbvTerm(kind, value) ? cbvWebUri(kind, value) : this.text(value);
  }
}

/** Numbers without trailing zeros or exponent padding: 1.0 → "1", 0.3434 → "0.3434". */
export function preHashNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function preHashTime(value: string): string {
  if (CANONICAL_UTC.test(value)) return value; // canonical events carry this form already
  const trimmed = value.trim();
  return canonicalTimestamp(trimmed) ?? trimmed;
}

/**
 * Case-sensitive ordering by Unicode code point, which is the order of the UTF-8 bytes the standard
 * names. Plain `<` on JS strings compares UTF-16 units and differs for characters above U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate (code point > U+FFFF) sorts after any BMP unit
    return x - y;
  }
  return a.length - b.length;
}

const SURROGATE = /[\uD800-\uDFFF]/;

export function sortedJoin(parts: string[]): string {
  if (parts.length > 1) {
    // Without surrogates UTF-16 unit order is code point order, and the native comparison is faster.
    if (parts.some((p) => SURROGATE.test(p))) parts.sort(compareCodePoints);
    else parts.sort();
  }
  return parts.join('');
}
