import {
  authoriseLedgerTransition,
  DECOMMISSION_STATUSES,
  isDecommissioned,
  PACK_STATUSES,
  type AlertCode,
  type LedgerRecord as CustodyView,
  type LedgerDecision,
  type LedgerTransitionRequest,
  type PackStatus,
} from '@pharmatrace/custody';
import type { LedgerRecord } from '../record/ledger-record';
import { lotView, packView, type SubjectState } from '../state/subject-state';

/** Why the chaincode refuses a record: a custody alert code, or one of its own. */
export type RejectionCode = AlertCode | 'INVALID_RECORD' | 'STATE_MISMATCH' | 'STALE_VERSION';

export interface TransitionInput {
  readonly record: LedgerRecord;
  /** The subject's state on the ledger, as this transaction sees it. */
  readonly current: SubjectState | undefined;
  /** The pack's lot is recalled (read only for decommission and undo). */
  readonly lotRecalled: boolean;
  /** MSP id of the submitting identity (Fabric) or of the record's submitter (embedded). */
  readonly callerMsp: string;
  readonly callerIsRegulator: boolean;
  readonly txId: string;
  readonly txTime: string;
}

export interface Refusal {
  readonly ok: false;
  readonly code: RejectionCode;
  readonly reason: string;
}

export type TransitionResult = { readonly ok: true; readonly next: SubjectState } | Refusal;

type Decision = LedgerDecision | Refusal;

const refuse = (code: RejectionCode, reason: string): Refusal => ({ ok: false, code, reason });

/**
 * Decides one record against the ledger: the custody library's rules (authoriseLedgerTransition)
 * for who may do what, then a consistency check that the ledger's result agrees with the state the
 * record reports. Pure: the caller reads and writes the world state.
 */
export function decideRecord(input: TransitionInput): TransitionResult {
  const { record, current } = input;
  if (current && current.kind !== record.kind) {
    return refuse(
      'INVALID_RECORD',
      `${record.subject} is a ${current.kind} on the ledger, not a ${record.kind}`,
    );
  }
  if (current && record.kind !== 'lot') {
    if (record.version <= current.version) {
      return refuse(
        'STALE_VERSION',
        `version ${record.version} is not after the ledger's ${current.version}`,
      );
    }
    if (current.gtin !== record.gtin || current.lot !== record.lot) {
      return refuse('LOT_MISMATCH', `the ledger has lot ${current.lot ?? '-'} of ${current.gtin ?? '-'}`);
    }
  }
  const decision = record.kind === 'lot' ? lotDecision(input) : packDecision(input);
  if (!decision.ok) return decision;
  const next = nextState(input, decision.next);
  const mismatch = disagreement(record, next);
  return mismatch ? refuse('STATE_MISMATCH', mismatch) : { ok: true, next };
}

function packDecision(input: TransitionInput): Decision {
  const { record, current, callerMsp } = input;
  if (!(PACK_STATUSES as readonly string[]).includes(record.status)) {
    return refuse('INVALID_RECORD', `${record.status} is not a pack status`);
  }
  const view = current && packView(current, input.lotRecalled);
  const ask = (request: Omit<LedgerTransitionRequest, 'record' | 'callerOrg'>) =>
    authoriseLedgerTransition({ ...request, record: view, callerOrg: callerMsp });
  switch (record.operation) {
    case 'commission':
      return ask({ operation: 'commission', targetOrg: record.ownerMsp });
    case 'aggregate':
    case 'disaggregate':
    case 'observe': {
      // A new container is created by its first packing, like a commissioning by the SSCC's owner.
      if (!view && record.kind === 'container' && record.operation === 'aggregate') {
        return ask({ operation: 'commission', targetOrg: record.ownerMsp });
      }
      // Packing and unpacking need what shipping needs (status.policy's custodian rule): the custodian
      // of an active object not in transit. Custody itself does not change.
      const decision = ask({ operation: 'ship', targetOrg: callerMsp });
      return decision.ok && view ? { ok: true, next: view } : decision;
    }
    case 'ship':
      return ask({ operation: 'ship', targetOrg: record.destinationMsp });
    case 'receive':
      return ask({ operation: 'receive' });
    case 'decommission': {
      const status = DECOMMISSION_STATUSES.find((s) => s === record.status);
      if (!status) return refuse('INVALID_RECORD', `${record.status} is not a decommissioned status`);
      return ask({ operation: 'decommission', decommissionStatus: status });
    }
    case 'undo':
      return ask({ operation: 'undo' });
    case 'void_shipping':
      return voidShipping(view, callerMsp);
    case 'correction':
      return correction(view, record, callerMsp);
    case 'recall':
    case 'recall_lot':
    case 'lift_recall':
    case 'withdraw':
    case 'withdraw_product':
    case 'reinstate':
    case 'reinstate_product':
      return refuse('INVALID_RECORD', `${record.operation} applies to a lot, not to a ${record.kind}`);
  }
}

/**
 * A cancelled shipment (EPCIS void_shipping) returns the object to its shipper, who is still its
 * custodian while it travels. Not in the custody library's ledger rules yet.
 */
