import type { LedgerDecision, LedgerRecord, LedgerTransitionRequest } from './ledger-transition.policy';
import { authoriseLedgerTransition } from './ledger-transition.policy';

const M = 'MfrMSP';
const W = 'WholesalerMSP';
const P = 'PharmacyMSP';
const R = 'RegulatorMSP';
const active: LedgerRecord = { custodianOrg: M, status: 'active', ownerOrg: M, lotRecalled: false };
const inTransit: LedgerRecord = { ...active, status: 'in_transit', pendingOrg: W };
const dispensed: LedgerRecord = { ...active, custodianOrg: P, status: 'dispensed', decommissionedByOrg: P };

type Row = [string, LedgerTransitionRequest, LedgerDecision];
const ok = (next: LedgerRecord): LedgerDecision => ({ ok: true, next });
const no = (code: string) => expect.objectContaining({ ok: false, code }) as LedgerDecision;

const rows: Row[] = [
  [
    'commission by the prefix owner',
    { record: undefined, operation: 'commission', callerOrg: M, targetOrg: M },
    ok(active),
  ],
  [
    'commission by another org',
    { record: undefined, operation: 'commission', callerOrg: W, targetOrg: M },
    no('NOT_BRAND_OWNER'),
  ],
  [
    'commission twice',
    { record: active, operation: 'commission', callerOrg: M, targetOrg: M },
    no('DUPLICATE_COMMISSIONING'),
  ],
  [
    'any operation on an unknown id',
    { record: undefined, operation: 'ship', callerOrg: M, targetOrg: W },
    no('UNKNOWN_SERIAL'),
  ],
  ['ship by the custodian', { record: active, operation: 'ship', callerOrg: M, targetOrg: W }, ok(inTransit)],
  [
    'ship by another org',
    { record: active, operation: 'ship', callerOrg: W, targetOrg: P },
    no('NOT_CUSTODIAN'),
  ],
  [
    'ship without destination',
    { record: active, operation: 'ship', callerOrg: M },
    no('UNKNOWN_DESTINATION'),
  ],
  [
    'ship while in transit',
    { record: inTransit, operation: 'ship', callerOrg: M, targetOrg: P },
    no('INVALID_TRANSITION'),
  ],
  [
    'ship a dispensed pack',
    { record: dispensed, operation: 'ship', callerOrg: P, targetOrg: W },
    no('ALREADY_DECOMMISSIONED'),
  ],
  [
    'ship a destroyed pack',
    { record: { ...active, status: 'destroyed' }, operation: 'ship', callerOrg: M, targetOrg: W },
    no('EVENT_ON_FINAL_STATE'),
  ],
  [
    'receive by the destination',
    { record: inTransit, operation: 'receive', callerOrg: W },
    ok({ ...active, custodianOrg: W }),
  ],
  [
    'receive by another org',
    { record: inTransit, operation: 'receive', callerOrg: P },
    no('RECEIVER_MISMATCH'),
  ],
  [
    'receive with no shipment',
    { record: active, operation: 'receive', callerOrg: W },
    no('RECEIVE_WITHOUT_SHIPMENT'),
  ],
  [
    'dispense by the custodian',
    { record: { ...active, custodianOrg: P }, operation: 'decommission', callerOrg: P },
    ok(dispensed),
  ],
  [
    'decommission by another org',
    { record: active, operation: 'decommission', callerOrg: P },
    no('NOT_CUSTODIAN'),
  ],
  [
    'dispense twice',
    { record: dispensed, operation: 'decommission', callerOrg: P },
    no('ALREADY_DECOMMISSIONED'),
  ],
  [
    'dispense a recalled pack',
    { record: { ...active, lotRecalled: true }, operation: 'decommission', callerOrg: M },
    no('RECALLED'),
  ],
  [
    'destroy a recalled pack',
    {
      record: { ...active, lotRecalled: true },
      operation: 'decommission',
      callerOrg: M,
      decommissionStatus: 'destroyed',
    },
    ok({ ...active, lotRecalled: true, status: 'destroyed', decommissionedByOrg: M }),
  ],
  [
    'undo by the decommissioning org',
    { record: dispensed, operation: 'undo', callerOrg: P, decommissionStatus: 'dispensed' },
    ok({ ...active, custodianOrg: P }),
  ],
  [
    'undo by another org',
    { record: dispensed, operation: 'undo', callerOrg: W },
    no('UNDO_BY_OTHER_PARTICIPANT'),
  ],
  ['undo of an active pack', { record: active, operation: 'undo', callerOrg: M }, no('UNDO_NOT_ALLOWED')],
  [
    'undo of a stolen pack',
    { record: { ...dispensed, status: 'stolen' }, operation: 'undo', callerOrg: P },
    no('UNDO_NOT_ALLOWED'),
  ],
  [
    'undo of a recalled pack',
    { record: { ...dispensed, lotRecalled: true }, operation: 'undo', callerOrg: P },
    no('UNDO_NOT_ALLOWED'),
  ],
  [
    'undo naming another decommission',
    { record: dispensed, operation: 'undo', callerOrg: P, decommissionStatus: 'exported' },
    no('UNDO_NOT_ALLOWED'),
  ],
  [
    'recall by the owner',
    { record: active, operation: 'recall', callerOrg: M },
    ok({ ...active, lotRecalled: true, recalledByOrg: M }),
  ],
  [
    'recall by a regulator',
    { record: active, operation: 'recall', callerOrg: R, callerIsRegulator: true },
    ok({ ...active, lotRecalled: true, recalledByOrg: R }),
  ],
  ['recall by another org', { record: active, operation: 'recall', callerOrg: W }, no('NOT_BRAND_OWNER')],
  [
    'lift by the org that recalled',
    { record: { ...active, lotRecalled: true, recalledByOrg: R }, operation: 'lift', callerOrg: R },
    ok(active),
  ],
  [
    'lift by the owner of a regulator recall',
    { record: { ...active, lotRecalled: true, recalledByOrg: R }, operation: 'lift', callerOrg: M },
    no('NOT_AUTHORISED'),
  ],
  ['lift when not recalled', { record: active, operation: 'lift', callerOrg: W }, ok(active)],
];

describe('authoriseLedgerTransition', () => {
  it.each(rows)('%s', (_name, request, expected) => {
    expect(authoriseLedgerTransition(request)).toEqual(expected);
  });

  it('names the reason of a refusal', () => {
    const decision = authoriseLedgerTransition({
      record: active,
      operation: 'ship',
      callerOrg: W,
      targetOrg: P,
    });
    expect(decision).toEqual({
      ok: false,
      code: 'NOT_CUSTODIAN',
      reason: `${W} is not the custodian (${M}) and cannot ship it`,
    });
  });
});
