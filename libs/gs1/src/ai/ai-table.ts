import { AI_ROWS } from './ai-table.data';
import { CHARSET_BITS } from './charset';
import { MEASURE_AND_AMOUNT_ROWS } from './ai-table.measures';
import {
  type AiComponent,
  type AiDefinition,
  type AiPattern,
  type AiRow,
  type Charset,
  type ContentRule,
} from './ai-table.types';

/*
 * Expands the compact rows once, at module load, into the structures the parsers hit on every call:
 * AI length by its first two digits (GS1 AIs are prefix-free, so two digits decide 2, 3 or 4) and
 * flat arrays indexed by the AI's numeric value — no string keys, no regex on the hot path.
 */

const COMPONENT = /^(\[)?([NXYZ])(\.\.)?(\d+)(?::([A-Za-z0-9,]+))?(\])?$/;
const KNOWN_RULES: ReadonlySet<string> = new Set<ContentRule>([
  'checkDigit',
  'dateYYMMDD0',
  'dateYYMMDD',
  'dateYYYYMMDD',
  'timeHHMM',
  'hour',
  'minute',
  'second',
  'yesNo',
  'hyphen',
  'nonZero',
  'zero',
  'pieceOfTotal',
  'noZeroPrefix',
  'percentEncoded',
  'winding',
  'latitude',
  'longitude',
]);

function parseComponent(ai: string, text: string): AiComponent {
  const m = COMPONENT.exec(text);
  if (!m || Boolean(m[1]) !== Boolean(m[6]))
    throw new Error(`AI table: AI ${ai} has a bad component '${text}'`);
  const rules = m[5] ? m[5].split(',') : [];
  for (const rule of rules) {
    if (!KNOWN_RULES.has(rule)) throw new Error(`AI table: AI ${ai} names unknown rule '${rule}'`);
  }
  const size = Number(m[4]);
  const charset = m[2] as Charset;
  return {
    charset,
    charsetBit: CHARSET_BITS[charset],
    min: m[3] ? 1 : size,
    max: size,
    optional: Boolean(m[1]),
    rules: rules as ContentRule[],
  };
}

function parsePattern(text: string): AiPattern {
  const wildcard = text.indexOf('n');
  return { prefix: wildcard < 0 ? text : text.slice(0, wildcard), length: text.length };
}

function describe(components: readonly AiComponent[]): string {
  const parts = components.map((c) => {
    const unit = c.charset === 'N' ? 'digits' : 'characters';
    const size =
      c.min === c.max ? `${c.max} ${c.max === 1 ? unit.slice(0, -1) : unit}` : `1 to ${c.max} ${unit}`;
    const set =
      c.charset === 'N' ? '' : c.charset === 'X' ? '' : c.charset === 'Y' ? ' (AI-39 set)' : ' (base64url)';
    const date = c.rules.includes('dateYYYYMMDD')
      ? ' (YYYYMMDD)'
      : c.rules.includes('dateYYMMDD') || c.rules.includes('dateYYMMDD0')
        ? ' (YYMMDD)'
        : c.rules.includes('timeHHMM')
          ? ' (HHMM)'
          : '';
    return `${c.optional ? 'optionally ' : ''}${size}${set}${date}`;
  });
  return parts.join(' + ');
}

function leadingDate(first: AiComponent | undefined): AiDefinition['leadingDate'] {
  if (first?.rules.includes('dateYYYYMMDD')) return 'YYYYMMDD';
  if (first?.rules.includes('dateYYMMDD') || first?.rules.includes('dateYYMMDD0')) return 'YYMMDD';
  return undefined;
}

function build(row: AiRow): AiDefinition {
  const components = row.format.split(' ').map((c) => parseComponent(row.ai, c));
  const minLength = components.reduce((n, c) => n + (c.optional ? 0 : c.min), 0);
  const maxLength = components.reduce((n, c) => n + c.max, 0);
  const flags = row.flags ?? '';
  const excludes = (row.ex ? row.ex.split(',') : []).map(parsePattern);
  const sequences =
    row.dlKey === undefined
      ? undefined
      : row.dlKey === ''
        ? []
        : row.dlKey.split('|').map((s) => s.split(','));
  // Every property is always written, in this order, so all ~500 definitions share one hidden class and
  // the parsers' `def.*` reads stay monomorphic.
  return {
    ai: row.ai,
    title: row.title,
    components,
    minLength,
    maxLength,
    fixedLength: minLength === maxLength,
    predefinedLength: flags.includes('P'),
    dlAttribute: flags.includes('D'),
    dlQualifierSequences: sequences,
    dlQualifiers: sequences ? new Set(sequences.flat()) : undefined,
    requires: (row.req ? row.req.split(' ') : []).map((clause) =>
      clause.split(',').map((alternative) => alternative.split('+').map(parsePattern)),
    ),
    excludes,
    excludedAis: new Set(excludes.filter((p) => p.prefix.length === p.length).map((p) => p.prefix)),
    excludedFamilies: excludes.filter((p) => p.prefix.length !== p.length),
    decimalPlaces: row.decimalPlaces,
    currencyPrefixed: row.currencyPrefixed ?? false,
    leadingDate: leadingDate(components[0]),
    formatHint: describe(components),
  };
}

const BY_LENGTH: readonly (AiDefinition | undefined)[][] = [
  [],
  [],
  new Array(100),
  new Array(1000),
  new Array(10000),
];
/** 0 = no AI starts with these two digits; otherwise the AI's total length. */
const LENGTH_BY_PREFIX = new Uint8Array(100);
const BY_NAME = new Map<string, AiDefinition>();

for (const row of [...AI_ROWS, ...MEASURE_AND_AMOUNT_ROWS]) {
  const def = build(row);
  const prefix = Number(def.ai.slice(0, 2));
  const known = LENGTH_BY_PREFIX[prefix] ?? 0;
  const sameLength = BY_LENGTH[def.ai.length];
  if ((known !== 0 && known !== def.ai.length) || BY_NAME.has(def.ai) || !sameLength) {
    throw new Error(`AI table: AI ${def.ai} clashes with another entry`);
  }
  LENGTH_BY_PREFIX[prefix] = def.ai.length;
  sameLength[Number(def.ai)] = def;
  BY_NAME.set(def.ai, def);
}

/** The definition of an AI given as a string ("01", "3103"), or undefined when GS1 defines none. */
export function getAiDefinition(ai: string): AiDefinition | undefined {
  return BY_NAME.get(ai);
}

/** The definition of an AI this library itself names (never user input): a missing one is a bug. */
export function knownAi(ai: string): AiDefinition {
  const def = BY_NAME.get(ai);
  if (!def) throw new Error(`AI table has no AI ${ai}`);
  return def;
}

/** Every AI this library knows, in table order. */
export function allAiDefinitions(): readonly AiDefinition[] {
  return [...BY_NAME.values()];
}

/** Length (2–4) of the AI whose first two digits are given, or 0 when no AI starts that way. */
export function aiLengthForPrefix(twoDigits: number): number {
  return LENGTH_BY_PREFIX[twoDigits] ?? 0;
}

/** Definition by length and numeric value — the parser's allocation-free lookup. */
export function aiDefinitionByCode(length: number, code: number): AiDefinition | undefined {
  return BY_LENGTH[length]?.[code];
}

export function matchesPattern(ai: string, pattern: AiPattern): boolean {
  return ai.length === pattern.length && ai.startsWith(pattern.prefix);
}
