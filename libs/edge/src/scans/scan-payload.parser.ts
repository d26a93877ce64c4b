import { invalidPayload, jsonObject, payloadText } from '../shared/json-payload';
import { parseDeviceTimestamp, type EventTime } from '../shared/event-time';

/** A scan as the device sent it, before barcode decoding. */
export interface ScanPayload {
  /** The barcode as read: element string (with or without AIM id and GS), or a Digital Link. */
  barcode: string;
  /** From the payload; absent for a bare barcode (the gateway then uses the receipt time). */
  time: EventTime | undefined;
  /** Groups the scans of one session (a pallet, a delivery) into one capture. */
  batchId: string | undefined;
}

const BATCH_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Two payload forms:
 * - the raw barcode as the scanner emits it (a trailing CR/LF suffix is dropped);
 * - JSON `{ "barcode": "…", "timestamp": "<ISO 8601 with zone>" | <epoch ms>, "batchId"?: "…" }`.
 * Only the JSON form carries the device's time, which makes redeliveries produce the same event.
 */
export function parseScanPayload(payload: Buffer): ScanPayload {
  const text = payloadText(payload);
  if (!text.trimStart().startsWith('{')) {
    const barcode = text.replace(/[\r\n]+$/, '');
    if (barcode.trim() === '') throw invalidPayload('the barcode is empty');
    return { barcode, time: undefined, batchId: undefined };
  }
  const body = jsonObject(text);
  const barcode = body['barcode'];
  if (typeof barcode !== 'string' || barcode.trim() === '') {
    throw invalidPayload('"barcode" is required: the scanned data as a string', '/barcode');
  }
  if (body['timestamp'] === undefined) {
    throw invalidPayload(
      '"timestamp" is required in the JSON form (ISO 8601 with zone, or epoch ms)',
      '/timestamp',
    );
  }
  const batchId = body['batchId'];
  if (batchId !== undefined && (typeof batchId !== 'string' || !BATCH_ID.test(batchId))) {
    throw invalidPayload('"batchId" must be 1 to 128 printable ASCII characters', '/batchId');
  }
  return { barcode, time: parseDeviceTimestamp(body['timestamp'], '/timestamp'), batchId };
}
