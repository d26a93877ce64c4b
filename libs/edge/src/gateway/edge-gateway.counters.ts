import type { MetricsRegistry } from '@pharmatrace/runtime';
import type { EdgeErrorCode } from '../edge.error';
import type { ReadingVerdict } from '../telemetry/telemetry-event.mapper';

export interface EdgeGatewayStats {
  /** Messages handed to the gateway, redeliveries included. */
  received: number;
  /** Of those, flagged as redelivered by the broker (MQTT DUP). */
  redelivered: number;
  /** Messages whose event the event log acknowledged. */
  accepted: number;
  /** Readings that needed no event. */
  noEvent: number;
  /** Messages reported as unusable (error topic and alert). */
  rejected: number;
  /** Infrastructure failures retried. */
  retries: number;
}

const MESSAGES = 'pharmatrace_edge_messages_total';
const MESSAGES_HELP = 'MQTT device messages handled by the edge gateway, by channel and outcome';

/** The gateway's counters, kept for `stats()` and mirrored into the Prometheus registry. */
export class EdgeGatewayCounters {
  private readonly stats: EdgeGatewayStats = {
    received: 0,
    redelivered: 0,
    accepted: 0,
    noEvent: 0,
    rejected: 0,
    retries: 0,
  };

  constructor(private readonly metrics: MetricsRegistry) {}

  received(redelivered: boolean): void {
    this.stats.received++;
    if (redelivered) this.stats.redelivered++;
  }

  accepted(channel: 'scans' | 'telemetry', verdict: ReadingVerdict | undefined): void {
    this.stats.accepted++;
    this.metrics.increment(MESSAGES, MESSAGES_HELP, { channel, outcome: verdict ?? 'event' });
  }

  noEvent(verdict: ReadingVerdict): void {
    this.stats.noEvent++;
    this.metrics.increment(MESSAGES, MESSAGES_HELP, { channel: 'telemetry', outcome: verdict });
  }

  rejected(code: EdgeErrorCode): void {
    this.stats.rejected++;
    this.metrics.increment(MESSAGES, MESSAGES_HELP, { channel: 'any', outcome: 'rejected', code });
  }

  retried(): void {
    this.stats.retries++;
    this.metrics.increment(
      'pharmatrace_edge_retries_total',
      'Infrastructure failures the edge gateway retried',
    );
  }

  snapshot(): EdgeGatewayStats {
    return { ...this.stats };
  }
}
