/**
 * Default GS1 identifier → constrained canonical Digital Link translation for the event hash, delegated to
 * `@pharmatrace/gs1`: EPC URNs through `epcUrnToDigitalLink` (the URN's dots give the company prefix, so
 * no prefix table is involved and the hash does not depend on the capturing participant's table), other
 * Digital Links re-rendered on https://id.gs1.org with the query string stripped.
 *
 * Values gs1 cannot translate (EPC schemes it does not implement, such as GIAI or GDTI URNs) are hashed
 * as written; the README lists this as a known gap against the standard.
 */
import { epcUrnToDigitalLink, toDigitalLink } from '@pharmatrace/gs1';
import type { Gs1UriCanonicaliser } from './pre-hash-values';

const CACHE_LIMIT = 20_000;
/** Locations, parties, pallets and untranslatable values recur across events; item serials do not. */
const cache = new Map<string, string | null>();

function translate(uri: string): string | undefined {
  try {
    if (uri.startsWith('urn:epc:')) return epcUrnToDigitalLink(uri);
    const link = toDigitalLink(uri);
    const query = link.indexOf('?');
    return query < 0 ? link : link.slice(0, query);
  } catch {
    return undefined;
  }
}

export const defaultGs1UriCanonicaliser: Gs1UriCanonicaliser = (uri) => {
  if (uri.startsWith('urn:epc:id:sgtin:')) return translate(uri);
  const hit = cache.get(uri);
  if (hit !== undefined) return hit ?? undefined;
  const result = translate(uri);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(uri, result ?? null);
  return result;
};
