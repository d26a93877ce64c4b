import { Gs1Error, Gs1ErrorCode } from '../errors/gs1.error';

/*
 * The GS1 modulo-10 check digit shared by GTIN-8/12/13/14, SSCC, GLN, GSRN, GDTI, GRAI, GSIN...:
 * weights 3,1,3,1... from the rightmost data digit, check = (10 - sum mod 10) mod 10.
 */
function weightedSum(digits: string, start: number, end: number): number {
  let sum = 0;
  let weight = 3;
  for (let i = end - 1; i >= start; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return sum;
}

/** Check digit of text[start, end) — the caller has already verified those are digits. */
export function checkDigitOf(digits: string, start = 0, end = digits.length): number {
  return (10 - (weightedSum(digits, start, end) % 10)) % 10;
}

/** True when text[start, end) is all digits and its last digit is the correct check digit. */
export function hasValidCheckDigit(digits: string, start = 0, end = digits.length): boolean {
  if (end - start < 2) return false;
  return checkDigitOf(digits, start, end - 1) === digits.charCodeAt(end - 1) - 48;
}

function assertDigits(digits: string, minLength: number): void {
  if (digits.length < minLength) {
    throw new Gs1Error(
      Gs1ErrorCode.InvalidArgument,
      0,
      `expected at least ${minLength} digits, got '${digits}'`,
    );
  }
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    if (code < 48 || code > 57) {
      throw new Gs1Error(Gs1ErrorCode.InvalidCharacter, i, `'${digits[i] ?? ''}' is not a digit`);
    }
  }
}

/** The GS1 check digit for a key without its check digit, e.g. "0950600013435" → "2". */
export function computeCheckDigit(digitsWithoutCheck: string): string {
  assertDigits(digitsWithoutCheck, 1);
  return String(checkDigitOf(digitsWithoutCheck));
}

/** True when a complete GS1 key (GTIN, SSCC, GLN, GSRN...) ends with its correct check digit. */
export function isValidCheckDigit(key: string): boolean {
  if (key.length < 2) return false;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return hasValidCheckDigit(key);
}
