import { Gs1Error, isValidCheckDigit, parseScan } from '@pharmatrace/gs1';
import { VerificationError, VerificationErrorCode } from '../verification.error';

/** What a verifier states about a pack: its identity, and the lot and expiry printed on it. */
export interface PackQuery {
  /** GTIN-14. */
  readonly gtin: string;
  readonly serial: string;
  readonly lot?: string;
  /** YYYY-MM-DD. */
  readonly expiry?: string;
}

/** The names the fields go by in a request (query parameters, LVMS path segments), for messages. */
export interface FieldNames {
  readonly gtin: string;
  readonly serial: string;
  readonly lot: string;
  readonly expiry: string;
}

const DEFAULT_NAMES: FieldNames = { gtin: 'gtin', serial: 'serial', lot: 'lot', expiry: 'expiry' };
/** GS1 AI-82 characters, 1 to 20 of them: serial (AI 21) and lot (AI 10). */
const CSET82_1_20 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Any valid GTIN: carries an AI 17 through the GS1 date rules (century window, DD=00). */
const PROBE_GTIN = '09506000134352';
const MAX_SCAN_LENGTH = 2048;

type Problem = { pointer: string; reason: string };

/**
 * Reads `gtin`, `serial`, `lot` and `expiry` (YYMMDD as on the pack, or YYYY-MM-DD) and reports
 * every problem at once. `referenceYear` resolves the century of a two-digit year.
 */
export function packQueryFromFields(
  fields: Record<string, unknown>,
  referenceYear: number,
  names: FieldNames = DEFAULT_NAMES,
): PackQuery {
  const problems: Problem[] = [];
  const gtin = readGtin(fields['gtin'], names.gtin, problems);
  const serial = readText(fields['serial'], names.serial, true, problems);
  const lot = readText(fields['lot'], names.lot, false, problems);
  const expiry = readExpiry(fields['expiry'], names.expiry, referenceYear, problems);
  if (problems.length > 0 || gtin === undefined || serial === undefined) {
    throw new VerificationError(
      VerificationErrorCode.InvalidRequest,
      problems.map((p) => `${p.pointer.slice(1)} ${p.reason}`).join('; '),
      { details: problems },
    );
  }
  return {
    gtin,
    serial,
    ...(lot !== undefined && { lot }),
    ...(expiry !== undefined && { expiry }),
  };
}

/**
 * Reads raw DataMatrix content (with or without the AIM identifier `]d2` and GS separators) or a GS1
 * Digital Link. An unreadable scan says where and why: the 0-based position in the scan and the reason.
 */
export function packQueryFromScan(scan: unknown, referenceYear: number, pointer = '/scan'): PackQuery {
  if (typeof scan !== 'string' || scan.trim().length === 0) {
    throw unreadable(pointer, 'scan is required: the raw barcode content or a GS1 Digital Link', 0);
  }
  if (scan.length > MAX_SCAN_LENGTH) {
    throw unreadable(pointer, `a scan is at most ${MAX_SCAN_LENGTH} characters`, MAX_SCAN_LENGTH);
  }
  let result;
  try {
    result = parseScan(scan, { prefixTable: null, digitalLinkHost: null, referenceYear });
  } catch (error) {
    if (error instanceof Gs1Error) throw unreadable(pointer, error.reason, error.position, error.code);
    throw error;
  }
  if (result.gtin === undefined) {
    const what = result.sscc !== undefined ? 'an SSCC (a logistic unit), not a pack' : 'no GTIN (AI 01)';
    throw unreadable(pointer, `the scan carries ${what}: scan the pack's DataMatrix`, 0);
  }
  if (result.serial === undefined) {
    throw unreadable(pointer, 'the scan has no serial number (AI 21): a pack carries 01, 17, 10 and 21', 0);
  }
  return {
    gtin: result.gtin,
    serial: result.serial,
    ...(result.lot !== undefined && { lot: result.lot }),
    ...(result.expiry !== undefined && { expiry: result.expiry }),
  };
}

/**
 * A request body naming a pack: `{ "scan": "…" }`, or `{ "gtin", "serial", "lot"?, "expiry"? }`.
 * `pointer` locates the body in the request (`/packs/3` for an entry of a bulk request).
 */
export function packQueryFromBody(body: unknown, referenceYear: number, pointer = ''): PackQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new VerificationError(
      VerificationErrorCode.InvalidRequest,
      `${pointer || 'the body'} must be an object: { "scan": "…" } or { "gtin", "serial", "lot", "expiry" }`,
      { details: [{ pointer: pointer || '/', reason: 'must be an object' }] },
    );
  }
  const fields = body as Record<string, unknown>;
  if (fields['scan'] !== undefined)
    return packQueryFromScan(fields['scan'], referenceYear, `${pointer}/scan`);
  const prefix = pointer.length > 0 ? `${pointer.slice(1)}/` : '';
  return packQueryFromFields(fields, referenceYear, {
    gtin: `${prefix}gtin`,
    serial: `${prefix}serial`,
    lot: `${prefix}lot`,
    expiry: `${prefix}expiry`,
  });
}

function unreadable(pointer: string, reason: string, position: number, gs1Code?: string): VerificationError {
  return new VerificationError(
    VerificationErrorCode.UnreadableScan,
    `unreadable scan at position ${position}: ${reason}`,
    {
      details: [{ pointer, reason: `position ${position}: ${reason}` }],
      body: { position, reason, ...(gs1Code !== undefined && { gs1Code }) },
    },
  );
}

function readGtin(value: unknown, name: string, problems: Problem[]): string | undefined {
  if (typeof value !== 'string' || !/^(\d{8}|\d{12,14})$/.test(value)) {
    problems.push({ pointer: `/${name}`, reason: 'must be a GTIN of 8, 12, 13 or 14 digits' });
    return undefined;
  }
  const gtin = value.padStart(14, '0');
  if (!isValidCheckDigit(gtin)) {
    problems.push({ pointer: `/${name}`, reason: `check digit of ${value} is wrong` });
    return undefined;
  }
  return gtin;
}

function readText(value: unknown, name: string, required: boolean, problems: Problem[]) {
  if (value === undefined || value === '') {
    if (required) problems.push({ pointer: `/${name}`, reason: 'is required' });
    return undefined;
  }
  if (typeof value !== 'string' || !CSET82_1_20.test(value)) {
    problems.push({ pointer: `/${name}`, reason: 'must be 1 to 20 GS1 AI-82 characters' });
    return undefined;
  }
  return value;
}

function readExpiry(value: unknown, name: string, referenceYear: number, problems: Problem[]) {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && /^\d{6}$/.test(value)) {
    try {
      const probe = `01${PROBE_GTIN}17${value}`;
      return parseScan(probe, { prefixTable: null, digitalLinkHost: null, referenceYear }).expiry;
    } catch (error) {
      if (!(error instanceof Gs1Error)) throw error;
      problems.push({ pointer: `/${name}`, reason: error.reason });
      return undefined;
    }
  }
  const iso = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (iso && isRealDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return value as string;
  problems.push({
    pointer: `/${name}`,
    reason: 'must be a date: YYMMDD as printed on the pack, or YYYY-MM-DD',
  });
  return undefined;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
