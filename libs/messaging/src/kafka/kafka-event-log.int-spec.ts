import { engineSettings, uniqueName } from '@pharmatrace/testing';
import { silentLogger } from '../messaging.logger';
import { describeEventLogContract } from '../testing/event-log.contract';
import { keyedRecords, Received, waitFor } from '../testing/contract.helpers';
import { KafkaEventLog } from './kafka-event-log.adapter';
import type { KafkaEventLogOptions } from './kafka-event-log.options';

const testOptions = (overrides: Partial<KafkaEventLogOptions> = {}): KafkaEventLogOptions => ({
  brokers: engineSettings().kafkaBrokers,
  clientId: uniqueName('messaging-test'),
  defaultPartitions: 3,
  heartbeatIntervalMs: 500,
  sessionTimeoutMs: 10_000,
  logger: silentLogger,
  ...overrides,
});

describeEventLogContract('Kafka', () =>
  Promise.resolve({
    partitions: 3,
    open: () => Promise.resolve(new KafkaEventLog(testOptions())),
    openUnreachable: () =>
      Promise.resolve({
        log: new KafkaEventLog(
          testOptions({ brokers: ['127.0.0.1:1'], publishTimeoutMs: 2_000, connectionTimeoutMs: 500 }),
        ),
        boundMs: 2_000,
      }),
    dispose: () => Promise.resolve(),
  }),
);

describe('KafkaEventLog specifics', () => {
  const logs: KafkaEventLog[] = [];
  afterEach(async () => {
    await Promise.all(logs.splice(0).map((log) => log.close()));
  });

  it('creates topics with the requested partitions and splits them between group members', async () => {
    const log = new KafkaEventLog(testOptions({ partitionsConsumedConcurrently: 2 }));
    const other = new KafkaEventLog(testOptions());
    logs.push(log, other);
    const topic = uniqueName('split');
    await log.ensureTopics([{ topic, partitions: 4 }]);
    const groupId = uniqueName('g');
    const a = new Received();
    const b = new Received();
    const ca = await log.consume({ groupId, topic, handleBatch: (r) => Promise.resolve(a.add(r)) });
    const cb = await other.consume({ groupId, topic, handleBatch: (r) => Promise.resolve(b.add(r)) });
    // Give the group time to settle on two members before publishing.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await log.publish(topic, keyedRecords(40, 5));
    await waitFor(
      () => new Set([...a.values(), ...b.values()]).size >= 200,
      'the group to handle 200 records',
    );
    const partitionsOf = (r: Received) => new Set(r.records.map((x) => x.partition));
    expect(new Set([...partitionsOf(a), ...partitionsOf(b)])).toEqual(new Set([0, 1, 2, 3]));
    expect(a.count).toBeGreaterThan(0);
    expect(b.count).toBeGreaterThan(0);
    await Promise.all([ca.stop(), cb.stop()]);
  }, 60_000);

  it('publishes through the idempotent producer when asked to', async () => {
    const log = new KafkaEventLog(testOptions({ idempotent: true }));
    logs.push(log);
    const topic = uniqueName('idem');
    await log.ensureTopics([{ topic }]);
    const records = keyedRecords(10, 50);
    await Promise.all([log.publish(topic, records.slice(0, 250)), log.publish(topic, records.slice(250))]);
    const received = new Received();
    const consumer = await log.consume({
      groupId: uniqueName('g'),
      topic,
      handleBatch: (r) => Promise.resolve(received.add(r)),
    });
    await waitFor(() => received.distinct >= 500, '500 records');
    expect(received.count).toBe(500);
    await consumer.stop();
  }, 60_000);

  it('keeps its partition through a handler slower than the session timeout (heartbeats)', async () => {
    const log = new KafkaEventLog(testOptions({ sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000 }));
    logs.push(log);
    const topic = uniqueName('slow');
    await log.ensureTopics([{ topic, partitions: 1 }]);
    await log.publish(topic, [{ key: 'k', value: 'slow' }]);
    let calls = 0;
    let done = 0;
    const consumer = await log.consume({
      groupId: uniqueName('g'),
      topic,
      handleBatch: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 9_000));
        done++;
      },
    });
    await waitFor(() => done >= 1, 'the slow handler', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // Evicted members lose their commit and the record comes again; a live one commits it once.
    expect(calls).toBe(1);
    await consumer.stop();
  }, 60_000);
});
