import type { ConsumeOptions, Consumer, EventLog, PublishRecord, TopicSpec } from '@pharmatrace/messaging';

/**
 * Prefixes every topic and consumer group, so several platforms (integration tests running side by
 * side, staging next to demo) can share one Kafka cluster without reading each other's records.
 */
export class NamespacedEventLog implements EventLog {
  constructor(
    private readonly inner: EventLog,
    private readonly namespace: string,
  ) {}

  private topic(name: string): string {
    return `${this.namespace}.${name}`;
  }

  ensureTopics(specs: TopicSpec[]): Promise<void> {
    return this.inner.ensureTopics(specs.map((spec) => ({ ...spec, topic: this.topic(spec.topic) })));
  }

  publish(topic: string, records: PublishRecord[]): Promise<void> {
    return this.inner.publish(this.topic(topic), records);
  }

  consume(options: ConsumeOptions): Promise<Consumer> {
    return this.inner.consume({
      ...options,
      topic: this.topic(options.topic),
      groupId: this.topic(options.groupId),
      ...(options.deadLetterTopic ? { deadLetterTopic: this.topic(options.deadLetterTopic) } : {}),
      handleBatch: (records) => options.handleBatch(records.map((r) => ({ ...r, topic: options.topic }))),
    });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
