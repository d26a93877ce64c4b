import { itemState } from '../testing/pack-record.factory';
import type { PackLookupRow } from './pack-lookup.sql';
import { packRecordOf } from './pack-record';

const state = itemState();
const HASH = state.lastEvent.hash;
const row: PackLookupRow = {
  i: 1,
  product_known: true,
  product_name: 'Amoxicillin 500 mg',
  product_form: null,
  product_strength: '500 mg',
  product_status: 'active',
  product_status_reason: null,
  brand_owner: state.owner,
  epc: state.epc,
  p_status: 'active',
  p_custodian: state.custodian,
  p_gtin: state.gtin,
  p_serial: state.serial,
  p_lot: state.lot,
  p_expiry: state.expiry,
  state,
  lot_status: 'recalled',
  lot_status_reason: 'contamination',
  custodian_role: 'pharmacy',
  custodian_name: 'Pharmacy',
  latest_anchored: {
    recordId: 'r0',
    txId: 'tx0',
    blockNumber: '12',
    blockHash: null,
    anchoredAt: '2026-03-01T08:05:00.000Z',
  },
  event_receipts: [
    { recordId: `${HASH}#${state.epc}`, recordHash: 'original', status: 'anchored' },
    { recordId: `${HASH}#error-declaration#${state.epc}`, recordHash: 'restored', status: 'pending' },
  ],
  applied_keys: [HASH],
  alert_code: null,
  alert_nmvs_code: null,
};
const key = { gtin: state.gtin, serial: state.serial };

describe('pack records from lookup rows', () => {
  it('maps product, pack, lot, custodian and the latest anchored receipt', () => {
    expect(packRecordOf(key, row)).toMatchObject({
      product: {
        name: 'Amoxicillin 500 mg',
        strength: '500 mg',
        ownerGln: state.owner,
        record: { status: 'active' },
      },
      pack: { epc: state.epc, state, columns: { status: 'active', expiry: '2028-06-30' } },
      lot: { lot: 'L1', status: 'recalled', statusReason: 'contamination' },
      custodian: { role: 'pharmacy', name: 'Pharmacy' },
      latestAnchored: {
        recordId: 'r0',
        txId: 'tx0',
        blockNumber: '12',
        anchoredAt: '2026-03-01T08:05:00.000Z',
      },
      lastEventApplied: true,
    });
  });

  it('takes the receipts of the event itself, or of its error declaration once that was applied', () => {
    expect(packRecordOf(key, row).currentReceipts).toEqual([{ recordHash: 'original', status: 'anchored' }]);
    const declared = { ...row, applied_keys: [HASH, `${HASH}#error-declaration`] };
    expect(packRecordOf(key, declared).currentReceipts).toEqual([
      { recordHash: 'restored', status: 'pending' },
    ]);
  });

  it('maps an unknown pack of a known product, and an unknown product', () => {
    const none = {
      ...row,
      epc: null,
      state: null,
      p_status: null,
      lot_status: null,
      custodian_role: null,
      latest_anchored: null,
      event_receipts: null,
      applied_keys: null,
    };
    expect(packRecordOf(key, none)).toEqual({
      gtin: state.gtin,
      serial: state.serial,
      product: expect.objectContaining({ name: 'Amoxicillin 500 mg' }),
      currentReceipts: [],
      lastEventApplied: false,
    });
    expect(
      packRecordOf(key, { ...none, product_known: false, product_status: null }).product,
    ).toBeUndefined();
  });
});
