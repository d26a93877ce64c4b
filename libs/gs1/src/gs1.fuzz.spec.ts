import fc from 'fast-check';
import { anyIdentifierToEpcUrn } from './convert/any-identifier';
import { toDigitalLink } from './digital-link/digital-link.formatter';
import { parseDigitalLink } from './digital-link/digital-link.parser';
import { toElementString } from './element-string/element-string.formatter';
import { parseElementString } from './element-string/element-string.parser';
import { parseEpcUrn } from './epc/epc-urn.parser';
import { Gs1Error } from './errors/gs1.error';
import { parseScan } from './scan/parse-scan';

/*
 * Whatever arrives from a scanner, an API or a file, the library either answers or throws Gs1Error
 * with a position inside the input — never TypeError, RangeError, URIError or a hang.
 */
const ENTRY_POINTS: readonly (readonly [string, (input: string) => unknown])[] = [
  ['parseScan', (s) => parseScan(s)],
  ['parseElementString', (s) => parseElementString(s, { checkMandatoryAssociations: true })],
  ['parseDigitalLink', (s) => parseDigitalLink(s)],
  ['parseEpcUrn', (s) => parseEpcUrn(s)],
  ['anyIdentifierToEpcUrn', (s) => anyIdentifierToEpcUrn(s)],
  ['toDigitalLink', (s) => toDigitalLink(s)],
  ['toElementString', (s) => toElementString(s, { format: 'brackets' })],
];

function onlyGs1Errors(input: string): void {
  for (const [name, entry] of ENTRY_POINTS) {
    try {
      entry(input);
    } catch (error) {
      if (!(error instanceof Gs1Error))
        throw new Error(`${name}(${JSON.stringify(input)}) threw ${String(error)}`);
      if (!Number.isInteger(error.position) || error.position < 0 || error.position > input.length) {
        throw new Error(`${name}(${JSON.stringify(input)}) reported position ${error.position}`);
      }
    }
  }
}

const FRAGMENTS = [
  ...[
    '00',
    '01',
    '02',
    '10',
    '11',
    '17',
    '21',
    '22',
    '235',
    '254',
    '3103',
    '37',
    '414',
    '417',
    '710',
    '7003',
    '8006',
    '8030',
  ],
  ...['(', ')', '\\(', '\x1d', '<GS>', '{GS}', '\\x1d', '^', ']d2', ']Q1', ']E0', ']C1', ']', ' '],
  ...[
    'https://',
    'http://',
    'id.gs1.org',
    '/',
    '?',
    '&',
    '=',
    '#',
    '%',
    '%2',
    '%2F',
    '%zz',
    'exp',
    'gtin',
    'lot',
    'ser',
  ],
  ...[
    'urn:epc:id:sgtin:',
    'urn:epc:id:sscc:',
    'urn:epc:class:lgtin:',
    'urn:epc:id:sgln:',
    '.',
    'gtin=',
    ';serial=',
  ],
  ...[
    '0',
    '9',
    '09506000134352',
    '106141411234567897',
    '0614141',
    '261231',
    '261200',
    '999999',
    'A',
    'é',
    '\u0000',
  ],
];

const VALID = [
  ']d20109506000134352172612311012345\x1d21ABC123',
  'https://id.gs1.org/01/09506000134352/10/L1/21/S1?17=261231',
  'urn:epc:id:sgtin:0614141.812345.6789',
  '(00)106141411234567897(02)09506000134352(37)12',
];

describe('fuzzing: nothing but Gs1Error escapes', () => {
  it('random strings and raw bytes (20,000 cases)', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.uint8Array({ maxLength: 80 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    );
    fc.assert(fc.property(anyText, onlyGs1Errors), { numRuns: 20_000 });
  });

  it('strings assembled from GS1 fragments, which reach deep into the parsers (20,000 cases)', () => {
    const assembled = fc
      .array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(assembled, onlyGs1Errors), { numRuns: 20_000 });
  });

  it('valid inputs with random edits (10,000 cases)', () => {
    const edited = fc
      .tuple(
        fc.constantFrom(...VALID),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ unit: 'binary', maxLength: 3 })), {
          maxLength: 4,
        }),
      )
      .map(([text, edits]) =>
        edits.reduce((s, [at, remove, insert]) => {
          const i = s.length === 0 ? 0 : at % s.length;
          return s.slice(0, i) + insert + s.slice(i + remove);
        }, text),
      );
    fc.assert(fc.property(edited, onlyGs1Errors), { numRuns: 10_000 });
  });

  it('non-string inputs from untyped callers', () => {
    const untypedScan = parseScan as (input: unknown) => unknown;
    const untypedAny = anyIdentifierToEpcUrn as (input: unknown) => unknown;
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(() => untypedScan(bad)).toThrow(Gs1Error);
      expect(() => untypedAny(bad)).toThrow(Gs1Error);
    }
  });
});
