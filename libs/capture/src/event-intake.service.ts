import { Injectable } from '@nestjs/common';
import type { EpcisEvent } from '@pharmatrace/epcis';

export interface IntakeOptions {
  /** Groups the events of one capture (an EPCIS document, an MQTT batch); generated when absent. */
  captureId?: string;
}

/**
 * The one door into the event log: validates and normalises raw EPCIS 2.0 events, computes their
 * event hash, and publishes them as CapturedEvents; resolves only after the log acknowledged.
 * Used by the capture API, the MQTT edge gateway and the verification API's dispense operations.
 */
@Injectable()
export abstract class EventIntake {
  /**
   * @param capturedBy GLN of the authenticated participant reporting the events.
   * @param rawEvents EPCIS 2.0 JSON events (CBV short names or URIs, EPC URNs or Digital Links).
   * @throws EpcisValidationError when any event is invalid (nothing is published then).
   * @throws MessagingError with code UNAVAILABLE when the event log did not acknowledge in time.
   */
  abstract submit(
    capturedBy: string,
    rawEvents: readonly unknown[],
    options?: IntakeOptions,
  ): Promise<EpcisEvent[]>;
}
