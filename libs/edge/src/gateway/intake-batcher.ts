import type { EventIntake } from '@pharmatrace/capture';
import { EpcisValidationError } from '@pharmatrace/epcis';
import { MessagingError } from '@pharmatrace/messaging';
import type { RawEpcisEvent } from '../scans/scan-event.mapper';

export interface IntakeItem {
  /** GLN of the device's participant, who captured the event. */
  capturedBy: string;
  captureId: string | undefined;
  event: RawEpcisEvent;
}

export type IntakeOutcome = { accepted: true } | { accepted: false; reason: string };

export interface BatcherOptions {
  /** Most events per intake call. */
  maxBatch: number;
  /** How long a lone event waits for company before it is sent. */
  lingerMs: number;
  /** How many producers (lanes) there are: once each has an event waiting or in flight, send at once. */
  producers: number;
  retry: { initialDelayMs: number; maxDelayMs: number };
  /** Told about every failure that will be retried (for logs and metrics). */
  onTransientFailure?: (error: unknown, attempt: number) => void;
}

/** Thrown to waiting producers when the batcher stops before their event was acknowledged. */
export class BatcherStoppedError extends Error {
  override readonly name = 'BatcherStoppedError';
}

interface Waiting {
  item: IntakeItem;
  resolve: (outcome: IntakeOutcome) => void;
  reject: (error: Error) => void;
}

/**
 * Gathers the events of all lanes into few intake calls (one event-log round trip for many MQTT
 * messages) and tells each lane when its event was acknowledged, so the lane can PUBACK.
 * - The intake refused the batch as invalid EPCIS: each event is retried alone, so one bad scan
 *   costs only its own message.
 * - The event log could not acknowledge: the same events are sent again with backoff, for as long as
 *   it takes (they are deterministic, so a resend that turns out to be a duplicate has the same hash).
 * - Stopped: waiting lanes are rejected and do not acknowledge; the broker redelivers.
 */
export class IntakeBatcher {
  private pending: Waiting[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly abort = new AbortController();

  constructor(
    private readonly intake: EventIntake,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: IntakeItem): Promise<IntakeOutcome> {
    if (this.stopped) return Promise.reject(new BatcherStoppedError('the gateway is stopping'));
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    clearTimeout(this.timer);
    for (const waiting of this.pending.splice(0))
      waiting.reject(new BatcherStoppedError('the gateway is stopping'));
  }

  private schedule(): void {
    const everyoneWaiting = this.pending.length + this.inFlight >= this.options.producers;
    if (everyoneWaiting || this.pending.length >= this.options.maxBatch) {
      this.flush();
    } else {
      this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, this.options.maxBatch);
      for (const group of groupByCapture(batch)) {
        this.inFlight += group.length;
        void this.deliver(group).finally(() => {
          this.inFlight -= group.length;
        });
      }
    }
  }

  private async deliver(group: Waiting[], attempt = 0): Promise<void> {
    const first = group[0];
    if (!first) return;
    const { capturedBy, captureId } = first.item;
    try {
      await this.intake.submit(
        capturedBy,
        group.map((w) => w.item.event),
        captureId === undefined ? {} : { captureId },
      );
      for (const waiting of group) waiting.resolve({ accepted: true });
      return;
    } catch (error) {
      if (error instanceof EpcisValidationError) {
        if (group.length === 1) return first.resolve({ accepted: false, reason: error.message });
        await Promise.all(group.map((waiting) => this.deliver([waiting])));
        return;
      }
      if (error instanceof MessagingError && !error.retriable) {
        for (const waiting of group) waiting.resolve({ accepted: false, reason: error.message });
        return;
      }
      this.options.onTransientFailure?.(error, attempt);
    }
    if (this.stopped) {
      for (const waiting of group) waiting.reject(new BatcherStoppedError('the gateway is stopping'));
      return;
    }
    const { initialDelayMs, maxDelayMs } = this.options.retry;
    await sleep(Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempt, 20)), this.abort.signal);
    return this.deliver(group, attempt + 1);
  }
}

function groupByCapture(batch: Waiting[]): Waiting[][] {
  const groups = new Map<string, Waiting[]>();
  for (const waiting of batch) {
    const key = `${waiting.item.capturedBy}|${waiting.item.captureId ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(waiting);
    else groups.set(key, [waiting]);
  }
  return [...groups.values()];
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
