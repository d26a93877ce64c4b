import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedLedger, NodeSigningKey, embeddedKeyFile, packStateHash } from '@pharmatrace/ledger';
import { openDatabase } from '@pharmatrace/persistence';
import { PLATFORM_MIGRATIONS } from '@pharmatrace/runtime';
import { main } from '../main';

const EPCS = ['urn:epc:id:sgtin:0614141.107346.CLI1', 'urn:epc:id:sgtin:0614141.107346.CLI2'];
const state = (epc: string) => ({
  epc,
  kind: 'item',
  status: 'active',
  custodian: '0614141000012',
  version: 1,
});

function record(epc: string) {
  const eventHash = `ni:///sha-256;${'a'.repeat(63)}${EPCS.indexOf(epc)}?ver=CBV2.0`;
  return {
    recordId: `${eventHash}#${epc}`,
    subject: epc,
    kind: 'pack' as const,
    operation: 'commission' as const,
    status: 'active',
    ownerGln: '0614141000012',
    ownerMsp: 'Org1MSP',
    custodianMsp: 'Org1MSP',
    submitterGln: '0614141000012',
    submitterMsp: 'Org1MSP',
    gtin: '10614141073464',
    lot: 'LOT-1',
    stateHash: packStateHash(state(epc)),
    eventHash,
    eventId: `urn:uuid:cli-${epc}`,
    eventTime: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

describe('npx pharmatrace ledger (embedded platform data dir)', () => {
  let dir: string;
  let output: string;
  const saved = process.env['DATABASE_URL'];

  const run = async (...args: string[]) => {
    output = '';
    process.exitCode = undefined;
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output += String(chunk);
      return true;
    });
    try {
      return await main(['node', 'pharmatrace', 'ledger', ...args, '--data-dir', dir]);
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
    }
  };

  beforeAll(async () => {
    delete process.env['DATABASE_URL'];
    dir = mkdtempSync(join(tmpdir(), 'pt-cli-ledger-'));
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') }, PLATFORM_MIGRATIONS);
    const ledger = new EmbeddedLedger({
      sql: database.sql,
      key: NodeSigningKey.loadOrCreate(embeddedKeyFile(dir)),
    });
    await ledger.submitBatch(EPCS.map(record));
    for (const epc of EPCS) {
      await database.sql.query(
        `insert into packs (epc, kind, status, updated_at, version, state) values ($1, 'item', 'active', now(), 1, $2)`,
        [epc, JSON.stringify(state(epc))],
      );
    }
    await database.close();
  }, 60_000);

  afterAll(() => {
    if (saved !== undefined) process.env['DATABASE_URL'] = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 with a summary when every pack matches the ledger', async () => {
    expect(await run('audit')).toBe(0);
    expect(output).toContain('2 packs checked, every one matches its ledger record (embedded ledger)');
    expect(await run('verify-chain')).toBe(0);
    expect(output).toMatch(/1 blocks verified/);
  }, 60_000);

  it('prints each difference and exits 1 when a pack state was rewritten', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dir, 'db') }, PLATFORM_MIGRATIONS);
    await database.sql.query(
      `update packs set state = jsonb_set(state, '{status}', '"dispensed"') where epc = $1`,
      [EPCS[1]],
    );
    await database.close();
    expect(await run('audit')).toBe(1);
    expect(output).toContain(`TAMPERED ${EPCS[1]}  hash_mismatch  db v1`);
    expect(output).toContain(
      '2 packs checked, 1 differ (1 tampered, 0 ledger behind, 0 missing on the ledger)',
    );
    expect(await run('audit', '--json')).toBe(1);
    expect(JSON.parse(output)).toMatchObject({
      ledger: 'embedded',
      checked: 2,
      findings: [{ epc: EPCS[1] }],
    });
  }, 60_000);
});
