import '../logging-defaults';
import { PharmaCustodyContract } from '../pharma-custody.contract';
import type { LedgerRecord } from '../record/ledger-record';
import { compositeKey } from '../state/ledger-stub';
import type { RecordMarker, SubjectState } from '../state/subject-state';
import { KeyTypes, type SubjectHistoryEntry } from '../state/world-state';
import { ContractHarness } from '../testing/contract-harness';
import type { FakeLedger } from '../testing/fake-ledger';
import { ORG1, ORG2, type LedgerRecordFactory, type Party } from '../testing/record.factory';

const contract = new PharmaCustodyContract();

describe('AnchorBatch: batches, idempotency, reads (fake stub)', () => {
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
});
