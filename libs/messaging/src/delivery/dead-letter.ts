import type { ConsumedRecord, PublishRecord } from '../event-log.port';
import { errorMessage } from '../messaging.error';

/** Headers added to a dead-lettered record, next to the record's own headers. */
export const DeadLetterHeader = {
  OriginalTopic: 'dlq.original.topic',
  OriginalPartition: 'dlq.original.partition',
  OriginalOffset: 'dlq.original.offset',
  OriginalTimestamp: 'dlq.original.timestamp',
  GroupId: 'dlq.group.id',
  Error: 'dlq.error',
  Attempts: 'dlq.attempts',
  FailedAt: 'dlq.failed.at',
} as const;

const MAX_ERROR_CHARS = 2_000;

export interface DeadLetter {
  record: ConsumedRecord;
  error: unknown;
  /** Handler calls that included the record, the last one included. */
  attempts: number;
}

export function defaultDeadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** Same key and value, so the record can be replayed onto its topic after the fix. */
export function deadLetterRecord(letter: DeadLetter, groupId: string, now: Date = new Date()): PublishRecord {
  const { record } = letter;
  return {
    key: record.key,
    value: record.value,
    headers: {
      ...record.headers,
      [DeadLetterHeader.OriginalTopic]: record.topic,
      [DeadLetterHeader.OriginalPartition]: String(record.partition),
      [DeadLetterHeader.OriginalOffset]: record.offset,
      [DeadLetterHeader.OriginalTimestamp]: String(record.timestamp),
      [DeadLetterHeader.GroupId]: groupId,
      [DeadLetterHeader.Error]: errorMessage(letter.error).slice(0, MAX_ERROR_CHARS),
      [DeadLetterHeader.Attempts]: String(letter.attempts),
      [DeadLetterHeader.FailedAt]: now.toISOString(),
    },
  };
}
