/**
 * Stable machine-readable reasons for every rejection in this library. The HTTP layer and the CLI map
 * these to statuses and messages, so values are part of the public contract: add, never rename.
 */
export enum Gs1ErrorCode {
  EmptyInput = 'EMPTY_INPUT',
  UnknownAi = 'UNKNOWN_AI',
  ValueTooShort = 'VALUE_TOO_SHORT',
  ValueTooLong = 'VALUE_TOO_LONG',
  InvalidCharacter = 'INVALID_CHARACTER',
  InvalidCheckDigit = 'INVALID_CHECK_DIGIT',
  InvalidDate = 'INVALID_DATE',
  InvalidValue = 'INVALID_VALUE',
  DuplicateAi = 'DUPLICATE_AI',
  InvalidAiPairing = 'INVALID_AI_PAIRING',
  MissingRequiredAi = 'MISSING_REQUIRED_AI',
  MalformedBrackets = 'MALFORMED_BRACKETS',
  UnsupportedSymbology = 'UNSUPPORTED_SYMBOLOGY',
  InvalidDigitalLink = 'INVALID_DIGITAL_LINK',
  InvalidPercentEncoding = 'INVALID_PERCENT_ENCODING',
  DigitalLinkQualifierOrder = 'DIGITAL_LINK_QUALIFIER_ORDER',
  DigitalLinkIllegalQualifier = 'DIGITAL_LINK_ILLEGAL_QUALIFIER',
  DigitalLinkQueryNotAllowed = 'DIGITAL_LINK_QUERY_NOT_ALLOWED',
  NotRepresentable = 'NOT_REPRESENTABLE',
  InvalidEpcUrn = 'INVALID_EPC_URN',
  UnsupportedEpcScheme = 'UNSUPPORTED_EPC_SCHEME',
  UnknownCompanyPrefix = 'UNKNOWN_COMPANY_PREFIX',
  UnrecognisedIdentifier = 'UNRECOGNISED_IDENTIFIER',
  InvalidArgument = 'INVALID_ARGUMENT',
  SerialSpaceExhausted = 'SERIAL_SPACE_EXHAUSTED',
  LabelRenderFailed = 'LABEL_RENDER_FAILED',
}

/**
 * The only error type this library throws for bad input. `position` is the 0-based index in the string
 * the caller passed (0 when the problem is the input as a whole), so a UI can point at the culprit.
 */
export class Gs1Error extends Error {
  override readonly name = 'Gs1Error';
  readonly code: Gs1ErrorCode;
  readonly position: number;
  readonly reason: string;

  constructor(code: Gs1ErrorCode, position: number, reason: string) {
    // A Gs1Error is a verdict on data, thrown for every bad scan: code, position and reason say all there
    // is to say, and capturing a stack made throwing ~4× slower. Only this synchronous super() call sees
    // the lowered limit.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`position ${position}: ${reason}`);
    Error.stackTraceLimit = limit;
    this.code = code;
    this.position = position;
    this.reason = reason;
  }

  toJSON(): { code: Gs1ErrorCode; position: number; reason: string; message: string } {
    return { code: this.code, position: this.position, reason: this.reason, message: this.message };
  }
}

export function isGs1Error(error: unknown): error is Gs1Error {
  return error instanceof Gs1Error;
}
