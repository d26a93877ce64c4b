import { allAiDefinitions, getAiDefinition } from '../ai/ai-table';
import { type AiDefinition } from '../ai/ai-table.types';

/*
 * Digital Link structure rules derived from the AI table: which AIs are primary keys, which may act as
 * key qualifiers (and for which key, in which order), plus the "convenience" short names that
 * Digital Link 1.0/1.1 allowed in the path (gtin, lot, ser…) and that resolvers still receive.
 */

export const DEFAULT_DIGITAL_LINK_HOST = 'https://id.gs1.org';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  gtin: '01',
  itip: '8006',
  gmn: '8013',
  cpid: '8010',
  shipTo: '410',
  billTo: '411',
  purchasedFrom: '412',
  shipFor: '413',
  gln: '414',
  payTo: '415',
  glnProd: '416',
  party: '417',
  gsrnp: '8017',
  gsrn: '8018',
  gcn: '255',
  sscc: '00',
  gdti: '253',
  ginc: '401',
  gsin: '402',
  grai: '8003',
  giai: '8004',
  cpv: '22',
  lot: '10',
  ser: '21',
  cpsn: '8011',
  glnx: '254',
  refno: '8020',
  srin: '8019',
};

/** `exp` is how GS1 Lightweight Verification Messaging writes AI 17 in the query string. */
const QUERY_ALIASES: Readonly<Record<string, string>> = { exp: '17' };

/** AIs that qualify at least one primary key: only these may follow the key in the path. */
const QUALIFIER_AIS: ReadonlySet<string> = new Set(
  allAiDefinitions().flatMap((def) => (def.dlQualifierSequences ?? []).flat()),
);

function numericAi(text: string): AiDefinition | undefined {
  if (text.length < 2 || text.length > 4) return undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return undefined;
  }
  return getAiDefinition(text);
}

/** The AI a path segment names, by number or by short name. */
export function pathSegmentAi(segment: string): AiDefinition | undefined {
  const byNumber = numericAi(segment);
  if (byNumber) return byNumber;
  const alias = Object.prototype.hasOwnProperty.call(SHORT_NAMES, segment) ? SHORT_NAMES[segment] : undefined;
  return alias === undefined ? undefined : getAiDefinition(alias);
}

/** The AI a query key names ("17", "exp"), or undefined for non-GS1 parameters (linkType, context…). */
export function queryKeyAi(key: string): AiDefinition | undefined {
  const byNumber = numericAi(key);
  if (byNumber) return byNumber;
  const alias = Object.prototype.hasOwnProperty.call(QUERY_ALIASES, key) ? QUERY_ALIASES[key] : undefined;
  return alias === undefined ? undefined : getAiDefinition(alias);
}

export function isAllDigitKey(key: string): boolean {
  return /^\d+$/.test(key);
}

export function canQualifySomeKey(ai: string): boolean {
  return QUALIFIER_AIS.has(ai);
}

export function isQualifierOf(key: AiDefinition, ai: string): boolean {
  return key.dlQualifiers?.has(ai) ?? false;
}

export function describeSequences(key: AiDefinition): string {
  const sequences = key.dlQualifierSequences ?? [];
  if (sequences.length === 0) return `AI ${key.ai} takes no key qualifiers`;
  return `qualifiers of AI ${key.ai} are ${sequences.map((s) => s.join(', ')).join(' or ')}, in that order`;
}
