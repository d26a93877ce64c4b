import type { RejectionCode } from './record-transition';

/** Why a transaction was refused: the first record that failed, by its position in the batch. */
export interface RecordRejection {
  readonly index: number;
  readonly recordId: string;
  readonly code: RejectionCode;
  readonly reason: string;
}

const OPEN = '[PTC-REJECTED:';
const CLOSE = ']';

/**
 * Thrown by the contract for a refused record: the whole transaction fails (all or nothing). The
 * message is readable, and carries the rejection as base64url JSON between markers so clients find
 * it in whatever the peer and gateway wrap around it.
 */
export class RecordRejectedError extends Error {
  override readonly name = 'RecordRejectedError';

  constructor(readonly rejection: RecordRejection) {
    const blob = Buffer.from(JSON.stringify(rejection), 'utf8').toString('base64url');
    super(
      `record ${rejection.index} (${rejection.recordId}) rejected: ${rejection.code}: ${rejection.reason} ` +
        `${OPEN}${blob}${CLOSE}`,
    );
  }
}

/** The rejection carried by an error message (from the chaincode, a peer or the gateway), if any. */
export function parseRejection(text: string): RecordRejection | undefined {
  const start = text.indexOf(OPEN);
  if (start < 0) return undefined;
  const end = text.indexOf(CLOSE, start + OPEN.length);
  if (end < 0) return undefined;
  try {
    const value = JSON.parse(
      Buffer.from(text.slice(start + OPEN.length, end), 'base64url').toString('utf8'),
    ) as Partial<RecordRejection>;
    if (
      typeof value.index !== 'number' ||
      typeof value.recordId !== 'string' ||
      typeof value.code !== 'string' ||
      typeof value.reason !== 'string'
    ) {
      return undefined;
    }
    return { index: value.index, recordId: value.recordId, code: value.code, reason: value.reason };
  } catch {
    return undefined;
  }
}
