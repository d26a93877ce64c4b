import type { AlertCode } from '../model/alert-codes';
import type { DecommissionStatus, PackStatus } from '../model/pack-state';
import type { Refusal } from '../policy/status.policy';
import {
  refuseCustodianOperation,
  refuseDecommission,
  refuseReceive,
  refuseUndoBy,
  refuseUndoFlags,
  refuseUndoState,
} from '../policy/status.policy';

/**
 * The custody rules the chaincode enforces with only what is on chain: organisations (MSP ids), a
 * status and the lot's recall flag. Same status rules as applyEvent (status.policy.ts); premises,
 * undo window, expiry and master data are checked off-chain only.
 */
export interface LedgerRecord {
  readonly custodianOrg: string;
  readonly status: PackStatus;
  readonly ownerOrg: string;
  readonly lotRecalled: boolean;
  /** Destination org while in transit. */
  readonly pendingOrg?: string;
  /** Org that set the recall, for lifting. */
  readonly recalledByOrg?: string;
  /** Org that decommissioned, for undo. */
  readonly decommissionedByOrg?: string;
}

export type LedgerOperation = 'commission' | 'ship' | 'receive' | 'decommission' | 'undo' | 'recall' | 'lift';

export interface LedgerTransitionRequest {
  /** The current on-chain record; undefined when the identifier has none (only valid for commission). */
  readonly record: LedgerRecord | undefined;
  readonly operation: LedgerOperation;
  /** MSP id from the client certificate. */
  readonly callerOrg: string;
  /** commission: org owning the identifier's company prefix; ship: destination org. */
  readonly targetOrg?: string;
  /** decommission: the status set (default `dispensed`, the strictest); undo: the one being undone. */
  readonly decommissionStatus?: DecommissionStatus;
  /** True when the caller's org is a regulator (may recall and lift any). */
  readonly callerIsRegulator?: boolean;
}

export type LedgerDecision =
  | { readonly ok: true; readonly next: LedgerRecord }
  | { readonly ok: false; readonly code: AlertCode; readonly reason: string };

export function authoriseLedgerTransition(request: LedgerTransitionRequest): LedgerDecision {
  const { record, callerOrg } = request;
  if (request.operation === 'commission') {
    if (record)
      return refused({ code: 'DUPLICATE_COMMISSIONING', detail: 'identifier already on the ledger' });
    if (request.targetOrg !== callerOrg) {
      return refused({ code: 'NOT_BRAND_OWNER', detail: `${callerOrg} does not own the company prefix` });
    }
    return allowed({ custodianOrg: callerOrg, status: 'active', ownerOrg: callerOrg, lotRecalled: false });
  }
  if (!record) return refused({ code: 'UNKNOWN_SERIAL', detail: 'identifier not on the ledger' });
  const { pendingOrg: _pending, decommissionedByOrg: _by, ...settled } = record;
  switch (request.operation) {
    case 'ship': {
      const refusal = refuseCustodianOperation(custodyOf(record), callerOrg, 'ship it');
      if (refusal) return refused(refusal);
      if (request.targetOrg === undefined)
        return refused({ code: 'UNKNOWN_DESTINATION', detail: 'no targetOrg' });
      return allowed({ ...record, status: 'in_transit', pendingOrg: request.targetOrg });
    }
    case 'receive': {
      const refusal = refuseReceive(record.status, record.pendingOrg, callerOrg);
      if (refusal) return refused(refusal);
      return allowed({ ...settled, custodianOrg: callerOrg, status: 'active' });
    }
    case 'decommission': {
      const status = request.decommissionStatus ?? 'dispensed';
      const flags = { expired: false, recalled: record.lotRecalled, withdrawn: false };
      const [refusal] = refuseDecommission(custodyOf(record), callerOrg, status, flags);
      if (refusal) return refused(refusal);
      return allowed({ ...record, status, decommissionedByOrg: callerOrg });
    }
    case 'undo': {
      const flags = { expired: false, recalled: record.lotRecalled, withdrawn: false };
      const refusal =
        refuseUndoState(record.status, request.decommissionStatus) ??
        refuseUndoBy(record.decommissionedByOrg ?? record.custodianOrg, callerOrg) ??
        refuseUndoFlags(flags);
      if (refusal) return refused(refusal);
      return allowed({ ...settled, status: 'active' });
    }
    case 'recall':
      if (!request.callerIsRegulator && callerOrg !== record.ownerOrg) {
        return refused({
          code: 'NOT_BRAND_OWNER',
          detail: `${callerOrg} is neither brand owner nor regulator`,
        });
      }
      if (record.lotRecalled) return allowed(record);
      return allowed({ ...record, lotRecalled: true, recalledByOrg: callerOrg });
    case 'lift': {
      if (!record.lotRecalled) return allowed(record);
      const setter = record.recalledByOrg ?? record.ownerOrg;
      if (!request.callerIsRegulator && callerOrg !== setter) {
        return refused({
          code: 'NOT_AUTHORISED',
          detail: `recall set by ${setter}; only it or a regulator may lift it`,
        });
      }
      const { recalledByOrg: _setter, ...rest } = record;
      return allowed({ ...rest, lotRecalled: false });
    }
  }
}

function custodyOf(record: LedgerRecord): { status: PackStatus; custodian: string } {
  return { status: record.status, custodian: record.custodianOrg };
}

function allowed(next: LedgerRecord): LedgerDecision {
  return { ok: true, next };
}

function refused(refusal: Refusal): LedgerDecision {
  return { ok: false, code: refusal.code, reason: refusal.detail };
}
