import { classifyEvent, EXPIRY_KEY, LOT_KEY, PHARMATRACE_DISPOSITIONS } from '@pharmatrace/custody';
import { normaliseEvent } from '@pharmatrace/epcis';
import { PrefixTable } from '@pharmatrace/gs1';
import {
  DISPENSE,
  operationEvent,
  operationName,
  UNDO_DISPENSE,
  type Operation,
} from './operation-event.factory';

const EPC = 'urn:epc:id:sgtin:0614141.107346.P0012';
const SGLN = 'urn:epc:id:sgln:9520001.00001.0';
const prefixTable = PrefixTable.fromCompanyPrefixes(['0614141', '9520001']);

function normalised(operation: Operation, stated: { lot?: string; expiry?: string } = {}) {
  const raw = operationEvent({
    operation,
    epc: EPC,
    eventId: 'urn:uuid:11111111-2222-4333-8444-555555555555',
    eventTime: '2026-04-02T10:00:00.000Z',
    location: SGLN,
    stated,
  });
  return normaliseEvent(raw, { prefixTable, recordTime: '2026-04-02T10:00:00.100Z' });
}

describe('operation events', () => {
  it('a dispense is an ObjectEvent the custody rules read as a decommission to dispensed', () => {
    const event = normalised(DISPENSE, { lot: 'LOT-3T', expiry: '2028-06-30' });
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      epcList: [EPC],
      action: 'OBSERVE',
      bizStep: 'dispensing',
      disposition: 'dispensed',
      bizLocation: SGLN,
      readPoint: SGLN,
      extensions: { [LOT_KEY]: 'LOT-3T', [EXPIRY_KEY]: '2028-06-30' },
    });
    expect(classifyEvent(event)).toMatchObject({ op: 'decommission', status: 'dispensed' });
  });

  it('an undo names the decommission it reverses, so it cannot reverse another', () => {
    const event = normalised(UNDO_DISPENSE);
    expect(event).toMatchObject({ disposition: 'active', persistentDisposition: { unset: ['dispensed'] } });
    expect(event.extensions).toBeUndefined();
    expect(classifyEvent(event)).toMatchObject({ op: 'undo', status: 'dispensed' });
  });

  it.each([
    ['destroyed', 'destroying', 'destroyed'],
    ['exported', 'decommissioning', PHARMATRACE_DISPOSITIONS.exported],
    ['sample', 'sampling', PHARMATRACE_DISPOSITIONS.sample],
    ['free_sample', 'decommissioning', PHARMATRACE_DISPOSITIONS.free_sample],
    ['stolen', 'decommissioning', 'stolen'],
    ['locked', 'decommissioning', PHARMATRACE_DISPOSITIONS.locked],
  ] as const)('decommission as %s: bizStep %s, disposition %s', (status, bizStep, disposition) => {
    const event = normalised({ kind: 'decommission', status });
    expect(event).toMatchObject({ bizStep, disposition });
    expect(classifyEvent(event)).toMatchObject({ op: 'decommission', status });
    expect(classifyEvent(normalised({ kind: 'undo', status }))).toMatchObject({ op: 'undo', status });
  });

  it('names operations for responses', () => {
    expect(operationName(DISPENSE)).toBe('dispense');
    expect(operationName(UNDO_DISPENSE)).toBe('dispense:undo');
    expect(operationName({ kind: 'undo', status: 'locked' })).toBe('decommission:locked:undo');
  });
});
