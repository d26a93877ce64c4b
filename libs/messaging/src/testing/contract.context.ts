import type { ConsumedRecord, ConsumeOptions, Consumer, EventLog } from '../event-log.port';
import type { Received } from './contract.helpers';

/** What the contract cases get from the suite: logs, topics and consumers it cleans up after. */
export interface ContractContext {
  openLog(this: void): Promise<EventLog>;
  newTopic(this: void, log: EventLog, prefix?: string): Promise<string>;
  consume(this: void, log: EventLog, options: ConsumeOptions): Promise<Consumer>;
  collector(this: void, received: Received): (records: ConsumedRecord[]) => Promise<void>;
  partitions(this: void): number;
  openUnreachable(this: void): Promise<{ log: EventLog; boundMs: number }>;
  track(this: void, log: EventLog): void;
}
