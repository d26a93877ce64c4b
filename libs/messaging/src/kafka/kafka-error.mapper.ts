import {
  EventLogUnavailableError,
  MessagingError,
  MessagingErrorCode,
  errorMessage,
} from '../messaging.error';

interface KafkaLikeError {
  name?: unknown;
  type?: unknown;
  retriable?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Client errors that mean "the cluster cannot be reached or did not answer in time". */
const UNREACHABLE = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
]);

const INVALID_RECORD = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
]);

/** The error, its causes and (for aggregate errors) its parts, outermost first. */
function errorChain(error: unknown, depth = 0): KafkaLikeError[] {
  if (typeof error !== 'object' || error === null || depth > 8) return [];
  const node = error as KafkaLikeError;
  const parts = Array.isArray(node.errors) ? node.errors.flatMap((e) => errorChain(e, depth + 1)) : [];
  return [node, ...errorChain(node.cause, depth + 1), ...parts];
}

/** Maps a kafkajs failure to the messaging error a caller can act on. */
export function kafkaToMessagingError(
  error: unknown,
  action: string,
  retryAfterSeconds?: number,
): MessagingError {
  if (error instanceof MessagingError) return error;
  const chain = errorChain(error);
  const types = new Set(chain.map((e) => e.type).filter((t): t is string => typeof t === 'string'));
  const message = `${action}: ${errorMessage(error)}`;
  if (types.has('UNKNOWN_TOPIC_OR_PARTITION')) {
    return new MessagingError(MessagingErrorCode.UnknownTopic, message, { cause: error });
  }
  if (types.has('INVALID_TOPIC_EXCEPTION')) {
    return new MessagingError(MessagingErrorCode.InvalidTopic, message, { cause: error });
  }
  if ([...types].some((t) => INVALID_RECORD.has(t))) {
    return new MessagingError(MessagingErrorCode.InvalidRecord, message, { cause: error });
  }
  const unreachable = chain.some(
    (e) => (typeof e.name === 'string' && UNREACHABLE.has(e.name)) || e.retriable === true,
  );
  if (unreachable) return new EventLogUnavailableError(message, retryAfterSeconds, { cause: error });
  return new MessagingError(MessagingErrorCode.Internal, message, { cause: error });
}

/** Group membership errors: the partition may already belong to another member. */
export function isRebalanceError(error: unknown): boolean {
  return errorChain(error).some(
    (e) =>
      e.type === 'REBALANCE_IN_PROGRESS' ||
      e.type === 'ILLEGAL_GENERATION' ||
      e.type === 'UNKNOWN_MEMBER_ID' ||
      e.type === 'NOT_COORDINATOR_FOR_GROUP' ||
      e.type === 'FENCED_INSTANCE_ID',
  );
}

/** Metadata answers for a topic created a moment ago, until the cluster has caught up (KRaft). */
export function isTopicSettlingError(error: unknown): boolean {
  return errorChain(error).some(
    (e) => e.type === 'UNKNOWN_TOPIC_OR_PARTITION' || e.type === 'LEADER_NOT_AVAILABLE',
  );
}
