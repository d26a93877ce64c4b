import type { TopicSpec } from './event-log.port';
import { defaultDeadLetterTopic } from './delivery/dead-letter';

/**
 * The platform's topics. Names are `<context>.<things>`, lower case, dot separated; each has a
 * dead-letter topic `<name>.dlq` for the records its consumers reject as poison.
 */
export const Topics = {
  /**
   * Captured canonical EPCIS events: value = JSON of `CapturedEvent` (@pharmatrace/epcis), key = the
   * capturing participant's GLN. One partition, so custody sees one order across participants
   * (docs/adr/0006-one-ordered-event-stream.md). Written by capture, read by the event store and custody.
   */
  EpcisEvents: 'epcis.events',
  /** Custody alerts raised by the custody processor (key = the item), for notification and console. */
  CustodyAlerts: 'custody.alerts',
  /** Accepted records waiting to be anchored on the ledger by the ledger writer (key = the item). */
  LedgerRecords: 'ledger.records',
} as const;

export type PlatformTopic = (typeof Topics)[keyof typeof Topics];

export const DeadLetterTopics = {
  EpcisEvents: defaultDeadLetterTopic(Topics.EpcisEvents),
  CustodyAlerts: defaultDeadLetterTopic(Topics.CustodyAlerts),
  LedgerRecords: defaultDeadLetterTopic(Topics.LedgerRecords),
} as const;

/** Every platform topic and its dead-letter topic, for `ensureTopics` at boot. */
export function platformTopicSpecs(partitions?: number): TopicSpec[] {
  return [...Object.values(Topics), ...Object.values(DeadLetterTopics)].map((topic) =>
    partitions === undefined ? { topic } : { topic, partitions },
  );
}
