import { Kafka, logLevel } from 'kafkajs';
import { engineSettings } from '../engine-settings';
import { uniqueName } from '../unique-name';

describe('Kafka engine', () => {
  const kafka = new Kafka({
    clientId: 'smoke-test',
    brokers: engineSettings().kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });

  it('creates a topic and round-trips a keyed message', async () => {
    const topic = uniqueName('smoke');
    const admin = kafka.admin();
    await admin.connect();
    try {
      await expect(
        admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
      ).resolves.toBe(true);
    } finally {
      await admin.disconnect();
    }

    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [{ key: 'urn:epc:id:sgtin:0614141.107346.2017', value: 'hello' }],
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('smoke-group') });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<{ key: string; value: string }>((resolve) => {
        void consumer.run({
          eachMessage: ({ message }) => {
            resolve({ key: message.key?.toString() ?? '', value: message.value?.toString() ?? '' });
            return Promise.resolve();
          },
        });
      });
      await expect(received).resolves.toEqual({
        key: 'urn:epc:id:sgtin:0614141.107346.2017',
        value: 'hello',
      });
    } finally {
      await consumer.disconnect();
    }
  });
});
