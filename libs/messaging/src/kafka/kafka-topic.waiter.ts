import type { Admin } from 'kafkajs';
import { EventLogUnavailableError } from '../messaging.error';
import { isTopicSettlingError } from './kafka-error.mapper';

const POLL_MS = 100;

/**
 * Waits until every partition of the new topics has a leader. kafkajs's own `waitForLeaders` gives up
 * on UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker answers for a moment after creating a topic
 * (tulios/kafkajs#815); publishing or subscribing before then fails.
 */
export async function waitForLeaders(admin: Admin, topics: string[], deadline: number): Promise<void> {
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const ready = metadata.every(
        ({ partitions }) => partitions.length > 0 && partitions.every((p) => p.leader >= 0),
      );
      if (ready && metadata.length === topics.length) return;
    } catch (error) {
      if (!isTopicSettlingError(error)) throw error;
    }
    if (Date.now() > deadline) {
      throw new EventLogUnavailableError(`topics ${topics.join(', ')} have no leaders yet`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
