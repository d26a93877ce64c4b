import { uniqueName } from '@pharmatrace/testing';
import type { ConsumedRecord, ConsumeOptions, Consumer, EventLog } from '../event-log.port';
import type { ContractContext } from './contract.context';
import { describeDeliveryCases } from './contract-delivery.cases';
import { describeRecoveryCases } from './contract-recovery.cases';
import type { Received } from './contract.helpers';

/** What a contract run needs from the engine under test. */
export interface EventLogHarness {
  /** A new log on the engine (the suite closes it). Several may be open at once on one engine. */
  open(): Promise<EventLog>;
  /** A log whose engine cannot be reached, and the bound its publish promises. */
  openUnreachable(): Promise<{ log: EventLog; boundMs: number }>;
  /** Partitions of the topics the suite creates. */
  partitions: number;
  dispose(): Promise<void>;
}

const FAST_RETRY = { initialDelayMs: 10, maxDelayMs: 100 };

/**
 * The behaviour every EventLog adapter promises (see event-log.port.ts), run against each adapter
 * on its real engine.
 */
export function describeEventLogContract(
  name: string,
  createHarness: () => Promise<EventLogHarness>,
  timeoutMs = 60_000,
) {
  describe(`EventLog contract: ${name}`, () => {
    let harness: EventLogHarness;
    let opened: EventLog[] = [];
    let consumers: Consumer[] = [];

    beforeAll(async () => {
      harness = await createHarness();
    }, timeoutMs);
    afterAll(() => harness?.dispose(), timeoutMs);
    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await Promise.all(opened.map((log) => log.close()));
      consumers = [];
      opened = [];
    }, timeoutMs);

    async function openLog(): Promise<EventLog> {
      const log = await harness.open();
      opened.push(log);
      return log;
    }

    async function newTopic(log: EventLog, prefix = 'contract'): Promise<string> {
      const topic = uniqueName(prefix);
      await log.ensureTopics([{ topic, partitions: harness.partitions }]);
      return topic;
    }

    async function consume(log: EventLog, options: ConsumeOptions): Promise<Consumer> {
      const consumer = await log.consume({ retry: FAST_RETRY, ...options });
      consumers.push(consumer);
      return consumer;
    }

    function collector(received: Received) {
      return (records: ConsumedRecord[]) => {
        received.add(records);
        return Promise.resolve();
      };
    }

    const ctx: ContractContext = {
      openLog,
      newTopic,
      consume,
      collector,
      partitions: () => harness.partitions,
      openUnreachable: () => harness.openUnreachable(),
      track: (log) => void opened.push(log),
    };
    describeDeliveryCases(ctx, timeoutMs);
    describeRecoveryCases(ctx, timeoutMs);
  });
}
