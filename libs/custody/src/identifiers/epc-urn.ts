/**
 * Just enough EPC URN parsing for custody rules: which company prefix owns an identifier, the GTIN and
 * serial of an SGTIN, the GLN of a party or location. Inputs are the canonical URNs the EPCIS library
 * produces; anything else parses to undefined.
 */

export interface SgtinUrn {
  readonly scheme: 'sgtin';
  readonly companyPrefix: string;
  readonly gtin: string;
  /** Serial with URN escapes decoded. */
  readonly serial: string;
}

export interface SsccUrn {
  readonly scheme: 'sscc';
  readonly companyPrefix: string;
  readonly sscc: string;
}

export type SerialisedUrn = SgtinUrn | SsccUrn;

const SGTIN = /^urn:epc:id:sgtin:(\d{6,12})\.(\d{1,7})\.(.{1,80})$/;
const SSCC = /^urn:epc:id:sscc:(\d{6,12})\.(\d{5,11})$/;
const SGLN = /^urn:epc:id:sgln:(\d{6,12})\.(\d{0,6})\.(.*)$/;
const PGLN = /^urn:epc:id:pgln:(\d{6,12})\.(\d{0,6})$/;
const GLN = /^\d{13}$/;

/** The GS1 mod-10 check digit of a digit string (weights 3,1,3,… from the right). */
export function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return String((10 - (sum % 10)) % 10);
}

function decodeSerial(raw: string): string | undefined {
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export function parseSerialisedUrn(urn: string): SerialisedUrn | undefined {
  const sgtin = SGTIN.exec(urn);
  if (sgtin) {
    const [, prefix = '', itemRef = '', rawSerial = ''] = sgtin;
    if (prefix.length + itemRef.length !== 13) return undefined;
    const serial = decodeSerial(rawSerial);
    if (serial === undefined) return undefined;
    const body = itemRef.slice(0, 1) + prefix + itemRef.slice(1);
    return { scheme: 'sgtin', companyPrefix: prefix, gtin: body + gs1CheckDigit(body), serial };
  }
  const sscc = SSCC.exec(urn);
  if (sscc) {
    const [, prefix = '', serialRef = ''] = sscc;
    if (prefix.length + serialRef.length !== 17) return undefined;
    const body = serialRef.slice(0, 1) + prefix + serialRef.slice(1);
    return { scheme: 'sscc', companyPrefix: prefix, sscc: body + gs1CheckDigit(body) };
  }
  return undefined;
}

/** GLN (13 digits) of an SGLN, ignoring the extension: the extension is a spot within the same premises. */
export function locationGln(sgln: string): string | undefined {
  const match = SGLN.exec(sgln);
  if (!match) return undefined;
  const [, prefix = '', locationRef = ''] = match;
  if (prefix.length + locationRef.length !== 12) return undefined;
  return prefix + locationRef + gs1CheckDigit(prefix + locationRef);
}

/** GLN of a PGLN URN, or the value itself when it already is a 13-digit GLN. */
export function partyGln(value: string): string | undefined {
  if (GLN.test(value)) return value;
  const match = PGLN.exec(value);
  if (!match) return undefined;
  const [, prefix = '', partyRef = ''] = match;
  if (prefix.length + partyRef.length !== 12) return undefined;
  return prefix + partyRef + gs1CheckDigit(prefix + partyRef);
}

/** Same premises: equal location GLNs, or equal strings when either is not an SGLN; both absent is equal. */
export function sameLocation(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const glnA = locationGln(a);
  const glnB = locationGln(b);
  return glnA !== undefined && glnB !== undefined ? glnA === glnB : a === b;
}

/** SGTIN URN for a GTIN-14 whose company prefix length is known (used by factories and tools). */
export function sgtinUrn(gtin: string, companyPrefixLength: number, serial: string): string {
  const prefix = gtin.slice(1, 1 + companyPrefixLength);
  const itemRef = gtin.slice(0, 1) + gtin.slice(1 + companyPrefixLength, 13);
  return `urn:epc:id:sgtin:${prefix}.${itemRef}.${encodeURIComponent(serial)}`;
}
