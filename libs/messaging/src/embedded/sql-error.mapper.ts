import {
  EventLogUnavailableError,
  MessagingError,
  MessagingErrorCode,
  errorMessage,
} from '../messaging.error';

/** SQLSTATE classes and socket errors that mean "the database is not reachable right now". */
const UNAVAILABLE_CODE =
  /^(08|53|57P0|40001|40P01|55P03|E(CONNREFUSED|CONNRESET|TIMEDOUT|PIPE|HOSTUNREACH|NOTFOUND|AI_AGAIN))/;
/** Messages of clients that were closed (PGlite, pg pool / client): no SQLSTATE to go by. */
const CLOSED_MESSAGE =
  /\b(is closed|was closed|after calling end|connection terminated|not queryable|closed)\b/i;

export function sqlToMessagingError(
  error: unknown,
  action: string,
  retryAfterSeconds?: number,
): MessagingError {
  if (error instanceof MessagingError) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = `${action}: ${errorMessage(error)}`;
  if ((typeof code === 'string' && UNAVAILABLE_CODE.test(code)) || CLOSED_MESSAGE.test(errorMessage(error))) {
    return new EventLogUnavailableError(message, retryAfterSeconds, { cause: error });
  }
  if (code === '42P01') {
    return new MessagingError(
      MessagingErrorCode.Internal,
      `${message} (the event log tables are missing: run EMBEDDED_LOG_SCHEMA_SQL in a migration)`,
      { cause: error },
    );
  }
  return new MessagingError(MessagingErrorCode.Internal, message, { cause: error });
}
