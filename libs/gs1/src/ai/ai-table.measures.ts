import { type AiRow } from './ai-table.types';

/*
 * Decimal-point AIs. In 31nn–36nn the fourth digit n (0–5) is the number of digits after the implied
 * decimal point of the 6-digit value: (3103)001250 is 1.250 kg. Each family excludes its siblings
 * (two net weights in kg with different precision would be contradictory).
 */
const TRADE = '01,02';
const LOGISTIC = '00,01';
const MEASURE_FAMILIES: readonly (readonly [string, string, string])[] = [
  ['310', 'NET WEIGHT (kg)', TRADE],
  ['311', 'LENGTH (m)', TRADE],
  ['312', 'WIDTH (m)', TRADE],
  ['313', 'HEIGHT (m)', TRADE],
  ['314', 'AREA (m²)', TRADE],
  ['315', 'NET VOLUME (l)', TRADE],
  ['316', 'NET VOLUME (m³)', TRADE],
  ['320', 'NET WEIGHT (lb)', TRADE],
  ['321', 'LENGTH (in)', TRADE],
  ['322', 'LENGTH (ft)', TRADE],
  ['323', 'LENGTH (yd)', TRADE],
  ['324', 'WIDTH (in)', TRADE],
  ['325', 'WIDTH (ft)', TRADE],
  ['326', 'WIDTH (yd)', TRADE],
  ['327', 'HEIGHT (in)', TRADE],
  ['328', 'HEIGHT (ft)', TRADE],
  ['329', 'HEIGHT (yd)', TRADE],
  ['330', 'GROSS WEIGHT (kg)', LOGISTIC],
  ['331', 'LENGTH (m), log', LOGISTIC],
  ['332', 'WIDTH (m), log', LOGISTIC],
  ['333', 'HEIGHT (m), log', LOGISTIC],
  ['334', 'AREA (m²), log', LOGISTIC],
  ['335', 'VOLUME (l), log', LOGISTIC],
  ['336', 'VOLUME (m³), log', LOGISTIC],
  ['337', 'KG PER m²', '01'],
  ['340', 'GROSS WEIGHT (lb)', LOGISTIC],
  ['341', 'LENGTH (in), log', LOGISTIC],
  ['342', 'LENGTH (ft), log', LOGISTIC],
  ['343', 'LENGTH (yd), log', LOGISTIC],
  ['344', 'WIDTH (in), log', LOGISTIC],
  ['345', 'WIDTH (ft), log', LOGISTIC],
  ['346', 'WIDTH (yd), log', LOGISTIC],
  ['347', 'HEIGHT (in), log', LOGISTIC],
  ['348', 'HEIGHT (ft), log', LOGISTIC],
  ['349', 'HEIGHT (yd), log', LOGISTIC],
  ['350', 'AREA (in²)', TRADE],
  ['351', 'AREA (ft²)', TRADE],
  ['352', 'AREA (yd²)', TRADE],
  ['353', 'AREA (in²), log', LOGISTIC],
  ['354', 'AREA (ft²), log', LOGISTIC],
  ['355', 'AREA (yd²), log', LOGISTIC],
  ['356', 'NET WEIGHT (t oz)', TRADE],
  ['357', 'NET VOLUME (oz)', TRADE],
  ['360', 'NET VOLUME (qt)', TRADE],
  ['361', 'NET VOLUME (gal.)', TRADE],
  ['362', 'VOLUME (qt), log', LOGISTIC],
  ['363', 'VOLUME (gal.), log', LOGISTIC],
  ['364', 'VOLUME (in³)', TRADE],
  ['365', 'VOLUME (ft³)', TRADE],
  ['366', 'VOLUME (yd³)', TRADE],
  ['367', 'VOLUME (in³), log', LOGISTIC],
  ['368', 'VOLUME (ft³), log', LOGISTIC],
  ['369', 'VOLUME (yd³), log', LOGISTIC],
];

const MEASURES: readonly AiRow[] = MEASURE_FAMILIES.flatMap(([family, title, req]) =>
  [0, 1, 2, 3, 4, 5].map((n): AiRow => ({
    ai: `${family}${n}`,
    title,
    format: 'N6',
    flags: 'PD',
    req,
    ex: `${family}n`,
    decimalPlaces: n,
  })),
);

const PRICED_WITH_MEASURE = '30,31nn,32nn,35nn,36nn';
const DIGITS_0_TO_9 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Amounts and prices (39nn): n is again the implied decimal position, here 0–9 (394n: 0–3, 395n: 0–5). */
const AMOUNTS: readonly AiRow[] = [
  ...DIGITS_0_TO_9.map((n): AiRow => ({
    ai: `390${n}`,
    title: 'AMOUNT',
    format: 'N..15',
    flags: 'D',
    req: '255,8020',
    ex: '390n,391n,394n,8111',
    decimalPlaces: n,
  })),
  ...DIGITS_0_TO_9.map((n): AiRow => ({
    ai: `391${n}`,
    title: 'AMOUNT',
    format: 'N3 N..15',
    flags: 'D',
    req: '8020',
    ex: '391n',
    decimalPlaces: n,
    currencyPrefixed: true,
  })),
  ...DIGITS_0_TO_9.map((n): AiRow => ({
    ai: `392${n}`,
    title: 'PRICE',
    format: 'N..15',
    flags: 'D',
    req: `01 ${PRICED_WITH_MEASURE}`,
    ex: '392n,393n',
    decimalPlaces: n,
  })),
  ...DIGITS_0_TO_9.map((n): AiRow => ({
    ai: `393${n}`,
    title: 'PRICE',
    format: 'N3 N..15',
    flags: 'D',
    req: PRICED_WITH_MEASURE,
    ex: '393n',
    decimalPlaces: n,
    currencyPrefixed: true,
  })),
  ...[0, 1, 2, 3].map((n): AiRow => ({
    ai: `394${n}`,
    title: 'PRCNT OFF',
    format: 'N4',
    flags: 'D',
    req: '255',
    ex: '394n,8111',
    decimalPlaces: n,
  })),
  ...[0, 1, 2, 3, 4, 5].map((n): AiRow => ({
    ai: `395${n}`,
    title: 'PRICE/UoM',
    format: 'N6',
    flags: 'D',
    req: PRICED_WITH_MEASURE,
    ex: '392n,393n,395n,8005',
    decimalPlaces: n,
  })),
];

export const MEASURE_AND_AMOUNT_ROWS: readonly AiRow[] = [...MEASURES, ...AMOUNTS];