function voidShipping(view: CustodyView | undefined, callerMsp: string): Decision {
  if (!view) return refuse('UNKNOWN_SERIAL', 'identifier not on the ledger');
  if (view.status !== 'in_transit') return refuse('INVALID_TRANSITION', 'object is not in transit');
  if (view.custodianOrg !== callerMsp) {
    return refuse('NOT_CUSTODIAN', `${callerMsp} did not ship it (${view.custodianOrg} did)`);
  }
  const { pendingOrg: _pending, ...rest } = view;
  return { ok: true, next: { ...rest, status: 'active' } };
}

/**
 * An error declaration restores what the declared event changed. The ledger cannot replay the
 * off-chain machine, so it accepts the reported state from a party to the object (owner, custodian,
 * destination or decommissioner) and records it with its hash.
 */
function correction(view: CustodyView | undefined, record: LedgerRecord, callerMsp: string): Decision {
  if (!view) return refuse('UNKNOWN_SERIAL', 'identifier not on the ledger');
  const parties = [view.ownerOrg, view.custodianOrg, view.pendingOrg, view.decommissionedByOrg];
  if (!parties.includes(callerMsp)) {
    return refuse('NOT_AUTHORISED', `${callerMsp} is not a party to this object and cannot correct it`);
  }
  const status = record.status as PackStatus;
  const { pendingOrg: _p, decommissionedByOrg: _d, ...settled } = view;
  return {
    ok: true,
    next: {
      ...settled,
      status,
      custodianOrg: record.custodianMsp ?? view.custodianOrg,
      ...(status === 'in_transit' && { pendingOrg: record.destinationMsp ?? view.pendingOrg }),
      ...(isDecommissioned(status) && { decommissionedByOrg: view.decommissionedByOrg ?? callerMsp }),
    },
  };
}

function lotDecision(input: TransitionInput): Decision {
  const { record, current } = input;
  if (record.status !== 'active' && record.status !== 'recalled') {
    return refuse('INVALID_RECORD', `a lot is active or recalled, not ${record.status}`);
  }
  // A lot has no commissioning: its first record names its owner (the GTIN's brand owner).
  const view: CustodyView = current
    ? lotView(current)
    : { custodianOrg: record.ownerMsp, status: 'active', ownerOrg: record.ownerMsp, lotRecalled: false };
  const ask = (operation: 'recall' | 'lift') =>
    authoriseLedgerTransition({
      record: view,
      operation,
      callerOrg: input.callerMsp,
      callerIsRegulator: input.callerIsRegulator,
    });
  switch (record.operation) {
    case 'recall':
    case 'recall_lot':
      return ask('recall');
    case 'lift_recall':
      return ask('lift');
    case 'withdraw':
    case 'withdraw_product':
    case 'reinstate':
    case 'reinstate_product': {
      // A product status is set by whoever may recall its lots; the lot's own status is unchanged.
      const decision = ask('recall');
      return decision.ok ? { ok: true, next: view } : decision;
    }
    case 'commission':
    case 'aggregate':
    case 'disaggregate':
    case 'ship':
    case 'void_shipping':
    case 'receive':
    case 'decommission':
    case 'undo':
    case 'observe':
    case 'correction':
      return refuse('INVALID_RECORD', `${record.operation} does not apply to a lot`);
  }
}

function nextState(input: TransitionInput, view: CustodyView): SubjectState {
  const { record, current } = input;
  const isLot = record.kind === 'lot';
  const gtin = current?.gtin ?? record.gtin;
  const lot = current?.lot ?? record.lot;
  return {
    subject: record.subject,
    kind: record.kind,
    ownerMsp: view.ownerOrg,
    custodianMsp: view.custodianOrg,
    status: isLot ? (view.lotRecalled ? 'recalled' : 'active') : view.status,
    ...(gtin !== undefined && { gtin }),
    ...(lot !== undefined && { lot }),
    ...(!isLot && view.pendingOrg !== undefined && { pendingMsp: view.pendingOrg }),
    ...(!isLot &&
      view.decommissionedByOrg !== undefined && { decommissionedByMsp: view.decommissionedByOrg }),
    ...(isLot && view.recalledByOrg !== undefined && { recalledByMsp: view.recalledByOrg }),
    stateHash: record.stateHash,
    lastEventHash: record.eventHash,
    lastRecordId: record.recordId,
    // Lot records do not carry a meaningful version (always 1): the ledger counts their changes.
    version: isLot ? (current?.version ?? 0) + 1 : record.version,
    updatedTxId: input.txId,
    updatedAt: input.txTime,
  };
}

/** What the ledger computed must be what the record reports, or the two sides have diverged. */
function disagreement(record: LedgerRecord, next: SubjectState): string | undefined {
  if (next.status !== record.status) {
    return `the ledger computes status ${next.status}, the record reports ${record.status}`;
  }
  if (next.ownerMsp !== record.ownerMsp) {
    return `the ledger has owner ${next.ownerMsp}, the record reports ${record.ownerMsp}`;
  }
  if (
    record.kind !== 'lot' &&
    record.custodianMsp !== undefined &&
    next.custodianMsp !== record.custodianMsp
  ) {
    return `the ledger computes custodian ${next.custodianMsp}, the record reports ${record.custodianMsp}`;
  }
  return undefined;
}
