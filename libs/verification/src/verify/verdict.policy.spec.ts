import type { ItemState } from '@pharmatrace/custody';
import { itemState, packRecord, QUERY } from '../testing/pack-record.factory';
import type { PackRecord } from '../lookup/pack-record';
import type { LedgerIntegrity } from '../integrity/tamper-check';
import { decideVerdict, VERDICTS, type Verdict } from './verdict.policy';

const TODAY = '2026-04-02';
const recalledLot = { gtin: QUERY.gtin, lot: 'L1', status: 'recalled' as const };
const withdrawn = (record: PackRecord): PackRecord => ({
  ...record,
  product: record.product && { ...record.product, record: { ...record.product.record, status: 'withdrawn' } },
});
const dispensed: Partial<ItemState> = {
  status: 'dispensed',
  decommission: { status: 'dispensed', by: '9520001000010', time: '2026-04-01T10:00:00.000Z', eventId: 'e2' },
};

interface Case {
  name: string;
  record: PackRecord;
  query?: typeof QUERY;
  integrity?: LedgerIntegrity;
  today?: string;
  verdict: Verdict;
  code?: string;
  nmvsCode?: string;
}

const cases: Case[] = [
  { name: 'an active pack', record: packRecord(), verdict: 'authentic' },
  {
    name: 'a pack in transit',
    record: packRecord(itemState({ status: 'in_transit' })),
    verdict: 'authentic',
  },
  {
    name: 'an unknown GTIN',
    record: { ...packRecord(null), product: undefined },
    verdict: 'unknown_product',
    code: 'UNKNOWN_PRODUCT',
    nmvsCode: 'NMVS_NC_PC_01',
  },
  {
    name: 'a serial never commissioned',
    record: packRecord(null),
    verdict: 'unknown_serial',
    code: 'UNKNOWN_SERIAL',
    nmvsCode: 'NMVS_NC_PC_02',
  },
  {
    name: 'a record that fails its ledger check, before anything else',
    record: withdrawn(packRecord(itemState(dispensed))),
    query: { ...QUERY, lot: 'OTHER' },
    integrity: 'tampered',
    verdict: 'tampered',
    code: 'TAMPERED',
  },
  {
    name: 'another lot on the pack, even when dispensed',
    record: packRecord(itemState(dispensed)),
    query: { ...QUERY, lot: 'OTHER' },
    verdict: 'lot_mismatch',
    nmvsCode: 'NMVS_FE_LOT_13',
  },
  {
    name: 'another expiry on the pack',
    record: packRecord(),
    query: { ...QUERY, expiry: '2029-06-30' },
    verdict: 'expiry_mismatch',
    nmvsCode: 'NMVS_FE_LOT_12',
  },
  {
    name: 'a dispensed pack, even recalled',
    record: packRecord(itemState(dispensed), { lot: recalledLot }),
    verdict: 'decommissioned',
    code: 'ALREADY_DECOMMISSIONED',
    nmvsCode: 'NMVS_NC_PCK_22',
  },
  {
    name: 'a pack with an open critical alert',
    record: packRecord(itemState(), {
      lot: recalledLot,
      openCriticalAlert: { code: 'DUPLICATE_COMMISSIONING' },
    }),
    verdict: 'suspect',
    code: 'DUPLICATE_COMMISSIONING',
  },
  {
    name: 'a withdrawn product, before a recall',
    record: withdrawn(packRecord(itemState(), { lot: recalledLot })),
    verdict: 'withdrawn',
    code: 'WITHDRAWN',
  },
  { name: 'a recalled lot', record: packRecord(itemState(), { lot: recalledLot }), verdict: 'recalled' },
  { name: 'the day after expiry', record: packRecord(), today: '2028-07-01', verdict: 'expired' },
  { name: 'on the expiry day', record: packRecord(), today: '2028-06-30', verdict: 'authentic' },
  {
    name: 'a state whose ledger record is pending: trusted meanwhile',
    record: packRecord(),
    integrity: 'pending',
    verdict: 'authentic',
  },
];

describe('decideVerdict', () => {
  it.each(cases)('$name → $verdict', ({ record, query, integrity, today, verdict, code, nmvsCode }) => {
    const result = decideVerdict(query ?? QUERY, record, integrity, today ?? TODAY);
    expect(result.verdict).toBe(verdict);
    if (verdict === 'authentic') expect(result.alert).toBeUndefined();
    else expect(result.alert?.message).toEqual(expect.any(String));
    if (code) expect(result.alert?.code).toBe(code);
    if (nmvsCode) expect(result.alert?.nmvsCode).toBe(nmvsCode);
  });

  it('covers every verdict', () => {
    expect(new Set(cases.map((c) => c.verdict))).toEqual(new Set(VERDICTS));
  });

  it('gives the decommission reason, and which stated fields differ', () => {
    expect(decideVerdict(QUERY, packRecord(itemState({ status: 'stolen' })), undefined, TODAY)).toMatchObject(
      {
        verdict: 'decommissioned',
        reason: 'stolen',
      },
    );
    const both = decideVerdict({ ...QUERY, lot: 'X', expiry: '2030-01-01' }, packRecord(), undefined, TODAY);
    expect(both).toMatchObject({ verdict: 'lot_mismatch', mismatch: { lot: true, expiry: true } });
  });

  it('ignores lot and expiry the verifier did not state', () => {
    const bare = { gtin: QUERY.gtin, serial: QUERY.serial };
    expect(decideVerdict(bare, packRecord(), undefined, TODAY).verdict).toBe('authentic');
  });
});
