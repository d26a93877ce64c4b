/**
 * The ledger record: what the custody processor publishes on `ledger.records` and what the chaincode
 * anchors. One record per changed pack, container or lot; it carries hashes and custody facts, never
 * event payloads or patient data. This file is the one definition of the wire format: the chaincode
 * validates with it and `@pharmatrace/ledger` re-exports it.
 */

export const RECORD_KINDS = ['pack', 'container', 'lot'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/**
 * Operations a record may name: the custody processor's event operations, and the lot commands
 * (both their short names and the command types the recall service writes).
 */
export const RECORD_OPERATIONS = [
  'commission',
  'aggregate',
  'disaggregate',
  'ship',
  'void_shipping',
  'receive',
  'decommission',
  'undo',
  'observe',
  'correction',
  'recall',
  'recall_lot',
  'lift_recall',
  'withdraw',
  'withdraw_product',
  'reinstate',
  'reinstate_product',
] as const;
export type RecordOperation = (typeof RECORD_OPERATIONS)[number];

export interface LedgerRecord {
  /** `${eventHash}#${subject}`: unique, the idempotency key on the ledger. */
  readonly recordId: string;
  /** EPC URN (pack or container), or `lot:<gtin14>|<lot>` for a lot status. */
  readonly subject: string;
  readonly kind: RecordKind;
  readonly operation: RecordOperation;
  /** Pack status after the event (active, in_transit, dispensed, …) or lot status (active|recalled). */
  readonly status: string;
  readonly ownerGln: string;
  readonly custodianGln?: string;
  readonly ownerMsp: string;
  readonly custodianMsp?: string;
  /** Who reported the event: its organisation must submit the record. */
  readonly submitterGln: string;
  readonly submitterMsp: string;
  /** Ship only: where the pack goes (the organisation that may receive it). */
  readonly destinationGln?: string;
  readonly destinationMsp?: string;
  readonly gtin?: string;
  readonly lot?: string;
  /** sha256 hex of canonicalJson(off-chain state): what tamper checks compare. */
  readonly stateHash: string;
  readonly eventHash: string;
  readonly eventId: string;
  readonly eventTime: string;
  /** The off-chain state's version. */
  readonly version: number;
}

export class LedgerRecordError extends Error {
  override readonly name = 'LedgerRecordError';

  constructor(readonly problems: readonly string[]) {
    super(`invalid ledger record: ${problems.join('; ')}`);
  }
}

const MAX_ID = 512;
const MSP = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const GLN = /^\d{13}$/;
const GTIN = /^\d{14}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const LOT_SUBJECT = /^lot:(\d{14})\|(.+)$/;
/** ISO 8601 date-time with an offset or Z (EPCIS eventTime). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Raw = Record<string, unknown>;

class Reader {
  readonly problems: string[] = [];

  constructor(private readonly raw: Raw) {}

  text(name: string, pattern?: RegExp, max = MAX_ID): string {
    const value = this.raw[name];
    if (typeof value !== 'string' || value.length === 0) {
      this.problems.push(`${name} must be a non-empty string`);
      return '';
    }
    if (value.length > max) this.problems.push(`${name} is longer than ${max} characters`);
    else if (pattern && !pattern.test(value)) this.problems.push(`${name} "${value}" is malformed`);
    return value;
  }

  optionalText(name: string, pattern?: RegExp): string | undefined {
    const value = this.raw[name];
    return value === undefined || value === null ? undefined : this.text(name, pattern);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T {
    const value = this.raw[name];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')}`);
    return allowed[0] as T;
  }

  positiveInteger(name: string): number {
    const value = this.raw[name];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
    this.problems.push(`${name} must be a positive integer`);
    return 0;
  }
}

/**
 * Validates an untrusted value (parsed JSON) and returns a record with exactly the known fields, in
 * one key order, or throws LedgerRecordError listing every problem.
 */
export function decodeLedgerRecord(value: unknown): LedgerRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new LedgerRecordError(['a record must be a JSON object']);
  }
  const r = new Reader(value as Raw);
  const subject = r.text('subject');
  const recordId = r.text('recordId');
  const kind = r.oneOf('kind', RECORD_KINDS);
  const record: { -readonly [K in keyof LedgerRecord]: LedgerRecord[K] } = {
    recordId,
    subject,
    kind,
    operation: r.oneOf('operation', RECORD_OPERATIONS),
    status: r.text('status', /^[a-z_]{1,32}$/),
    ownerGln: r.text('ownerGln', GLN),
    ownerMsp: r.text('ownerMsp', MSP),
    submitterGln: r.text('submitterGln', GLN),
    submitterMsp: r.text('submitterMsp', MSP),
    stateHash: r.text('stateHash', SHA256_HEX),
    eventHash: r.text('eventHash'),
    eventId: r.text('eventId'),
    eventTime: r.text('eventTime', DATE_TIME, 40),
    version: r.positiveInteger('version'),
  };
  const optional = {
    custodianGln: r.optionalText('custodianGln', GLN),
    custodianMsp: r.optionalText('custodianMsp', MSP),
    destinationGln: r.optionalText('destinationGln', GLN),
    destinationMsp: r.optionalText('destinationMsp', MSP),
    gtin: r.optionalText('gtin', GTIN),
    lot: r.optionalText('lot', undefined),
  };
  for (const [key, member] of Object.entries(optional)) {
    if (member !== undefined) (record as Record<string, unknown>)[key] = member;
  }
  if (recordId && subject && !recordId.endsWith(`#${subject}`)) {
    r.problems.push('recordId must end with "#<subject>"');
  }
  if (kind === 'lot') {
    const match = LOT_SUBJECT.exec(subject);
    if (!match) r.problems.push('a lot subject must be "lot:<gtin14>|<lot>"');
    else if (match[1] !== record.gtin || match[2] !== record.lot) {
      r.problems.push('a lot record must carry the gtin and lot of its subject');
    }
  } else if (!subject.startsWith('urn:epc:id:')) {
    r.problems.push('a pack or container subject must be an EPC URN');
  }
  if (kind === 'pack' && (record.gtin === undefined || record.lot === undefined)) {
    r.problems.push('a pack record must carry its gtin and lot');
  }
  if (r.problems.length > 0) throw new LedgerRecordError(r.problems);
  return record;
}

/** Parses and validates one record from its JSON text. */
export function parseLedgerRecord(json: string): LedgerRecord {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new LedgerRecordError(['not JSON']);
  }
  return decodeLedgerRecord(value);
}

/** The subject of a lot's status record. */
export function lotSubject(gtin: string, lot: string): string {
  return `lot:${gtin}|${lot}`;
}
