import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  EpcisErrorCode,
  EpcisValidationError,
  normaliseEvent,
  type CapturedEvent,
  type EpcisEvent,
  type EpcisProblem,
} from '@pharmatrace/epcis';
import { Topics, type EventLog } from '@pharmatrace/messaging';
import { PrefixDirectory } from '@pharmatrace/master-data';
import { CLOCK, EVENT_LOG, MetricsRegistry, type Clock } from '@pharmatrace/runtime';
import { EventIntake, type IntakeOptions } from './event-intake.service';

/**
 * Publishes canonical events to the event log as CapturedEvents.
 *
 * Records are keyed by the capturing participant's GLN, so every event one participant reports stays
 * in the order it was reported (commission → pack → ship must not overtake each other); see ADR 6.
 */
@Injectable()
export class LoggedEventIntake extends EventIntake {
  constructor(
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly prefixes: PrefixDirectory,
    private readonly metrics: MetricsRegistry,
  ) {
    super();
  }

  async submit(
    capturedBy: string,
    rawEvents: readonly unknown[],
    options: IntakeOptions = {},
  ): Promise<EpcisEvent[]> {
    const recordTime = this.clock.now().toISOString();
    const prefixTable = await this.prefixes.table();
    const events: EpcisEvent[] = [];
    const problems: EpcisProblem[] = [];
    rawEvents.forEach((raw, index) => {
      try {
        events.push(normaliseEvent(raw, { prefixTable, recordTime }));
      } catch (error) {
        if (!(error instanceof EpcisValidationError)) throw error;
        const at = rawEvents.length > 1 ? `/${index}` : '';
        problems.push(...error.problems.map((p) => ({ ...p, pointer: `${at}${p.pointer}` })));
      }
    });
    if (problems.length > 0) throw new EpcisValidationError(EpcisErrorCode.InvalidEvent, problems);
    await this.publish(capturedBy, events, options.captureId ?? randomUUID(), recordTime);
    return events;
  }

  /** Publishes already-normalised events; resolves once the log acknowledged every one. */
  async publish(
    capturedBy: string,
    events: readonly EpcisEvent[],
    captureId: string,
    recordTime: string,
  ): Promise<void> {
    if (events.length === 0) return;
    const records = events.map((event) => {
      const captured: CapturedEvent = { event, capturedBy, captureId, recordTime };
      return {
        key: capturedBy,
        value: JSON.stringify(captured),
        headers: { 'event-hash': event.eventHash, 'capture-id': captureId },
      };
    });
    await this.log.publish(Topics.EpcisEvents, records);
    this.metrics.increment(
      'pharmatrace_events_accepted_total',
      'EPCIS events acknowledged by the event log',
      {},
      events.length,
    );
  }
}
