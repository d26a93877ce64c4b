import { GatewayError } from '@hyperledger/fabric-gateway';
import { parseRejection, type RecordRejection } from '../contract/chaincode';
import { LedgerUnavailableError } from '../ledger.error';

export type EndorsementFailure =
  | { readonly kind: 'rejected'; readonly rejection: RecordRejection }
  | { readonly kind: 'failed'; readonly reason: string };

function texts(error: unknown): string[] {
  if (error instanceof GatewayError) return [error.message, ...error.details.map((d) => d.message)];
  return [error instanceof Error ? error.message : String(error)];
}

/** Peers that disagree (one lags behind after a restart) or a chaincode that could not be reached. */
const TRANSIENT =
  /ProposalResponsePayloads do not match|chaincode stream terminated|connection refused|UNAVAILABLE|DEADLINE_EXCEEDED|timed? ?out|could not launch chaincode/i;
/** The chaincode itself answered with an error (shim status 500). */
const CHAINCODE_FAILURE = /chaincode response 500|transaction returned with failure/i;

/**
 * Sorts a failed endorsement: a record the contract refused (its rejection marker), a deterministic
 * chaincode failure naming no record, or a transient problem thrown as LedgerUnavailableError.
 */
export function classifyEndorsementError(error: unknown, what: string): EndorsementFailure {
  const messages = texts(error);
  for (const message of messages) {
    const rejection = parseRejection(message);
    if (rejection) return { kind: 'rejected', rejection };
  }
  const failure = messages.find((m) => CHAINCODE_FAILURE.test(m) && !TRANSIENT.test(m));
  if (failure) return { kind: 'failed', reason: failure };
  throw unavailable(error, what);
}

export function unavailable(error: unknown, what: string): LedgerUnavailableError {
  if (error instanceof LedgerUnavailableError) return error;
  const detail = texts(error).join(' | ');
  return new LedgerUnavailableError(`${what}: ${detail}`, { cause: error });
}
