import type { ItemState } from '../model/pack-state';
import { eventLocalDate, isExpiredOn, withinUndoWindow } from './event-time';
import { deriveVerdictStatus } from './verdict-status';

const pack: ItemState = {
  epc: 'urn:epc:id:sgtin:4012345.012345.S1',
  kind: 'item',
  gtin: '04012345123456',
  serial: 'S1',
  lot: 'L1',
  expiry: '2025-06-30',
  owner: '4012345000009',
  status: 'active',
  custodian: '4011111000004',
  lastEvent: { id: 'e1', hash: 'h1', time: '2025-01-01T00:00:00.000Z' },
  version: 1,
};
const recalled = { gtin: pack.gtin, lot: 'L1', status: 'recalled' as const };
const withdrawn = { gtin: pack.gtin, status: 'withdrawn' as const };

describe('deriveVerdictStatus', () => {
  it.each([
    ['an active pack', pack, undefined, undefined, '2025-06-30', 'active'],
    ['an expired pack, the day after expiry', pack, undefined, undefined, '2025-07-01', 'expired'],
    ['a recalled pack, before expiry', pack, recalled, undefined, '2025-01-01', 'recalled'],
    [
      'a withdrawn product wins over a recall and expiry',
      pack,
      recalled,
      withdrawn,
      '2026-01-01',
      'withdrawn',
    ],
    [
      'a stored decommission wins over derived states',
      { ...pack, status: 'dispensed' as const },
      recalled,
      withdrawn,
      '2026-01-01',
      'dispensed',
    ],
    [
      'in transit and expired',
      { ...pack, status: 'in_transit' as const },
      undefined,
      undefined,
      '2026-01-01',
      'expired',
    ],
  ] as const)('%s', (_name, subject, lot, product, today, status) => {
    expect(deriveVerdictStatus(subject, lot, product, today).status).toBe(status);
  });

  it('reports every flag alongside the status', () => {
    expect(deriveVerdictStatus({ ...pack, status: 'locked' }, recalled, undefined, '2026-01-01')).toEqual({
      status: 'locked',
      packStatus: 'locked',
      expired: true,
      recalled: true,
      withdrawn: false,
    });
  });

  it('containers are never expired, recalled or withdrawn', () => {
    const { gtin: _g, serial: _s, lot: _l, expiry: _e, ...rest } = pack;
    expect(
      deriveVerdictStatus({ ...rest, kind: 'container' }, recalled, withdrawn, '2030-01-01').status,
    ).toBe('active');
  });
});

describe('event time', () => {
  it('takes the calendar date at the event’s own offset', () => {
    expect(eventLocalDate('2025-03-31T23:30:00.000Z', '+02:00')).toBe('2025-04-01');
    expect(eventLocalDate('2025-04-01T00:30:00.000Z', '-05:00')).toBe('2025-03-31');
    expect(eventLocalDate('2025-04-01T00:30:00.000Z', 'bogus')).toBe('2025-04-01');
  });

  it('allows an undo up to exactly 240 hours later', () => {
    expect(withinUndoWindow('2025-03-01T10:00:00.000Z', '2025-03-11T10:00:00.000Z')).toBe(true);
    expect(withinUndoWindow('2025-03-01T10:00:00.000Z', '2025-03-11T10:00:00.001Z')).toBe(false);
    expect(withinUndoWindow('not a time', '2025-03-11T10:00:00.000Z')).toBe(false);
  });

  it('is expired only after the expiry date', () => {
    expect(isExpiredOn('2025-06-30', '2025-06-30')).toBe(false);
    expect(isExpiredOn('2025-06-30', '2025-07-01')).toBe(true);
  });
});
