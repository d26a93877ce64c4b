import type { CapturedEvent } from '@pharmatrace/epcis';
import { PermanentMessageError, type ConsumedRecord } from '@pharmatrace/messaging';

/** Reads a CapturedEvent off the log; a record that is not one can never succeed (poison). */
export function decodeCapturedEvent(record: ConsumedRecord): CapturedEvent {
  let value: unknown;
  try {
    value = JSON.parse(record.value);
  } catch (error) {
    throw new PermanentMessageError(`offset ${record.offset}: not JSON`, { cause: error });
  }
  const captured = value as Partial<CapturedEvent>;
  if (
    typeof captured.capturedBy !== 'string' ||
    typeof captured.recordTime !== 'string' ||
    typeof captured.event?.eventHash !== 'string' ||
    typeof captured.event.eventID !== 'string'
  ) {
    throw new PermanentMessageError(`offset ${record.offset}: not a CapturedEvent`);
  }
  return captured as CapturedEvent;
}
