import { createHash } from 'node:crypto';
import { itemState, packRecord } from '../testing/pack-record.factory';
import type { PackRecord } from '../lookup/pack-record';
import { ReceiptHashTamperCheck, stateHash } from './receipt-hash.tamper-check';

const check = new ReceiptHashTamperCheck();
const state = itemState();
const anchored = { recordId: 'r0', txId: 'tx', blockNumber: '7' };

function withReceipts(overrides: Partial<PackRecord>): PackRecord {
  return packRecord(state, overrides);
}

describe('receipt-hash tamper check', () => {
  it('hashes the canonical JSON of the state, keys sorted, as the processor does', () => {
    const reordered = Object.fromEntries(Object.entries(state).reverse()) as unknown as typeof state;
    expect(stateHash(reordered)).toBe(stateHash(state));
    expect(stateHash(state)).toBe(
      createHash('sha256')
        .update(
          '{"custodian":"9520001000010","epc":"urn:epc:id:sgtin:0614141.107346.S1","expiry":"2028-06-30",' +
            '"gtin":"10614141073464","kind":"item","lastEvent":{"hash":"ni:///sha-256;aa?ver=CBV2.0",' +
            '"id":"urn:uuid:e1","time":"2026-03-01T08:00:00.000Z"},"lot":"L1","owner":"0614141000012",' +
            '"serial":"S1","status":"active","version":3}',
        )
        .digest('hex'),
    );
  });

  it.each([
    [
      'the current record anchored with the same hash',
      { currentReceipts: [{ recordHash: stateHash(state), status: 'anchored' as const }] },
      'anchored',
    ],
    [
      'the current record pending with the same hash',
      { currentReceipts: [{ recordHash: stateHash(state), status: 'pending' as const }] },
      'pending',
    ],
    [
      'the current record refused by the ledger',
      { currentReceipts: [{ recordHash: stateHash(state), status: 'rejected' as const }] },
      'rejected',
    ],
    [
      'the current record with another hash',
      {
        currentReceipts: [{ recordHash: 'f'.repeat(64), status: 'anchored' as const }],
        latestAnchored: anchored,
      },
      'tampered',
    ],
    [
      'an earlier state anchored, the current one on its way',
      { latestAnchored: anchored, lastEventApplied: true },
      'pending',
    ],
    [
      'an earlier state anchored, the current one naming an event never applied',
      { latestAnchored: anchored, lastEventApplied: false },
      'tampered',
    ],
    ['nothing on the ledger', { lastEventApplied: false }, 'unanchored'],
  ] as const)('%s → %s', (_name, overrides, expected) => {
    expect(check.assessOne(withReceipts(overrides))).toBe(expected);
  });

  it('judges a batch in order', async () => {
    const tampered = withReceipts({ currentReceipts: [{ recordHash: 'f'.repeat(64), status: 'anchored' }] });
    expect(await check.assess([withReceipts({}), tampered])).toEqual(['unanchored', 'tampered']);
  });

  it('reports tampered when an indexed column disagrees with the state', () => {
    const record = withReceipts({});
    const edited: PackRecord = record.pack
      ? {
          ...record,
          pack: {
            ...record.pack,
            columns: { ...record.pack.columns, status: 'active', custodian: '4012345000016' },
          },
        }
      : record;
    expect(check.assessOne(edited)).toBe('tampered');
  });
});
