import { BRAND_OWNER, HOLDER, itemState, packRecord, QUERY } from '../testing/pack-record.factory';
import { decideVerdict } from './verdict.policy';
import { verificationView, type Reader } from './verification.view';

const AT = '2026-04-02T10:00:00.000Z';
const record = packRecord(itemState(), {
  latestAnchored: { recordId: 'r1', txId: 'tx1', blockNumber: '9' },
});
const result = decideVerdict(QUERY, record, 'anchored', AT.slice(0, 10));
const view = (reader: Reader) => verificationView(QUERY, record, result, reader, AT);

describe('verification view', () => {
  it('shows pack, product, lot, state and ledger receipt', () => {
    expect(view({ gln: HOLDER, role: 'pharmacy' })).toEqual({
      verdict: 'authentic',
      pack: {
        gtin: QUERY.gtin,
        serial: 'S1',
        epc: 'urn:epc:id:sgtin:0614141.107346.S1',
        lot: 'L1',
        expiry: '2028-06-30',
      },
      product: { name: 'Amoxicillin 500 mg', status: 'active' },
      lot: { lot: 'L1', status: 'active' },
      state: {
        status: 'active',
        shownAs: 'active',
        expired: false,
        recalled: false,
        withdrawn: false,
        since: '2026-03-01T08:00:00.000Z',
      },
      custodian: { role: 'pharmacy', gln: HOLDER, name: 'Pharmacy' },
      ledger: { integrity: 'anchored', receipt: { recordId: 'r1', txId: 'tx1', blockNumber: '9' } },
      verifiedAt: AT,
    });
  });

  it.each([
    ['the custodian', { gln: HOLDER, role: 'pharmacy' as const }, true],
    ['the brand owner', { gln: BRAND_OWNER, role: 'manufacturer' as const }, true],
    ['a regulator', { gln: '9520005000016', role: 'regulator' as const }, true],
    ['another pharmacy', { gln: '9520002000019', role: 'pharmacy' as const }, false],
    ['a wholesaler', { gln: '4012345000016', role: 'distributor' as const }, false],
  ])('identifies the custodian to %s: %s', (_name, reader, identified) => {
    const custodian = view(reader).custodian;
    expect(custodian?.role).toBe('pharmacy');
    expect(custodian?.gln !== undefined).toBe(identified);
    expect(custodian?.name !== undefined).toBe(identified);
  });

  it('shows only what was asked about an unknown pack', () => {
    const unknown = packRecord(null);
    const unknownResult = decideVerdict(QUERY, unknown, undefined, '2026-04-02');
    expect(verificationView(QUERY, unknown, unknownResult, { gln: HOLDER, role: 'pharmacy' }, AT)).toEqual({
      verdict: 'unknown_serial',
      alert: expect.objectContaining({ code: 'UNKNOWN_SERIAL' }),
      pack: { gtin: QUERY.gtin, serial: 'S1' },
      product: { name: 'Amoxicillin 500 mg', status: 'active' },
      verifiedAt: AT,
    });
  });
});
