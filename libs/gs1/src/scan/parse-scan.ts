import { newCollector, type ElementCollector } from '../ai/ai-associations.validator';
import { createElement } from '../ai/ai-element.factory';
import { DEFAULT_REFERENCE_YEAR } from '../ai/gs1-date';
import { type Gs1Element } from '../ai/gs1-element.types';
import { deriveEpcs } from '../convert/epc-convert';
import { formatDigitalLink, normaliseBase } from '../digital-link/digital-link.formatter';
import { isDigitalLinkCandidate, parseDigitalLinkInto } from '../digital-link/digital-link.parser';
import { DEFAULT_DIGITAL_LINK_HOST } from '../digital-link/digital-link.rules';
import { parseElementStringInto, type ElementStringOptions } from '../element-string/element-string.parser';
import { readAimId, type SymbologyInfo } from '../element-string/symbology';
import { DEFAULT_PREFIX_TABLE, type PrefixTable } from '../epc/prefix-table';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { type NationalCode, type ScanResult } from './scan-result.types';

export interface ParseScanOptions extends ElementStringOptions {
  /** Company prefixes for the `epc`/`lgtin` fields; null skips EPC derivation. Default DEFAULT_PREFIX_TABLE. */
  readonly prefixTable?: PrefixTable | null;
  /** Host (and path prefix) of the `digitalLink` field; null skips it. Default https://id.gs1.org. */
  readonly digitalLinkHost?: string | null;
}

const NHRN_SCHEMES = ['PZN', 'CIP', 'CN', 'DRN', 'AIM', 'NDC', 'AIC'];

function parseLink(raw: string, offset: number, options: ParseScanOptions, into: ElementCollector): void {
  try {
    parseDigitalLinkInto(raw.slice(offset), options, into);
  } catch (error) {
    // Report positions in the caller's string, which may have had an AIM identifier in front.
    if (error instanceof Gs1Error && offset > 0)
      throw new Gs1Error(error.code, error.position + offset, error.reason);
    throw error;
  }
}

function digitalLinkOf(found: ElementCollector, base: string): string | undefined {
  for (const entry of found) {
    if (entry.def.dlQualifierSequences === undefined) continue;
    try {
      return formatDigitalLink(found, base);
    } catch (error) {
      if (error instanceof Gs1Error && error.code === Gs1ErrorCode.NotRepresentable) return undefined;
      throw error;
    }
  }
  return undefined;
}

/**
 * The one entry point for scanner input. Detects and strips an AIM symbology identifier, then reads a
 * GS1 Digital Link, a bracketed element string or a raw element string with GS (or `<GS>`, `{GS}`,
 * `\x1d`) separators; validates everything and returns the AIs plus derived fields. Pure and
 * allocation-light: this is on the path of every scan.
 */
export function parseScan(raw: string, options: ParseScanOptions = {}): ScanResult {
  if (typeof raw !== 'string') throw new Gs1Error(Gs1ErrorCode.EmptyInput, 0, 'the scan is not a string');
  const found = newCollector();
  let lead = 0;
  while (lead < raw.length && raw.charCodeAt(lead) <= 32) lead++;
  let symbology: SymbologyInfo | undefined;
  let kind: ScanResult['kind'] = 'element-string';
  if (raw.charCodeAt(lead) === 93 && isDigitalLinkCandidate(raw, lead + 3)) {
    symbology = readAimId(raw, lead);
    kind = 'digital-link';
    parseLink(raw, lead + 3, options, found);
  } else if (isDigitalLinkCandidate(raw, lead)) {
    kind = 'digital-link';
    parseLink(raw, lead, options, found);
  } else {
    symbology = parseElementStringInto(raw, 0, options, found);
  }
  return buildResult(found, kind, symbology, options);
}

function buildResult(
  found: ElementCollector,
  kind: ScanResult['kind'],
  symbology: SymbologyInfo | undefined,
  options: ParseScanOptions,
): ScanResult {
  const refYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const ais: Gs1Element[] = [];
  // Every field present from the start (undefined when absent, which JSON drops): one hidden class for
  // all results instead of a new shape per combination of AIs.
  const result: { -readonly [K in keyof ScanResult]: ScanResult[K] } = {
    kind,
    symbology,
    ais,
    gtin: undefined,
    serial: undefined,
    lot: undefined,
    expiry: undefined,
    sscc: undefined,
    gln: undefined,
    nationalCodes: undefined,
    digitalLink: undefined,
    epc: undefined,
    lgtin: undefined,
  };
  let nationalCodes: NationalCode[] | undefined;
  for (const { def, value } of found) {
    const element = createElement(def, value, refYear);
    ais.push(element);
    switch (def.ai) {
      case '01':
        result.gtin = value;
        break;
      case '21':
        result.serial = value;
        break;
      case '10':
        result.lot = value;
        break;
      case '17':
        result.expiry = element.date;
        break;
      case '00':
        result.sscc = value;
        break;
      case '414':
        result.gln = value;
        break;
      default:
        if (def.ai.length === 3 && def.ai.startsWith('71')) {
          (nationalCodes ??= []).push({
            ai: def.ai,
            scheme: NHRN_SCHEMES[Number(def.ai[2])] ?? def.ai,
            value,
          });
        }
    }
  }
  if (nationalCodes) result.nationalCodes = nationalCodes;
  if (options.digitalLinkHost !== null) {
    const base =
      options.digitalLinkHost === undefined
        ? DEFAULT_DIGITAL_LINK_HOST
        : normaliseBase(options.digitalLinkHost);
    result.digitalLink = digitalLinkOf(found, base);
  }
  if (options.prefixTable !== null) {
    const { epc, lgtin } = deriveEpcs(found, options.prefixTable ?? DEFAULT_PREFIX_TABLE, false);
    result.epc = epc;
    result.lgtin = lgtin;
  }
  return result;
}
