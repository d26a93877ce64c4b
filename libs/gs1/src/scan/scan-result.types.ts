import { type Gs1Element } from '../ai/gs1-element.types';
import { type SymbologyInfo } from '../element-string/symbology';

/** A national healthcare reimbursement number (AI 710–716) found on a pack. */
export interface NationalCode {
  readonly ai: string;
  /** PZN (DE), CIP (FR), CN (ES), DRN (BR), AIM (PT), NDC (US), AIC (IT). */
  readonly scheme: string;
  readonly value: string;
}

/** What parseScan returns: every AI, plus the fields track-and-trace code reaches for directly. */
export interface ScanResult {
  readonly kind: 'element-string' | 'digital-link';
  readonly symbology?: SymbologyInfo;
  readonly ais: readonly Gs1Element[];
  readonly gtin?: string;
  readonly serial?: string;
  readonly lot?: string;
  /** AI 17 as an ISO date, century resolved, DD=00 taken as the last day of the month. */
  readonly expiry?: string;
  readonly sscc?: string;
  /** AI 414 (physical location). */
  readonly gln?: string;
  readonly nationalCodes?: readonly NationalCode[];
  /** Canonical Digital Link (numeric AIs, standard order) when the AIs have a primary key. */
  readonly digitalLink?: string;
  /** SGTIN / SSCC / SGLN / PGLN URN when the prefix table knows the company prefix. */
  readonly epc?: string;
  /** LGTIN class URN when GTIN and lot are present and the prefix is known. */
  readonly lgtin?: string;
}
