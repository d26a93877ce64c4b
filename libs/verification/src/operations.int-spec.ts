import type { OperationResult } from './operations/operation.service';
import {
  GTIN,
  key,
  OTHER_PHARMACY,
  PHARMACY,
  processedCount,
  scanOf,
  serialOf,
  START,
  startVerificationWorld,
  WHOLESALER,
  type VerificationWorld,
} from './testing/verification-world';
import type { VerificationView } from './verify/verification.view';

describe('dispense, decommission and undo through the event pipeline (PostgreSQL, Kafka)', () => {
  let world: VerificationWorld;
  beforeAll(async () => {
    world = await startVerificationWorld();
  }, 120_000);
  afterAll(() => world?.platform.close());
  afterEach(() => world.clock.set(START));

  const post = (gln: string, url: string, body: unknown) =>
    world.platform.request({ method: 'POST', url, apiKey: key(world, gln), body });
  const dispense = (n: number, gln = PHARMACY.gln, data: { lot?: string } = {}) =>
    post(gln, '/v1/dispense', { scan: scanOf(n, data) });
  const undo = (n: number, gln = PHARMACY.gln) => post(gln, '/v1/dispense/undo', { scan: scanOf(n) });
  const verify = async (n: number) =>
    (
      await world.platform.request({
        method: 'GET',
        url: `/v1/verify?gtin=${GTIN}&serial=${serialOf(n)}`,
        apiKey: key(world, PHARMACY.gln),
      })
    ).json<VerificationView>();

  it('dispenses once; a second dispense is an alert (409 NMVS_NC_PCK_19), not a success; undo reactivates', async () => {
    const first = await dispense(12);
    expect(first.statusCode).toBe(200);
    expect(first.json<OperationResult>()).toMatchObject({
      operation: 'dispense',
      applied: true,
      alerts: [],
      verification: { verdict: 'decommissioned', reason: 'dispensed', state: { status: 'dispensed' } },
    });
    const second = await dispense(12);
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      code: 'NMVS_NC_PCK_19',
      operation: 'dispense',
      alerts: [{ code: 'ALREADY_DECOMMISSIONED', nmvsCode: 'NMVS_NC_PCK_19' }],
      verification: { verdict: 'decommissioned', reason: 'dispensed' },
    });
    const undone = await undo(12);
    expect(undone.statusCode).toBe(200);
    expect(undone.json()).toMatchObject({
      operation: 'dispense:undo',
      verification: { verdict: 'authentic', state: { status: 'active' } },
    });
    expect(await verify(12)).toMatchObject({ verdict: 'authentic' });
  });

  it('refuses an undo 11 days after the dispense (NMVS_NC_PCK_20): event time comes from the clock', async () => {
    expect((await dispense(13)).statusCode).toBe(200);
    world.clock.advanceDays(11);
    const late = await undo(13);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'NMVS_NC_PCK_20',
      alerts: [{ code: 'UNDO_WINDOW_EXPIRED' }],
      verification: { verdict: 'decommissioned', reason: 'dispensed' },
    });
  });

  it('refuses an undo by another pharmacy (403 NMVS_NC_PCK_21) without emitting an event', async () => {
    expect((await dispense(14)).statusCode).toBe(200);
    const applied = await processedCount(world.platform);
    const other = await undo(14, OTHER_PHARMACY.gln);
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({
      code: 'NMVS_NC_PCK_21',
      verification: { verdict: 'decommissioned' },
    });
    expect(await processedCount(world.platform)).toBe(applied);
  });

  it('pre-checks standing and existence: not the custodian 403, unknown serial 404, nothing emitted', async () => {
    const applied = await processedCount(world.platform);
    const notCustodian = await dispense(15, OTHER_PHARMACY.gln);
    expect(notCustodian.statusCode).toBe(403);
    expect(notCustodian.json()).toMatchObject({ code: 'NOT_CUSTODIAN' });
    const unknown = await post(PHARMACY.gln, '/v1/dispense', { gtin: GTIN, serial: 'NOPE2' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'NMVS_NC_PC_02',
      verification: { verdict: 'unknown_serial' },
    });
    const wholesaler = await post(WHOLESALER.gln, '/v1/dispense', { scan: scanOf(600) });
    expect(wholesaler.statusCode).toBe(403); // dispensing is for pharmacies
    const unreadable = await post(PHARMACY.gln, '/v1/dispense', { scan: ']d2019' });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({ code: 'UNREADABLE_SCAN', position: expect.any(Number) });
    expect(await processedCount(world.platform)).toBe(applied);
    expect(await verify(15)).toMatchObject({ verdict: 'authentic' });
  });

  it('a dispense stating another lot is refused (NMVS_FE_LOT_13) and leaves the pack suspect', async () => {
    const response = await dispense(18, PHARMACY.gln, { lot: 'LOT-FAKE' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'NMVS_FE_LOT_13', alerts: [{ code: 'LOT_MISMATCH' }] });
    expect(await verify(18)).toMatchObject({
      verdict: 'suspect',
      alert: { code: 'LOT_MISMATCH', nmvsCode: 'NMVS_FE_LOT_13' },
      state: { status: 'active' },
    });
  });

  it('decommissions with a reason; destroyed is final, locked can be undone', async () => {
    const destroyed = await post(PHARMACY.gln, '/v1/decommission', { scan: scanOf(16), reason: 'destroyed' });
    expect(destroyed.statusCode).toBe(200);
    expect(destroyed.json()).toMatchObject({
      operation: 'decommission:destroyed',
      verification: { verdict: 'decommissioned', reason: 'destroyed' },
    });
    const revive = await post(PHARMACY.gln, '/v1/decommission/undo', {
      scan: scanOf(16),
      reason: 'destroyed',
    });
    expect(revive.statusCode).toBe(409);
    expect(revive.json()).toMatchObject({ code: 'UNDO_NOT_ALLOWED' });

    const locked = await post(PHARMACY.gln, '/v1/decommission', { scan: scanOf(17), reason: 'locked' });
    expect(locked.json()).toMatchObject({ verification: { reason: 'locked' } });
    const unlocked = await post(PHARMACY.gln, '/v1/decommission/undo', {
      scan: scanOf(17),
      reason: 'locked',
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ verification: { verdict: 'authentic' } });

    const exported = await post(WHOLESALER.gln, '/v1/decommission', {
      gtin: GTIN,
      serial: serialOf(700),
      reason: 'exported',
    });
    expect(exported.json()).toMatchObject({ verification: { reason: 'exported' } });
    const bogus = await post(PHARMACY.gln, '/v1/decommission', { scan: scanOf(19), reason: 'lost' });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json()).toMatchObject({ code: 'INVALID_REQUEST', details: [{ pointer: '/reason' }] });
  });

  it('refuses a location that is not the caller’s', async () => {
    const response = await post(PHARMACY.gln, '/v1/dispense', {
      scan: scanOf(20),
      location: OTHER_PHARMACY.locations[0]?.sgln,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'LOCATION_NOT_OWNED' });
  });
});
