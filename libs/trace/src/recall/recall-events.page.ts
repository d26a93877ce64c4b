import { TraceError, TraceErrorCode } from '../trace.error';

/** Where a page of recall events starts: after a pack (lot, serial), or after a container. */
export type RecallEventsCursor =
  { phase: 'packs'; lot: string; serial: string } | { phase: 'containers'; epc: string };

export const FIRST_PAGE: RecallEventsCursor = { phase: 'packs', lot: '', serial: '' };

export const DEFAULT_PER_PAGE = 200;
export const MAX_PER_PAGE = 2000;

export function encodeCursor(recallId: string, cursor: RecallEventsCursor): string {
  return Buffer.from(JSON.stringify({ r: recallId, ...cursor })).toString('base64url');
}

function invalidToken(): TraceError {
  return new TraceError(TraceErrorCode.InvalidQuery, 'nextPageToken is not a token this server issued', {
    details: [{ pointer: 'nextPageToken', reason: 'unknown token' }],
  });
}

export function decodeCursor(recallId: string, token: string | undefined): RecallEventsCursor {
  if (token === undefined || token === '') return FIRST_PAGE;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw invalidToken();
  }
  if (parsed['r'] !== recallId) throw invalidToken();
  const { phase, lot, serial, epc } = parsed;
  if (phase === 'containers' && typeof epc === 'string') return { phase, epc };
  if (phase === 'packs' && typeof lot === 'string' && typeof serial === 'string')
    return { phase, lot, serial };
  throw invalidToken();
}

/** perPage counts identifiers (packs, then containers) whose events a page carries. */
export function parsePerPage(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PER_PAGE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_PER_PAGE) {
    throw new TraceError(
      TraceErrorCode.InvalidQuery,
      `perPage must be an integer from 1 to ${MAX_PER_PAGE}`,
      {
        details: [{ pointer: 'perPage', reason: `1 to ${MAX_PER_PAGE}` }],
      },
    );
  }
  return n;
}
