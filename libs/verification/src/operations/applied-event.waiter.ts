import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CUSTODY_CONSUMER } from '@pharmatrace/custody-processing';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

/** How often the processed-event marks are read while someone waits. */
export const APPLIED_POLL_MS = 10;

/** Settled with the eventID of the event applied under the key, or undefined on timeout. */
type Settle = (appliedEventId: string | undefined) => void;

/**
 * Waits until the custody processor has applied an event (its processed-event mark committed, in the
 * same transaction as the state it produced), bounded by a timeout.
 *
 * All waiters share one poll: while anyone waits, one indexed query every APPLIED_POLL_MS asks for
 * all their event keys at once; nobody waiting, no query. The processor may run in another process,
 * so polling the committed mark is the mechanism that always works; `notifyApplied` is the in-process
 * shortcut for a processor in this process to call after its commit (wake-ups are idempotent).
 */
@Injectable()
export class AppliedEventWaiter implements OnApplicationShutdown {
  private readonly logger = new Logger(AppliedEventWaiter.name);
  private readonly waiting = new Map<string, Set<Settle>>();
  private polling = false;
  private stopped = false;

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /**
   * Resolves with the eventID applied under `eventKey` (the event's idempotency key) once the mark is
   * committed, or undefined after `timeoutMs`. The eventID differs from the caller's when an identical
   * event (same hash) was applied before: the caller's was then a duplicate.
   */
  waitFor(eventKey: string, timeoutMs: number): Promise<string | undefined> {
    if (this.stopped) return Promise.resolve(undefined);
    return new Promise<string | undefined>((resolve) => {
      let set = this.waiting.get(eventKey);
      if (!set) {
        set = new Set();
        this.waiting.set(eventKey, set);
      }
      const waiters = set;
      const settle: Settle = (appliedEventId) => {
        clearTimeout(timer);
        waiters.delete(settle);
        if (waiters.size === 0 && this.waiting.get(eventKey) === waiters) this.waiting.delete(eventKey);
        resolve(appliedEventId);
      };
      const timer = setTimeout(() => settle(undefined), timeoutMs);
      waiters.add(settle);
      if (!this.polling) void this.poll();
    });
  }

  /** Settles the waiters of applied events: event key → the eventID applied under it. */
  notifyApplied(applied: Iterable<readonly [eventKey: string, eventId: string]>): void {
    for (const [key, eventId] of applied) {
      const set = this.waiting.get(key);
      if (!set) continue;
      this.waiting.delete(key);
      for (const settle of set) settle(eventId);
    }
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    for (const set of [...this.waiting.values()]) for (const settle of set) settle(undefined);
    this.waiting.clear();
  }

  /** Runs while anyone waits; every waiter has a timeout, so the loop ends. */
  private async poll(): Promise<void> {
    this.polling = true;
    try {
      while (!this.stopped && this.waiting.size > 0) {
        await new Promise((resolve) => setTimeout(resolve, APPLIED_POLL_MS));
        const keys = [...this.waiting.keys()];
        if (keys.length === 0) break;
        try {
          const rows = await this.database.sql.query<{ event_hash: string; event_id: string }>(
            `select event_hash, event_id from processed_events where consumer = $1 and event_hash = any($2::text[])`,
            [CUSTODY_CONSUMER, keys],
          );
          this.notifyApplied(rows.map((row) => [row.event_hash, row.event_id] as const));
        } catch (error) {
          this.logger.warn(`reading processed events failed, retrying: ${(error as Error).message}`);
        }
      }
    } finally {
      this.polling = false;
    }
  }
}
