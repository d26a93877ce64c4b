/**
 * EPC pattern URIs as EPCIS queries use them (`urn:epc:idpat:<scheme>:<field>.<field>…` where trailing
 * fields may be `*`). Only the wildcard structure is checked here; the non-wildcard fields are GS1 data
 * and are compared verbatim against stored URNs.
 */
import type { IdentifierMatch } from './model/event-query';

const PATTERN = /^urn:epc:idpat:([a-z][a-z0-9]*):([^\s]+)$/;

export type PatternResult = { ok: true; matches: IdentifierMatch[] } | { ok: false; reason: string };

/** Undefined when the value is not a pattern URI at all (then it is matched as an exact identifier). */
export function parseEpcPattern(value: string, forClasses: boolean): PatternResult | undefined {
  if (!value.startsWith('urn:epc:idpat:')) return undefined;
  const m = PATTERN.exec(value);
  const scheme = m?.[1];
  const body = m?.[2];
  if (scheme === undefined || body === undefined)
    return { ok: false, reason: `malformed EPC pattern: ${value}` };
  const fields = body.split('.');
  const firstStar = fields.indexOf('*');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] ?? '';
    if (field === '' || (field !== '*' && field.includes('*'))) {
      return { ok: false, reason: `EPC pattern field ${i + 1} is neither a value nor "*": ${value}` };
    }
    if (firstStar >= 0 && i > firstStar && field !== '*') {
      return { ok: false, reason: `only trailing fields of an EPC pattern may be "*": ${value}` };
    }
  }
  if (firstStar < 0) {
    // A pattern without wildcards names exactly one identifier.
    return { ok: true, matches: [{ kind: 'exact', value: `urn:epc:id:${scheme}:${body}` }] };
  }
  const fixed = fields.slice(0, firstStar).join('.');
  const instancePrefix = `urn:epc:id:${scheme}:${fixed === '' ? '' : `${fixed}.`}`;
  if (!forClasses) return { ok: true, matches: [{ kind: 'prefix', value: instancePrefix }] };
  // For quantity lists a class pattern covers stored class patterns and, for GTINs, lot classes (LGTIN).
  const tail = fixed === '' ? '' : `${fixed}.`;
  const matches: IdentifierMatch[] = [{ kind: 'prefix', value: `urn:epc:idpat:${scheme}:${tail}` }];
  if (scheme === 'sgtin') matches.push({ kind: 'prefix', value: `urn:epc:class:lgtin:${tail}` });
  return { ok: true, matches };
}
