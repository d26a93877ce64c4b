import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Participant } from '@pharmatrace/auth';
import { EventIntake } from '@pharmatrace/capture';
import { eventIdempotencyKey, type EpcisEvent } from '@pharmatrace/epcis';
import { EventLogUnavailableError } from '@pharmatrace/messaging';
import { CLOCK, type Clock } from '@pharmatrace/runtime';
import { VerificationError, VerificationErrorCode } from '../verification.error';
import { packQueryFromBody } from '../verify/pack-query';
import { VerificationService } from '../verify/verification.service';
import type { VerificationView } from '../verify/verification.view';
import { AppliedEventWaiter } from './applied-event.waiter';
import { EventAlertsRepository, type OperationAlert } from './event-alerts.repository';
import {
  DECOMMISSION_REASONS,
  operationEvent,
  operationName,
  type DecommissionReason,
  type Operation,
  type OperationKind,
} from './operation-event.factory';
import { operationLocation, precheckOperation } from './operation.precheck';

/** Longest an operation waits for the custody processor before answering 202. */
export const APPLY_TIMEOUT_MS = 5_000;

export interface OperationResult {
  operation: string;
  /** The event that carried the operation. */
  eventId: string;
  /**
   * Set when an identical event (same EPCIS event hash: same pack, operation, place and time) had
   * already been applied: this request was a duplicate, and the outcome shown is that event's.
   */
  duplicateOf?: string;
  /** False when the processor had not applied the event within the timeout (answered 202). */
  applied: boolean;
  /** The pack after the operation. */
  verification?: VerificationView;
  /** Alerts the custody rules raised on this event (non-blocking ones accompany a success). */
  alerts: OperationAlert[];
  message?: string;
}

/**
 * Verify and change state in one step, through the same pipeline as every other event: pre-check,
 * build the EPCIS event, submit it through the event intake (answered once the log acknowledged),
 * wait until the custody processor applied it, then answer with the resulting state and its alerts.
 * A refusal by the custody rules is a 409 carrying the NMVS-style code of the alert that refused it.
 */
@Injectable()
export class OperationService {
  private lastStamp = 0;

  constructor(
    private readonly verification: VerificationService,
    private readonly intake: EventIntake,
    private readonly waiter: AppliedEventWaiter,
    private readonly alerts: EventAlertsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** POST /v1/decommission and its undo: the body names the reason. */
  decommission(caller: Participant, kind: OperationKind, body: unknown): Promise<OperationResult> {
    const reason = (body as { reason?: unknown } | null)?.reason;
    if (!DECOMMISSION_REASONS.includes(reason as DecommissionReason)) {
      throw new VerificationError(
        VerificationErrorCode.InvalidRequest,
        `reason must be one of ${DECOMMISSION_REASONS.join(', ')}`,
        { details: [{ pointer: '/reason', reason: `must be one of ${DECOMMISSION_REASONS.join(', ')}` }] },
      );
    }
    return this.perform(caller, { kind, status: reason as DecommissionReason }, body);
  }

  async perform(caller: Participant, operation: Operation, body: unknown): Promise<OperationResult> {
    const query = packQueryFromBody(body, this.verification.referenceYear());
    const location = operationLocation(caller, (body as { location?: unknown }).location);
    const before = await this.verification.verifyOne(caller, query, 'operation');
    const epc = precheckOperation(operation, caller, before);
    const name = operationName(operation);
    const event = await this.submit(caller, {
      operation,
      epc,
      eventId: `urn:uuid:${randomUUID()}`,
      eventTime: this.stamp(),
      ...(location !== undefined && { location }),
      stated: { lot: query.lot, expiry: query.expiry },
    });
    const appliedId = await this.waiter.waitFor(eventIdempotencyKey(event), APPLY_TIMEOUT_MS);
    if (appliedId === undefined) {
      return {
        operation: name,
        eventId: event.eventID,
        applied: false,
        alerts: [],
        message: `accepted; not applied within ${APPLY_TIMEOUT_MS} ms: verify the pack again to see the outcome`,
      };
    }
    const [after, alerts] = await Promise.all([
      this.verification.verifyOne(caller, query, 'operation'),
      this.alerts.forEvent(event.eventID),
    ]);
    const result = {
      operation: name,
      eventId: event.eventID,
      applied: true,
      verification: after.view,
      alerts,
    };
    // Applied and refused: the state is not the event's, and the rules said why on this pack. (A
    // later event may already have moved the state on after a success; then there is no alert.)
    const refusal = alerts.find((alert) => alert.epc === epc);
    if (after.record.pack?.state.lastEvent.id === event.eventID || !refusal) return result;
    throw new VerificationError(VerificationErrorCode.OperationRefused, refusal.message, {
      wireCode: refusal.nmvsCode ?? refusal.code,
      body: result,
    });
  }

  /**
   * The event time: the clock, nudged past the previous stamp when the clock has not moved (a frozen
   * or coarse clock), so two operations on one pack from this process never share an event hash. A
   * clock set back by a second or more is followed as is.
   */
  private stamp(): string {
    const now = this.clock.now().getTime();
    this.lastStamp = now <= this.lastStamp && this.lastStamp - now < 1000 ? this.lastStamp + 1 : now;
    return new Date(this.lastStamp).toISOString();
  }

  private async submit(
    caller: Participant,
    input: Parameters<typeof operationEvent>[0],
  ): Promise<EpcisEvent> {
    try {
      const [event] = await this.intake.submit(caller.gln, [operationEvent(input)]);
      if (!event) throw new Error('the event intake returned no event');
      return event;
    } catch (error) {
      if (error instanceof EventLogUnavailableError) {
        throw new VerificationError(
          VerificationErrorCode.EventLogUnavailable,
          'the event log did not acknowledge the operation; nothing changed, try again',
          { retryAfterSeconds: error.retryAfterSeconds },
        );
      }
      throw error;
    }
  }
}
