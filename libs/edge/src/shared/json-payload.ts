import { EdgeError, EdgeErrorCode } from '../edge.error';

/** Device messages are small; anything bigger is a misbehaving device, not a barcode. */
export const MAX_PAYLOAD_BYTES = 4_096;

export function payloadText(payload: Buffer): string {
  if (payload.length === 0) throw invalidPayload('the payload is empty');
  if (payload.length > MAX_PAYLOAD_BYTES)
    throw invalidPayload(`the payload exceeds ${MAX_PAYLOAD_BYTES} bytes`);
  const text = payload.toString('utf8');
  if (text.includes('\uFFFD')) throw invalidPayload('the payload is not UTF-8');
  return text;
}

/** Parses a JSON object payload; arrays, scalars and malformed JSON are refused. */
export function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalidPayload(`the payload is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidPayload('the JSON payload must be an object');
  }
  return value as Record<string, unknown>;
}

export function invalidPayload(message: string, pointer = ''): EdgeError {
  return new EdgeError(EdgeErrorCode.InvalidPayload, message, { details: [{ pointer, reason: message }] });
}
