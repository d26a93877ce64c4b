import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { engineEnvironment, findRepoRoot, uniqueName } from '@pharmatrace/testing';
import type { LedgerRecord } from '../ledger-record';
import type { LedgerReceipt } from '../ledger.port';
import { LedgerUnavailableError } from '../ledger.error';
import { LedgerRecordFactory, ORG1, ORG2 } from '../testing';
import { FabricLedger } from './fabric-ledger.adapter';
import { fabricLedgerConfig } from './fabric-ledger.config';

const run = promisify(execFile);

/** At most `limit` calls at a time (a peer's gateway serves 500 concurrent requests). */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

/** Submits until the ledger answers, as the ledger writer's consumer does. */
async function submitUntilAnswered(
  ledger: FabricLedger,
  records: LedgerRecord[],
): Promise<{ receipts: LedgerReceipt[]; failures: number }> {
  for (let failures = 0; ; failures++) {
    try {
      return { receipts: await ledger.submitBatch(records), failures };
    } catch (error) {
      if (!(error instanceof LedgerUnavailableError) || failures > 60) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe('FabricLedger on the Fabric test network (two organisations, MAJORITY endorsement)', () => {
  let ledger: FabricLedger;
  let f: LedgerRecordFactory;

  beforeAll(() => {
    const config = fabricLedgerConfig(engineEnvironment());
    if (!config) throw new Error('FABRIC_* not configured: run `bash infra/infra.sh up fabric`');
    ledger = new FabricLedger(config);
  });

  beforeEach(() => {
    f = new LedgerRecordFactory(uniqueName('F').replace(/-/g, ''));
  });

  afterAll(() => ledger.close());

  it('knows both organisations', () => {
    expect(ledger.organisations.sort()).toEqual([ORG1.msp, ORG2.msp]);
  });

  it('accepts a handover submitted by the custodian’s organisation and refuses it from the other', async () => {
    const a = f.sgtin(1);
    await ledger.submitBatch([f.commission(a)]);
    const [refused] = await ledger.submitBatch([f.ship(a, ORG2, ORG1)]);
    expect(refused).toMatchObject({ status: 'rejected', code: 'NOT_CUSTODIAN' });
    const [shipped] = await ledger.submitBatch([f.ship(a, ORG1, ORG2)]);
    expect(shipped).toMatchObject({
      status: 'anchored',
      txId: expect.any(String),
      blockNumber: expect.any(Number),
    });
    expect(shipped?.blockHash).toMatch(/^[0-9a-f]{64}$/);
    const [wrongReceiver] = await ledger.submitBatch([f.receive(a, ORG1)]);
    expect(wrongReceiver).toMatchObject({ status: 'rejected', code: 'RECEIVER_MISMATCH' });
    const [received] = await ledger.submitBatch([f.receive(a, ORG2)]);
    expect(received?.status).toBe('anchored');
    expect(await ledger.readRecord(a)).toMatchObject({
      custodianMsp: ORG2.msp,
      status: 'active',
      ownerMsp: ORG1.msp,
    });
    expect((await ledger.history(a)).map((h) => h.state?.status)).toEqual(['active', 'in_transit', 'active']);
  }, 60_000);

  it('anchors a batch of 1,000 records (several transactions in flight) and reads them back', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => f.commission(f.sgtin(i)));
    const started = Date.now();
    const receipts = await ledger.submitBatch(records);
    const elapsed = Date.now() - started;
    expect(receipts.filter((r) => r.status === 'anchored')).toHaveLength(1000);
    expect(new Set(receipts.map((r) => r.txId)).size).toBe(5);
    const states = await ledger.readRecords(records.map((r) => r.subject));
    expect(states.map((s) => s?.stateHash)).toEqual(records.map((r) => r.stateHash));
    const again = await ledger.submitBatch(records.slice(0, 5));
    expect(again.map((r) => [r.status, r.txId, r.blockNumber])).toEqual(
      receipts.slice(0, 5).map((r) => ['duplicate', r.txId, r.blockNumber]),
    );
    expect(await ledger.hasRecord(records[0]?.recordId ?? '')).toMatchObject({ txId: receipts[0]?.txId });
    console.info(`1,000 records anchored in ${elapsed} ms`);
  }, 120_000);

  it('loses nothing and anchors nothing twice when a peer restarts mid-stream', async () => {
    const batches: LedgerRecord[][] = [];
    for (let b = 0; b < 12; b++) {
      const epcs = Array.from({ length: 40 }, (_, i) => f.sgtin(`${b}-${i}`));
      batches.push([
        ...epcs.map((epc) => f.commission(epc)),
        ...epcs.slice(0, 10).map((epc) => f.ship(epc, ORG1, ORG2)),
      ]);
      // The receipts of the previous batch's shipments, submitted by the other organisation.
      if (b > 0)
        batches[b]?.push(
          ...(batches[b - 1] ?? [])
            .filter((r) => r.operation === 'ship')
            .map((r) => f.receive(r.subject, ORG2)),
        );
    }
    const restart = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        run('bash', [join(findRepoRoot(), 'infra/fabric/fabric.sh'), 'restart-peer', 'org2'], {
          timeout: 120_000,
        }).then(() => resolve(), reject);
      }, 1500);
    });
    const receipts: LedgerReceipt[] = [];
    let failures = 0;
    for (const batch of batches) {
      const answer = await submitUntilAnswered(ledger, batch);
      receipts.push(...answer.receipts);
      failures += answer.failures;
    }
    await restart;
    const all = batches.flat();
    expect(receipts.map((r) => r.recordId)).toEqual(all.map((r) => r.recordId));
    expect(receipts.filter((r) => r.status === 'rejected')).toEqual([]);
    // Every record on the ledger exactly once: one marker, and each subject written once per record of it.
    const markers = await mapLimited(all, 16, (r) => ledger.hasRecord(r.recordId));
    expect(markers.every((m, i) => m?.txId === receipts[i]?.txId)).toBe(true);
    const subjects = [...new Set(all.map((r) => r.subject))];
    const expectedWrites = new Map<string, Set<string>>();
    for (const [i, record] of all.entries()) {
      const txs = expectedWrites.get(record.subject) ?? new Set<string>();
      txs.add(receipts[i]?.txId ?? '');
      expectedWrites.set(record.subject, txs);
    }
    for (const subject of subjects.slice(0, 60)) {
      const history = await ledger.history(subject);
      expect(history.map((h) => h.txId).sort()).toEqual([...(expectedWrites.get(subject) ?? [])].sort());
    }
    console.info(`peer restart: ${all.length} records, ${failures} failed submissions retried`);
  }, 240_000);
});
