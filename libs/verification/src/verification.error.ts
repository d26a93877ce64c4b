/**
 * Every refusal of the verification module. The HTTP layer maps each code to a status
 * (`verificationHttpStatus`); the values are part of the public contract: add, never rename.
 */
export enum VerificationErrorCode {
  /** A query parameter or body field is missing or malformed. */
  InvalidRequest = 'INVALID_REQUEST',
  /** The scan could not be read as GS1 data (position and reason say where and why). */
  UnreadableScan = 'UNREADABLE_SCAN',
  /** A bulk request named more packs than allowed. */
  TooManyPacks = 'TOO_MANY_PACKS',
  /** The GTIN is not in the product master (LVMS: the GTIN is unknown to this responder). */
  UnknownProduct = 'UNKNOWN_PRODUCT',
  /** The serial number was never commissioned for this GTIN. */
  UnknownSerial = 'UNKNOWN_SERIAL',
  /** Only the current custodian may decommission a pack. */
  NotCustodian = 'NOT_CUSTODIAN',
  /** Only the participant that decommissioned a pack may undo it (NMVS_NC_PCK_21). */
  UndoByOtherParticipant = 'UNDO_BY_OTHER_PARTICIPANT',
  /** The premises named are not one of the caller's locations. */
  LocationNotOwned = 'LOCATION_NOT_OWNED',
  /** The pack's record no longer matches its ledger hash: no operation is performed on it. */
  Tampered = 'TAMPERED',
  /** The custody rules refused the operation; the alert they raised says why. */
  OperationRefused = 'OPERATION_REFUSED',
  /** LVMS reqGLN names a party other than the authenticated requester. */
  RequesterMismatch = 'REQUESTER_MISMATCH',
  /** The event log did not acknowledge the operation's event. */
  EventLogUnavailable = 'EVENT_LOG_UNAVAILABLE',
}

export interface VerificationErrorOptions {
  /** The code on the wire when it differs from `code` (an NMVS code such as NMVS_NC_PCK_19). */
  readonly wireCode?: string;
  /** One entry per offending field, as JSON pointers into the request. */
  readonly details?: readonly { pointer: string; reason: string }[];
  /** Extra members of the error body (the verdict, the resulting state, the alerts). */
  readonly body?: Readonly<Record<string, unknown>>;
  readonly retryAfterSeconds?: number;
}

/** The one error type of this module. */
export class VerificationError extends Error {
  override readonly name = 'VerificationError';

  constructor(
    readonly code: VerificationErrorCode,
    message: string,
    readonly options: VerificationErrorOptions = {},
  ) {
    super(message);
  }
}

export function verificationHttpStatus(code: VerificationErrorCode): number {
  switch (code) {
    case VerificationErrorCode.InvalidRequest:
    case VerificationErrorCode.UnreadableScan:
      return 400;
    case VerificationErrorCode.NotCustodian:
    case VerificationErrorCode.UndoByOtherParticipant:
    case VerificationErrorCode.LocationNotOwned:
    case VerificationErrorCode.RequesterMismatch:
      return 403;
    case VerificationErrorCode.UnknownProduct:
    case VerificationErrorCode.UnknownSerial:
      return 404;
    case VerificationErrorCode.Tampered:
    case VerificationErrorCode.OperationRefused:
      return 409;
    case VerificationErrorCode.TooManyPacks:
      return 413;
    case VerificationErrorCode.EventLogUnavailable:
      return 503;
  }
}
