import type { Database } from '@pharmatrace/persistence';
import { AppliedEventWaiter } from './applied-event.waiter';

/** A database whose processed_events holds what the test puts in `applied`. */
function fakeDatabase(applied: Map<string, string>) {
  const queries: unknown[][] = [];
  const database = {
    sql: {
      query: (_sql: string, params: unknown[]) => {
        queries.push(params);
        const keys = params[1] as string[];
        return Promise.resolve(
          keys.filter((k) => applied.has(k)).map((k) => ({ event_hash: k, event_id: applied.get(k) })),
        );
      },
    },
  } as unknown as Database;
  return { database, queries };
}

describe('applied-event waiter', () => {
  it('resolves with the applied eventID once the mark appears, polling for all waiters at once', async () => {
    const applied = new Map<string, string>();
    const { database, queries } = fakeDatabase(applied);
    const waiter = new AppliedEventWaiter(database);
    const a = waiter.waitFor('hash-a', 2_000);
    const b = waiter.waitFor('hash-b', 2_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(queries.at(-1)).toEqual(['custody', ['hash-a', 'hash-b']]);
    applied.set('hash-a', 'event-a');
    applied.set('hash-b', 'event-first'); // an identical earlier event: b was a duplicate
    expect(await a).toBe('event-a');
    expect(await b).toBe('event-first');
    const settled = queries.length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(queries.length).toBe(settled); // nobody waiting, no polling
  });

  it('gives up after the timeout, and at shutdown', async () => {
    const { database } = fakeDatabase(new Map());
    const waiter = new AppliedEventWaiter(database);
    expect(await waiter.waitFor('never', 30)).toBeUndefined();
    const pending = waiter.waitFor('never', 10_000);
    waiter.onApplicationShutdown();
    expect(await pending).toBeUndefined();
    expect(await waiter.waitFor('after', 10_000)).toBeUndefined();
  });

  it('settles at once on an in-process notification', async () => {
    const { database } = fakeDatabase(new Map());
    const waiter = new AppliedEventWaiter(database);
    const pending = waiter.waitFor('hash-n', 10_000);
    waiter.notifyApplied([['hash-n', 'event-n']]);
    expect(await pending).toBe('event-n');
  });
});
