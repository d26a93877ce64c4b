/**
 * The ledger library's error type, with a code the callers switch on:
 * UNAVAILABLE → retry later (the consumer retries the batch; receipts make it safe),
 * CONFIGURATION → a deployment bug (missing or unreadable FABRIC_* settings, key file),
 * INTERNAL → anything else the ledger answered that the client does not understand.
 */
export enum LedgerErrorCode {
  Unavailable = 'UNAVAILABLE',
  Configuration = 'CONFIGURATION',
  Internal = 'INTERNAL',
}

export class LedgerError extends Error {
  override readonly name: string = 'LedgerError';

  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }

  get retriable(): boolean {
    switch (this.code) {
      case LedgerErrorCode.Unavailable:
        return true;
      case LedgerErrorCode.Configuration:
      case LedgerErrorCode.Internal:
        return false;
    }
  }
}

/** The ledger did not answer, or not in time. Nothing is known about the transaction. */
export class LedgerUnavailableError extends LedgerError {
  override readonly name = 'LedgerUnavailableError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(LedgerErrorCode.Unavailable, message, options);
  }
}
