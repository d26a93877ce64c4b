/**
 * Master data the machine reads but events never change: product (GTIN) and lot records. Only
 * commands (recall, lift, withdraw, reinstate) change their status. The brand owner is not stored here:
 * it is whoever owns the GTIN's company prefix in the participant directory.
 */
export type ProductStatus = 'active' | 'withdrawn';
export type LotStatus = 'active' | 'recalled';

/** A storage condition a sensor report is checked against, e.g. `{ type: 'Temperature', uom: 'CEL', min: 2, max: 8 }`. */
export interface StorageRange {
  /** Sensor type short name (`Temperature`); `gs1:` or `https://gs1.org/voc/` prefixes are ignored. */
  readonly type: string;
  /** UN/CEFACT unit code (`CEL`); when set, reports in another unit are not range-checked. */
  readonly uom?: string;
  readonly min?: number;
  readonly max?: number;
}

export interface ProductRecord {
  /** GTIN-14. */
  readonly gtin: string;
  readonly status: ProductStatus;
  /** GLN of whoever set the current status (the withdrawal's issuer). */
  readonly statusSetBy?: string;
  readonly statusSetAt?: string;
  readonly statusReason?: string;
  readonly storage?: readonly StorageRange[];
}

export interface LotRecord {
  readonly gtin: string;
  readonly lot: string;
  readonly status: LotStatus;
  readonly statusSetBy?: string;
  readonly statusSetAt?: string;
  readonly statusReason?: string;
}

/**
 * Key of a lot in the `lots` lookup. `|` cannot occur in a GTIN nor in a lot (GS1 character set 82).
 */
export function lotKey(gtin: string, lot: string): string {
  return `${gtin}|${lot}`;
}

export interface LotChange {
  readonly key: string;
  readonly before: LotRecord | undefined;
  readonly after: LotRecord;
}

export interface ProductChange {
  readonly gtin: string;
  readonly before: ProductRecord | undefined;
  readonly after: ProductRecord;
}
