import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';
import { type AiComponent, type AiDefinition, type ContentRule } from './ai-table.types';
import { CHARSET_NAMES, describeChar, findCharOutside } from './charset';
import { checkDigitOf } from './check-digit';
import { dateProblem, fullYear } from './gs1-date';

/**
 * Where a value sits in the caller's input. Values decoded from percent-encoding no longer line up
 * character for character with the input, so those report every problem at the value's start.
 */
export interface ValueLocation {
  readonly base: number;
  readonly exact: boolean;
}

function at(location: ValueLocation, start: number, index: number): number {
  return location.exact ? location.base + (index - start) : location.base;
}

function num(text: string, from: number, length: number): number {
  let n = 0;
  for (let i = from; i < from + length; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** Why a component breaks a content rule, or undefined when it does not. Digits are already checked. */
function ruleProblem(
  rule: ContentRule,
  text: string,
  from: number,
  length: number,
  refYear: number,
): string | undefined {
  switch (rule) {
    case 'checkDigit': {
      const expected = checkDigitOf(text, from, from + length - 1);
      const actual = text.charCodeAt(from + length - 1) - 48;
      return expected === actual ? undefined : `check digit should be ${expected}, got ${actual}`;
    }
    case 'dateYYMMDD0':
    case 'dateYYMMDD':
      return dateProblem(
        fullYear(num(text, from, 2), refYear),
        num(text, from + 2, 2),
        num(text, from + 4, 2),
        rule === 'dateYYMMDD0',
      );
    case 'dateYYYYMMDD':
      return dateProblem(num(text, from, 4), num(text, from + 4, 2), num(text, from + 6, 2), false);
    case 'timeHHMM':
      return num(text, from, 2) > 23
        ? 'hour must be 00-23'
        : num(text, from + 2, 2) > 59
          ? 'minute must be 00-59'
          : undefined;
    case 'hour':
      return num(text, from, 2) > 23 ? 'hour must be 00-23' : undefined;
    case 'minute':
    case 'second':
      return num(text, from, 2) > 59 ? `${rule} must be 00-59` : undefined;
    case 'yesNo':
      return text[from] === '0' || text[from] === '1' ? undefined : 'must be 0 (no) or 1 (yes)';
    case 'hyphen':
      return text[from] === '-' ? undefined : "must be '-' (a negative value)";
    case 'nonZero':
      return num(text, from, length) === 0 ? 'must not be zero' : undefined;
    case 'zero':
      return text[from] === '0' ? undefined : 'must be 0';
    case 'pieceOfTotal': {
      const piece = num(text, from, 2);
      const total = num(text, from + 2, 2);
      return piece === 0 || total === 0 || piece > total
        ? `piece ${piece} of total ${total} is impossible`
        : undefined;
    }
    case 'noZeroPrefix':
      return length > 1 && text[from] === '0' ? 'must not start with 0' : undefined;
    case 'percentEncoded':
      return percentProblem(text, from, length);
    case 'winding':
      return text[from] === '0' || text[from] === '1' || text[from] === '9'
        ? undefined
        : 'winding must be 0, 1 or 9';
    case 'latitude':
      return num(text, from, length) > 1800000000 ? 'latitude out of range' : undefined;
    case 'longitude':
      return num(text, from, length) > 3600000000 ? 'longitude out of range' : undefined;
  }
}

function percentProblem(text: string, from: number, length: number): string | undefined {
  for (let i = from; i < from + length; i++) {
    if (text[i] !== '%') continue;
    const hex = text.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return "'%' must be followed by two hexadecimal digits";
    i += 2;
  }
  return undefined;
}

function codeForRule(rule: ContentRule): Gs1ErrorCode {
  if (rule === 'checkDigit') return Gs1ErrorCode.InvalidCheckDigit;
  if (rule === 'dateYYMMDD' || rule === 'dateYYMMDD0' || rule === 'dateYYYYMMDD')
    return Gs1ErrorCode.InvalidDate;
  return Gs1ErrorCode.InvalidValue;
}

function checkComponent(
  def: AiDefinition,
  c: AiComponent,
  text: string,
  valueStart: number,
  valueEnd: number,
  from: number,
  length: number,
  location: ValueLocation,
  referenceYear: number,
): void {
  const bad = findCharOutside(text, from, from + length, c.charsetBit);
  if (bad >= 0) {
    if (c.charset === 'N') {
      // Numeric fields are short and positional: show the whole value against the expected shape.
      const got = text.slice(valueStart, valueEnd);
      throw new Gs1Error(
        Gs1ErrorCode.InvalidCharacter,
        at(location, valueStart, valueStart),
        `AI ${def.ai} expects ${def.formatHint}, got '${got}'`,
      );
    }
    throw new Gs1Error(
      Gs1ErrorCode.InvalidCharacter,
      at(location, valueStart, bad),
      `AI ${def.ai} value contains '${describeChar(text[bad] ?? '')}', which is not in ${CHARSET_NAMES[c.charset]}`,
    );
  }
  for (const rule of c.rules) {
    const problem = ruleProblem(rule, text, from, length, referenceYear);
    if (problem !== undefined) {
      const position = rule === 'checkDigit' ? from + length - 1 : from;
      throw new Gs1Error(
        codeForRule(rule),
        at(location, valueStart, position),
        `AI ${def.ai} ${rule === 'checkDigit' ? '' : `value '${text.slice(from, from + length)}': `}${problem}`,
      );
    }
  }
}

/**
 * Validates text[start, end) as a complete value of `def`: lengths, character set of each component,
 * then check digits, dates and the other content rules. Throws Gs1Error on the first problem.
 */
export function validateAiValue(
  def: AiDefinition,
  text: string,
  start: number,
  end: number,
  location: ValueLocation,
  referenceYear: number,
): void {
  const length = end - start;
  if (length < def.minLength) {
    throw new Gs1Error(
      Gs1ErrorCode.ValueTooShort,
      at(location, start, start),
      `AI ${def.ai} expects ${def.formatHint}, got '${text.slice(start, end)}'`,
    );
  }
  if (length > def.maxLength) {
    throw new Gs1Error(
      Gs1ErrorCode.ValueTooLong,
      at(location, start, start + def.maxLength),
      `AI ${def.ai} value is longer than ${def.maxLength} characters`,
    );
  }
  let from = start;
  for (const c of def.components) {
    if (from >= end && c.optional) break;
    // Only the last component may vary in length, so a fixed one takes exactly c.max characters.
    const take = c.min === c.max ? c.max : Math.min(end - from, c.max);
    if (from + take > end) {
      throw new Gs1Error(
        Gs1ErrorCode.ValueTooShort,
        at(location, start, from),
        `AI ${def.ai} expects ${def.formatHint}, got '${text.slice(start, end)}'`,
      );
    }
    checkComponent(def, c, text, start, end, from, take, location, referenceYear);
    from += take;
  }
}
