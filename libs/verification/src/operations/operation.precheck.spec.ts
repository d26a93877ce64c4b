import type { Participant } from '@pharmatrace/auth';
import { HOLDER, itemState, packRecord, QUERY } from '../testing/pack-record.factory';
import { VerificationError } from '../verification.error';
import { decideVerdict } from '../verify/verdict.policy';
import type { Verified } from '../verify/verification.service';
import { verificationView } from '../verify/verification.view';
import { DISPENSE, UNDO_DISPENSE } from './operation-event.factory';
import { operationLocation, precheckOperation } from './operation.precheck';

const pharmacy: Participant = {
  gln: HOLDER,
  name: 'Pharmacy',
  role: 'pharmacy',
  companyPrefixes: ['9520001'],
  mspId: undefined,
  locations: [{ sgln: 'urn:epc:id:sgln:9520001.00001.0', name: 'Counter' }],
};
const other: Participant = { ...pharmacy, gln: '9520002000019', locations: [] };

function verified(record = packRecord(), integrity?: 'tampered'): Verified {
  const result = decideVerdict(QUERY, record, integrity, '2026-04-02');
  return { query: QUERY, record, result, view: verificationView(QUERY, record, result, pharmacy, 'now') };
}

function refusal(run: () => unknown): { code: string; wire?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof VerificationError) return { code: error.code, wire: error.options.wireCode };
    throw error;
  }
  return { code: 'none' };
}

const dispensedByHolder = packRecord(
  itemState({
    status: 'dispensed',
    decommission: { status: 'dispensed', by: HOLDER, time: '2026-04-01T10:00:00.000Z', eventId: 'e2' },
  }),
);

describe('operation pre-checks', () => {
  it('lets the custodian decommission and the decommissioner undo, returning the EPC', () => {
    expect(precheckOperation(DISPENSE, pharmacy, verified())).toBe('urn:epc:id:sgtin:0614141.107346.S1');
    expect(precheckOperation(UNDO_DISPENSE, pharmacy, verified(dispensedByHolder))).toBe(
      'urn:epc:id:sgtin:0614141.107346.S1',
    );
    // Already dispensed is for the custody rules to refuse (and record), not the pre-check.
    expect(precheckOperation(DISPENSE, pharmacy, verified(dispensedByHolder))).toEqual(expect.any(String));
  });

  it.each([
    ['an unknown serial', DISPENSE, pharmacy, verified(packRecord(null)), 'UNKNOWN_SERIAL', 'NMVS_NC_PC_02'],
    ['a tampered record', DISPENSE, pharmacy, verified(packRecord(), 'tampered'), 'TAMPERED', undefined],
    ['someone else’s pack', DISPENSE, other, verified(), 'NOT_CUSTODIAN', undefined],
    [
      'an undo by another participant',
      UNDO_DISPENSE,
      other,
      verified(dispensedByHolder),
      'UNDO_BY_OTHER_PARTICIPANT',
      'NMVS_NC_PCK_21',
    ],
  ] as const)('refuses %s', (_name, operation, caller, subject, code, wire) => {
    expect(refusal(() => precheckOperation(operation, caller, subject))).toEqual({ code, wire });
  });

  it('uses the caller’s first location, or one of its own it names', () => {
    expect(operationLocation(pharmacy, undefined)).toBe('urn:epc:id:sgln:9520001.00001.0');
    expect(operationLocation(pharmacy, 'urn:epc:id:sgln:9520001.00001.7')).toBe(
      'urn:epc:id:sgln:9520001.00001.7',
    );
    expect(operationLocation(other, undefined)).toBeUndefined();
    expect(refusal(() => operationLocation(pharmacy, 'urn:epc:id:sgln:9520002.00001.0')).code).toBe(
      'LOCATION_NOT_OWNED',
    );
    expect(refusal(() => operationLocation(pharmacy, 'counter 2')).code).toBe('INVALID_REQUEST');
  });
});
