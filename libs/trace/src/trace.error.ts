/**
 * Stable reasons for everything the trace and recall APIs refuse. The values are sent to clients as
 * the `code` of the JSON error body: add, never rename.
 */
export enum TraceErrorCode {
  /** The identifier is not an EPC URN, Digital Link or element string the GS1 library can read. */
  InvalidIdentifier = 'INVALID_IDENTIFIER',
  /** The identifier is valid but names no pack (SGTIN) nor logistic unit (SSCC). */
  NotTraceable = 'NOT_TRACEABLE',
  /** Nothing is known about this object, or nothing the caller may see. */
  UnknownObject = 'UNKNOWN_OBJECT',
  /** A recall request with missing or malformed fields. */
  InvalidRecall = 'INVALID_RECALL',
  /** The recall's GTIN is not in the product master. */
  UnknownProduct = 'UNKNOWN_PRODUCT',
  /** Only the brand owner of the GTIN or a regulator may recall. */
  NotBrandOwner = 'NOT_BRAND_OWNER',
  /** The custody rules refused the command for this participant (unknown issuer, someone else's status). */
  NotAuthorised = 'NOT_AUTHORISED',
  /** A lot of the request is already under an active recall. */
  LotAlreadyRecalled = 'LOT_ALREADY_RECALLED',
  /** No recall with this id that the caller may see. */
  UnknownRecall = 'UNKNOWN_RECALL',
  /** Only the participant that issued a recall may lift it. */
  NotRecallIssuer = 'NOT_RECALL_ISSUER',
  /** The recall was lifted already. */
  RecallLifted = 'RECALL_LIFTED',
  /** A query parameter (format, perPage, nextPageToken) is not acceptable. */
  InvalidQuery = 'INVALID_QUERY',
  /** A webhook registration with a missing or unacceptable URL or secret. */
  InvalidWebhook = 'INVALID_WEBHOOK',
  /** The participant already has as many webhooks as allowed. */
  TooManyWebhooks = 'TOO_MANY_WEBHOOKS',
  /** No webhook with this id belongs to the caller. */
  UnknownWebhook = 'UNKNOWN_WEBHOOK',
}

export interface TraceProblem {
  /** JSON pointer into the request body or a query parameter name. */
  pointer: string;
  reason: string;
}

/** The one error type of the trace library; the HTTP layer maps its code to a status. */
export class TraceError extends Error {
  override readonly name = 'TraceError';
  readonly details: TraceProblem[] | undefined;

  constructor(
    readonly code: TraceErrorCode,
    message: string,
    options?: { cause?: unknown; details?: TraceProblem[] },
  ) {
    super(message, options);
    this.details = options?.details;
  }
}
