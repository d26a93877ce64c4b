import { type CollectedAi } from '../ai/ai-associations.validator';
import { type Gs1Input } from '../ai/gs1-element.types';
import {
  formatDigitalLink,
  normaliseBase,
  type ToDigitalLinkOptions,
} from '../digital-link/digital-link.formatter';
import {
  formatLgtin,
  formatPgln,
  formatSgln,
  formatSgtin,
  formatSscc,
  gtinClassPart,
} from '../epc/epc-urn.formatter';
import { parseEpcUrn } from '../epc/epc-urn.parser';
import { DEFAULT_PREFIX_TABLE, type PrefixTable } from '../epc/prefix-table';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { resolveAis, type ResolvedAis } from '../scan/gs1-input';

export interface EpcDerivation {
  /** Serialised identity: SGTIN, SSCC, SGLN or PGLN. */
  readonly epc?: string;
  /** Lot-level class (GTIN + lot), whether or not a serial is present. */
  readonly lgtin?: string;
}

function prefixLength(
  table: PrefixTable,
  key: CollectedAi,
  start: number,
  strict: boolean,
  what: string,
): number | undefined {
  if (!strict) return table.lookup(key.value, start);
  return table.companyPrefixLength(key.value, start, `${what} ${key.value}`, key.position);
}

/**
 * Every EPC the AIs support. Instance identities in priority order SGTIN (01+21), SSCC (00),
 * SGLN (414[+254]), PGLN (417). `strict`: an unknown company prefix throws UNKNOWN_COMPANY_PREFIX
 * (pointing at the key in the input); otherwise that EPC is left out ("when the table can tell").
 */
export function deriveEpcs(found: ResolvedAis, table: PrefixTable, strict: boolean): EpcDerivation {
  let gtin: CollectedAi | undefined;
  let serial: CollectedAi | undefined;
  let lot: CollectedAi | undefined;
  let sscc: CollectedAi | undefined;
  let gln: CollectedAi | undefined;
  let extension: CollectedAi | undefined;
  let party: CollectedAi | undefined;
  // One pass; parseScan calls this for every scan.
  for (const entry of found) {
    const ai = entry.def.ai;
    if (ai === '01') gtin = entry;
    else if (ai === '21') serial = entry;
    else if (ai === '10') lot = entry;
    else if (ai === '00') sscc = entry;
    else if (ai === '414') gln = entry;
    else if (ai === '254') extension = entry;
    else if (ai === '417') party = entry;
  }
  const gtinCp = gtin && (serial ?? lot) ? prefixLength(table, gtin, 1, strict, 'GTIN') : undefined;
  const classPart = gtin && gtinCp !== undefined ? gtinClassPart(gtin.value, gtinCp) : undefined;
  const lgtin =
    gtin && lot && gtinCp !== undefined ? formatLgtin(gtin.value, lot.value, gtinCp, classPart) : undefined;
  let epc: string | undefined;
  if (gtin && serial) {
    if (gtinCp !== undefined) epc = formatSgtin(gtin.value, serial.value, gtinCp, classPart);
  } else if (sscc) {
    const cp = prefixLength(table, sscc, 1, strict, 'SSCC');
    if (cp !== undefined) epc = formatSscc(sscc.value, cp);
  } else if (gln) {
    const cp = prefixLength(table, gln, 0, strict, 'GLN');
    if (cp !== undefined) epc = formatSgln(gln.value, extension?.value, cp);
  } else if (party) {
    const cp = prefixLength(table, party, 0, strict, 'GLN');
    if (cp !== undefined) epc = formatPgln(party.value, cp);
  }
  if (lgtin === undefined) return epc === undefined ? {} : { epc };
  return epc === undefined ? { lgtin } : { epc, lgtin };
}

/** The single EPC URN for some AIs: the instance identity if any, else the LGTIN class. */
export function aisToEpcUrn(input: Gs1Input, prefixTable: PrefixTable = DEFAULT_PREFIX_TABLE): string {
  const found = resolveAis(input);
  const { epc, lgtin } = deriveEpcs(found, prefixTable, true);
  const urn = epc ?? lgtin;
  if (urn === undefined) {
    throw new Gs1Error(
      Gs1ErrorCode.NotRepresentable,
      0,
      `no EPC URN can be formed from AIs ${found.map((e) => e.def.ai).join(', ')}: needs 01+21, 00, 414, 417 or 01+10`,
    );
  }
  return urn;
}

/** EPC URN → Digital Link. The URN's own dots give the company prefix, so no table is needed. */
export function epcUrnToDigitalLink(urn: string, options: ToDigitalLinkOptions = {}): string {
  const parsed = parseEpcUrn(urn);
  return formatDigitalLink(resolveAis(parsed.ais), normaliseBase(options.host));
}

/**
 * Digital Link → EPC URN. Lossy by nature: the URN keeps only the identity (GTIN+serial, SSCC…),
 * never expiry, lot (for an SGTIN) or other attributes.
 */
export function digitalLinkToEpcUrn(uri: string, prefixTable: PrefixTable = DEFAULT_PREFIX_TABLE): string {
  return aisToEpcUrn(uri, prefixTable);
}
