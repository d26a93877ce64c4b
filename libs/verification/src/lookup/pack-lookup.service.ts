import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@pharmatrace/runtime';
import type { LookupKey, PackRecord } from './pack-record';
import { PackLookupRepository } from './pack-lookup.repository';

/** Statements in flight at once; requests arriving meanwhile wait and go together in the next one. */
export const LOOKUP_CONCURRENCY = 4;
/** Keys per statement, beyond which waiting requests start a new one (a request is never split). */
export const LOOKUP_BATCH_KEYS = 1000;

interface Waiting {
  readonly keys: readonly LookupKey[];
  resolve(records: PackRecord[]): void;
  reject(error: unknown): void;
}

/**
 * Coalesces concurrent verifications into shared lookup statements. Each request still gets one
 * statement's consistent snapshot taken after it arrived, so nothing is cached and nothing can be
 * stale; under load, N requests cost one planless round trip and one audit commit instead of N.
 * At low load a request waits only for the current event-loop turn to end (setImmediate).
 */
@Injectable()
export class PackLookup {
  private readonly queue: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly repository: PackLookupRepository,
    private readonly metrics: MetricsRegistry,
  ) {}

  find(keys: readonly LookupKey[]): Promise<PackRecord[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return new Promise<PackRecord[]>((resolve, reject) => {
      this.queue.push({ keys, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= LOOKUP_CONCURRENCY) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < LOOKUP_CONCURRENCY && this.queue.length > 0) {
      let take = 0;
      let size = 0;
      for (const next of this.queue) {
        if (take > 0 && size + next.keys.length > LOOKUP_BATCH_KEYS) break;
        take += 1;
        size += next.keys.length;
      }
      const batch = this.queue.splice(0, take);
      this.inFlight += 1;
      void this.run(batch);
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    try {
      const keys = batch.flatMap((waiting) => waiting.keys);
      this.metrics.increment('pharmatrace_verification_lookups_total', 'lookup statements (batches)');
      this.metrics.increment(
        'pharmatrace_verification_lookup_keys_total',
        'packs looked up',
        {},
        keys.length,
      );
      const records = await this.repository.find(keys);
      let offset = 0;
      for (const waiting of batch) {
        waiting.resolve(records.slice(offset, offset + waiting.keys.length));
        offset += waiting.keys.length;
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      this.inFlight -= 1;
      this.drain();
    }
  }
}
