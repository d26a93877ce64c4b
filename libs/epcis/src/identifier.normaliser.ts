/**
 * Identifier fields of an event, normalised to EPC URNs through the GS1 library. This file decides only
 * which field accepts what; all GS1 syntax (URN grammar, Digital Link paths, check digits, company prefix
 * lengths) belongs to `@pharmatrace/gs1`.
 */
import { anyIdentifierToEpcUrn, Gs1Error, Gs1ErrorCode, type PrefixTable } from '@pharmatrace/gs1';

export type IdentifierResult = { ok: true; value: string } | { ok: false; reason: string };

/** RFC 3986 absolute URI, checked cheaply: a scheme, a colon, then no whitespace or control characters. */
export function isAbsoluteUri(value: string): boolean {
  const len = value.length;
  if (len < 3 || len > 4096) return false;
  let i = 0;
  const first = value.charCodeAt(0) | 0x20;
  if (first < 97 || first > 122) return false;
  for (i = 1; i < len; i++) {
    const c = value.charCodeAt(i);
    if (c === 58) break; // ':'
    const lower = c | 0x20;
    const ok = (lower >= 97 && lower <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    if (!ok) return false;
  }
  if (i >= len - 1) return false;
  for (i++; i < len; i++) {
    const c = value.charCodeAt(i);
    if (c <= 32 || c === 127 || c === 34 || c === 60 || c === 62 || c === 92 || c === 94 || c === 96)
      return false;
    if (c === 123 || c === 124 || c === 125) return false;
  }
  return true;
}

/**
 * A GS1 Digital Link candidate: an http(s) URI whose path carries a GS1 primary-key AI segment. Only used
 * to decide whether a location/party URI must be a valid GS1 key or may be any URI; parsing is gs1's job.
 */
const DIGITAL_LINK_SHAPE =
  /^https?:\/\/[^/?#\s]+(?:\/[^?#\s]*)?\/(?:00|01|253|255|401|402|414|417|8003|8004|8006|8010|8017|8018)\/[^/?#\s]+/;

export function looksLikeDigitalLink(value: string): boolean {
  return DIGITAL_LINK_SHAPE.test(value);
}

const CACHE_LIMIT = 20_000;

/**
 * Converts identifiers with the participant's GS1 prefix table. Location and party values repeat across
 * events (one dock door, one trading partner), so results are memoised per prefix table, boundedly.
 */
export class IdentifierNormaliser {
  private readonly cache = new Map<string, IdentifierResult>();

  constructor(private readonly prefixTable: PrefixTable) {}

  /** Instance-level EPC (epcList, childEPCs, parentID, input/output EPC lists). */
  epc(value: string): IdentifierResult {
    // Item serials are unique per event, so memoising them would only churn the cache; pallets (SSCC),
    // loggers and assets recur across events and are worth remembering.
    const converted = this.convert(value, !value.startsWith('urn:epc:id:sgtin:'), false);
    if (!converted.ok) return converted;
    if (!converted.value.startsWith('urn:epc:id:')) {
      return { ok: false, reason: `identifies a class, not an individual object: ${quote(value)}` };
    }
    return converted;
  }

  /** Class-level identifier of a quantity element: EPC class URN or pattern, or its Digital Link. */
  epcClass(value: string): IdentifierResult {
    const converted = this.convert(value, true, false);
    if (!converted.ok) return converted;
    const urn = converted.value;
    if (!urn.startsWith('urn:epc:class:') && !urn.startsWith('urn:epc:idpat:')) {
      return { ok: false, reason: `not an EPC class (e.g. an LGTIN or a GTIN pattern): ${quote(value)}` };
    }
    return converted;
  }

  /**
   * readPoint, bizLocation, source/destination, transformationID and master-data ids: EPC URNs and GS1
   * Digital Links are normalised to EPC URNs; any other absolute URI (geo:, https://example.com/…) is kept.
   */
  anyUri(value: string): IdentifierResult {
    if (value.startsWith('urn:epc:') || looksLikeDigitalLink(value)) return this.convert(value, true, true);
    if (!isAbsoluteUri(value)) return { ok: false, reason: `not an absolute URI: ${quote(value)}` };
    return { ok: true, value };
  }

  private convert(value: string, memoise: boolean, keepUnrepresentable: boolean): IdentifierResult {
    // gs1 also reads element strings and bare GTIN/serial pairs; EPCIS fields hold URIs only.
    if (!value.startsWith('urn:epc:') && !/^https?:\/\//i.test(value)) {
      return { ok: false, reason: `not a valid EPC URN or GS1 Digital Link: ${quote(value)}` };
    }
    const cacheKey = keepUnrepresentable ? `~${value}` : value;
    const hit = memoise ? this.cache.get(cacheKey) : undefined;
    if (hit !== undefined) return hit;
    let result: IdentifierResult;
    try {
      result = { ok: true, value: anyIdentifierToEpcUrn(value, this.prefixTable) };
    } catch (error: unknown) {
      result = unconverted(value, error, keepUnrepresentable);
    }
    if (memoise) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(cacheKey, result);
    }
    return result;
  }
}

/**
 * What to do when gs1 could not convert: EPC schemes it does not implement (GIAI, GRAI, GDTI, patterns…)
 * are kept as given when they have the URN shape, so captures naming data loggers or returnable assets
 * still pass. Where any URI is allowed, a valid Digital Link with no EPC URN form (a GDTI document, a GIAI
 * asset) is kept as given too. Anything else is a problem.
 */
function unconverted(value: string, error: unknown, keepUnrepresentable: boolean): IdentifierResult {
  if (error instanceof Gs1Error) {
    if (error.code === Gs1ErrorCode.UnsupportedEpcScheme && EPC_URN_SHAPE.test(value))
      return { ok: true, value };
    if (keepUnrepresentable && error.code === Gs1ErrorCode.NotRepresentable) return { ok: true, value };
  }
  const detail =
    error instanceof Gs1Error ? error.reason : error instanceof Error ? error.message : String(error);
  return { ok: false, reason: `not a valid EPC URN or GS1 Digital Link: ${quote(value)} (${detail})` };
}

/** `urn:epc:id|class|idpat:<scheme>:<body>` without whitespace: the shape every EPC URN scheme shares. */
const EPC_URN_SHAPE = /^urn:epc:(?:id|class|idpat):[a-z][a-z0-9]*:\S+$/;

const normalisers = new WeakMap<object, IdentifierNormaliser>();

/** One memoising normaliser per prefix table object. */
export function identifierNormaliserFor(prefixTable: PrefixTable): IdentifierNormaliser {
  const key: unknown = prefixTable;
  if (typeof key !== 'object' || key === null) return new IdentifierNormaliser(prefixTable);
  let normaliser = normalisers.get(key);
  if (normaliser === undefined) {
    normaliser = new IdentifierNormaliser(prefixTable);
    normalisers.set(key, normaliser);
  }
  return normaliser;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 97)}...` : value);
}
