import { uniqueName } from '@pharmatrace/testing';
import type { ConsumedRecord, PublishRecord } from '../event-log.port';
import { DeadLetterHeader } from '../delivery/dead-letter';
import { PermanentMessageError } from '../messaging.error';
import { expectOrderedPerKey, keyedRecords, Received, waitFor } from './contract.helpers';
import type { ContractContext } from './contract.context';

/** Recovery: transient failures, stop and takeover, poison records. */
export function describeRecoveryCases(ctx: ContractContext, timeoutMs: number): void {
  const { openLog, newTopic, consume, collector } = ctx;

  it(
    'redelivers the same records after transient failures and loses nothing',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records = keyedRecords(3, 10);
      await log.publish(topic, records);
      const calls: string[][] = [];
      const handled = new Received();
      let failuresLeft = 2;
      await consume(log, {
        groupId: uniqueName('g'),
        topic,
        handleBatch: (batch) => {
          calls.push(batch.map((r) => `${r.partition}/${r.offset}`));
          if (failuresLeft-- > 0) return Promise.reject(new Error('database briefly unavailable'));
          handled.add(batch);
          return Promise.resolve();
        },
      });
      await waitFor(() => handled.distinct >= records.length, 'all records after the failures');
      expect(calls.length).toBeGreaterThanOrEqual(3);
      expect(calls[1]).toEqual(calls[0]);
      expect(calls[2]).toEqual(calls[0]);
      expect(handled.values()).toEqual(new Set(records.map((r) => r.value)));
    },
    timeoutMs,
  );

  it(
    'commits nothing a failing handler did not finish: the next group member gets it again',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records = keyedRecords(2, 5);
      await log.publish(topic, records);
      const groupId = uniqueName('g');
      let attempts = 0;
      const failing = await consume(log, {
        groupId,
        topic,
        handleBatch: () => {
          attempts++;
          return Promise.reject(new Error('always failing'));
        },
      });
      await waitFor(() => attempts >= 3, 'a few failed attempts');
      await failing.stop();
      const received = new Received();
      await consume(await openLog(), { groupId, topic, handleBatch: collector(received) });
      await waitFor(() => received.distinct >= records.length, 'every record again');
      expect(received.values()).toEqual(new Set(records.map((r) => r.value)));
    },
    timeoutMs,
  );

  it(
    'processes every record at least once when a consumer stops mid-stream and another takes over',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records = keyedRecords(10, 60);
      await log.publish(topic, records);
      const groupId = uniqueName('g');
      const first = new Received();
      const slow = async (batch: ConsumedRecord[], into: Received) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        into.add(batch);
      };
      const a = await consume(log, {
        groupId,
        topic,
        maxBatchSize: 10,
        handleBatch: (b) => slow(b, first),
      });
      await waitFor(() => first.distinct >= 150, 'the first consumer to be mid-stream');
      await a.stop();
      const handledByA = first.distinct;
      expect(handledByA).toBeLessThan(records.length);
      const second = new Received();
      await consume(await openLog(), {
        groupId,
        topic,
        maxBatchSize: 10,
        handleBatch: (b) => slow(b, second),
      });
      const all = () => new Set([...first.values(), ...second.values()]).size;
      await waitFor(() => all() >= records.length, 'the union to cover every record');
      // Committed progress was kept: the second consumer did not start over from the beginning.
      expect(second.distinct).toBeLessThan(records.length);
      expectOrderedPerKey(second.records, 10, 60, { complete: false });
    },
    timeoutMs,
  );

  it(
    'lets stop wait for the batch in flight and commit exactly what was handled',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records = keyedRecords(6, 10);
      await log.publish(topic, records);
      const groupId = uniqueName('g');
      const first = new Received();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let entered = 0;
      const a = await consume(log, {
        groupId,
        topic,
        maxBatchSize: 5,
        handleBatch: async (batch) => {
          entered++;
          await released;
          first.add(batch);
        },
      });
      await waitFor(() => entered > 0, 'the first batch to reach the handler');
      let stopped = false;
      const stopping = a.stop().then(() => (stopped = true));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(entered).toBe(1);
      expect(first.count).toBe(5);
      const second = new Received();
      await consume(await openLog(), { groupId, topic, handleBatch: collector(second) });
      await waitFor(() => second.distinct >= records.length - 5, 'the rest of the records');
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Nothing handled twice, nothing skipped: the in-flight batch was committed, nothing after it.
      // (Compared by position: a publish retried by the client may have stored a value twice.)
      expect([...second.positions()].filter((p) => first.positions().has(p))).toEqual([]);
      expect(new Set([...first.values(), ...second.values()])).toEqual(new Set(records.map((r) => r.value)));
    },
    timeoutMs,
  );

  it(
    'sends only the poison record to the dead-letter topic, with its origin, and handles its neighbours',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records: PublishRecord[] = Array.from({ length: 12 }, (_, i) => ({
        key: `item-${i % 3}`,
        value: i === 7 ? 'poison' : `ok-${i}`,
        headers: { 'trace-id': `t-${i}` },
      }));
      await log.publish(topic, records);
      const handled = new Received();
      await consume(log, {
        groupId: uniqueName('g'),
        topic,
        handleBatch: (batch) => {
          if (batch.some((r) => r.value === 'poison')) {
            return Promise.reject(new PermanentMessageError('unparsable event'));
          }
          handled.add(batch);
          return Promise.resolve();
        },
      });
      const dead = new Received();
      await consume(log, {
        groupId: uniqueName('dlq-reader'),
        topic: `${topic}.dlq`,
        handleBatch: collector(dead),
      });
      await waitFor(
        () => handled.distinct >= 11 && dead.count >= 1,
        'neighbours handled and one dead letter',
      );
      expect(handled.values()).toEqual(
        new Set(records.filter((r) => r.value !== 'poison').map((r) => r.value)),
      );
      // One dead letter per stored copy of the poison record (a retried publish may store two).
      for (const letter of dead.records) {
        expect(letter).toMatchObject({ key: 'item-1', value: 'poison' });
        expect(letter.headers).toMatchObject({
          'trace-id': 't-7',
          [DeadLetterHeader.OriginalTopic]: topic,
          [DeadLetterHeader.Error]: 'unparsable event',
        });
        expect(letter.headers[DeadLetterHeader.OriginalOffset]).toMatch(/^\d+$/);
        expect(letter.headers[DeadLetterHeader.OriginalPartition]).toMatch(/^\d+$/);
        expect(Number(letter.headers[DeadLetterHeader.Attempts])).toBeGreaterThanOrEqual(1);
      }
      const origins = dead.records.map(
        (l) =>
          `${l.headers[DeadLetterHeader.OriginalPartition]}/${l.headers[DeadLetterHeader.OriginalOffset]}`,
      );
      expect(new Set(origins).size).toBe(origins.length);
    },
    timeoutMs,
  );
}
