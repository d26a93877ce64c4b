import { checkDigitOf } from '../ai/check-digit';
import { type AiValue } from '../ai/gs1-element.types';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { formatLgtin, formatPgln, formatSgln, formatSgtin, formatSscc } from './epc-urn.formatter';
import { unescapeGs3a3 } from './gs3a3-escaping';

interface EpcCommon {
  /** The URN in canonical form (lower-case prefix, canonical escaping). */
  readonly urn: string;
  readonly companyPrefix: string;
  /** The same identity as GS1 AIs — what element strings and Digital Links carry. */
  readonly ais: readonly AiValue[];
}

export type ParsedEpcUrn =
  | (EpcCommon & {
      readonly kind: 'sgtin';
      readonly gtin: string;
      readonly itemReference: string;
      readonly serial: string;
    })
  | (EpcCommon & {
      readonly kind: 'lgtin';
      readonly gtin: string;
      readonly itemReference: string;
      readonly lot: string;
    })
  | (EpcCommon & { readonly kind: 'sscc'; readonly sscc: string; readonly serialReference: string })
  | (EpcCommon & {
      readonly kind: 'sgln';
      readonly gln: string;
      readonly locationReference: string;
      /** Absent when the URN says "0", the Tag Data Standard's "no extension". */
      readonly extension?: string;
    })
  | (EpcCommon & { readonly kind: 'pgln'; readonly gln: string; readonly partyReference: string });

export type EpcUrnKind = ParsedEpcUrn['kind'];

const SCHEMES: readonly (readonly [string, EpcUrnKind])[] = [
  ['urn:epc:id:sgtin:', 'sgtin'],
  ['urn:epc:id:sscc:', 'sscc'],
  ['urn:epc:id:sgln:', 'sgln'],
  ['urn:epc:id:pgln:', 'pgln'],
  ['urn:epc:class:lgtin:', 'lgtin'],
];

interface Part {
  readonly start: number;
  readonly end: number;
}

/** Splits into `count` dot-separated parts; the last takes the rest (serials and lots may contain dots). */
function split(urn: string, start: number, count: number): Part[] {
  const parts: Part[] = [];
  let from = start;
  for (let n = 1; n < count; n++) {
    const dot = urn.indexOf('.', from);
    if (dot < 0)
      throw new Gs1Error(Gs1ErrorCode.InvalidEpcUrn, urn.length, `expected ${count} dot-separated parts`);
    parts.push({ start: from, end: dot });
    from = dot + 1;
  }
  parts.push({ start: from, end: urn.length });
  return parts;
}

function digits(urn: string, part: Part, what: string): string {
  const text = urn.slice(part.start, part.end);
  if (!/^\d*$/.test(text))
    throw new Gs1Error(
      Gs1ErrorCode.InvalidCharacter,
      part.start,
      `the ${what} must be digits, got '${text}'`,
    );
  return text;
}

function companyPrefix(urn: string, part: Part): string {
  const cp = digits(urn, part, 'company prefix');
  if (cp.length < 6 || cp.length > 12) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidEpcUrn,
      part.start,
      `the company prefix must be 6 to 12 digits, got ${cp.length}`,
    );
  }
  return cp;
}

function reference(urn: string, part: Part, what: string, expected: number): string {
  const text = digits(urn, part, what);
  if (text.length !== expected) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidEpcUrn,
      part.start,
      `with this company prefix the ${what} must be ${expected} digits, got ${text.length}`,
    );
  }
  return text;
}

function withCheckDigit(body: string): string {
  return body + String(checkDigitOf(body));
}

/** Parses an EPC pure-identity URN (SGTIN, SSCC, SGLN, PGLN) or an LGTIN class URN. */
export function parseEpcUrn(urn: string): ParsedEpcUrn {
  const text = urn.trim();
  const lower = text.slice(0, 20).toLowerCase();
  const scheme = SCHEMES.find(([prefix]) => lower.startsWith(prefix));
  if (!scheme) {
    const code = lower.startsWith('urn:epc:')
      ? Gs1ErrorCode.UnsupportedEpcScheme
      : Gs1ErrorCode.InvalidEpcUrn;
    throw new Gs1Error(code, 0, `'${text.slice(0, 40)}' is not an SGTIN, SSCC, SGLN, PGLN or LGTIN URN`);
  }
  const [prefix, kind] = scheme;
  const start = prefix.length;
  switch (kind) {
    case 'sgtin':
    case 'lgtin': {
      const [p0, p1, p2] = split(text, start, 3) as [Part, Part, Part];
      const cp = companyPrefix(text, p0);
      const itemReference = reference(text, p1, 'indicator and item reference', 13 - cp.length);
      const gtin = withCheckDigit(itemReference.charAt(0) + cp + itemReference.slice(1));
      if (kind === 'sgtin') {
        const serial = unescapeGs3a3(text, p2.start, p2.end, 'serial number', 20);
        const ais = [
          { ai: '01', value: gtin },
          { ai: '21', value: serial },
        ];
        return {
          kind,
          urn: formatSgtin(gtin, serial, cp.length),
          companyPrefix: cp,
          ais,
          gtin,
          itemReference,
          serial,
        };
      }
      const lot = unescapeGs3a3(text, p2.start, p2.end, 'lot number', 20);
      const ais = [
        { ai: '01', value: gtin },
        { ai: '10', value: lot },
      ];
      return {
        kind,
        urn: formatLgtin(gtin, lot, cp.length),
        companyPrefix: cp,
        ais,
        gtin,
        itemReference,
        lot,
      };
    }
    case 'sscc': {
      const [p0, p1] = split(text, start, 2) as [Part, Part];
      const cp = companyPrefix(text, p0);
      const serialReference = reference(text, p1, 'extension digit and serial reference', 17 - cp.length);
      const sscc = withCheckDigit(serialReference.charAt(0) + cp + serialReference.slice(1));
      return {
        kind,
        urn: formatSscc(sscc, cp.length),
        companyPrefix: cp,
        ais: [{ ai: '00', value: sscc }],
        sscc,
        serialReference,
      };
    }
    case 'sgln': {
      const [p0, p1, p2] = split(text, start, 3) as [Part, Part, Part];
      const cp = companyPrefix(text, p0);
      const locationReference = reference(text, p1, 'location reference', 12 - cp.length);
      const gln = withCheckDigit(cp + locationReference);
      const raw = unescapeGs3a3(text, p2.start, p2.end, 'GLN extension', 20);
      const extension = raw === '0' ? undefined : raw;
      const ais = extension
        ? [
            { ai: '414', value: gln },
            { ai: '254', value: extension },
          ]
        : [{ ai: '414', value: gln }];
      const urnOut = formatSgln(gln, extension, cp.length);
      const base = { kind, urn: urnOut, companyPrefix: cp, ais, gln, locationReference };
      return extension ? { ...base, extension } : base;
    }
    case 'pgln': {
      const [p0, p1] = split(text, start, 2) as [Part, Part];
      const cp = companyPrefix(text, p0);
      const partyReference = reference(text, p1, 'party reference', 12 - cp.length);
      const gln = withCheckDigit(cp + partyReference);
      return {
        kind,
        urn: formatPgln(gln, cp.length),
        companyPrefix: cp,
        ais: [{ ai: '417', value: gln }],
        gln,
        partyReference,
      };
    }
  }
}
