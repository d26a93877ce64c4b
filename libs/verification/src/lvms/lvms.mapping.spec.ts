import type { DecommissionStatus } from '@pharmatrace/custody';
import type { Verdict, VerdictResult } from '../verify/verdict.policy';
import { lvmsData } from './lvms.mapping';

function result(
  verdict: Verdict,
  extra: { mismatch?: { lot: boolean; expiry: boolean }; reason?: DecommissionStatus } = {},
): VerdictResult {
  return { verdict, mismatch: extra.mismatch ?? { lot: false, expiry: false }, ...extra };
}

describe('LVMS mapping', () => {
  it.each([
    ['authentic', result('authentic'), { verified: true }],
    [
      'unknown_serial',
      result('unknown_serial'),
      { verified: false, verificationFailureReason: 'No_match_GTIN_Serial' },
    ],
    [
      'lot only',
      result('lot_mismatch', { mismatch: { lot: true, expiry: false } }),
      { verified: false, verificationFailureReason: 'No_match_GTIN_Serial_Lot' },
    ],
    [
      'expiry only',
      result('expiry_mismatch', { mismatch: { lot: false, expiry: true } }),
      { verified: false, verificationFailureReason: 'No_match_GTIN_Serial_Expiry' },
    ],
    [
      'lot and expiry',
      result('lot_mismatch', { mismatch: { lot: true, expiry: true } }),
      { verified: false, verificationFailureReason: 'No_match_GTIN_Serial_Lot_Expiry' },
    ],
    [
      'dispensed',
      result('decommissioned', { reason: 'dispensed' }),
      { verified: false, verificationFailureReason: 'Not_for_re-distribution' },
    ],
    [
      'stolen',
      result('decommissioned', { reason: 'stolen' }),
      {
        verified: false,
        verificationFailureReason: 'Not_for_re-distribution',
        additionalInfo: 'Illegitimate',
      },
    ],
    [
      'tampered',
      result('tampered'),
      { verified: false, verificationFailureReason: 'Manufacturer_policy', additionalInfo: 'Suspect' },
    ],
    ['suspect', result('suspect'), { verified: true, additionalInfo: 'Suspect' }],
    ['recalled', result('recalled'), { verified: true, additionalInfo: 'Recalled' }],
    ['withdrawn', result('withdrawn'), { verified: true, additionalInfo: 'Recalled' }],
    ['expired', result('expired'), { verified: true, additionalInfo: 'Expired' }],
  ] as const)('%s', (_name, verdict, expected) => {
    expect(lvmsData(verdict)).toEqual(expected);
  });
});
