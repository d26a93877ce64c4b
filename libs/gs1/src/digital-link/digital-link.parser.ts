import {
  checkAssociations,
  collect,
  newCollector,
  type ElementCollector,
} from '../ai/ai-associations.validator';
import { createElement } from '../ai/ai-element.factory';
import { type AiDefinition } from '../ai/ai-table.types';
import { validateAiValue } from '../ai/ai-value.validator';
import { DEFAULT_REFERENCE_YEAR } from '../ai/gs1-date';
import { type Gs1Element } from '../ai/gs1-element.types';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { readPath, type Segment } from './digital-link.path';
import { isAllDigitKey, isQualifierOf, queryKeyAi } from './digital-link.rules';
import { percentDecode } from './percent-encoding';

export interface DigitalLinkOptions {
  readonly referenceYear?: number;
  readonly checkMandatoryAssociations?: boolean;
}

export interface DigitalLinkResult {
  /** Primary key first, then its qualifiers in path order, then the query-string attributes. */
  readonly ais: Gs1Element[];
  /** Scheme and authority as given, e.g. "https://id.gs1.org". */
  readonly origin: string;
  /** Path before the primary key ("" or e.g. "/products"). */
  readonly pathPrefix: string;
  /** Query parameters that are not GS1 AIs (linkType, context…), decoded, in order. */
  readonly otherParams: readonly (readonly [string, string])[];
}

export function isDigitalLinkCandidate(text: string, start = 0): boolean {
  const head = text.slice(start, start + 8).toLowerCase();
  return head.startsWith('https://') || head.startsWith('http://');
}

function hasBlankOrControl(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 127) return true;
  return false;
}

function splitPath(uri: string, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let i = from;
  while (i < to) {
    // i points at a '/'
    const next = uri.indexOf('/', i + 1);
    const end = next < 0 || next > to ? to : next;
    segments.push({ text: uri.slice(i + 1, end), position: i + 1 });
    i = end;
  }
  if (segments.at(-1)?.text === '') segments.pop();
  return segments;
}

function addValue(
  def: AiDefinition,
  uri: string,
  start: number,
  end: number,
  refYear: number,
  into: ElementCollector,
  aiPosition: number,
): void {
  let value = percentDecode(uri, start, end);
  let exact = value.length === end - start;
  // The path may carry a GTIN-8, -12 or -13; element strings always use 14 digits.
  if (
    def.ai === '01' &&
    (value.length === 8 || value.length === 12 || value.length === 13) &&
    /^\d+$/.test(value)
  ) {
    value = value.padStart(14, '0');
    exact = false;
  }
  if (value.length === 0) {
    throw new Gs1Error(
      Gs1ErrorCode.ValueTooShort,
      start,
      `AI ${def.ai} has no value (expects ${def.formatHint})`,
    );
  }
  validateAiValue(def, value, 0, value.length, { base: start, exact }, refYear);
  collect(into, def, value, aiPosition);
}

function readQuery(
  uri: string,
  from: number,
  to: number,
  key: AiDefinition,
  refYear: number,
  into: ElementCollector,
): [string, string][] {
  const others: [string, string][] = [];
  let i = from;
  while (i < to) {
    const amp = uri.indexOf('&', i);
    const end = amp < 0 || amp > to ? to : amp;
    const eq = uri.indexOf('=', i);
    const keyEnd = eq < 0 || eq > end ? end : eq;
    if (keyEnd > i) {
      const name = percentDecode(uri, i, keyEnd);
      const def = queryKeyAi(name);
      if (def) {
        if (isQualifierOf(key, def.ai)) {
          throw new Gs1Error(
            Gs1ErrorCode.DigitalLinkQueryNotAllowed,
            i,
            `AI ${def.ai} is a key qualifier of AI ${key.ai} and belongs in the path, not the query string`,
          );
        }
        if (!def.dlAttribute) {
          throw new Gs1Error(
            Gs1ErrorCode.DigitalLinkQueryNotAllowed,
            i,
            `AI ${def.ai} is not allowed as a Digital Link attribute`,
          );
        }
        addValue(def, uri, Math.min(keyEnd + 1, end), end, refYear, into, i);
      } else if (isAllDigitKey(name)) {
        throw new Gs1Error(Gs1ErrorCode.UnknownAi, i, `query parameter ${name} is not a GS1 AI`);
      } else {
        others.push([name, keyEnd < end ? percentDecode(uri, keyEnd + 1, end) : '']);
      }
    }
    i = end + 1;
  }
  return others;
}

/**
 * Parses a GS1 Digital Link URI on any host, with or without a path prefix before the primary key:
 * path = key + ordered qualifiers, query = data attributes. Values are percent-decoded and validated
 * exactly like element strings; errors carry the position in `uri`.
 */
export function parseDigitalLink(uri: string, options: DigitalLinkOptions = {}): DigitalLinkResult {
  const found = newCollector();
  const result = parseDigitalLinkInto(uri, options, found);
  const refYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  return { ...result, ais: found.map((entry) => createElement(entry.def, entry.value, refYear)) };
}

export function parseDigitalLinkInto(
  uri: string,
  options: DigitalLinkOptions,
  into: ElementCollector,
): Omit<DigitalLinkResult, 'ais'> {
  const text = uri.trimEnd();
  if (!isDigitalLinkCandidate(text)) {
    throw new Gs1Error(Gs1ErrorCode.InvalidDigitalLink, 0, 'a Digital Link starts with http:// or https://');
  }
  const authorityStart = text.indexOf('//') + 2;
  let authorityEnd = authorityStart;
  while (authorityEnd < text.length && !'/?#'.includes(text.charAt(authorityEnd))) authorityEnd++;
  if (authorityEnd === authorityStart || hasBlankOrControl(text, authorityStart, authorityEnd)) {
    throw new Gs1Error(Gs1ErrorCode.InvalidDigitalLink, authorityStart, 'the Digital Link has no valid host');
  }
  const hash = text.indexOf('#', authorityEnd);
  const end = hash < 0 ? text.length : hash;
  const question = text.indexOf('?', authorityEnd);
  const pathEnd = question < 0 || question > end ? end : question;
  const path = readPath(splitPath(text, authorityEnd, pathEnd), authorityEnd);
  const refYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  for (const { def, name, value } of path.pairs) {
    addValue(def, text, value.position, value.position + value.text.length, refYear, into, name.position);
  }
  const [key] = path.pairs;
  const otherParams = pathEnd < end && key ? readQuery(text, pathEnd + 1, end, key.def, refYear, into) : [];
  checkAssociations(into, options.checkMandatoryAssociations ?? false);
  return {
    origin: text.slice(0, authorityEnd),
    pathPrefix: path.keyPosition > authorityEnd + 1 ? text.slice(authorityEnd, path.keyPosition - 1) : '',
    otherParams,
  };
}
