import {
  ALERT_DEFINITIONS,
  deriveVerdictStatus,
  isDecommissioned,
  type AlertCode,
  type DecommissionStatus,
  type PackVerdict,
} from '@pharmatrace/custody';
import type { LedgerIntegrity } from '../integrity/tamper-check';
import type { PackRecord } from '../lookup/pack-record';
import type { PackQuery } from './pack-query';

export const VERDICTS = [
  'authentic',
  'unknown_product',
  'unknown_serial',
  'lot_mismatch',
  'expiry_mismatch',
  'decommissioned',
  'recalled',
  'withdrawn',
  'expired',
  'suspect',
  'tampered',
] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface VerdictAlert {
  /** A custody alert code (UNKNOWN_SERIAL, LOT_MISMATCH…). */
  readonly code: string;
  /** The NMVS-style code when there is one (NMVS_NC_PC_02…). */
  readonly nmvsCode?: string;
  readonly message: string;
}

export interface VerdictResult {
  readonly verdict: Verdict;
  /** Why a decommissioned pack is out of the supply chain (dispensed, destroyed, stolen…). */
  readonly reason?: DecommissionStatus;
  /** The alert the verdict corresponds to; absent when authentic. */
  readonly alert?: VerdictAlert;
  /** Which stated fields differ from the commissioned ones (LVMS reports the combination). */
  readonly mismatch: { readonly lot: boolean; readonly expiry: boolean };
  /** The pack's stored and derived status, when the pack exists. */
  readonly status?: PackVerdict;
  readonly integrity?: LedgerIntegrity;
}

function alert(code: AlertCode, message: string, nmvsCode?: string): VerdictAlert {
  const nmvs = nmvsCode ?? ALERT_DEFINITIONS[code].nmvsCode;
  return { code, ...(nmvs !== undefined && { nmvsCode: nmvs }), message };
}

const NO_MISMATCH = { lot: false, expiry: false } as const;

/**
 * The verdict on a pack, most serious first: an unknown identity; a record that no longer matches the
 * ledger (nothing else it says can be trusted); data on the pack that differs from what was
 * commissioned (a copied serial); a decommissioned pack; an open critical alert under investigation;
 * then withdrawn, recalled and expired, in the custody library's order. Pure: `today` is YYYY-MM-DD.
 */
export function decideVerdict(
  query: PackQuery,
  record: PackRecord,
  integrity: LedgerIntegrity | undefined,
  today: string,
): VerdictResult {
  if (!record.product) {
    return {
      verdict: 'unknown_product',
      alert: alert('UNKNOWN_PRODUCT', `GTIN ${query.gtin} is not in the product master`),
      mismatch: NO_MISMATCH,
    };
  }
  const pack = record.pack?.state;
  if (!pack) {
    return {
      verdict: 'unknown_serial',
      alert: alert('UNKNOWN_SERIAL', `serial ${query.serial} was never commissioned for GTIN ${query.gtin}`),
      mismatch: NO_MISMATCH,
    };
  }
  const status = deriveVerdictStatus(pack, record.lot, record.product.record, today);
  const base = { status, ...(integrity !== undefined && { integrity }) };
  if (integrity === 'tampered') {
    return {
      verdict: 'tampered',
      alert: alert('TAMPERED', `the record of ${pack.epc} no longer matches its ledger hash`),
      mismatch: NO_MISMATCH,
      ...base,
    };
  }
  const mismatch = {
    lot: query.lot !== undefined && query.lot !== pack.lot,
    expiry: query.expiry !== undefined && query.expiry !== pack.expiry,
  };
  if (mismatch.lot) {
    return {
      verdict: 'lot_mismatch',
      alert: alert('LOT_MISMATCH', `the pack states lot ${query.lot}; it was commissioned with another`),
      mismatch,
      ...base,
    };
  }
  if (mismatch.expiry) {
    return {
      verdict: 'expiry_mismatch',
      alert: alert(
        'EXPIRY_MISMATCH',
        `the pack states expiry ${query.expiry}; it was commissioned with another`,
      ),
      mismatch,
      ...base,
    };
  }
  if (isDecommissioned(pack.status)) {
    const reason = pack.status as DecommissionStatus;
    return {
      verdict: 'decommissioned',
      reason,
      alert: alert(
        'ALREADY_DECOMMISSIONED',
        `the pack is ${reason}: it must not be supplied`,
        'NMVS_NC_PCK_22',
      ),
      mismatch,
      ...base,
    };
  }
  if (record.openCriticalAlert) {
    const open = record.openCriticalAlert;
    return {
      verdict: 'suspect',
      alert: {
        code: open.code,
        ...(open.nmvsCode !== undefined && { nmvsCode: open.nmvsCode }),
        message: `an alert on this pack (${open.code}) is under investigation: quarantine it`,
      },
      mismatch,
      ...base,
    };
  }
  switch (status.status) {
    case 'withdrawn':
      return {
        verdict: 'withdrawn',
        alert: alert('WITHDRAWN', 'the product is withdrawn'),
        mismatch,
        ...base,
      };
    case 'recalled':
      return {
        verdict: 'recalled',
        alert: alert('RECALLED', `lot ${pack.lot} is recalled`),
        mismatch,
        ...base,
      };
    case 'expired':
      return {
        verdict: 'expired',
        alert: alert('EXPIRED', `the pack expired on ${pack.expiry}`),
        mismatch,
        ...base,
      };
    default:
      return { verdict: 'authentic', mismatch, ...base };
  }
}
