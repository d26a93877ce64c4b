import type { ConsumeOptions, RetryPolicy } from '../event-log.port';
import { MessagingError, MessagingErrorCode } from '../messaging.error';
import { assertPositiveInteger, assertTopicName } from '../publish-record.validator';
import { defaultDeadLetterTopic } from './dead-letter';
import { DEFAULT_RETRY_POLICY, validateRetryPolicy } from './retry-policy';

export const DEFAULT_MAX_BATCH_SIZE = 100;

export interface ResolvedConsumeOptions {
  groupId: string;
  topic: string;
  handleBatch: ConsumeOptions['handleBatch'];
  maxBatchSize: number;
  retry: RetryPolicy;
  deadLetterTopic: string;
}

/** Defaults and checks shared by both adapters, so a consumer behaves the same on either. */
export function resolveConsumeOptions(options: ConsumeOptions): ResolvedConsumeOptions {
  if (typeof options.groupId !== 'string' || options.groupId.trim() === '') {
    throw new MessagingError(MessagingErrorCode.InvalidOptions, 'groupId must be a non-empty string');
  }
  if (typeof options.handleBatch !== 'function') {
    throw new MessagingError(MessagingErrorCode.InvalidOptions, 'handleBatch must be a function');
  }
  assertTopicName(options.topic);
  const deadLetterTopic = options.deadLetterTopic ?? defaultDeadLetterTopic(options.topic);
  assertTopicName(deadLetterTopic);
  if (deadLetterTopic === options.topic) {
    throw new MessagingError(MessagingErrorCode.InvalidOptions, 'deadLetterTopic must differ from topic');
  }
  assertPositiveInteger('maxBatchSize', options.maxBatchSize);
  return {
    groupId: options.groupId,
    topic: options.topic,
    handleBatch: options.handleBatch,
    maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
    retry: validateRetryPolicy(options.retry ?? DEFAULT_RETRY_POLICY),
    deadLetterTopic,
  };
}
