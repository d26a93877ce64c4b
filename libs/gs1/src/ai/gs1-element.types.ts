/** One Application Identifier and its raw value, as carried in a barcode. */
export interface AiValue {
  readonly ai: string;
  readonly value: string;
}

/** A parsed element: the raw pair plus what the AI table says about it. */
export interface Gs1Element extends AiValue {
  /** The GS1 data title, e.g. "BATCH/LOT". */
  readonly title: string;
  /** Date AIs: ISO `YYYY-MM-DD`, century resolved and DD=00 taken as the month's last day. */
  readonly date?: string;
  /** Decimal-point AIs (310n…395n): the value with the implied decimal point applied, e.g. "1.250". */
  readonly decimal?: string;
  /** 391n/393n: the ISO 4217 numeric currency code that prefixes the amount. */
  readonly currency?: string;
}

/** Anything the converters accept: a scan/element string/Digital Link, a list of pairs, or a parse result. */
export type Gs1Input = string | readonly AiValue[] | { readonly ais: readonly AiValue[] };
