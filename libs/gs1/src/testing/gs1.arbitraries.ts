import fc from 'fast-check';
import { CSET82_CHARACTERS } from '../ai/charset';
import { daysInMonth, DEFAULT_REFERENCE_YEAR, fullYear } from '../ai/gs1-date';
import { type AiValue } from '../ai/gs1-element.types';
import { withCheck } from './gs1-test.helpers';

const pad2 = (n: number): string => String(n).padStart(2, '0');

export const digits = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });

export const gtin14 = digits(13).map(withCheck);
export const sscc = digits(17).map(withCheck);
export const gln = digits(12).map(withCheck);

/** 1..max characters of the GS1 AI-82 set — every character, including those that need escaping. */
export const cset82 = (max = 20): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...CSET82_CHARACTERS), minLength: 1, maxLength: max });

/** A valid YYMMDD, DD=00 included. */
export const yymmdd = fc
  .record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }) })
  .chain(({ yy, mm }) =>
    fc
      .integer({ min: 0, max: daysInMonth(fullYear(yy, DEFAULT_REFERENCE_YEAR), mm) })
      .map((dd) => `${pad2(yy)}${pad2(mm)}${pad2(dd)}`),
  );

export const companyPrefixLength = fc.integer({ min: 6, max: 12 });

/** The AIs of a pharmaceutical pack: GTIN always, then any of expiry, lot, serial, NHRN, weight, in any order. */
export const packAis: fc.Arbitrary<AiValue[]> = fc
  .record(
    {
      gtin: gtin14,
      expiry: yymmdd,
      lot: cset82(),
      serial: cset82(),
      nhrn: fc.tuple(fc.constantFrom('710', '711', '712', '713', '714', '715', '716'), cset82()),
      weight: digits(6),
    },
    { requiredKeys: ['gtin'] },
  )
  .chain((p) => {
    const ais: AiValue[] = [{ ai: '01', value: p.gtin }];
    if (p.expiry !== undefined) ais.push({ ai: '17', value: p.expiry });
    if (p.lot !== undefined) ais.push({ ai: '10', value: p.lot });
    if (p.serial !== undefined) ais.push({ ai: '21', value: p.serial });
    if (p.nhrn !== undefined) ais.push({ ai: p.nhrn[0], value: p.nhrn[1] });
    if (p.weight !== undefined) ais.push({ ai: '3103', value: p.weight });
    return fc.shuffledSubarray(ais, { minLength: ais.length, maxLength: ais.length });
  });

export const pairsOf = (ais: readonly AiValue[]): string[][] => ais.map(({ ai, value }) => [ai, value]);
export const sortedPairs = (ais: readonly AiValue[]): string[][] =>
  pairsOf(ais).sort((a, b) => (`${a[0] ?? ''}` < `${b[0] ?? ''}` ? -1 : 1));
