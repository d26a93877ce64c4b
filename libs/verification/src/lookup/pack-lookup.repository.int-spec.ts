import { openDatabase, type Database } from '@pharmatrace/persistence';
import { PLATFORM_MIGRATIONS } from '@pharmatrace/runtime';
import { ReceiptHashTamperCheck, stateHash } from '../integrity/receipt-hash.tamper-check';
import { BRAND_OWNER, GTIN, HOLDER, itemState } from '../testing/pack-record.factory';
import { PackLookupRepository } from './pack-lookup.repository';

const READER = '4012345000016';

/** The embedded mode (`npm start`) runs the same statement on PGlite, unprepared. */
describe('pack lookup on PGlite (embedded mode)', () => {
  let database: Database;
  const state = itemState();

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite' }, PLATFORM_MIGRATIONS);
    const sql = database.sql;
    await sql.query(
      `insert into participants (gln, name, role, company_prefixes) values
         ($1, 'Maker', 'manufacturer', '{0614141}'), ($2, 'Pharmacy', 'pharmacy', '{}'),
         ($3, 'Wholesaler', 'distributor', '{}')`,
      [BRAND_OWNER, HOLDER, READER],
    );
    await sql.query(`insert into products (gtin, owner_gln, name) values ($1, $2, 'Amoxicillin')`, [
      GTIN,
      BRAND_OWNER,
    ]);
    await sql.query(
      `insert into packs (epc, kind, gtin, serial, lot, expiry, owner_gln, status, custodian_gln, updated_at, state)
       values ($1, 'item', $2, $3, $4, $5, $6, $7, $8, now(), $9)`,
      [state.epc, GTIN, state.serial, state.lot, state.expiry, BRAND_OWNER, state.status, HOLDER, state],
    );
    await sql.query(
      `insert into ledger_receipts (record_id, subject, record_hash, tx_id, block_number, status, anchored_at)
       values ($1, $2, $3, 'tx9', 9, 'anchored', '2026-03-01T08:05:00Z')`,
      [`${state.lastEvent.hash}#${state.epc}`, state.epc, stateHash(state)],
    );
  }, 60_000);
  afterAll(() => database?.close());

  it('finds the pack with its receipts, and audits a reader that is not the custodian', async () => {
    const repository = new PackLookupRepository(database);
    const [found, unknown] = await repository.find([
      { gtin: GTIN, serial: state.serial, reader: READER, channel: 'verify' },
      { gtin: GTIN, serial: 'NOPE', reader: READER, channel: 'verify' },
    ]);
    expect(found).toMatchObject({
      pack: { epc: state.epc, state, columns: { status: 'active', expiry: '2028-06-30' } },
      product: { name: 'Amoxicillin', ownerGln: BRAND_OWNER },
      custodian: { role: 'pharmacy', name: 'Pharmacy' },
      latestAnchored: {
        recordId: `${state.lastEvent.hash}#${state.epc}`,
        anchoredAt: '2026-03-01T08:05:00.000Z',
      },
      currentReceipts: [{ recordHash: stateHash(state), status: 'anchored' }],
    });
    expect(found && new ReceiptHashTamperCheck().assessOne(found)).toBe('anchored');
    expect(unknown).toMatchObject({ serial: 'NOPE', product: { name: 'Amoxicillin' } });
    expect(unknown?.pack).toBeUndefined();
    const audit = await database.sql.query<{ subject: string }>(
      `select subject from access_audit where gln = $1 order by subject desc`,
      [READER],
    );
    expect(audit.map((row) => row.subject)).toEqual([state.epc, `https://id.gs1.org/01/${GTIN}/21/NOPE`]);
  });
});
