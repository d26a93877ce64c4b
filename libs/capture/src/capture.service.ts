import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  EpcisProblemKind,
  EpcisValidationError,
  normaliseDocument,
  normaliseDocumentPartial,
  type EpcisEvent,
} from '@pharmatrace/epcis';
import { EventLogUnavailableError } from '@pharmatrace/messaging';
import { PrefixDirectory } from '@pharmatrace/master-data';
import { CLOCK, HttpProblem, type Clock } from '@pharmatrace/runtime';
import {
  CaptureJobRepository,
  type CaptureErrorBehaviour,
  type CaptureProblem,
} from './capture-job.repository';
import { LoggedEventIntake } from './logged-event-intake.service';

export function validationProblem(error: EpcisValidationError): HttpProblem {
  const tooLarge = error.problems.some((p) => p.kind === EpcisProblemKind.Limit);
  return new HttpProblem(
    tooLarge ? 413 : 400,
    tooLarge ? 'CAPTURE_LIMIT_EXCEEDED' : 'EPCIS_VALIDATION',
    error.message,
    error.problems.map((p) => ({ pointer: p.pointer, reason: p.reason })),
  );
}

export function parseErrorBehaviour(header: string | undefined): CaptureErrorBehaviour {
  const value = (header ?? 'rollback').trim().toLowerCase();
  if (value === 'rollback' || value === 'proceed') return value;
  throw HttpProblem.badRequest(
    'BAD_CAPTURE_ERROR_BEHAVIOUR',
    `GS1-Capture-Error-Behaviour must be rollback or proceed, not "${header}"`,
  );
}

/**
 * EPCIS capture: validates the document, records a capture job, publishes the events and answers once
 * the event log acknowledged them. `rollback` accepts all or nothing; `proceed` accepts the valid
 * events and lists the others in the job.
 */
@Injectable()
export class CaptureService {
  constructor(
    private readonly jobs: CaptureJobRepository,
    private readonly intake: LoggedEventIntake,
    private readonly prefixes: PrefixDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async capture(
    capturedBy: string,
    document: unknown,
    behaviour: CaptureErrorBehaviour,
  ): Promise<{ captureId: string; accepted: number }> {
    const recordTime = this.clock.now().toISOString();
    const prefixTable = await this.prefixes.table();
    let events: EpcisEvent[];
    let rejected: CaptureProblem[] = [];
    try {
      if (behaviour === 'rollback') {
        events = normaliseDocument(document, { prefixTable, recordTime }).events;
      } else {
        const partial = normaliseDocumentPartial(document, { prefixTable, recordTime });
        events = partial.document.events;
        rejected = partial.rejected.flatMap((r) =>
          r.problems.map((p) => ({ pointer: p.pointer, reason: p.reason })),
        );
      }
    } catch (error) {
      if (error instanceof EpcisValidationError) throw validationProblem(error);
      throw error;
    }
    const captureId = randomUUID();
    await this.jobs.start({
      id: captureId,
      capturedBy,
      errorBehaviour: behaviour,
      eventCount: events.length + rejected.length,
    });
    await this.publishOrFail(captureId, capturedBy, events, recordTime);
    await this.jobs.finish(captureId, 'success', events.length, rejected);
    return { captureId, accepted: events.length };
  }

  async captureOne(capturedBy: string, rawEvent: unknown): Promise<EpcisEvent> {
    try {
      const [event] = await this.intake.submit(capturedBy, [rawEvent]);
      if (!event) throw new Error('intake returned no event');
      return event;
    } catch (error) {
      if (error instanceof EpcisValidationError) throw validationProblem(error);
      if (error instanceof EventLogUnavailableError) throw unavailable(error);
      throw error;
    }
  }

  private async publishOrFail(
    captureId: string,
    capturedBy: string,
    events: EpcisEvent[],
    recordTime: string,
  ) {
    try {
      await this.intake.publish(capturedBy, events, captureId, recordTime);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.jobs.finish(captureId, 'failed', 0, [{ pointer: '', reason: `event log: ${reason}` }]);
      if (error instanceof EventLogUnavailableError) throw unavailable(error);
      throw error;
    }
  }
}

function unavailable(error: EventLogUnavailableError): HttpProblem {
  return HttpProblem.unavailable(
    'EVENT_LOG_UNAVAILABLE',
    'the event log did not acknowledge the events; send the same request again (events are stored once)',
    error.retryAfterSeconds,
  );
}
