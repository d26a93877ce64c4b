import './logging-defaults';
import { PharmaCustodyContract } from './pharma-custody.contract';
import type { LedgerRecord } from './record/ledger-record';
import { ContractHarness } from './testing/contract-harness';
import { FakeLedger } from './testing/fake-ledger';
import { LedgerRecordFactory, ORG1, ORG2, type Party } from './testing/record.factory';

const contract = new PharmaCustodyContract();

describe('PharmaCustodyContract custody rules (fake stub)', () => {
  let h: ContractHarness;
  let ledger: FakeLedger;
  let records: LedgerRecordFactory;

  beforeEach(() => {
    h = new ContractHarness();
    ({ ledger, records } = h);
  });

  const anchor = (by: Party, batch: LedgerRecord[]) => h.anchor(by, batch);
  const rejected = (by: Party, batch: LedgerRecord[]) => h.rejected(by, batch);
  const read = (subject: string) => h.read(subject);

  describe('commissioning', () => {
    it('is accepted from the owner organisation', async () => {
      const epc = records.sgtin(1);
      const record = records.commission(epc, ORG1);
      const result = await anchor(ORG1, [record]);
      expect(result.results).toEqual([{ recordId: record.recordId, outcome: 'anchored', txId: result.txId }]);
      expect(await read(epc)).toMatchObject({
        subject: epc,
        kind: 'pack',
        ownerMsp: ORG1.msp,
        custodianMsp: ORG1.msp,
        status: 'active',
        stateHash: record.stateHash,
        lastEventHash: record.eventHash,
        version: 1,
        updatedTxId: result.txId,
        updatedAt: '2026-01-01T00:00:01.000Z',
      });
    });

    it('is refused from another organisation', async () => {
      const epc = records.sgtin(1);
      const rejection = await rejected(ORG2, [
        records.pack(epc, 'commission', 'active', ORG2, { owner: ORG1 }),
      ]);
      expect(rejection).toMatchObject({ index: 0, code: 'NOT_BRAND_OWNER' });
      expect(await read(epc)).toBeUndefined();
    });

    it('is refused when the record was reported by another organisation than the caller', async () => {
      const rejection = await rejected(ORG2, [records.commission(records.sgtin(1), ORG1)]);
      expect(rejection.code).toBe('NOT_AUTHORISED');
    });

    it('happens once per identifier', async () => {
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc)]);
      expect((await rejected(ORG1, [records.commission(epc)])).code).toBe('DUPLICATE_COMMISSIONING');
    });
  });

  describe('handover', () => {
    it('is accepted from the custodian organisation, and the destination receives', async () => {
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc)]);
      await anchor(ORG1, [records.ship(epc, ORG1, ORG2)]);
      expect(await read(epc)).toMatchObject({
        status: 'in_transit',
        custodianMsp: ORG1.msp,
        pendingMsp: ORG2.msp,
      });
      await anchor(ORG2, [records.receive(epc, ORG2)]);
      const state = await read(epc);
      expect(state).toMatchObject({
        status: 'active',
        custodianMsp: ORG2.msp,
        ownerMsp: ORG1.msp,
        version: 3,
      });
      expect(state?.pendingMsp).toBeUndefined();
    });

    it('is refused from another organisation', async () => {
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc)]);
      expect((await rejected(ORG2, [records.ship(epc, ORG2, ORG1)])).code).toBe('NOT_CUSTODIAN');
      expect(await read(epc)).toMatchObject({ status: 'active', custodianMsp: ORG1.msp, version: 1 });
    });

    it('is refused without a destination', async () => {
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc)]);
      const ship = records.pack(epc, 'ship', 'in_transit', ORG1);
      expect((await rejected(ORG1, [ship])).code).toBe('UNKNOWN_DESTINATION');
    });

    it('cannot be received by an organisation it was not shipped to', async () => {
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc), records.ship(epc, ORG1, ORG2)]);
      expect((await rejected(ORG1, [records.receive(epc, ORG1)])).code).toBe('RECEIVER_MISMATCH');
    });

    it('has single-record transactions going through the same rules', async () => {
      const epc = records.sgtin(1);
      const single = (by: Party, name: 'Commission' | 'HandOver' | 'Receive', record: LedgerRecord) =>
        ledger.invoke(by.msp, (ctx) => contract[name](ctx, JSON.stringify(record)));
      await single(ORG1, 'Commission', records.commission(epc));
      await expect(single(ORG2, 'HandOver', records.ship(epc, ORG2, ORG1))).rejects.toThrow(/NOT_CUSTODIAN/);
      await single(ORG1, 'HandOver', records.ship(epc, ORG1, ORG2));
      await expect(single(ORG2, 'Commission', records.receive(epc, ORG2))).rejects.toThrow(
        /takes commission/,
      );
      await single(ORG2, 'Receive', records.receive(epc, ORG2));
      expect((await read(epc))?.custodianMsp).toBe(ORG2.msp);
    });
  });

  describe('decommissioning, undo and recalls', () => {
    it('lets the custodian dispense and undo, and a recall blocks both', async () => {
      const [a, b] = [records.sgtin(1), records.sgtin(2)];
      await anchor(ORG1, [records.commission(a), records.commission(b)]);
      expect((await rejected(ORG2, [records.decommission(a, ORG2)])).code).toBe('NOT_CUSTODIAN');
      await anchor(ORG1, [records.decommission(a, ORG1)]);
      expect(await read(a)).toMatchObject({ status: 'dispensed', decommissionedByMsp: ORG1.msp });
      await anchor(ORG1, [records.recall('LOT-1')]);
      expect(await read('lot:10614141073464|LOT-1')).toMatchObject({
        kind: 'lot',
        status: 'recalled',
        recalledByMsp: ORG1.msp,
      });
      expect((await rejected(ORG1, [records.undo(a, ORG1)])).code).toBe('UNDO_NOT_ALLOWED');
      expect((await rejected(ORG1, [records.decommission(b, ORG1)])).code).toBe('RECALLED');
      await anchor(ORG1, [records.decommission(b, ORG1, 'destroyed')]);
      await anchor(ORG1, [records.liftRecall('LOT-1')]);
      const undo = records.undo(a, ORG1);
      await anchor(ORG1, [undo]);
      const state = await read(a);
      expect(state).toMatchObject({ status: 'active', version: undo.version });
      expect(state?.decommissionedByMsp).toBeUndefined();
    });

    it('lets only the owner or a regulator recall, and only an admin name regulators', async () => {
      expect((await rejected(ORG2, [records.recall('LOT-9', ORG2, ORG1)])).code).toBe('NOT_BRAND_OWNER');
      const setRegulators = (admin: boolean) =>
        ledger.invoke(ORG2.msp, (ctx) => contract.SetRegulators(ctx, JSON.stringify([ORG2.msp])), { admin });
      await expect(setRegulators(false)).rejects.toThrow(/admin/);
      await setRegulators(true);
      await anchor(ORG2, [records.recall('LOT-9', ORG2, ORG1)]);
      expect(await read('lot:10614141073464|LOT-9')).toMatchObject({
        status: 'recalled',
        ownerMsp: ORG1.msp,
      });
    });
  });

  describe('consistency with the off-chain state', () => {
    it('refuses a record older than the ledger state', async () => {
      const epc = records.sgtin(1);
      const commission = records.commission(epc);
      await anchor(ORG1, [commission, records.ship(epc, ORG1, ORG2)]);
      const stale = { ...records.receive(epc, ORG2), version: 2 };
      expect((await rejected(ORG2, [stale])).code).toBe('STALE_VERSION');
    });

    it('refuses a record whose status or custodian disagrees with what the ledger computes', async () => {
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc)]);
      const wrongStatus = { ...records.ship(epc, ORG1, ORG2), status: 'active' };
      expect((await rejected(ORG1, [wrongStatus])).code).toBe('STATE_MISMATCH');
      const wrongCustodian = { ...records.ship(epc, ORG1, ORG2), custodianMsp: ORG2.msp };
      expect((await rejected(ORG1, [wrongCustodian])).code).toBe('STATE_MISMATCH');
    });

    it('writes byte-identical state for identical input (deterministic)', async () => {
      const other = new FakeLedger();
      const again = new LedgerRecordFactory();
      const epc = records.sgtin(1);
      await anchor(ORG1, [records.commission(epc), records.ship(epc, ORG1, ORG2)]);
      const batch = [again.commission(epc), again.ship(epc, ORG1, ORG2)];
      await other.invoke(ORG1.msp, (ctx) => contract.AnchorBatch(ctx, JSON.stringify(batch)));
      const readFrom = (l: FakeLedger) => l.invoke(ORG1.msp, (ctx) => contract.ReadRecord(ctx, epc));
      expect(await readFrom(other)).toBe(await readFrom(ledger));
      expect(other.events).toEqual(ledger.events);
    });
  });
});
