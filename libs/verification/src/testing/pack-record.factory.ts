import type { ItemState } from '@pharmatrace/custody';
import type { PackRecord } from '../lookup/pack-record';
import type { PackQuery } from '../verify/pack-query';

export const BRAND_OWNER = '0614141000012';
export const HOLDER = '9520001000010';
export const GTIN = '10614141073464';

/** An active pack at the pharmacy, lot L1, expiring 2028-06-30. */
export function itemState(overrides: Partial<ItemState> = {}): ItemState {
  return {
    epc: 'urn:epc:id:sgtin:0614141.107346.S1',
    kind: 'item',
    gtin: GTIN,
    serial: 'S1',
    lot: 'L1',
    expiry: '2028-06-30',
    owner: BRAND_OWNER,
    status: 'active',
    custodian: HOLDER,
    lastEvent: { id: 'urn:uuid:e1', hash: 'ni:///sha-256;aa?ver=CBV2.0', time: '2026-03-01T08:00:00.000Z' },
    version: 3,
    ...overrides,
  };
}

/** A lookup result for `state` (null: no such pack), a known product, no lot record, nothing anchored. */
export function packRecord(state: ItemState | null = itemState(), overrides: Partial<PackRecord> = {}) {
  const record: PackRecord = {
    gtin: state?.gtin ?? GTIN,
    serial: state?.serial ?? 'S1',
    product: {
      record: { gtin: GTIN, status: 'active' },
      name: 'Amoxicillin 500 mg',
      ownerGln: BRAND_OWNER,
    },
    ...(state && {
      pack: {
        epc: state.epc,
        state,
        columns: {
          status: state.status,
          custodian: state.custodian,
          gtin: state.gtin,
          serial: state.serial,
          lot: state.lot,
          expiry: state.expiry,
        },
      },
      custodian: { role: 'pharmacy', name: 'Pharmacy' },
    }),
    currentReceipts: [],
    lastEventApplied: true,
    ...overrides,
  };
  return record;
}

export const QUERY: PackQuery = { gtin: GTIN, serial: 'S1', lot: 'L1', expiry: '2028-06-30' };
