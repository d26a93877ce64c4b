/**
 * The one error type of the messaging library, with a code the HTTP layer maps to a status:
 * UNAVAILABLE → 503 + Retry-After, INVALID_RECORD / INVALID_TOPIC → 400 (a caller bug),
 * UNKNOWN_TOPIC / INVALID_OPTIONS / INTERNAL → 500 (a deployment or wiring bug).
 */
export enum MessagingErrorCode {
  /** The log did not acknowledge in time or cannot be reached; retrying later may succeed. */
  Unavailable = 'UNAVAILABLE',
  /** A record is malformed (key/value not strings, header not a string, too large). */
  InvalidRecord = 'INVALID_RECORD',
  /** A topic name the log cannot hold (Kafka's rules: `[a-zA-Z0-9._-]{1,249}`). */
  InvalidTopic = 'INVALID_TOPIC',
  /** Publish or consume on a topic nobody created with `ensureTopics`. */
  UnknownTopic = 'UNKNOWN_TOPIC',
  /** Adapter or consumer options that cannot work (negative sizes, empty group id, …). */
  InvalidOptions = 'INVALID_OPTIONS',
  /** Anything else the log reported; not retriable by the caller. */
  Internal = 'INTERNAL',
}

export class MessagingError extends Error {
  override readonly name: string = 'MessagingError';

  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${message}`, options);
  }

  /** True for errors a caller may retry as they are (the log was unreachable or slow). */
  get retriable(): boolean {
    switch (this.code) {
      case MessagingErrorCode.Unavailable:
        return true;
      case MessagingErrorCode.InvalidRecord:
      case MessagingErrorCode.InvalidTopic:
      case MessagingErrorCode.UnknownTopic:
      case MessagingErrorCode.InvalidOptions:
      case MessagingErrorCode.Internal:
        return false;
    }
  }
}

/**
 * The log could not acknowledge a publish within its bound. Nothing is known about the records: some
 * may have been written, so a retry may duplicate them (consumers are idempotent by design).
 */
export class EventLogUnavailableError extends MessagingError {
  override readonly name = 'EventLogUnavailableError';

  constructor(
    message: string,
    /** A hint for the HTTP `Retry-After` header. */
    readonly retryAfterSeconds: number = DEFAULT_RETRY_AFTER_SECONDS,
    options?: { cause?: unknown },
  ) {
    super(MessagingErrorCode.Unavailable, message, options);
  }
}

export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Thrown by a consumer's `handleBatch` for a record that can never succeed (a poison message:
 * unparsable, violates a contract). The consumer retries the batch record by record and sends only
 * the records that throw this to the dead-letter topic. Any other error is treated as transient.
 */
export class PermanentMessageError extends Error {
  override readonly name = 'PermanentMessageError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export function isPermanentMessageError(error: unknown): error is PermanentMessageError {
  return error instanceof PermanentMessageError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
