import type { PublishRecord } from './event-log.port';
import { MessagingError, MessagingErrorCode } from './messaging.error';

/** Kafka's legal topic names; the embedded log applies the same rule so topics move between them. */
const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/** Below Kafka's default `max.message.bytes` (1 MiB + 12) with room for the batch framing. */
export const DEFAULT_MAX_RECORD_BYTES = 1_000_000;

export function assertTopicName(topic: unknown): asserts topic is string {
  if (typeof topic !== 'string' || !TOPIC_NAME.test(topic) || topic === '.' || topic === '..') {
    throw new MessagingError(
      MessagingErrorCode.InvalidTopic,
      `topic ${JSON.stringify(topic)} is not a valid name ([a-zA-Z0-9._-], 1 to 249 characters)`,
    );
  }
}

/** UTF-8 size of key, value and headers: what the record costs on the wire, framing aside. */
export function recordBytes(record: PublishRecord): number {
  let bytes = Buffer.byteLength(record.key) + Buffer.byteLength(record.value);
  for (const [name, value] of Object.entries(record.headers ?? {})) {
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value);
  }
  return bytes;
}

/**
 * Checks every record before anything is sent, so a bad record rejects the whole call instead of
 * leaving half of it published. Returns the size of each record.
 */
export function validatePublishRecords(
  records: unknown,
  maxRecordBytes: number = DEFAULT_MAX_RECORD_BYTES,
): number[] {
  if (!Array.isArray(records)) {
    throw new MessagingError(MessagingErrorCode.InvalidRecord, 'records must be an array');
  }
  return records.map((record: unknown, index) => {
    const problem = recordProblem(record);
    if (problem) {
      throw new MessagingError(MessagingErrorCode.InvalidRecord, `record ${index}: ${problem}`);
    }
    const size = recordBytes(record as PublishRecord);
    if (size > maxRecordBytes) {
      throw new MessagingError(
        MessagingErrorCode.InvalidRecord,
        `record ${index}: ${size} bytes exceeds the limit of ${maxRecordBytes}`,
      );
    }
    return size;
  });
}

function recordProblem(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return 'not an object';
  const { key, value, headers } = record as Record<string, unknown>;
  if (typeof key !== 'string' || key.length === 0) return 'key must be a non-empty string';
  if (typeof value !== 'string') return 'value must be a string';
  if (headers === undefined) return undefined;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    return 'headers must be an object of strings';
  }
  for (const [name, headerValue] of Object.entries(headers)) {
    if (typeof headerValue !== 'string') return `header ${JSON.stringify(name)} must be a string`;
  }
  return undefined;
}

export interface ChunkLimits {
  maxRecords: number;
  maxBytes: number;
}

/**
 * Splits records, in order, into chunks of at most `maxRecords` records and `maxBytes` bytes (a record
 * larger than `maxBytes` travels alone). Chunks are sent one after the other, so per-key order holds.
 */
export function chunkRecords<T>(records: readonly T[], sizes: readonly number[], limits: ChunkLimits): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  records.forEach((record, index) => {
    const size = sizes[index] ?? 0;
    if (current.length > 0 && (current.length >= limits.maxRecords || bytes + size > limits.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(record);
    bytes += size;
  });
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function assertPositiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new MessagingError(
      MessagingErrorCode.InvalidOptions,
      `${name} must be a positive integer, got ${value}`,
    );
  }
}
