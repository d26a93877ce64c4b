import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

/** An AIM symbology identifier (ISO/IEC 15424) that a scanner put in front of the data. */
export interface SymbologyInfo {
  readonly aimId: string;
  readonly name: string;
  /** What follows: GS1 element strings, a plain text (e.g. a Digital Link URI), or a bare EAN/UPC number. */
  readonly content: 'gs1' | 'text' | 'ean';
}

const KNOWN: Readonly<Record<string, SymbologyInfo>> = Object.freeze({
  ']d2': { aimId: ']d2', name: 'GS1 DataMatrix', content: 'gs1' },
  ']C1': { aimId: ']C1', name: 'GS1-128', content: 'gs1' },
  ']Q3': { aimId: ']Q3', name: 'GS1 QR Code', content: 'gs1' },
  ']e0': { aimId: ']e0', name: 'GS1 DataBar', content: 'gs1' },
  ']J1': { aimId: ']J1', name: 'GS1 DotCode', content: 'gs1' },
  // Digital Link symbols are plain QR/Data Matrix carrying a URI.
  ']Q1': { aimId: ']Q1', name: 'QR Code', content: 'text' },
  ']d1': { aimId: ']d1', name: 'Data Matrix', content: 'text' },
  // Retail linear symbols transmit the bare GTIN-13/GTIN-12 (as 13 digits) or GTIN-8, no AI.
  ']E0': { aimId: ']E0', name: 'EAN-13/UPC-A', content: 'ean' },
  ']E4': { aimId: ']E4', name: 'EAN-8', content: 'ean' },
});

/** Index of an AIM id in a small array: symbology letter and modifier folded into one number. */
const BY_CODE = new Map<number, SymbologyInfo>(
  Object.values(KNOWN).map((info) => [info.aimId.charCodeAt(1) * 128 + info.aimId.charCodeAt(2), info]),
);

/** Reads the 3-character AIM identifier at input[start] (which is ']'). */
export function readAimId(input: string, start = 0): SymbologyInfo {
  const known =
    input.length >= start + 3
      ? BY_CODE.get(input.charCodeAt(start + 1) * 128 + input.charCodeAt(start + 2))
      : undefined;
  if (known) return known;
  const aimId = input.slice(start, start + 3);
  throw new Gs1Error(
    Gs1ErrorCode.UnsupportedSymbology,
    start,
    aimId.length < 3
      ? `'${aimId}' is an incomplete AIM symbology identifier`
      : `AIM symbology identifier '${aimId}' does not carry GS1 data (expected ]d2, ]C1, ]Q3, ]e0, ]J1, ]Q1, ]d1, ]E0 or ]E4)`,
  );
}
