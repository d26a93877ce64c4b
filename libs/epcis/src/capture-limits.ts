/**
 * Limits the capture API advertises (EPCIS 2.0 REST binding: `GS1-EPCIS-Capture-Limit` and
 * `GS1-EPCIS-Capture-File-Size-Limit` headers) and the query page size bounds.
 */
import { EpcisErrorCode, EpcisProblemKind, EpcisValidationError } from './epcis.error';

/** Most events one EPCISDocument may carry in one capture. */
export const MAX_EVENTS_PER_CAPTURE = 10_000;

/** Largest capture request body, in bytes (20 MiB). */
export const MAX_CAPTURE_DOCUMENT_BYTES = 20 * 1024 * 1024;

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1_000;

/** Header name → value, ready for the HTTP layer to send on capture responses and OPTIONS. */
export const CAPTURE_LIMIT_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'GS1-EPCIS-Capture-Limit': String(MAX_EVENTS_PER_CAPTURE),
  'GS1-EPCIS-Capture-File-Size-Limit': String(MAX_CAPTURE_DOCUMENT_BYTES),
});

/** For the HTTP layer before parsing: refuses a body over the advertised size. */
export function assertCaptureSize(byteLength: number): void {
  if (byteLength > MAX_CAPTURE_DOCUMENT_BYTES) {
    throw new EpcisValidationError(EpcisErrorCode.InvalidDocument, [
      {
        kind: EpcisProblemKind.Limit,
        pointer: '',
        reason: `the document is ${byteLength} bytes; the capture limit is ${MAX_CAPTURE_DOCUMENT_BYTES} bytes`,
      },
    ]);
  }
}
