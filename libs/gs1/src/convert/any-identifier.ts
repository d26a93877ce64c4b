import { isDigitalLinkCandidate } from '../digital-link/digital-link.parser';
import { formatSgtin, formatSscc, gtin14 } from '../epc/epc-urn.formatter';
import { parseEpcUrn } from '../epc/epc-urn.parser';
import { DEFAULT_PREFIX_TABLE, type PrefixTable } from '../epc/prefix-table';
import { knownAi } from '../ai/ai-table';
import { validateAiValue } from '../ai/ai-value.validator';
import { DEFAULT_REFERENCE_YEAR } from '../ai/gs1-date';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { aisToEpcUrn } from './epc-convert';

function validated(ai: string, value: string, position: number): string {
  validateAiValue(
    knownAi(ai),
    value,
    0,
    value.length,
    { base: position, exact: true },
    DEFAULT_REFERENCE_YEAR,
  );
  return value;
}

/** Tag Data Translation "bare identifiers": `gtin=…;serial=…`, `sscc=…`, `gln=…[;serial=…]`, `pgln=…`, `gtin=…;lot=…`. */
function fromBareIdentifier(text: string, table: PrefixTable): string {
  const fields = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0)
      throw new Gs1Error(Gs1ErrorCode.UnrecognisedIdentifier, 0, `'${part}' is not a key=value field`);
    fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const get = (k: string): string | undefined => fields.get(k);
  const gtin = get('gtin');
  const pairs = [];
  if (gtin !== undefined) {
    pairs.push({ ai: '01', value: gtin });
    const serial = get('serial');
    const lot = get('lot');
    if (serial !== undefined) pairs.push({ ai: '21', value: serial });
    if (lot !== undefined) pairs.push({ ai: '10', value: lot });
  } else if (get('sscc') !== undefined) {
    pairs.push({ ai: '00', value: get('sscc') ?? '' });
  } else if (get('gln') !== undefined) {
    pairs.push({ ai: '414', value: get('gln') ?? '' });
    const extension = get('serial') ?? get('extension');
    if (extension !== undefined && extension !== '0') pairs.push({ ai: '254', value: extension });
  } else if (get('pgln') !== undefined) {
    pairs.push({ ai: '417', value: get('pgln') ?? '' });
  } else {
    throw new Gs1Error(
      Gs1ErrorCode.UnrecognisedIdentifier,
      0,
      'a bare identifier needs gtin=, sscc=, gln= or pgln=',
    );
  }
  return aisToEpcUrn(pairs, table);
}

/*
 * "GTIN serial": only whitespace or '|' may separate them. Both lie outside the AI-82 set, so the form
 * can never be mistaken for an element string — ';' and ',' are AI-82 characters and would be: the raw
 * element string 3103496919 2197;X starts with 14 digits and a ';'.
 */
const GTIN_SERIAL = /^(\d{14})(?:\s*\|\s*|\s+)(\S+)$/;

/**
 * Normalises whatever identifies an object to its EPC URN — what EPCIS capture and the trace API store.
 * Accepts: an EPC URN (canonicalised; its dots already give the company prefix), a Digital Link, an
 * element string in any scanned/bracketed form, a TDT bare identifier (`gtin=…;serial=…`), a bare
 * 18-digit SSCC, or a 14-digit GTIN and a serial separated by whitespace or '|'.
 * Bare digits are accepted only where unambiguous: 18 digits are an SSCC, never "AI 10 + 16 chars".
 */
export function anyIdentifierToEpcUrn(
  input: string,
  prefixTable: PrefixTable = DEFAULT_PREFIX_TABLE,
): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new Gs1Error(Gs1ErrorCode.EmptyInput, 0, 'the identifier is empty');
  }
  const text = input.trim();
  const lead = input.length - input.trimStart().length;
  if (/^urn:/i.test(text)) return parseEpcUrn(text).urn;
  if (isDigitalLinkCandidate(text)) return aisToEpcUrn(text, prefixTable);
  if (/^\d{18}$/.test(text)) {
    const sscc = validated('00', text, lead);
    return formatSscc(sscc, prefixTable.forSscc(sscc));
  }
  const pair = GTIN_SERIAL.exec(text);
  if (pair) {
    const [, gtinText = '', serialText = ''] = pair;
    const gtin = gtin14(gtinText);
    const serial = validated('21', serialText, lead + text.indexOf(serialText, 14));
    return formatSgtin(gtin, serial, prefixTable.forGtin(gtin));
  }
  if (/^[a-z]+=/i.test(text)) return fromBareIdentifier(text, prefixTable);
  return aisToEpcUrn(input, prefixTable);
}
