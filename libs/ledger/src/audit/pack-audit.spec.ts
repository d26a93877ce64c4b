import type { LedgerSubjectState } from '../ledger.port';
import { comparePack, packStateHash } from './pack-audit';

const state = { epc: 'urn:epc:id:sgtin:0614141.107346.1', status: 'active', version: 3 };
const pack = { epc: state.epc, version: 3, state };
const onLedger = (version: number, stateHash: string) =>
  ({ subject: state.epc, version, stateHash, updatedTxId: 'tx' }) as LedgerSubjectState;

describe('comparePack', () => {
  it('agrees when the ledger has the stored state’s hash and version', () => {
    expect(packStateHash({ version: 3, status: 'active', epc: state.epc })).toBe(packStateHash(state));
    expect(comparePack(pack, onLedger(3, packStateHash(state)))).toBeUndefined();
  });

  it('reports a state rewritten under the same version as tampered', () => {
    const finding = comparePack(
      { ...pack, state: { ...state, status: 'dispensed' } },
      onLedger(3, packStateHash(state)),
    );
    expect(finding).toMatchObject({ verdict: 'tampered', problems: ['hash_mismatch'] });
  });

  it('reports a ledger behind the database as behind, and ahead of it as tampered', () => {
    expect(comparePack(pack, onLedger(2, 'old'))).toMatchObject({
      verdict: 'behind',
      problems: ['version_mismatch', 'hash_mismatch'],
    });
    expect(comparePack(pack, onLedger(4, 'new'))?.verdict).toBe('tampered');
  });

  it('reports a pack absent from the ledger as missing, or tampered when a receipt says it was anchored', () => {
    expect(comparePack(pack, undefined)).toMatchObject({
      verdict: 'missing',
      problems: ['missing_on_ledger'],
    });
    expect(comparePack(pack, undefined, { status: 'anchored' })?.verdict).toBe('tampered');
  });
});
