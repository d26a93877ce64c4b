import { createElement } from '../ai/ai-element.factory';
import {
  checkAssociations,
  collect,
  newCollector,
  type ElementCollector,
} from '../ai/ai-associations.validator';
import { aiDefinitionByCode, aiLengthForPrefix, knownAi } from '../ai/ai-table';
import { type AiDefinition } from '../ai/ai-table.types';
import { hasValidCheckDigit } from '../ai/check-digit';
import { DEFAULT_REFERENCE_YEAR } from '../ai/gs1-date';
import { type Gs1Element } from '../ai/gs1-element.types';
import { validateAiValue } from '../ai/ai-value.validator';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { parseBracketed } from './bracketed.parser';
import { separatorLength } from './separator';
import { readAimId, type SymbologyInfo } from './symbology';

export interface ElementStringOptions {
  /** The year two-digit YY dates are resolved against (GS1 century rule). Default DEFAULT_REFERENCE_YEAR. */
  readonly referenceYear?: number;
  /** Also enforce GS1 mandatory AI associations (e.g. AI 21 needs AI 01). Default false; see README. */
  readonly checkMandatoryAssociations?: boolean;
  /** Accept `<GS>`, `{GS}` and `\x1d` typed out as separators. Default true. */
  readonly printableSeparators?: boolean;
}

export interface ElementStringResult {
  readonly ais: Gs1Element[];
  readonly symbology?: SymbologyInfo;
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function aiError(text: string, at: number, end: number): Gs1Error {
  if (at + 1 >= end)
    return new Gs1Error(Gs1ErrorCode.UnknownAi, at, `input ends inside an AI ('${text.slice(at, end)}')`);
  return new Gs1Error(
    Gs1ErrorCode.UnknownAi,
    at,
    `expected an AI, got '${text.slice(at, Math.min(end, at + 4))}'`,
  );
}

/** Reads the AI at text[at]; returns its definition. Digit arithmetic only: this runs on every scan. */
function readAi(text: string, at: number, end: number): AiDefinition {
  const d0 = text.charCodeAt(at) - 48;
  const d1 = text.charCodeAt(at + 1) - 48;
  if (!(d0 >= 0 && d0 <= 9 && d1 >= 0 && d1 <= 9) || at + 1 >= end) throw aiError(text, at, end);
  const length = aiLengthForPrefix(d0 * 10 + d1);
  if (length === 0) {
    throw new Gs1Error(Gs1ErrorCode.UnknownAi, at, `no GS1 AI starts with '${text.slice(at, at + 2)}'`);
  }
  if (at + length > end) {
    throw new Gs1Error(Gs1ErrorCode.UnknownAi, at, `input ends inside an AI ('${text.slice(at, end)}')`);
  }
  let code = d0 * 10 + d1;
  for (let k = 2; k < length; k++) {
    const d = text.charCodeAt(at + k) - 48;
    if (!(d >= 0 && d <= 9)) throw aiError(text, at, end);
    code = code * 10 + d;
  }
  const def = aiDefinitionByCode(length, code);
  if (!def) {
    throw new Gs1Error(Gs1ErrorCode.UnknownAi, at, `AI ${text.slice(at, at + length)} is not defined by GS1`);
  }
  return def;
}

/** Unbracketed element strings: AI, value, and a separator after every variable-length value. */
function parseRaw(
  text: string,
  start: number,
  end: number,
  printable: boolean,
  refYear: number,
  into: ElementCollector,
): void {
  let i = start;
  while (i < end) {
    const sep = separatorLength(text, i, printable);
    if (sep > 0) {
      // Leading FNC1, doubled separators and one after a fixed-length field are all tolerated.
      i += sep;
      continue;
    }
    const aiAt = i;
    const def = readAi(text, i, end);
    const valueStart = i + def.ai.length;
    let valueEnd = valueStart;
    const limit = def.fixedLength ? Math.min(end, valueStart + def.maxLength) : end;
    while (valueEnd < limit && separatorLength(text, valueEnd, printable) === 0) valueEnd++;
    if (def.fixedLength && valueEnd < valueStart + def.maxLength) {
      throw new Gs1Error(
        Gs1ErrorCode.ValueTooShort,
        valueStart,
        `AI ${def.ai} expects ${def.formatHint}, got '${text.slice(valueStart, valueEnd)}'`,
      );
    }
    if (valueEnd - valueStart > def.maxLength) {
      throw new Gs1Error(
        Gs1ErrorCode.ValueTooLong,
        valueStart + def.maxLength,
        `AI ${def.ai} value is longer than ${def.maxLength} characters (missing GS separator?)`,
      );
    }
    validateAiValue(def, text, valueStart, valueEnd, { base: valueStart, exact: true }, refYear);
    collect(into, def, text.slice(valueStart, valueEnd), aiAt);
    i = valueEnd;
  }
}

/** A bare EAN-13/UPC-A (13 digits) or EAN-8 read from a retail symbol: the GTIN, padded to 14. */
function parseEan(text: string, start: number, end: number, into: ElementCollector): void {
  const length = end - start;
  const digitsOnly = /^\d+$/.test(text.slice(start, end));
  if (!digitsOnly || (length !== 13 && length !== 8)) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidValue,
      start,
      `an EAN/UPC symbol carries 8 or 13 digits, got '${text.slice(start, end)}'`,
    );
  }
  if (!hasValidCheckDigit(text, start, end)) {
    throw new Gs1Error(Gs1ErrorCode.InvalidCheckDigit, end - 1, `GTIN-${length} check digit is wrong`);
  }
  collect(into, knownAi('01'), text.slice(start, end).padStart(14, '0'), start);
}

