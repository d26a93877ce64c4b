import type { EventLog, PublishRecord } from '@pharmatrace/messaging';
import { openDatabase, type Database } from '@pharmatrace/persistence';
import { enqueueOutbox, OutboxRelay } from './outbox';

/** Records what was published, in order. */
class RecordingLog {
  readonly published: { topic: string; records: PublishRecord[] }[] = [];
  publish(topic: string, records: PublishRecord[]): Promise<void> {
    this.published.push({ topic, records });
    return Promise.resolve();
  }
}

describe('outbox relay', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite' });
  }, 120_000); // PGlite compiles its WebAssembly on start
  afterAll(() => database.close());

  it('publishes in insertion order across id lengths (9 → 10 → 100) and deletes only what went out', async () => {
    const messages = Array.from({ length: 1200 }, (_, i) => ({ topic: 't', key: 'k', value: String(i) }));
    await database.sql.transaction((tx) => enqueueOutbox(tx, messages));
    const log = new RecordingLog();
    const relay = new OutboxRelay(database, log as unknown as EventLog);

    expect(await relay.flush()).toBe(1200);
    const values = log.published.flatMap((batch) => batch.records.map((r) => r.value));
    expect(values).toEqual(messages.map((m) => m.value));
    expect(await database.sql.query('select count(*)::int as n from outbox')).toEqual([{ n: 0 }]);
  });
});
