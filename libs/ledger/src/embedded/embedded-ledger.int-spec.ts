import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_MIGRATIONS, openDatabase, type Database } from '@pharmatrace/persistence';
import { engineSettings, uniqueName } from '@pharmatrace/testing';
import { auditPacks, isTampered, packStateHash } from '../audit/pack-audit';
import { LedgerRecordFactory, ORG1, ORG2 } from '../testing';
import { EmbeddedLedger } from './embedded-ledger.adapter';
import { NodeSigningKey } from './node-signing-key';

const engines: [string, () => Promise<{ db: Database; drop: () => Promise<void> }>][] = [
  [
    'PGlite',
    async () => {
      const db = await openDatabase({ kind: 'pglite' }, ALL_MIGRATIONS);
      return { db, drop: () => Promise.resolve() };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const schema = uniqueName('ledger').replace(/-/g, '_');
      const url = engineSettings().databaseUrl;
      const db = await openDatabase({ kind: 'postgres', url, schema }, ALL_MIGRATIONS);
      return { db, drop: async () => void (await db.sql.query(`drop schema "${schema}" cascade`)) };
    },
  ],
];

describe.each(engines)('EmbeddedLedger on %s', (_name, open) => {
  let db: Database;
  let drop: () => Promise<void>;
  let dir: string;
  let key: NodeSigningKey;
  let ledger: EmbeddedLedger;
  const f = new LedgerRecordFactory('E');
  const sql = () => db.sql;

  beforeAll(async () => {
    ({ db, drop } = await open());
    dir = mkdtempSync(join(tmpdir(), 'pt-ledger-'));
    key = NodeSigningKey.loadOrCreate(join(dir, 'ledger', 'node-ed25519.pem'));
    ledger = new EmbeddedLedger({ sql: db.sql, key, maxPerTransaction: 200 });
  }, 60_000);

  afterAll(async () => {
    await ledger.close();
    await drop();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('applies the custody rules: the custodian’s organisation hands over, the other is refused', async () => {
    const a = f.sgtin(1);
    const receipts = await ledger.submitBatch([
      f.commission(a),
      f.ship(a, ORG2, ORG1),
      f.ship(a, ORG1, ORG2),
    ]);
    expect(receipts.map((r) => [r.status, r.code])).toEqual([
      ['anchored', undefined],
      ['rejected', 'NOT_CUSTODIAN'],
      ['anchored', undefined],
    ]);
    expect(receipts[0]).toMatchObject({
      blockNumber: expect.any(Number),
      blockHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    await ledger.submitBatch([f.receive(a, ORG2)]);
    expect(await ledger.readRecord(a)).toMatchObject({
      status: 'active',
      custodianMsp: ORG2.msp,
      version: 4,
    });
    const history = await ledger.history(a);
    expect(history.map((h) => h.state?.status)).toEqual(['active', 'in_transit', 'active']); // newest first
  }, 120_000);

  it('anchors 1,000 records, recognises a re-submission, and the chain verifies', async () => {
    const records = Array.from({ length: 1000 }, (_, i) => f.commission(f.sgtin(`k${i}`)));
    const receipts = await ledger.submitBatch(records);
    expect(receipts.filter((r) => r.status === 'anchored')).toHaveLength(1000);
    expect(new Set(receipts.map((r) => r.txId)).size).toBe(5);
    const again = await ledger.submitBatch(records.slice(0, 10));
    expect(again.map((r) => r.status)).toEqual(Array(10).fill('duplicate'));
    expect(again[0]?.blockNumber).toBe(receipts[0]?.blockNumber);
    const states = await ledger.readRecords(records.map((r) => r.subject));
    expect(states.every((s, i) => s?.stateHash === records[i]?.stateHash)).toBe(true);
    expect(await ledger.verifyChain()).toEqual({ ok: true, blocks: expect.any(Number), problems: [] });
  }, 120_000);

  it('keeps appending past block 9 and 99 (block numbers compare as numbers, not text)', async () => {
    const start = (await ledger.verifyChain()).blocks;
    const numbers: number[] = [];
    // One record per submission, so each lands in a block of its own.
    for (let i = 0; numbers.length === 0 || (numbers.at(-1) ?? 0) < Math.max(12, start + 2); i++) {
      const [receipt] = await ledger.submitBatch([f.commission(f.sgtin(`long${i}`))]);
      numbers.push(Number(receipt?.blockNumber));
    }
    expect(numbers).toEqual(numbers.map((_, i) => start + i));
    expect(await ledger.verifyChain()).toMatchObject({ ok: true, blocks: start + numbers.length });
  }, 120_000);

  it('continues the same chain after a restart with the same key', async () => {
    const again = new EmbeddedLedger({
      sql: db.sql,
      key: NodeSigningKey.loadOrCreate(join(dir, 'ledger', 'node-ed25519.pem')),
    });
    const before = (await ledger.verifyChain()).blocks;
    const [receipt] = await again.submitBatch([f.commission(f.sgtin('restart'))]);
    expect(receipt).toMatchObject({ status: 'anchored', blockNumber: before });
    expect((await again.verifyChain()).ok).toBe(true);
  }, 120_000);

  it('detects every kind of tampering with the stored chain', async () => {
    const tamper = async (change: string, undo: string, expected: RegExp) => {
      await sql().query(change);
      const result = await ledger.verifyChain();
      await sql().query(undo);
      expect(result.ok).toBe(false);
      expect(result.problems.join('\n')).toMatch(expected);
    };
    await tamper(
      `update ledger_world_state set value = replace(value, '"active"', '"dispensed"') where key = (select min(key) from ledger_world_state where value like '%"active"%')`,
      `update ledger_world_state set value = replace(value, '"dispensed"', '"active"') where value like '%"dispensed"%'`,
      /world state of .* differs from its latest history/,
    );
    await tamper(
      `update ledger_history set value = value || ' ' where block_number = 1`,
      `update ledger_history set value = rtrim(value) where block_number = 1`,
      /block 1: history of .* was changed/,
    );
    await tamper(
      `update ledger_blocks set data = data || ' ' where number = 2`,
      `update ledger_blocks set data = rtrim(data) where number = 2`,
      /block 2: its transactions do not match its data hash/,
    );
    await tamper(
      `update ledger_blocks set signature = replace(signature, substr(signature, 1, 4), 'AAAA') where number = 0`,
      `select 1`,
      /block 0: bad signature/,
    );
    const other = NodeSigningKey.loadOrCreate(join(dir, 'other', 'key.pem'));
    const foreign = await ledger.verifyChain([other]);
    expect(foreign.problems[0]).toMatch(/block 0: signed by untrusted key/);
  }, 120_000);

  it('audits packs against the ledger and reports a rewritten state as tampered', async () => {
    const epcs = [f.sgtin('audit-1'), f.sgtin('audit-2'), f.sgtin('audit-3')];
    const states = epcs.map((epc) => ({
      epc,
      kind: 'item',
      status: 'active',
      custodian: ORG1.gln,
      version: 1,
    }));
    const records = epcs.map((epc, i) => ({ ...f.commission(epc), stateHash: packStateHash(states[i]) }));
    await ledger.submitBatch(records.slice(0, 2)); // the third is not anchored yet
    for (const state of states) {
      await sql().query(
        `insert into packs (epc, kind, status, updated_at, version, state) values ($1, 'item', 'active', now(), 1, $2)`,
        [state.epc, JSON.stringify(state)],
      );
    }
    const clean = await auditPacks(sql(), ledger);
    expect(clean.findings.map((x) => [x.epc, x.verdict])).toEqual([[epcs[2], 'missing']]);
    await sql().query(`update packs set state = jsonb_set(state, '{status}', '"dispensed"') where epc = $1`, [
      epcs[0],
    ]);
    const report = await auditPacks(sql(), ledger, { pageSize: 2 });
    expect(report.checked).toBeGreaterThanOrEqual(3);
    expect(report.findings.map((x) => [x.epc, x.verdict, x.problems])).toEqual([
      [epcs[0], 'tampered', ['hash_mismatch']],
      [epcs[2], 'missing', ['missing_on_ledger']],
    ]);
    expect(await isTampered(sql(), ledger, epcs[0] as string)).toBe(true);
    expect(await isTampered(sql(), ledger, epcs[1] as string)).toBe(false);
  }, 120_000);
});
