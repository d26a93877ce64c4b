import { knownAi } from '../ai/ai-table';
import { validateAiValue } from '../ai/ai-value.validator';
import { DEFAULT_REFERENCE_YEAR } from '../ai/gs1-date';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { escapeGs3a3 } from './gs3a3-escaping';
import { DEFAULT_PREFIX_TABLE, type PrefixTable } from './prefix-table';

/** A prefix table to look the company prefix up in, or its length when the caller already knows it. */
export type CompanyPrefixSource = PrefixTable | number;

function checked(ai: string, value: string): string {
  const def = knownAi(ai);
  validateAiValue(def, value, 0, value.length, { base: 0, exact: true }, DEFAULT_REFERENCE_YEAR);
  return value;
}

/** GTIN-8/12/13/14 → validated GTIN-14. */
export function gtin14(gtin: string): string {
  const padded = /^\d{8}$|^\d{12,13}$/.test(gtin) ? gtin.padStart(14, '0') : gtin;
  return checked('01', padded);
}

function prefixLength(
  source: CompanyPrefixSource,
  digits: string,
  start: number,
  what: string,
  max: number,
): number {
  if (typeof source !== 'number') return source.companyPrefixLength(digits, start, what);
  if (!Number.isInteger(source) || source < 6 || source > max) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidArgument,
      0,
      `company prefix length must be 6 to ${max}, got ${source}`,
    );
  }
  return source;
}

/* The format* functions take already-validated keys: parseScan uses them directly on its hot path. */

/** "<company prefix>.<indicator + item reference>", shared by SGTIN and LGTIN. */
export function gtinClassPart(gtin: string, cp: number): string {
  return gtin.slice(1, 1 + cp) + '.' + gtin.charAt(0) + gtin.slice(1 + cp, 13);
}

export function formatSgtin(
  gtin: string,
  serial: string,
  cp: number,
  classPart = gtinClassPart(gtin, cp),
): string {
  return 'urn:epc:id:sgtin:' + classPart + '.' + escapeGs3a3(serial);
}

export function formatLgtin(
  gtin: string,
  lot: string,
  cp: number,
  classPart = gtinClassPart(gtin, cp),
): string {
  return 'urn:epc:class:lgtin:' + classPart + '.' + escapeGs3a3(lot);
}

export function formatSscc(sscc: string, cp: number): string {
  return `urn:epc:id:sscc:${sscc.slice(1, 1 + cp)}.${sscc[0] ?? ''}${sscc.slice(1 + cp, 17)}`;
}

/** An absent GLN extension is written "0" (Tag Data Standard); so AI 254 "0" maps to the same URN. */
export function formatSgln(gln: string, extension: string | undefined, cp: number): string {
  return `urn:epc:id:sgln:${gln.slice(0, cp)}.${gln.slice(cp, 12)}.${extension ? escapeGs3a3(extension) : '0'}`;
}

export function formatPgln(gln: string, cp: number): string {
  return `urn:epc:id:pgln:${gln.slice(0, cp)}.${gln.slice(cp, 12)}`;
}

/** `urn:epc:id:sgtin:<company prefix>.<indicator + item reference>.<serial>` */
export function sgtinUrn(
  gtin: string,
  serial: string,
  prefixes: CompanyPrefixSource = DEFAULT_PREFIX_TABLE,
): string {
  const key = gtin14(gtin);
  return formatSgtin(key, checked('21', serial), prefixLength(prefixes, key, 1, `GTIN ${key}`, 12));
}

/** `urn:epc:class:lgtin:<company prefix>.<indicator + item reference>.<lot>` */
export function lgtinUrn(
  gtin: string,
  lot: string,
  prefixes: CompanyPrefixSource = DEFAULT_PREFIX_TABLE,
): string {
  const key = gtin14(gtin);
  return formatLgtin(key, checked('10', lot), prefixLength(prefixes, key, 1, `GTIN ${key}`, 12));
}

/** `urn:epc:id:sscc:<company prefix>.<extension digit + serial reference>` */
export function ssccUrn(sscc: string, prefixes: CompanyPrefixSource = DEFAULT_PREFIX_TABLE): string {
  const key = checked('00', sscc);
  return formatSscc(key, prefixLength(prefixes, key, 1, `SSCC ${key}`, 12));
}

/** `urn:epc:id:sgln:<company prefix>.<location reference>.<extension or 0>` */
export function sglnUrn(
  gln: string,
  extension: string | undefined,
  prefixes: CompanyPrefixSource = DEFAULT_PREFIX_TABLE,
): string {
  const key = checked('414', gln);
  const ext = extension === undefined || extension === '' ? undefined : checked('254', extension);
  return formatSgln(key, ext, prefixLength(prefixes, key, 0, `GLN ${key}`, 12));
}

/** `urn:epc:id:pgln:<company prefix>.<party reference>` (AI 417) */
export function pglnUrn(gln: string, prefixes: CompanyPrefixSource = DEFAULT_PREFIX_TABLE): string {
  const key = checked('417', gln);
  return formatPgln(key, prefixLength(prefixes, key, 0, `GLN ${key}`, 12));
}
