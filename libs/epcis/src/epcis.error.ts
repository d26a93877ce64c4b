/**
 * The one error type of the EPCIS library. It carries every problem found (up to a cap), each with a
 * JSON Pointer into the input (or the query parameter name) and a reason a person can act on.
 */
export enum EpcisErrorCode {
  /** The EPCISDocument (or EPCISQueryDocument) envelope or one of its events is invalid. */
  InvalidDocument = 'INVALID_DOCUMENT',
  /** A single event given on its own is invalid. */
  InvalidEvent = 'INVALID_EVENT',
  /** An EPCIS query parameter is unknown or has a bad value (EPCIS QueryParameterException). */
  InvalidQueryParameter = 'INVALID_QUERY_PARAMETER',
}

export enum EpcisProblemKind {
  /** A required field is missing. */
  Required = 'REQUIRED',
  /** A field is present where the standard forbids it (e.g. `action` on a TransformationEvent). */
  Forbidden = 'FORBIDDEN',
  /** A non-namespaced field the standard does not define. */
  UnknownField = 'UNKNOWN_FIELD',
  /** Wrong JSON type (string expected, array expected, …). */
  Type = 'TYPE',
  /** Right type, wrong syntax (date-time, offset, URI, hex, …). */
  Format = 'FORMAT',
  /** Not an EPC URN or GS1 Digital Link the GS1 library accepts. */
  Identifier = 'IDENTIFIER',
  /** Not a CBV / GS1 vocabulary term and not an extension URI. */
  Vocabulary = 'VOCABULARY',
  /** A rule between fields (parentID required for ADD, ilmd only with ADD, …). */
  Rule = 'RULE',
  /** A capture limit (events per document, document size) is exceeded. */
  Limit = 'LIMIT',
}

export interface EpcisProblem {
  kind: EpcisProblemKind;
  /** JSON Pointer (RFC 6901) to the offending value, or the query parameter name. */
  pointer: string;
  reason: string;
}

/** Problems beyond this many are summarised, so a hostile document cannot make a huge error. */
export const MAX_REPORTED_PROBLEMS = 100;

export class EpcisValidationError extends Error {
  override readonly name = 'EpcisValidationError';

  constructor(
    readonly code: EpcisErrorCode,
    readonly problems: readonly EpcisProblem[],
    /**
     * How many problems were found (may exceed `problems.length` when capped). Once the cap is reached
     * reading stops, so this is a lower bound for very broken documents.
     */
    readonly problemCount: number = problems.length,
  ) {
    super(describe(code, problems, problemCount));
  }
}

function describe(code: EpcisErrorCode, problems: readonly EpcisProblem[], total: number): string {
  const shown = problems.slice(0, 5).map((p) => `${p.pointer || '/'}: ${p.reason}`);
  const more = total > shown.length ? ` (and ${total - shown.length} more)` : '';
  return `${code}: ${shown.join('; ')}${more}`;
}

/** Collects problems while validating; stops recording (but keeps counting) past the cap. */
export class ProblemCollector {
  readonly problems: EpcisProblem[] = [];
  count = 0;

  constructor(private readonly cap: number = MAX_REPORTED_PROBLEMS) {}

  add(kind: EpcisProblemKind, pointer: string, reason: string): void {
    this.count++;
    if (this.problems.length < this.cap) this.problems.push({ kind, pointer, reason });
  }

  get full(): boolean {
    return this.problems.length >= this.cap;
  }

  throwIfAny(code: EpcisErrorCode): void {
    if (this.count > 0) throw new EpcisValidationError(code, this.problems, this.count);
  }
}
