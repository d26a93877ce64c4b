/**
 * N = digits, X = GS1 AI encodable character set 82, Y = character set 39 (AI 8010),
 * Z = base64url (AI 8030 digital signature).
 */
export type Charset = 'N' | 'X' | 'Y' | 'Z';

/** Content rules applied to one component after its character set and length are known good. */
export type ContentRule =
  | 'checkDigit'
  | 'dateYYMMDD0'
  | 'dateYYMMDD'
  | 'dateYYYYMMDD'
  | 'timeHHMM'
  | 'hour'
  | 'minute'
  | 'second'
  | 'yesNo'
  | 'hyphen'
  | 'nonZero'
  | 'zero'
  | 'pieceOfTotal'
  | 'noZeroPrefix'
  | 'percentEncoded'
  | 'winding'
  | 'latitude'
  | 'longitude';

export interface AiComponent {
  readonly charset: Charset;
  /** The charset's bit in the character class table (charset.ts), so validation needs no lookup. */
  readonly charsetBit: number;
  readonly min: number;
  readonly max: number;
  /** Optional trailing components may be absent once the data runs out. */
  readonly optional: boolean;
  readonly rules: readonly ContentRule[];
}

/** "Needs one of these" (each alternative may be a `+` group) or "must not appear with these". */
export interface AiPattern {
  /** Leading digits that must match exactly ("310" for `310n`, "31" for `31nn`). */
  readonly prefix: string;
  readonly length: number;
}

export interface AiDefinition {
  readonly ai: string;
  readonly title: string;
  readonly components: readonly AiComponent[];
  readonly minLength: number;
  readonly maxLength: number;
  /** True when every component is mandatory and fixed: the parser reads exactly maxLength characters. */
  readonly fixedLength: boolean;
  /** In the GS1 predefined-length table: no FNC1/GS separator needed after it. */
  readonly predefinedLength: boolean;
  /** May be carried as a Digital Link query-string attribute. */
  readonly dlAttribute: boolean;
  /** Set when the AI is a Digital Link primary key: the permitted ordered qualifier sequences. */
  readonly dlQualifierSequences?: readonly (readonly string[])[];
  /** Every AI in dlQualifierSequences, for O(1) "is this a qualifier of this key?". */
  readonly dlQualifiers?: ReadonlySet<string>;
  /** Each clause needs at least one alternative present; an alternative is a list of patterns (a `+` group). */
  readonly requires: readonly (readonly (readonly AiPattern[])[])[];
  readonly excludes: readonly AiPattern[];
  /** The exact (wildcard-free) entries of `excludes`, for O(1) checks. */
  readonly excludedAis: ReadonlySet<string>;
  /** The wildcard entries of `excludes` ("310n", "31nn"). */
  readonly excludedFamilies: readonly AiPattern[];
  /** 310n…395n: digits after the implied decimal point. */
  readonly decimalPlaces?: number;
  /** 391n/393n: the value starts with an ISO 4217 currency code. */
  readonly currencyPrefixed?: boolean;
  /** Set when the value starts with a date: how to turn it into an ISO date. */
  readonly leadingDate?: 'YYMMDD' | 'YYYYMMDD';
  /** Human description of the expected value, used in error messages ("6 digits (YYMMDD)"). */
  readonly formatHint: string;
}

/** How a row of the source table is written: compact, checked and expanded by ai-table.ts at load. */
export interface AiRow {
  readonly ai: string;
  readonly title: string;
  /** Components separated by spaces, e.g. "N13:checkDigit [X..17]". */
  readonly format: string;
  /** "P" predefined length, "D" Digital Link data attribute. */
  readonly flags?: string;
  /** Digital Link primary key: qualifier sequences, "22,10,21|235"; "" for a key without qualifiers. */
  readonly dlKey?: string;
  /** Clauses separated by spaces; alternatives by ","; groups by "+"; "n" is a digit wildcard. */
  readonly req?: string;
  readonly ex?: string;
  readonly decimalPlaces?: number;
  readonly currencyPrefixed?: boolean;
}
