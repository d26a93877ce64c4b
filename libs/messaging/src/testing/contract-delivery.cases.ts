import { uniqueName } from '@pharmatrace/testing';
import { EventLogUnavailableError, MessagingErrorCode } from '../messaging.error';
import { expectOrderedPerKey, keyedRecords, Received, waitFor } from './contract.helpers';
import type { ContractContext } from './contract.context';

/** Delivery: round trip, order, groups, topic and record checks, unreachable log. */
export function describeDeliveryCases(ctx: ContractContext, timeoutMs: number): void {
  const { openLog, newTopic, consume, collector, partitions, openUnreachable, track } = ctx;

  it(
    'round-trips records with their key, value and headers',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const before = Date.now();
      await log.publish(topic, [
        {
          key: 'urn:epc:id:sgtin:0614141.107346.2017',
          value: '{"n":1}',
          headers: { 'content-type': 'application/json' },
        },
        { key: 'urn:epc:id:sscc:0614141.1234567890', value: 'two' },
      ]);
      const received = new Received();
      await consume(log, { groupId: uniqueName('g'), topic, handleBatch: collector(received) });
      await waitFor(() => received.count >= 2, 'two records');
      const first = received.records.find((r) => r.value === '{"n":1}');
      expect(first).toMatchObject({
        topic,
        key: 'urn:epc:id:sgtin:0614141.107346.2017',
        headers: { 'content-type': 'application/json' },
      });
      expect(first?.offset).toMatch(/^\d+$/);
      expect(first?.timestamp).toBeGreaterThanOrEqual(before - 5_000);
      expect(received.records.find((r) => r.value === 'two')?.headers).toEqual({});
    },
    timeoutMs,
  );

  it(
    'keeps per-key order over 2,000 records across 20 keys',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records = keyedRecords(20, 100);
      await log.publish(topic, records.slice(0, 1_200));
      await log.publish(topic, records.slice(1_200));
      const received = new Received();
      await consume(log, {
        groupId: uniqueName('g'),
        topic,
        maxBatchSize: 50,
        handleBatch: collector(received),
      });
      await waitFor(() => received.distinct >= records.length, '2,000 records');
      expectOrderedPerKey(received.records, 20, 100);
    },
    timeoutMs,
  );

  it(
    'delivers every record to each consumer group',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const records = keyedRecords(5, 20);
      await log.publish(topic, records);
      const one = new Received();
      const two = new Received();
      await consume(log, { groupId: uniqueName('custody'), topic, handleBatch: collector(one) });
      await consume(await openLog(), { groupId: uniqueName('ledger'), topic, handleBatch: collector(two) });
      await waitFor(() => one.distinct >= 100 && two.distinct >= 100, 'both groups to see everything');
      expect(one.values()).toEqual(two.values());
    },
    timeoutMs,
  );

  it(
    'shares a topic between the members of one group without losing records',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      const groupId = uniqueName('g');
      const a = new Received();
      const b = new Received();
      await consume(log, { groupId, topic, handleBatch: collector(a) });
      await consume(await openLog(), { groupId, topic, handleBatch: collector(b) });
      const records = keyedRecords(12, 25);
      await log.publish(topic, records);
      const union = () => new Set([...a.values(), ...b.values()]);
      await waitFor(() => union().size >= records.length, 'the group to handle everything');
      expect(union()).toEqual(new Set(records.map((r) => r.value)));
    },
    timeoutMs,
  );

  it(
    'makes ensureTopics idempotent and rejects unknown topics and malformed records',
    async () => {
      const log = await openLog();
      const topic = await newTopic(log);
      await expect(
        log.ensureTopics([{ topic }, { topic, partitions: partitions() }]),
      ).resolves.toBeUndefined();
      await expect(log.publish(uniqueName('missing'), [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
        code: MessagingErrorCode.UnknownTopic,
      });
      await expect(log.publish(topic, [{ key: 'k', value: 42 as unknown as string }])).rejects.toMatchObject({
        code: MessagingErrorCode.InvalidRecord,
      });
      await expect(log.publish('bad topic!', [{ key: 'k', value: 'v' }])).rejects.toMatchObject({
        code: MessagingErrorCode.InvalidTopic,
      });
    },
    timeoutMs,
  );

  it(
    'rejects a publish with UNAVAILABLE within its bound when the log cannot be reached',
    async () => {
      const { log, boundMs } = await openUnreachable();
      track(log);
      const started = Date.now();
      const outcome = await log.publish('epcis.events', [{ key: 'k', value: 'v' }]).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(EventLogUnavailableError);
      expect(outcome).toMatchObject({ code: MessagingErrorCode.Unavailable, retriable: true });
      expect(Date.now() - started).toBeLessThan(boundMs + 1_500);
    },
    timeoutMs,
  );
}
