import { stateHash } from './integrity/receipt-hash.tamper-check';
import {
  GTIN,
  key,
  MANUFACTURER,
  PHARMACY,
  REGULATOR,
  scanOf,
  serialOf,
  START,
  startVerificationWorld,
  WHOLESALER,
  type VerificationWorld,
} from './testing/verification-world';
import type { BulkVerification } from './verify/bulk-verification.service';
import type { VerificationView } from './verify/verification.view';

describe('verification on PostgreSQL and Kafka (three tiers)', () => {
  let world: VerificationWorld;
  beforeAll(async () => {
    world = await startVerificationWorld();
  }, 120_000);
  afterAll(() => world?.platform.close());

  const sql = () => world.platform.ports.database.sql;
  const get = (gln: string, params: Record<string, string>) =>
    world.platform.request({
      method: 'GET',
      url: `/v1/verify?${new URLSearchParams(params).toString()}`,
      apiKey: key(world, gln),
    });
  const verify = async (gln: string, n: number, extra: Record<string, string> = {}) => {
    const response = await get(gln, {
      gtin: GTIN,
      serial: serialOf(n),
      lot: 'LOT-3T',
      expiry: '280630',
      ...extra,
    });
    expect(response.statusCode).toBe(200);
    return response.json<VerificationView>();
  };
  const auditRows = (gln: string, subject: string) =>
    sql().query<{ action: string; details: Record<string, string> }>(
      `select action, details from access_audit where gln = $1 and subject = $2`,
      [gln, subject],
    );

  it('answers authentic with product, lot, state and the custodian, and audits nobody holding it', async () => {
    const view = await verify(PHARMACY.gln, 11);
    expect(view).toMatchObject({
      verdict: 'authentic',
      pack: { gtin: GTIN, serial: 'P0011', epc: 'urn:epc:id:sgtin:0614141.107346.P0011', lot: 'LOT-3T' },
      product: { name: 'Amoxicillin 500 mg', status: 'active' },
      lot: { lot: 'LOT-3T', status: 'active' },
      state: { status: 'active', shownAs: 'active', expired: false, recalled: false, withdrawn: false },
      custodian: { role: 'pharmacy', gln: PHARMACY.gln },
      ledger: { integrity: 'unanchored' },
      verifiedAt: START,
    });
    expect(view.alert).toBeUndefined();
    expect(await auditRows(PHARMACY.gln, view.pack.epc ?? '')).toEqual([]);
  });

  it('names the custodian only to itself, the brand owner and regulators; audits the others', async () => {
    expect((await verify(WHOLESALER.gln, 11)).custodian).toEqual({ role: 'pharmacy' });
    expect((await verify(MANUFACTURER.gln, 11)).custodian).toMatchObject({ gln: PHARMACY.gln });
    expect((await verify(REGULATOR.gln, 11)).custodian).toMatchObject({ gln: PHARMACY.gln });
    const epc = 'urn:epc:id:sgtin:0614141.107346.P0011';
    expect(await auditRows(WHOLESALER.gln, epc)).toEqual([
      { action: 'verification.read', details: { channel: 'verify', status: 'active' } },
    ]);
    expect(await auditRows(REGULATOR.gln, epc)).toHaveLength(1);
  });

  it('reports unknown products and serials with their NMVS codes, and audits the attempt', async () => {
    const product = await get(WHOLESALER.gln, { gtin: '09506000134352', serial: 'X1' });
    expect(product.json()).toMatchObject({
      verdict: 'unknown_product',
      alert: { code: 'UNKNOWN_PRODUCT', nmvsCode: 'NMVS_NC_PC_01' },
    });
    const serial = await get(WHOLESALER.gln, { gtin: GTIN, serial: 'NOPE1' });
    expect(serial.json()).toMatchObject({
      verdict: 'unknown_serial',
      alert: { code: 'UNKNOWN_SERIAL', nmvsCode: 'NMVS_NC_PC_02' },
      product: { name: 'Amoxicillin 500 mg' },
    });
    expect(await auditRows(WHOLESALER.gln, `https://id.gs1.org/01/${GTIN}/21/NOPE1`)).toEqual([
      { action: 'verification.read', details: { channel: 'verify', status: 'unknown_serial' } },
    ]);
  });

  it('reports lot and expiry mismatches, and decommissioned packs with the reason', async () => {
    expect(await verify(PHARMACY.gln, 19, { lot: 'LOT-9X' })).toMatchObject({
      verdict: 'lot_mismatch',
      alert: { code: 'LOT_MISMATCH', nmvsCode: 'NMVS_FE_LOT_13' },
    });
    expect(await verify(PHARMACY.gln, 19, { expiry: '290630' })).toMatchObject({
      verdict: 'expiry_mismatch',
      alert: { code: 'EXPIRY_MISMATCH', nmvsCode: 'NMVS_FE_LOT_12' },
    });
    expect(await verify(PHARMACY.gln, 1)).toMatchObject({
      verdict: 'decommissioned',
      reason: 'dispensed',
      alert: { code: 'ALREADY_DECOMMISSIONED', nmvsCode: 'NMVS_NC_PCK_22' },
      state: { status: 'dispensed' },
    });
  });

  it('reads raw DataMatrix scans (AIM id, GS) and Digital Links; says where an unreadable scan fails', async () => {
    const post = (body: unknown) =>
      world.platform.request({ method: 'POST', url: '/v1/verify', apiKey: key(world, PHARMACY.gln), body });
    expect((await post({ scan: scanOf(11) })).json()).toMatchObject({ verdict: 'authentic' });
    expect((await post({ scan: scanOf(11).replace('\u001d', '{GS}') })).json()).toMatchObject({
      verdict: 'authentic',
    });
    const link = `https://example.com/01/${GTIN}/10/LOT-3T/21/P0011?17=280630`;
    expect((await post({ scan: link })).json()).toMatchObject({ verdict: 'authentic' });
    const badCheck = await post({ scan: `]d201${GTIN.slice(0, 13)}9172806301` });
    expect(badCheck.statusCode).toBe(400);
    expect(badCheck.json()).toMatchObject({
      code: 'UNREADABLE_SCAN',
      position: 18,
      reason: expect.stringMatching(/check digit/i),
      message: expect.stringMatching(/^unreadable scan at position 18: /),
    });
    expect((await post({ scan: '' })).json()).toMatchObject({ statusCode: 400, code: 'UNREADABLE_SCAN' });
    expect((await post({ scan: '00106141410000000019' })).json()).toMatchObject({
      code: 'UNREADABLE_SCAN',
      message: expect.stringMatching(/SSCC/),
    });
    const badParams = await get(PHARMACY.gln, { gtin: '123', serial: 'P0011', expiry: '281340' });
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json()).toMatchObject({
      code: 'INVALID_REQUEST',
      details: [
        { pointer: '/gtin', reason: expect.any(String) },
        { pointer: '/expiry', reason: expect.any(String) },
      ],
    });
  });

  it('verifies up to 1,000 packs in one request, a verdict each, unreadable entries in place', async () => {
    const packs: unknown[] = Array.from({ length: 999 }, (_, i) => ({
      gtin: GTIN,
      serial: serialOf(i + 1),
      lot: 'LOT-3T',
      expiry: '2028-06-30',
    }));
    packs.splice(500, 0, { scan: 'garbage' });
    const before = await sql().query<{ n: number }>(`select count(*)::int as n from access_audit`);
    const response = await world.platform.request({
      method: 'POST',
      url: '/v1/verify/bulk',
      apiKey: key(world, WHOLESALER.gln),
      body: { packs },
    });
    expect(response.statusCode).toBe(200);
    const bulk = response.json<BulkVerification>();
    expect(bulk.count).toBe(1000);
    expect(bulk.verdicts).toEqual({ decommissioned: 10, authentic: 989, unreadable: 1 });
    expect(bulk.results[0]).toMatchObject({ verdict: 'decommissioned', pack: { serial: 'P0001' } });
    expect(bulk.results[500]).toMatchObject({ error: { code: 'UNREADABLE_SCAN' } });
    expect(bulk.results[999]).toMatchObject({ verdict: 'authentic', pack: { serial: 'P0999' } });
    // Packs 1–500 are at the pharmacy: the wholesaler's look at them is audited; its own are not.
    const after = await sql().query<{ n: number }>(`select count(*)::int as n from access_audit`);
    expect((after[0]?.n ?? 0) - (before[0]?.n ?? 0)).toBe(500);
    const tooMany = await world.platform.request({
      method: 'POST',
      url: '/v1/verify/bulk',
      apiKey: key(world, WHOLESALER.gln),
      body: { packs: [...packs, packs[0]] },
    });
    expect(tooMany.statusCode).toBe(413);
  });

  it('reports tampered when the stored state no longer matches its anchored ledger record', async () => {
    const epc = 'urn:epc:id:sgtin:0614141.107346.P0001';
    const [row] = await sql().query<{ state: Parameters<typeof stateHash>[0] }>(
      `select state from packs where epc = $1`,
      [epc],
    );
    if (!row) throw new Error('pack 1 missing');
    await sql().query(
      `insert into ledger_receipts (record_id, subject, record_hash, tx_id, block_number, block_hash, status, anchored_at)
       values ($1, $2, $3, 'tx-1', 42, 'bh-42', 'anchored', now())`,
      [`${row.state.lastEvent.hash}#${epc}`, epc, stateHash(row.state)],
    );
    expect(await verify(PHARMACY.gln, 1)).toMatchObject({
      verdict: 'decommissioned',
      ledger: { integrity: 'anchored', receipt: { txId: 'tx-1', blockNumber: '42', blockHash: 'bh-42' } },
    });
    // Someone "revives" the dispensed pack in the database to resell it.
    await sql().query(
      `update packs set status = 'active', state = jsonb_set(state, '{status}', '"active"') - 'decommission'
        where epc = $1`,
      [epc],
    );
    expect(await verify(PHARMACY.gln, 1)).toMatchObject({
      verdict: 'tampered',
      alert: { code: 'TAMPERED' },
      ledger: { integrity: 'tampered' },
    });
    const dispense = await world.platform.request({
      method: 'POST',
      url: '/v1/dispense',
      apiKey: key(world, PHARMACY.gln),
      body: { scan: scanOf(1) },
    });
    expect(dispense.statusCode).toBe(409);
    expect(dispense.json()).toMatchObject({ code: 'TAMPERED', verification: { verdict: 'tampered' } });
  });
});
