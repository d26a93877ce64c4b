import { MetricsRegistry } from '@pharmatrace/runtime';
import { packRecord } from '../testing/pack-record.factory';
import type { LookupKey, PackRecord } from './pack-record';
import type { PackLookupRepository } from './pack-lookup.repository';
import { LOOKUP_BATCH_KEYS, LOOKUP_CONCURRENCY, PackLookup } from './pack-lookup.service';

/** A repository whose statements the test completes by hand. */
class ManualRepository {
  readonly calls: { keys: readonly LookupKey[]; finish(error?: Error): void }[] = [];

  find(keys: readonly LookupKey[]): Promise<PackRecord[]> {
    return new Promise((resolve, reject) => {
      this.calls.push({
        keys,
        finish: (error) =>
          error ? reject(error) : resolve(keys.map((k) => ({ ...packRecord(null), serial: k.serial }))),
      });
    });
  }
}

const keys = (prefix: string, n: number): LookupKey[] =>
  Array.from({ length: n }, (_, i) => ({
    gtin: '1',
    serial: `${prefix}${i}`,
    reader: 'r',
    channel: 'verify',
  }));
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('pack lookup coalescing', () => {
  it('sends requests of one event-loop turn as one statement and answers each with its own records', async () => {
    const repository = new ManualRepository();
    const lookup = new PackLookup(repository as unknown as PackLookupRepository, new MetricsRegistry());
    const a = lookup.find(keys('a', 2));
    const b = lookup.find(keys('b', 3));
    await turn();
    expect(repository.calls).toHaveLength(1);
    expect(repository.calls[0]?.keys.map((k) => k.serial)).toEqual(['a0', 'a1', 'b0', 'b1', 'b2']);
    repository.calls[0]?.finish();
    expect((await a).map((r) => r.serial)).toEqual(['a0', 'a1']);
    expect((await b).map((r) => r.serial)).toEqual(['b0', 'b1', 'b2']);
  });

  it('keeps at most LOOKUP_CONCURRENCY statements in flight; the rest wait and go together', async () => {
    const repository = new ManualRepository();
    const lookup = new PackLookup(repository as unknown as PackLookupRepository, new MetricsRegistry());
    const first: Promise<PackRecord[]>[] = [];
    for (let i = 0; i < LOOKUP_CONCURRENCY; i++) {
      first.push(lookup.find(keys(`x${i}-`, 1)));
      await turn();
    }
    expect(repository.calls).toHaveLength(LOOKUP_CONCURRENCY);
    const waiting = [lookup.find(keys('w', 1)), lookup.find(keys('v', 1))];
    await turn();
    expect(repository.calls).toHaveLength(LOOKUP_CONCURRENCY);
    repository.calls[0]?.finish();
    await turn();
    expect(repository.calls).toHaveLength(LOOKUP_CONCURRENCY + 1);
    expect(repository.calls.at(-1)?.keys.map((k) => k.serial)).toEqual(['w0', 'v0']);
    for (const call of repository.calls.slice(1)) call.finish();
    await Promise.all([...first, ...waiting]);
  });

  it('never splits a request, and starts a new statement past LOOKUP_BATCH_KEYS', async () => {
    const repository = new ManualRepository();
    const lookup = new PackLookup(repository as unknown as PackLookupRepository, new MetricsRegistry());
    const big = lookup.find(keys('big', LOOKUP_BATCH_KEYS));
    const small = lookup.find(keys('s', 1));
    await turn();
    expect(repository.calls.map((c) => c.keys.length)).toEqual([LOOKUP_BATCH_KEYS, 1]);
    for (const call of repository.calls) call.finish();
    expect(await big).toHaveLength(LOOKUP_BATCH_KEYS);
    expect(await small).toHaveLength(1);
  });

  it('fails every request of a failed statement, and carries on', async () => {
    const repository = new ManualRepository();
    const lookup = new PackLookup(repository as unknown as PackLookupRepository, new MetricsRegistry());
    const failed = lookup.find(keys('f', 1));
    await turn();
    repository.calls[0]?.finish(new Error('connection lost'));
    await expect(failed).rejects.toThrow('connection lost');
    const next = lookup.find(keys('n', 1));
    await turn();
    repository.calls[1]?.finish();
    expect(await next).toHaveLength(1);
  });
});
