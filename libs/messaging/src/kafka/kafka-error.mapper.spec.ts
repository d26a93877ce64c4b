import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
} from 'kafkajs';
import { EventLogUnavailableError, MessagingError, MessagingErrorCode } from '../messaging.error';
import { isRebalanceError, kafkaToMessagingError } from './kafka-error.mapper';

function protocolError(type: string, retriable: boolean): KafkaJSProtocolError {
  // kafkajs builds these from its error-code table; the typings only admit a message.
  return new KafkaJSProtocolError({ type, code: 0, retriable, message: type } as unknown as Error);
}

function retriesExceeded(cause: Error): KafkaJSNumberOfRetriesExceeded {
  return new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 2_000 });
}

describe('kafkaToMessagingError', () => {
  it('maps connection failures, also wrapped in exhausted retries, to UNAVAILABLE', () => {
    const refused = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:1');
    for (const error of [refused, retriesExceeded(refused)]) {
      const mapped = kafkaToMessagingError(error, 'publishing', 7);
      expect(mapped).toBeInstanceOf(EventLogUnavailableError);
      expect(mapped).toMatchObject({
        code: MessagingErrorCode.Unavailable,
        retryAfterSeconds: 7,
        cause: error,
      });
    }
  });

  it('maps retriable broker errors to UNAVAILABLE', () => {
    expect(kafkaToMessagingError(protocolError('NOT_ENOUGH_REPLICAS', true), 'x').code).toBe(
      MessagingErrorCode.Unavailable,
    );
  });

  it('recognises unknown topics, invalid topics and oversized records through wrappers', () => {
    const wrapped = retriesExceeded(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true));
    expect(kafkaToMessagingError(wrapped, 'x').code).toBe(MessagingErrorCode.UnknownTopic);
    expect(kafkaToMessagingError(protocolError('INVALID_TOPIC_EXCEPTION', false), 'x').code).toBe(
      MessagingErrorCode.InvalidTopic,
    );
    const aggregate = new KafkaJSAggregateError('failed', [protocolError('MESSAGE_TOO_LARGE', false)]);
    expect(kafkaToMessagingError(aggregate, 'x').code).toBe(MessagingErrorCode.InvalidRecord);
  });

  it('maps everything else to INTERNAL and leaves messaging errors alone', () => {
    expect(kafkaToMessagingError(new KafkaJSNonRetriableError('TOPIC_AUTHORIZATION_FAILED'), 'x').code).toBe(
      MessagingErrorCode.Internal,
    );
    expect(kafkaToMessagingError(new TypeError('bug'), 'x').code).toBe(MessagingErrorCode.Internal);
    const own = new MessagingError(MessagingErrorCode.InvalidRecord, 'mine');
    expect(kafkaToMessagingError(own, 'x')).toBe(own);
  });
});

describe('isRebalanceError', () => {
  it('spots group membership errors, also as causes', () => {
    expect(isRebalanceError(protocolError('REBALANCE_IN_PROGRESS', true))).toBe(true);
    expect(isRebalanceError(retriesExceeded(protocolError('ILLEGAL_GENERATION', true)))).toBe(true);
    expect(isRebalanceError(new KafkaJSConnectionError('closed'))).toBe(false);
  });
});
