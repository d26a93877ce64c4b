import { EventEmitter } from 'node:events';

/**
 * In-process wake-ups for the embedded log: a publish wakes the consumers of its topic at once
 * instead of at their next poll. Other processes sharing the database are found by polling.
 */
export class LogNotifier {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  subscribe(channel: string, listener: () => void): () => void {
    this.emitter.on(channel, listener);
    return () => this.emitter.off(channel, listener);
  }

  notify(channel: string): void {
    this.emitter.emit(channel);
  }
}

/** Shared by every embedded log of the process, so two adapters over one database wake each other. */
export const processLogNotifier = new LogNotifier();

export const recordsChannel = (topic: string): string => `records:${topic}`;
export const leaseChannel = (groupId: string, topic: string): string => `lease:${groupId}:${topic}`;
