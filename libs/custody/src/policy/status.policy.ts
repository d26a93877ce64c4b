import type { AlertCode } from '../model/alert-codes';
import type { DecommissionStatus, PackStatus } from '../model/pack-state';
import { isDecommissioned, isFinalStatus, isSupplyStatus } from '../model/pack-state';
import type { PackFlags } from './verdict-status';

/**
 * The status rules shared by the event state machine and the ledger rule set, on the least they need:
 * a status, a custodian and the caller. Each returns why an operation is refused, or nothing.
 * Participant ids are GLNs off-chain and MSP ids on the ledger; the rules only compare them.
 */
export interface Refusal {
  readonly code: AlertCode;
  readonly detail: string;
  readonly nmvsCode?: string;
}

export interface CustodyView {
  readonly status: PackStatus;
  readonly custodian: string;
}

/** Destroyed and stolen objects accept no change; other decommissioned ones only an undo. */
export function refuseInactive(status: PackStatus, wanted?: DecommissionStatus): Refusal | undefined {
  if (isFinalStatus(status)) {
    return { code: 'EVENT_ON_FINAL_STATE', detail: `object is ${status}: no further event may change it` };
  }
  if (isDecommissioned(status)) {
    return {
      code: 'ALREADY_DECOMMISSIONED',
      detail: `object is already ${status}`,
      nmvsCode: wanted === status ? 'NMVS_NC_PCK_19' : 'NMVS_NC_PCK_22',
    };
  }
  return undefined;
}

/** Ship, pack or unpack: the custodian of an active object. */
export function refuseCustodianOperation(
  view: CustodyView,
  caller: string,
  operation: string,
): Refusal | undefined {
  const inactive = refuseInactive(view.status);
  if (inactive) return inactive;
  if (view.custodian !== caller) {
    return {
      code: 'NOT_CUSTODIAN',
      detail: `${caller} is not the custodian (${view.custodian}) and cannot ${operation}`,
    };
  }
  if (view.status === 'in_transit') {
    return { code: 'INVALID_TRANSITION', detail: `object is in transit and cannot ${operation}` };
  }
  return undefined;
}

/** Receive: an object in transit to the caller. */
export function refuseReceive(
  status: PackStatus,
  pendingTo: string | undefined,
  caller: string,
): Refusal | undefined {
  const inactive = refuseInactive(status);
  if (inactive) return inactive;
  if (status !== 'in_transit' || pendingTo === undefined) {
    return { code: 'RECEIVE_WITHOUT_SHIPMENT', detail: 'no open shipment for this object' };
  }
  if (pendingTo !== caller) {
    return { code: 'RECEIVER_MISMATCH', detail: `object was shipped to ${pendingTo}, not to ${caller}` };
  }
  return undefined;
}

/**
 * Decommission: the custodian of an active object; a supply (dispense, sample, free sample, export) of
 * a withdrawn, recalled or expired pack is refused, each reason reported.
 */
export function refuseDecommission(
  view: CustodyView,
  caller: string,
  target: DecommissionStatus,
  flags: PackFlags,
): Refusal[] {
  const inactive = refuseInactive(view.status, target);
  if (inactive) return [inactive];
  const custody = refuseCustodianOperation(view, caller, `decommission as ${target}`);
  if (custody) return [custody];
  if (!isSupplyStatus(target)) return [];
  const refusals: Refusal[] = [];
  if (flags.withdrawn)
    refusals.push({ code: 'WITHDRAWN', detail: `product is withdrawn: cannot be ${target}` });
  if (flags.recalled) refusals.push({ code: 'RECALLED', detail: `lot is recalled: cannot be ${target}` });
  if (flags.expired) refusals.push({ code: 'EXPIRED', detail: `pack is expired: cannot be ${target}` });
  return refusals;
}

/**
 * The state part of an undo: only a reversible decommission, and only the one the undo names. Who,
 * where and when are checked by the caller with what it has (the ledger has no location).
 */
export function refuseUndoState(
  status: PackStatus,
  target: DecommissionStatus | undefined,
): Refusal | undefined {
  if (isFinalStatus(status))
    return { code: 'UNDO_NOT_ALLOWED', detail: `object is ${status}, which is final` };
  if (!isDecommissioned(status))
    return { code: 'UNDO_NOT_ALLOWED', detail: `object is ${status}: nothing to undo` };
  if (target !== undefined && target !== status) {
    return { code: 'UNDO_NOT_ALLOWED', detail: `object is ${status}, the undo names ${target}` };
  }
  return undefined;
}

export function refuseUndoBy(decommissionedBy: string | undefined, caller: string): Refusal | undefined {
  if (decommissionedBy === undefined || decommissionedBy === caller) return undefined;
  return {
    code: 'UNDO_BY_OTHER_PARTICIPANT',
    detail: `decommissioned by ${decommissionedBy}; ${caller} may not undo it`,
  };
}

/** An undo never revives an expired, recalled or withdrawn pack. */
export function refuseUndoFlags(flags: PackFlags): Refusal | undefined {
  if (flags.withdrawn) return { code: 'UNDO_NOT_ALLOWED', detail: 'product is withdrawn' };
  if (flags.recalled) return { code: 'UNDO_NOT_ALLOWED', detail: 'lot is recalled' };
  if (flags.expired) return { code: 'UNDO_NOT_ALLOWED', detail: 'pack is expired' };
  return undefined;
}