/**
 * Parses GS1 element strings as scanned or typed: optional AIM identifier, GS/stand-in separators or
 * the bracketed human-readable form. Throws Gs1Error with the 0-based position in `input`.
 */
export function parseElementString(input: string, options: ElementStringOptions = {}): ElementStringResult {
  const found = newCollector();
  const symbology = parseElementStringInto(input, 0, options, found);
  const refYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const ais = found.map((entry) => createElement(entry.def, entry.value, refYear));
  return symbology ? { ais, symbology } : { ais };
}

/** The collector-level entry point shared with parseScan (which continues from here). */
export function parseElementStringInto(
  input: string,
  from: number,
  options: ElementStringOptions,
  into: ElementCollector,
): SymbologyInfo | undefined {
  let start = from;
  let end = input.length;
  while (end > start && isBlank(input.charCodeAt(end - 1))) end--;
  while (start < end && isBlank(input.charCodeAt(start))) start++;
  if (start >= end) throw new Gs1Error(Gs1ErrorCode.EmptyInput, 0, 'the input is empty');
  let symbology: SymbologyInfo | undefined;
  if (input.charCodeAt(start) === 93 /* ] */) {
    symbology = readAimId(input, start);
    start += 3;
    if (start >= end)
      throw new Gs1Error(
        Gs1ErrorCode.EmptyInput,
        start,
        `no data after the AIM identifier ${symbology.aimId}`,
      );
  }
  const refYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  if (symbology?.content === 'ean') {
    parseEan(input, start, end, into);
  } else if (symbology?.content === 'text') {
    throw new Gs1Error(
      Gs1ErrorCode.UnsupportedSymbology,
      0,
      `${symbology.name} (${symbology.aimId}) without GS1 mode carries no element string; only a Digital Link URI is understood there`,
    );
  } else if (input.charCodeAt(start) === 40 /* ( */) {
    parseBracketed(input, start, end, refYear, into);
  } else {
    parseRaw(input, start, end, options.printableSeparators ?? true, refYear, into);
  }
  checkAssociations(into, options.checkMandatoryAssociations ?? false);
  return symbology;
}
