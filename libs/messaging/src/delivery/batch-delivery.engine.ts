import type { ConsumedRecord, RetryPolicy } from '../event-log.port';
import { errorMessage, isPermanentMessageError } from '../messaging.error';
import type { MessagingLogger } from '../messaging.logger';
import type { DeadLetter } from './dead-letter';
import { abortableSleep, backoffDelay, type Sleep } from './retry-policy';

export interface BatchDeliveryOptions {
  groupId: string;
  topic: string;
  handleBatch: (records: ConsumedRecord[]) => Promise<void>;
  /** Publishes one poison record to the dead-letter topic; a rejection is retried like a handler failure. */
  publishDeadLetter: (letter: DeadLetter) => Promise<void>;
  retry: RetryPolicy;
  logger: MessagingLogger;
  sleep?: Sleep;
}

export interface DeliveryOutcome {
  /**
   * How many leading records are done (handled or dead-lettered): the consumer may commit up to the
   * last of them. Less than the batch only when `signal` aborted the delivery.
   */
  completed: number;
}

/**
 * The retry and dead-letter rules, shared by every adapter: a transient failure retries the same
 * batch with capped exponential backoff until it succeeds or the consumer stops (nothing is skipped);
 * a `PermanentMessageError` splits the batch into single records so that only the poison ones go to
 * the dead-letter topic and their neighbours are still handled, in order.
 */
export class BatchDeliveryEngine {
  private readonly sleep: Sleep;

  constructor(private readonly options: BatchDeliveryOptions) {
    this.sleep = options.sleep ?? abortableSleep;
  }

  async deliver(records: ConsumedRecord[], signal: AbortSignal): Promise<DeliveryOutcome> {
    if (records.length === 0) return { completed: 0 };
    let failures = 0;
    while (!signal.aborted) {
      try {
        await this.options.handleBatch(records);
        return { completed: records.length };
      } catch (error) {
        if (isPermanentMessageError(error)) {
          const attempts = failures + 1;
          const [only] = records;
          if (records.length === 1 && only) {
            return { completed: (await this.deadLetter({ record: only, error, attempts }, signal)) ? 1 : 0 };
          }
          return this.deliverOneByOne(records, signal, attempts);
        }
        failures++;
        await this.backOff(records, error, failures, signal);
      }
    }
    return { completed: 0 };
  }

  private async deliverOneByOne(
    records: ConsumedRecord[],
    signal: AbortSignal,
    priorAttempts: number,
  ): Promise<DeliveryOutcome> {
    this.log('info', 'batch rejected as poison: retrying record by record', records, {
      size: records.length,
    });
    for (const [index, record] of records.entries()) {
      if (!(await this.deliverSingle(record, signal, priorAttempts))) return { completed: index };
    }
    return { completed: records.length };
  }

  private async deliverSingle(
    record: ConsumedRecord,
    signal: AbortSignal,
    priorAttempts: number,
  ): Promise<boolean> {
    let attempts = priorAttempts;
    let failures = 0;
    while (!signal.aborted) {
      attempts++;
      try {
        await this.options.handleBatch([record]);
        return true;
      } catch (error) {
        if (isPermanentMessageError(error)) return this.deadLetter({ record, error, attempts }, signal);
        failures++;
        await this.backOff([record], error, failures, signal);
      }
    }
    return false;
  }

  /** Tries at least once, even when stopping: the handler's verdict is already in. */
  private async deadLetter(letter: DeadLetter, signal: AbortSignal): Promise<boolean> {
    let failures = 0;
    do {
      try {
        await this.options.publishDeadLetter(letter);
        this.log('error', 'poison record sent to the dead-letter topic', [letter.record], {
          error: errorMessage(letter.error),
          attempts: letter.attempts,
        });
        return true;
      } catch (error) {
        failures++;
        this.log('warn', 'dead-letter publish failed, retrying', [letter.record], {
          error: errorMessage(error),
          failures,
        });
        await this.sleep(backoffDelay(this.options.retry, failures), signal);
      }
    } while (!signal.aborted);
    return false;
  }

  private async backOff(records: ConsumedRecord[], error: unknown, failures: number, signal: AbortSignal) {
    const delayMs = backoffDelay(this.options.retry, failures);
    this.log('warn', 'handler failed, retrying the same records', records, {
      error: errorMessage(error),
      failures,
      delayMs,
    });
    await this.sleep(delayMs, signal);
  }

  private log(
    level: 'info' | 'warn' | 'error',
    message: string,
    records: ConsumedRecord[],
    extra: Record<string, unknown>,
  ): void {
    const first = records[0];
    const last = records[records.length - 1];
    this.options.logger(level, message, {
      groupId: this.options.groupId,
      topic: this.options.topic,
      partition: first?.partition,
      offsets: first && last ? `${first.offset}..${last.offset}` : undefined,
      ...extra,
    });
  }
}
