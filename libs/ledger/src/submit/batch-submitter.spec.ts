import { LedgerUnavailableError } from '../ledger.error';
import { InMemoryLedger, LedgerRecordFactory, ORG1, ORG2 } from '../testing';

describe('BatchSubmitter (through the in-memory ledger running the real contract)', () => {
  let ledger: InMemoryLedger;
  let f: LedgerRecordFactory;

  beforeEach(() => {
    ledger = new InMemoryLedger(['Org1MSP', 'Org2MSP'], { maxPerTransaction: 3 });
    f = new LedgerRecordFactory();
  });

  it('anchors records in transactions of the bound, one receipt per record in input order', async () => {
    const records = [1, 2, 3, 4, 5, 6, 7].map((i) => f.commission(f.sgtin(i)));
    const receipts = await ledger.submitBatch(records);
    expect(receipts.map((r) => r.recordId)).toEqual(records.map((r) => r.recordId));
    expect(receipts.every((r) => r.status === 'anchored' && r.blockNumber !== undefined)).toBe(true);
    expect(ledger.transactions.map((t) => t.size).sort()).toEqual([1, 3, 3]); // in flight together
    expect(new Set(receipts.map((r) => r.txId)).size).toBe(3);
  });

  it('routes records to their organisation and commits a shipment before the receipt', async () => {
    const a = f.sgtin(1);
    const receipts = await ledger.submitBatch([f.commission(a), f.ship(a, ORG1, ORG2), f.receive(a, ORG2)]);
    expect(receipts.map((r) => r.status)).toEqual(['anchored', 'anchored', 'anchored']);
    expect(ledger.transactions.map((t) => t.msp)).toEqual(['Org1MSP', 'Org2MSP']);
    expect((await ledger.readRecord(a))?.custodianMsp).toBe('Org2MSP');
  });

  it('rejects refused records with the chaincode reason and anchors the rest of their transaction', async () => {
    const [a, b, c] = [f.sgtin(1), f.sgtin(2), f.sgtin(3)];
    const bad1 = f.ship(f.sgtin(98), ORG1, ORG2);
    const bad2 = f.pack(f.sgtin(99), 'commission', 'active', ORG2, { owner: ORG1 });
    const receipts = await ledger.submitBatch([
      f.commission(a),
      bad1,
      f.commission(b),
      bad2,
      f.commission(c),
    ]);
    expect(receipts.map((r) => r.status)).toEqual([
      'anchored',
      'rejected',
      'anchored',
      'rejected',
      'anchored',
    ]);
    expect(receipts[1]).toMatchObject({
      code: 'UNKNOWN_SERIAL',
      reason: expect.stringContaining('not on the ledger'),
    });
    expect(receipts[3]).toMatchObject({ code: 'NOT_BRAND_OWNER' });
    expect(await ledger.readRecords([a, b, c])).toEqual([
      expect.anything(),
      expect.anything(),
      expect.anything(),
    ]);
  });

  it('reports records already on the ledger as duplicates of the transaction that anchored them', async () => {
    const records = [f.commission(f.sgtin(1)), f.commission(f.sgtin(2))];
    const first = await ledger.submitBatch(records);
    const again = await ledger.submitBatch(records);
    expect(again.map((r) => [r.status, r.txId, r.blockNumber])).toEqual(
      first.map((r) => ['duplicate', r.txId, r.blockNumber]),
    );
  });

  it('resubmits on an MVCC read conflict, and gives up as unavailable when it keeps conflicting', async () => {
    ledger.conflictNext = 2;
    const receipts = await ledger.submitBatch([f.commission(f.sgtin(1))]);
    expect(receipts[0]?.status).toBe('anchored');
    expect(ledger.transactions.map((t) => t.outcome)).toEqual(['conflict', 'conflict', 'committed']);
    ledger.conflictNext = 10;
    await expect(ledger.submitBatch([f.commission(f.sgtin(2))])).rejects.toThrow(LedgerUnavailableError);
  });

  it('lets a transient failure propagate, and a retry of the batch anchors nothing twice', async () => {
    const records = [1, 2, 3, 4, 5, 6].map((i) => f.commission(f.sgtin(i)));
    ledger.failNext = 1;
    await expect(ledger.submitBatch(records)).rejects.toThrow(LedgerUnavailableError);
    const receipts = await ledger.submitBatch(records);
    expect(receipts.filter((r) => r.status === 'duplicate')).toHaveLength(3); // the transaction that got through
    expect(receipts.filter((r) => r.status === 'anchored')).toHaveLength(3);
  });

  it('rejects records of an organisation it has no identity for', async () => {
    const only1 = new InMemoryLedger(['Org1MSP']);
    const a = f.sgtin(1);
    const receipts = await only1.submitBatch([f.commission(a), f.ship(a, ORG1, ORG2), f.receive(a, ORG2)]);
    expect(receipts.map((r) => r.status)).toEqual(['anchored', 'anchored', 'rejected']);
    expect(receipts[2]).toMatchObject({ code: 'NOT_AUTHORISED', reason: 'no ledger identity for Org2MSP' });
  });
});
