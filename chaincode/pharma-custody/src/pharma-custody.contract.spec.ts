import './logging-defaults';
import type { AnchorResult } from './anchor/anchor-batch';
import { parseRejection, RecordRejectedError, type RecordRejection } from './anchor/record-rejection';
import { PharmaCustodyContract } from './pharma-custody.contract';
import type { LedgerRecord } from './record/ledger-record';
import type { RecordMarker, SubjectState } from './state/subject-state';
import { KeyTypes, type SubjectHistoryEntry } from './state/world-state';
import { compositeKey } from './state/ledger-stub';
import { FakeLedger } from './testing/fake-ledger';
import { LedgerRecordFactory, ORG1, ORG2, type Party } from './testing/record.factory';

const contract = new PharmaCustodyContract();

describe('PharmaCustodyContract on a fake stub', () => {
  let ledger: FakeLedger;
  let records: LedgerRecordFactory;

  beforeEach(() => {
    ledger = new FakeLedger();
    records = new LedgerRecordFactory();
  });

  const anchor = async (by: Party, batch: LedgerRecord[]): Promise<AnchorResult> =>
    JSON.parse(
      await ledger.invoke(by.msp, (ctx) => contract.AnchorBatch(ctx, JSON.stringify(batch))),
    ) as AnchorResult;

  const rejected = async (by: Party, batch: LedgerRecord[]): Promise<RecordRejection> => {
    const error = await anchor(by, batch).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecordRejectedError);
    const rejection = parseRejection((error as Error).message);
    expect(rejection).toBeDefined();
    return rejection as RecordRejection;
  };

  const read = async (subject: string): Promise<SubjectState | undefined> => {
    const text = await ledger.invoke(ORG1.msp, (ctx) => contract.ReadRecord(ctx, subject));
    return text === '' ? undefined : (JSON.parse(text) as SubjectState);
  };

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

  describe('batches', () => {
    it('apply records in order, seeing the writes of earlier records of the same transaction', async () => {
      const epc = records.sgtin(1);
      const result = await anchor(ORG1, [records.commission(epc), records.ship(epc, ORG1, ORG2)]);
      expect(result.results.map((r) => r.outcome)).toEqual(['anchored', 'anchored']);
      expect(await read(epc)).toMatchObject({ status: 'in_transit', version: 2 });
      // One putState per key per transaction: the subject was written once, with its last state.
      expect(ledger.writesTo(compositeKey(KeyTypes.subject, [epc]))).toBe(1);
    });

    it('read each subject once, and a lot once for all its packs', async () => {
      const epcs = [1, 2, 3].map((i) => records.sgtin(i));
      await anchor(
        ORG1,
        epcs.map((epc) => records.commission(epc)),
      );
      expect(ledger.lastReads).toBe(1 + 3); // the regulator list, then each subject (no marker lookup)
      await anchor(
        ORG1,
        epcs.map((epc) => records.decommission(epc, ORG1)),
      );
      expect(ledger.lastReads).toBe(1 + 3 + 1); // + the lot, once
    });

    it('are all or nothing: one refused record leaves the ledger unchanged', async () => {
      const batch = [1, 2, 3, 4].map((i) => records.commission(records.sgtin(i)));
      const bad = records.ship(records.sgtin(99), ORG1, ORG2); // never commissioned
      const events = ledger.events.length;
      const rejection = await rejected(ORG1, [batch[0], batch[1], bad, batch[2], batch[3]] as LedgerRecord[]);
      expect(rejection).toEqual({
        index: 2,
        recordId: bad.recordId,
        code: 'UNKNOWN_SERIAL',
        reason: expect.any(String),
      });
      expect(ledger.size).toBe(0);
      expect(ledger.events).toHaveLength(events);
      await anchor(ORG1, batch);
      expect(ledger.size).toBe(8); // a subject and a marker per record
    });

    it('reject malformed records and batches with the offending position', async () => {
      const good = records.commission(records.sgtin(1));
      const bad = { ...records.commission(records.sgtin(2)), stateHash: 'not-a-hash' };
      expect(await rejected(ORG1, [good, bad])).toMatchObject({ index: 1, code: 'INVALID_RECORD' });
      await expect(
        ledger.invoke(ORG1.msp, (ctx) => contract.AnchorBatch(ctx, '{"not":"an array"}')),
      ).rejects.toThrow(/JSON array/);
      await expect(ledger.invoke(ORG1.msp, (ctx) => contract.AnchorBatch(ctx, '[]'))).rejects.toThrow(
        /1 to 1000/,
      );
    });

    it('emit one event per transaction naming the anchored records', async () => {
      const batch = [records.commission(records.sgtin(1)), records.commission(records.sgtin(2))];
      const result = await anchor(ORG1, batch);
      expect(ledger.events).toEqual([
        {
          txId: result.txId,
          name: 'RecordsAnchored',
          payload: JSON.stringify({ recordIds: batch.map((r) => r.recordId), txId: result.txId }),
        },
      ]);
    });
  });

  describe('re-submission', () => {
    it('skips records already on the ledger and reports the transaction that anchored them', async () => {
      const epc = records.sgtin(1);
      const batch = [records.commission(epc), records.ship(epc, ORG1, ORG2)];
      const first = await anchor(ORG1, batch);
      const fresh = records.commission(records.sgtin(2));
      const second = await anchor(ORG1, [...batch, fresh]);
      expect(second.results).toEqual([
        { recordId: batch[0]?.recordId, outcome: 'duplicate', txId: first.txId },
        { recordId: batch[1]?.recordId, outcome: 'duplicate', txId: first.txId },
        { recordId: fresh.recordId, outcome: 'anchored', txId: second.txId },
      ]);
      expect(ledger.writesTo(compositeKey(KeyTypes.subject, [epc]))).toBe(1);
      expect(await read(epc)).toMatchObject({ version: 2, updatedTxId: first.txId });
      expect(JSON.parse(ledger.events[1]?.payload ?? '{}')).toEqual({
        recordIds: [fresh.recordId],
        txId: second.txId,
      });
    });

    it('counts a record repeated inside one batch once', async () => {
      const record = records.commission(records.sgtin(1));
      const result = await anchor(ORG1, [record, record]);
      expect(result.results.map((r) => r.outcome)).toEqual(['anchored', 'duplicate']);
    });

    it('refuses a record id already anchored with another state hash', async () => {
      const record = records.commission(records.sgtin(1));
      await anchor(ORG1, [record]);
      const forged = { ...record, stateHash: 'f'.repeat(64) };
      expect((await rejected(ORG1, [forged])).code).toBe('STATE_MISMATCH');
    });

    it('answers HasRecord with the marker', async () => {
      const record = records.commission(records.sgtin(1));
      const { txId } = await anchor(ORG1, [record]);
      const marker = JSON.parse(
        await ledger.invoke(ORG2.msp, (ctx) => contract.HasRecord(ctx, record.recordId)),
      ) as RecordMarker;
      expect(marker).toEqual({
        recordId: record.recordId,
        subject: record.subject,
        stateHash: record.stateHash,
        txId,
      });
      expect(await ledger.invoke(ORG2.msp, (ctx) => contract.HasRecord(ctx, 'nope#x'))).toBe('');
    });
  });

  it('reads many subjects at once, in order', async () => {
    const [a, b] = [records.sgtin(1), records.sgtin(2)];
    await anchor(ORG1, [records.commission(a), records.commission(b)]);
    const states = JSON.parse(
      await ledger.invoke(ORG2.msp, (ctx) => contract.ReadRecords(ctx, JSON.stringify([b, 'urn:none', a]))),
    ) as (SubjectState | null)[];
    expect(states.map((s) => s?.subject ?? null)).toEqual([b, null, a]);
  });

  describe('history', () => {
    it('lists every committed state of a subject with its transaction, newest first', async () => {
      const epc = records.sgtin(1);
      const txs = [
        (await anchor(ORG1, [records.commission(epc)])).txId,
        (await anchor(ORG1, [records.ship(epc, ORG1, ORG2)])).txId,
        (await anchor(ORG2, [records.receive(epc, ORG2)])).txId,
      ];
      const history = JSON.parse(
        await ledger.invoke(ORG2.msp, (ctx) => contract.RecordHistory(ctx, epc)),
      ) as SubjectHistoryEntry[];
      expect(history.map((h) => [h.txId, h.state?.status, h.state?.custodianMsp])).toEqual([
        [txs[2], 'active', ORG2.msp],
        [txs[1], 'in_transit', ORG1.msp],
        [txs[0], 'active', ORG1.msp],
      ]);
      expect(history[2]?.timestamp).toBe('2026-01-01T00:00:01.000Z');
      expect(
        JSON.parse(await ledger.invoke(ORG1.msp, (ctx) => contract.RecordHistory(ctx, 'urn:none'))),
      ).toEqual([]);
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
