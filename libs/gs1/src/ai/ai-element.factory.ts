import { type AiDefinition } from './ai-table.types';
import { type Gs1Element } from './gs1-element.types';
import { yymmddToIso, yyyymmddToIso } from './gs1-date';

/** "001250" with 3 places → "1.250"; "000125" with 0 → "125". */
export function applyDecimalPlaces(digits: string, places: number): string {
  const whole = places === 0 ? digits : digits.slice(0, digits.length - places);
  const fraction = places === 0 ? '' : digits.slice(digits.length - places).padStart(places, '0');
  let i = 0;
  while (i < whole.length - 1 && whole[i] === '0') i++;
  const integer = whole.length === 0 ? '0' : whole.slice(i);
  return fraction ? `${integer}.${fraction}` : integer;
}

/** Builds the public element for a validated value, adding the derived date/decimal fields. */
export function createElement(def: AiDefinition, value: string, referenceYear: number): Gs1Element {
  if (def.leadingDate === 'YYMMDD') {
    return { ai: def.ai, value, title: def.title, date: yymmddToIso(value, 0, referenceYear) };
  }
  if (def.leadingDate === 'YYYYMMDD') {
    return { ai: def.ai, value, title: def.title, date: yyyymmddToIso(value, 0) };
  }
  if (def.decimalPlaces !== undefined) {
    if (def.currencyPrefixed) {
      return {
        ai: def.ai,
        value,
        title: def.title,
        currency: value.slice(0, 3),
        decimal: applyDecimalPlaces(value.slice(3), def.decimalPlaces),
      };
    }
    return { ai: def.ai, value, title: def.title, decimal: applyDecimalPlaces(value, def.decimalPlaces) };
  }
  return { ai: def.ai, value, title: def.title };
}
