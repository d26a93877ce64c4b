import type { Participant } from '@pharmatrace/auth';
import type { DecommissionStatus, PackStatus, VerdictStatus } from '@pharmatrace/custody';
import type { LedgerIntegrity } from '../integrity/tamper-check';
import type { LedgerReceipt, PackRecord } from '../lookup/pack-record';
import type { PackQuery } from './pack-query';
import type { Verdict, VerdictAlert, VerdictResult } from './verdict.policy';

/** The answer to a verification: what a pharmacist's screen or a wholesaler's returns desk shows. */
export interface VerificationView {
  verdict: Verdict;
  reason?: DecommissionStatus;
  alert?: VerdictAlert;
  /** The pack as commissioned (lot and expiry from the record), or as asked about when unknown. */
  pack: { gtin: string; serial: string; epc?: string; lot?: string; expiry?: string };
  product?: { name: string; form?: string; strength?: string; status: 'active' | 'withdrawn' };
  lot?: { lot: string; status: 'active' | 'recalled'; reason?: string };
  state?: {
    /** Stored status (active, in_transit, dispensed…). */
    status: PackStatus;
    /** What the status amounts to today: a decommission as is, else withdrawn, recalled or expired. */
    shownAs: VerdictStatus;
    expired: boolean;
    recalled: boolean;
    withdrawn: boolean;
    /** When the state last changed (the event time of its last event). */
    since: string;
  };
  /** The custodian's role for everyone; its identity only for itself, the brand owner and regulators. */
  custodian?: { role: string; gln?: string; name?: string };
  /** `receipt` is the latest anchored ledger receipt; `integrity` says whether it covers this state. */
  ledger?: { integrity: LedgerIntegrity; receipt?: LedgerReceipt };
  verifiedAt: string;
}

export type Reader = Pick<Participant, 'gln' | 'role'>;

/** The custodian itself, the brand owner and regulators may know who holds a pack. */
export function mayIdentifyCustodian(reader: Reader, record: PackRecord): boolean {
  const state = record.pack?.state;
  if (!state) return false;
  return (
    reader.role === 'regulator' ||
    reader.gln === state.custodian ||
    reader.gln === state.owner ||
    reader.gln === record.product?.ownerGln
  );
}

export function verificationView(
  query: PackQuery,
  record: PackRecord,
  result: VerdictResult,
  reader: Reader,
  verifiedAt: string,
): VerificationView {
  const { product, pack } = record;
  const state = pack?.state;
  const status = result.status;
  return {
    verdict: result.verdict,
    ...(result.reason !== undefined && { reason: result.reason }),
    ...(result.alert !== undefined && { alert: result.alert }),
    pack: state
      ? { gtin: state.gtin, serial: state.serial, epc: pack.epc, lot: state.lot, expiry: state.expiry }
      : { gtin: query.gtin, serial: query.serial },
    ...(product && {
      product: {
        name: product.name,
        ...(product.form !== undefined && { form: product.form }),
        ...(product.strength !== undefined && { strength: product.strength }),
        status: product.record.status,
      },
    }),
    ...(state && {
      lot: {
        lot: state.lot,
        status: record.lot?.status ?? 'active',
        ...(record.lot?.statusReason !== undefined && { reason: record.lot.statusReason }),
      },
    }),
    ...(state &&
      status && {
        state: {
          status: status.packStatus,
          shownAs: status.status,
          expired: status.expired,
          recalled: status.recalled,
          withdrawn: status.withdrawn,
          since: state.lastEvent.time,
        },
      }),
    ...(state &&
      record.custodian && {
        custodian: mayIdentifyCustodian(reader, record)
          ? { role: record.custodian.role, gln: state.custodian, name: record.custodian.name }
          : { role: record.custodian.role },
      }),
    ...(state &&
      result.integrity !== undefined && {
        ledger: {
          integrity: result.integrity,
          ...(record.latestAnchored !== undefined && { receipt: record.latestAnchored }),
        },
      }),
    verifiedAt,
  };
}
