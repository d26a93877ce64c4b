import { type AiValue } from '../ai/gs1-element.types';
import { DEFAULT_REFERENCE_YEAR, toYymmdd, yymmddToIso } from '../ai/gs1-date';
import { toElementString } from '../element-string/element-string.formatter';
import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { gtin14 } from '../epc/epc-urn.formatter';
import { resolveAis } from '../scan/gs1-input';
import { renderSymbol } from './label-render';
import { type PackLabelData, type PackLabelOptions } from './label.types';

const NHRN_CAPTIONS: Readonly<Record<string, string>> = {
  '710': 'PZN',
  '711': 'CIP',
  '712': 'CN',
  '713': 'DRN',
  '714': 'AIM',
  '715': 'NDC',
  '716': 'AIC',
};

function expiryYymmdd(expiry: string): string {
  const yymmdd = typeof expiry === 'string' ? toYymmdd(expiry.trim()) : undefined;
  if (yymmdd === undefined) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidDate,
      0,
      `expiry '${String(expiry)}' is not a date as YYYY-MM-DD, YYYY-MM or YYMMDD`,
    );
  }
  return yymmdd;
}

/** The printed expiry: ISO date, or YYYY-MM when the data carries no day (DD=00). */
function printedExpiry(yymmdd: string, referenceYear: number): string {
  const iso = yymmddToIso(yymmdd, 0, referenceYear);
  return yymmdd.endsWith('00') ? iso.slice(0, 7) : iso;
}

/**
 * A pack's GS1 DataMatrix — (01) GTIN, (17) expiry, (10) lot, (21) serial, optional (71x) national
 * number — with the human-readable lines of the EU FMD layout (GTIN/PC, LOT, EXP, SN, national code).
 * Everything is validated as GS1 data first, so a bad label fails here and not on the packing line.
 */
export function renderPackLabel(
  pack: PackLabelData,
  options: PackLabelOptions & { format: 'svg' },
): Promise<string>;
export function renderPackLabel(
  pack: PackLabelData,
  options: PackLabelOptions & { format: 'png' },
): Promise<Buffer>;
export function renderPackLabel(pack: PackLabelData, options: PackLabelOptions): Promise<string | Buffer>;
export async function renderPackLabel(
  pack: PackLabelData,
  options: PackLabelOptions,
): Promise<string | Buffer> {
  const referenceYear = options.referenceYear ?? DEFAULT_REFERENCE_YEAR;
  const gtin = gtin14(String(pack.gtin ?? ''));
  const expiry = expiryYymmdd(pack.expiry);
  const national = pack.nationalCodes ?? [];
  const pairs: AiValue[] = [
    { ai: '01', value: gtin },
    { ai: '17', value: expiry },
    { ai: '10', value: String(pack.lot ?? '') },
    { ai: '21', value: String(pack.serial ?? '') },
    ...national,
  ];
  national.forEach((code, i) => {
    if (NHRN_CAPTIONS[code.ai] === undefined) {
      throw new Gs1Error(
        Gs1ErrorCode.InvalidArgument,
        i,
        `national code AI must be 710-716, got '${code.ai}'`,
      );
    }
  });
  resolveAis(pairs, { referenceYear });
  // ^FNC1 in BWIPP's parsefnc syntax: FNC1 first marks GS1 mode, then separates variable fields.
  const text = toElementString(pairs, {
    separator: '^FNC1',
    aimId: '^FNC1',
    predefinedFirst: true,
    referenceYear,
  });
  const lines = [
    `${options.productCodeCaption ?? 'GTIN'}: ${gtin}`,
    `LOT: ${pack.lot}`,
    `EXP: ${printedExpiry(expiry, referenceYear)}`,
    `SN: ${pack.serial}`,
    ...national.map((code) => `${NHRN_CAPTIONS[code.ai] ?? code.ai}: ${code.value}`),
  ];
  return renderSymbol(
    {
      bcid: 'datamatrix',
      text,
      extra: { parsefnc: true },
      title: 'GS1 DataMatrix pack label',
      drawnLines: lines,
    },
    options,
  );
}
