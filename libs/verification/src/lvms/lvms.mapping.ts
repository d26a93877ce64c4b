import type { VerdictResult } from '../verify/verdict.policy';

/** GS1 LVMS `data.verificationFailureReason` values. */
export type LvmsFailureReason =
  | 'No_match_GTIN_Serial'
  | 'No_match_GTIN_Serial_Lot'
  | 'No_match_GTIN_Serial_Expiry'
  | 'No_match_GTIN_Serial_Lot_Expiry'
  | 'Manufacturer_policy'
  | 'No_reason_provided'
  | 'Not_for_re-distribution';

/** GS1 LVMS `data.additionalInfo` values. */
export type LvmsAdditionalInfo = 'Expired' | 'ExpirationExtended' | 'Recalled' | 'Suspect' | 'Illegitimate';

export interface LvmsData {
  verified: boolean;
  verificationFailureReason?: LvmsFailureReason;
  additionalInfo?: LvmsAdditionalInfo;
}

/** The LVMS verification response message. */
export interface LvmsResponse {
  verificationTimestamp: string;
  /** GLN of the responder: the brand owner of the GTIN, for whom this repository answers. */
  responderGLN: string;
  data: LvmsData;
  corrUUID?: string;
}

function noMatch(lot: boolean, expiry: boolean): LvmsFailureReason {
  if (lot && expiry) return 'No_match_GTIN_Serial_Lot_Expiry';
  return lot ? 'No_match_GTIN_Serial_Lot' : 'No_match_GTIN_Serial_Expiry';
}

/**
 * A verdict in LVMS terms. `verified` answers "does this product identifier match one the
 * manufacturer commissioned?": a recalled, expired or suspect pack still matches (verified, with
 * additionalInfo), while an unknown serial, mismatching lot or expiry, a record failing its ledger
 * check and a pack already out of the supply chain do not.
 */
export function lvmsData(result: VerdictResult): LvmsData {
  switch (result.verdict) {
    case 'unknown_product':
    case 'unknown_serial':
      return { verified: false, verificationFailureReason: 'No_match_GTIN_Serial' };
    case 'lot_mismatch':
    case 'expiry_mismatch':
      return {
        verified: false,
        verificationFailureReason: noMatch(result.mismatch.lot, result.mismatch.expiry),
      };
    case 'tampered':
      return { verified: false, verificationFailureReason: 'Manufacturer_policy', additionalInfo: 'Suspect' };
    case 'decommissioned':
      return {
        verified: false,
        verificationFailureReason: 'Not_for_re-distribution',
        ...(result.reason === 'stolen' && { additionalInfo: 'Illegitimate' as const }),
      };
    case 'suspect':
      return { verified: true, additionalInfo: 'Suspect' };
    case 'recalled':
    case 'withdrawn':
      return { verified: true, additionalInfo: 'Recalled' };
    case 'expired':
      return { verified: true, additionalInfo: 'Expired' };
    case 'authentic':
      return { verified: true };
  }
}
