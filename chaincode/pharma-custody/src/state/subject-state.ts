import type { LedgerRecord as CustodyLedgerView, PackStatus } from '@pharmatrace/custody';
import type { RecordKind } from '../record/ledger-record';

/**
 * What the ledger keeps per subject (pack, container or lot): custody between organisations, the
 * hash of the off-chain state and the record that last changed it. Never event payloads.
 */
export interface SubjectState {
  readonly subject: string;
  readonly kind: RecordKind;
  readonly ownerMsp: string;
  readonly custodianMsp: string;
  /** Pack status, or `active` / `recalled` for a lot. */
  readonly status: string;
  readonly gtin?: string;
  readonly lot?: string;
  /** In transit: the organisation that may receive it. */
  readonly pendingMsp?: string;
  /** Decommissioned: the organisation that did it (for undo). */
  readonly decommissionedByMsp?: string;
  /** Recalled lot: the organisation that set the recall (for lifting). */
  readonly recalledByMsp?: string;
  readonly stateHash: string;
  readonly lastEventHash: string;
  readonly lastRecordId: string;
  readonly version: number;
  readonly updatedTxId: string;
  /** The transaction's timestamp (ISO 8601), from the proposal: the same on every endorser. */
  readonly updatedAt: string;
}

/** The anchoring marker of one record: its presence makes re-submission a no-op. */
export interface RecordMarker {
  readonly recordId: string;
  readonly subject: string;
  readonly stateHash: string;
  readonly txId: string;
}

/** Lot status record as the custody rules see it (the lot's owner holds it). */
export function lotView(state: SubjectState): CustodyLedgerView {
  return {
    custodianOrg: state.ownerMsp,
    status: 'active',
    ownerOrg: state.ownerMsp,
    lotRecalled: state.status === 'recalled',
    ...(state.recalledByMsp !== undefined && { recalledByOrg: state.recalledByMsp }),
  };
}

/** A pack or container as the custody rules see it, with its lot's recall flag. */
export function packView(state: SubjectState, lotRecalled: boolean): CustodyLedgerView {
  return {
    custodianOrg: state.custodianMsp,
    status: state.status as PackStatus,
    ownerOrg: state.ownerMsp,
    lotRecalled,
    ...(state.pendingMsp !== undefined && { pendingOrg: state.pendingMsp }),
    ...(state.decommissionedByMsp !== undefined && { decommissionedByOrg: state.decommissionedByMsp }),
  };
}
