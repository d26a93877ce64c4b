import fc from 'fast-check';
import { anyIdentifierToEpcUrn } from './convert/any-identifier';
import { aisToEpcUrn, digitalLinkToEpcUrn, epcUrnToDigitalLink } from './convert/epc-convert';
import { parseDigitalLink } from './digital-link/digital-link.parser';
import { toDigitalLink } from './digital-link/digital-link.formatter';
import { toElementString } from './element-string/element-string.formatter';
import { parseElementString } from './element-string/element-string.parser';
import { lgtinUrn, pglnUrn, sglnUrn, sgtinUrn, ssccUrn } from './epc/epc-urn.formatter';
import { parseEpcUrn } from './epc/epc-urn.parser';
import { PrefixTable } from './epc/prefix-table';
import { parseScan } from './scan/parse-scan';
import {
  companyPrefixLength,
  cset82,
  gln,
  gtin14,
  packAis,
  pairsOf,
  sortedPairs,
  sscc,
} from './testing/gs1.arbitraries';

const RUNS = { numRuns: 500 };

describe('round trips (fast-check)', () => {
  describe('element strings', () => {
    it('GS-separated: parse(format(ais)) gives the AIs back, in order', () => {
      fc.assert(
        fc.property(packAis, (ais) => {
          const text = toElementString(ais);
          expect(pairsOf(parseElementString(text, { printableSeparators: false }).ais)).toEqual(pairsOf(ais));
        }),
        RUNS,
      );
    });

    it('with an AIM id, reordered predefined-first, and <GS> stand-ins when no value contains "<GS>"', () => {
      fc.assert(
        fc.property(
          packAis.filter((ais) => ais.every((a) => !a.value.includes('<GS>'))),
          (ais) => {
            const text = toElementString(ais, { aimId: ']d2', separator: '<GS>', predefinedFirst: true });
            const parsed = parseElementString(text);
            expect(parsed.symbology?.aimId).toBe(']d2');
            expect(sortedPairs(parsed.ais)).toEqual(sortedPairs(ais));
          },
        ),
        RUNS,
      );
    });

    it('bracketed, with any AI-82 character in the values', () => {
      fc.assert(
        fc.property(packAis, (ais) => {
          expect(pairsOf(parseElementString(toElementString(ais, { format: 'brackets' })).ais)).toEqual(
            pairsOf(ais),
          );
        }),
        RUNS,
      );
    });
  });

  describe('Digital Links', () => {
    it('parse(toDigitalLink(ais)) gives the same AIs, and formatting again gives the same URI', () => {
      fc.assert(
        fc.property(
          packAis,
          fc.constantFrom('https://id.gs1.org', 'https://example.com/a/01/b'),
          (ais, host) => {
            const uri = toDigitalLink(ais, { host });
            const parsed = parseDigitalLink(uri);
            expect(sortedPairs(parsed.ais)).toEqual(sortedPairs(ais));
            expect(toDigitalLink(parsed.ais, { host })).toBe(uri);
          },
        ),
        RUNS,
      );
    });

    it('element string → Digital Link → element string keeps every AI', () => {
      fc.assert(
        fc.property(packAis, (ais) => {
          const back = toElementString(toDigitalLink(ais));
          expect(sortedPairs(parseElementString(back, { printableSeparators: false }).ais)).toEqual(
            sortedPairs(ais),
          );
        }),
        RUNS,
      );
    });
  });

  describe('EPC URNs', () => {
    it('SGTIN and LGTIN', () => {
      fc.assert(
        fc.property(gtin14, cset82(), companyPrefixLength, (gtin, text, cp) => {
          const sgtin = parseEpcUrn(sgtinUrn(gtin, text, cp));
          expect(sgtin).toMatchObject({
            kind: 'sgtin',
            gtin,
            serial: text,
            companyPrefix: gtin.slice(1, 1 + cp),
          });
          expect(parseEpcUrn(sgtin.urn).urn).toBe(sgtin.urn);
          expect(parseEpcUrn(lgtinUrn(gtin, text, cp))).toMatchObject({ kind: 'lgtin', gtin, lot: text });
        }),
        RUNS,
      );
    });

    it('SSCC, SGLN (extension or none) and PGLN', () => {
      fc.assert(
        fc.property(
          sscc,
          gln,
          fc.option(
            cset82().filter((e) => e !== '0'),
            { nil: undefined },
          ),
          companyPrefixLength,
          (s, g, ext, cp) => {
            expect(parseEpcUrn(ssccUrn(s, cp))).toMatchObject({ kind: 'sscc', sscc: s });
            const sgln = parseEpcUrn(sglnUrn(g, ext, cp));
            expect(sgln).toMatchObject({ kind: 'sgln', gln: g });
            expect(sgln.kind === 'sgln' ? sgln.extension : 'wrong kind').toBe(ext);
            expect(parseEpcUrn(pglnUrn(g, cp))).toMatchObject({ kind: 'pgln', gln: g });
          },
        ),
        RUNS,
      );
    });
  });

  describe('conversions', () => {
    const withSerial = packAis.filter((ais) => ais.some((a) => a.ai === '21'));

    it('every path to the EPC URN agrees, and the URN leads back to GTIN + serial', () => {
      fc.assert(
        fc.property(withSerial, companyPrefixLength, (ais, cp) => {
          const gtin = ais.find((a) => a.ai === '01')?.value ?? '';
          const serial = ais.find((a) => a.ai === '21')?.value ?? '';
          const table = PrefixTable.fromCompanyPrefixes([gtin.slice(1, 1 + cp)]);
          const urn = aisToEpcUrn(ais, table);
          expect(urn).toBe(sgtinUrn(gtin, serial, cp));
          expect(digitalLinkToEpcUrn(toDigitalLink(ais), table)).toBe(urn);
          expect(anyIdentifierToEpcUrn(toElementString(ais), table)).toBe(urn);
          expect(anyIdentifierToEpcUrn(toElementString(ais, { format: 'brackets' }), table)).toBe(urn);
          expect(anyIdentifierToEpcUrn(urn, table)).toBe(urn);
          expect(
            parseScan(toElementString(ais, { aimId: ']d2' }), {
              prefixTable: table,
              printableSeparators: false,
            }).epc,
          ).toBe(urn);
          const back = parseDigitalLink(epcUrnToDigitalLink(urn));
          expect(pairsOf(back.ais)).toEqual([
            ['01', gtin],
            ['21', serial],
          ]);
          expect(digitalLinkToEpcUrn(epcUrnToDigitalLink(urn), table)).toBe(urn);
        }),
        RUNS,
      );
    });

    it('parseScan agrees with parseElementString and parseDigitalLink', () => {
      fc.assert(
        fc.property(packAis, (ais) => {
          const es = toElementString(ais);
          const scan = parseScan(es, { printableSeparators: false });
          expect(scan.ais).toEqual(parseElementString(es, { printableSeparators: false }).ais);
          if (scan.digitalLink !== undefined) {
            expect(sortedPairs(parseScan(scan.digitalLink).ais)).toEqual(sortedPairs(scan.ais));
          }
        }),
        RUNS,
      );
    });
  });
});
