import type { PackState, PackStatus } from '../model/pack-state';
import type { LotRecord, ProductRecord } from '../model/reference-data';
import { isExpiredOn } from './event-time';

/** What verification reports: a stored status, or one derived from the lot, the product or the date. */
export type VerdictStatus = PackStatus | 'withdrawn' | 'recalled' | 'expired';

export interface PackVerdict {
  /**
   * The one status to show. A pack that is no longer active or in transit shows that status; otherwise
   * withdrawn, then recalled, then expired override it.
   */
  readonly status: VerdictStatus;
  readonly packStatus: PackStatus;
  readonly expired: boolean;
  readonly recalled: boolean;
  readonly withdrawn: boolean;
}

export interface PackFlags {
  readonly expired: boolean;
  readonly recalled: boolean;
  readonly withdrawn: boolean;
}

/** The derived conditions of a pack on a date (YYYY-MM-DD). Containers have none. */
export function packFlags(
  pack: PackState,
  lot: LotRecord | undefined,
  product: ProductRecord | undefined,
  date: string,
): PackFlags {
  if (pack.kind === 'container') return { expired: false, recalled: false, withdrawn: false };
  return {
    expired: isExpiredOn(pack.expiry, date),
    recalled: lot?.status === 'recalled',
    withdrawn: product?.status === 'withdrawn',
  };
}

/**
 * The status verification reports for `pack` on `today` (YYYY-MM-DD, the caller's local date), given
 * its lot and product records (absent means active).
 */
export function deriveVerdictStatus(
  pack: PackState,
  lot: LotRecord | undefined,
  product: ProductRecord | undefined,
  today: string,
): PackVerdict {
  const flags = packFlags(pack, lot, product, today);
  return { status: effectiveStatus(pack.status, flags), packStatus: pack.status, ...flags };
}

function effectiveStatus(status: PackStatus, flags: PackFlags): VerdictStatus {
  switch (status) {
    case 'active':
    case 'in_transit':
      if (flags.withdrawn) return 'withdrawn';
      if (flags.recalled) return 'recalled';
      if (flags.expired) return 'expired';
      return status;
    case 'dispensed':
    case 'destroyed':
    case 'exported':
    case 'stolen':
    case 'sample':
    case 'free_sample':
    case 'locked':
      return status;
  }
}
