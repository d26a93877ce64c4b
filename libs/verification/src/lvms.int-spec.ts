import { ApiKeyService } from '@pharmatrace/auth';
import type { LvmsResponse } from './lvms/lvms.mapping';
import {
  GTIN,
  key,
  MANUFACTURER,
  PHARMACY,
  serialOf,
  startVerificationWorld,
  WHOLESALER,
  type VerificationWorld,
} from './testing/verification-world';
import type { VerificationView } from './verify/verification.view';

const CORR = '2b3d6e0c-8b1a-4c9e-9a7e-0d1f6c2b7a11';

describe('GS1 LVMS and derived verdicts (recalled, withdrawn, expired) on PostgreSQL and Kafka', () => {
  let world: VerificationWorld;
  beforeAll(async () => {
    world = await startVerificationWorld();
  }, 120_000);
  afterAll(() => world?.platform.close());

  const sql = () => world.platform.ports.database.sql;
  const lvms = (
    path: { gtin?: string; lot?: string; serial: string },
    query: Record<string, string> = {},
    apiKey: string | null = key(world, WHOLESALER.gln),
  ) =>
    world.platform.request({
      method: 'GET',
      url: `/lvms/gtin/${path.gtin ?? GTIN}/lot/${path.lot ?? 'LOT-3T'}/ser/${path.serial}?${new URLSearchParams(
        {
          exp: '280630',
          linkType: 'verificationService',
          context: 'dscsaSaleableReturn',
          reqGLN: WHOLESALER.gln,
          corrUUID: CORR,
          ...query,
        },
      ).toString()}`,
      ...(apiKey !== null && { apiKey }),
    });
  const data = async (path: Parameters<typeof lvms>[0], query: Record<string, string> = {}) => {
    const response = await lvms(path, query);
    expect(response.statusCode).toBe(200);
    return response.json<LvmsResponse>().data;
  };
  const verify = async (n: number) =>
    (
      await world.platform.request({
        method: 'GET',
        url: `/v1/verify?gtin=${GTIN}&serial=${serialOf(n)}`,
        apiKey: key(world, PHARMACY.gln),
      })
    ).json<VerificationView>();

  it('verifies a saleable return on behalf of the brand owner, echoing corrUUID', async () => {
    const response = await lvms({ serial: serialOf(600) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      verificationTimestamp: '2026-04-02T10:00:00.000Z',
      responderGLN: MANUFACTURER.gln,
      data: { verified: true },
      corrUUID: CORR,
    });
    // Pack 600 is the wholesaler's own: not audited. Pack 11 is at the pharmacy: audited.
    expect((await lvms({ serial: serialOf(11) })).statusCode).toBe(200);
    const audit = await sql().query<{ subject: string; details: Record<string, string> }>(
      `select subject, details from access_audit where gln = $1`,
      [WHOLESALER.gln],
    );
    expect(audit).toEqual([
      { subject: 'urn:epc:id:sgtin:0614141.107346.P0011', details: { channel: 'lvms', status: 'active' } },
    ]);
  });

  it('names each kind of mismatch, and refuses the decommissioned for re-distribution', async () => {
    expect(await data({ serial: 'NOPE9' })).toEqual({
      verified: false,
      verificationFailureReason: 'No_match_GTIN_Serial',
    });
    expect(await data({ serial: serialOf(600), lot: 'LOT-9X' })).toMatchObject({
      verificationFailureReason: 'No_match_GTIN_Serial_Lot',
    });
    expect(await data({ serial: serialOf(600) }, { exp: '290630' })).toMatchObject({
      verificationFailureReason: 'No_match_GTIN_Serial_Expiry',
    });
    expect(await data({ serial: serialOf(600), lot: 'LOT-9X' }, { exp: '290630' })).toMatchObject({
      verificationFailureReason: 'No_match_GTIN_Serial_Lot_Expiry',
    });
    expect(await data({ serial: serialOf(1) })).toEqual({
      verified: false,
      verificationFailureReason: 'Not_for_re-distribution',
    });
  });

  it('answers 404 for an unknown GTIN, 400 for malformed requests, 403 for another reqGLN', async () => {
    expect((await lvms({ gtin: '09506000134352', serial: 'X1' })).statusCode).toBe(404);
    expect((await lvms({ serial: serialOf(600) }, { exp: '2806' })).statusCode).toBe(400);
    expect((await lvms({ serial: serialOf(600) }, { linkType: 'pip' })).statusCode).toBe(400);
    const other = await lvms({ serial: serialOf(600) }, { reqGLN: PHARMACY.gln });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'REQUESTER_MISMATCH' });
  });

  it('authenticates the requester: 401 without a key and for a revoked one', async () => {
    expect((await lvms({ serial: serialOf(600) }, {}, null)).statusCode).toBe(401);
    const keys = world.platform.app.get(ApiKeyService);
    const issued = await keys.issue(WHOLESALER.gln, 'to revoke');
    expect((await lvms({ serial: serialOf(600) }, {}, issued.key)).statusCode).toBe(200);
    await keys.revoke(issued.id);
    expect((await lvms({ serial: serialOf(600) }, {}, issued.key)).statusCode).toBe(401);
  });

  it('checks connectivity for a GTIN without credentials', async () => {
    const ok = await world.platform.request({
      method: 'GET',
      url: `/lvms/checkConnectivity?gtin=${GTIN}&reqGLN=${WHOLESALER.gln}`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ responderGLN: MANUFACTURER.gln, data: { connectivity: true } });
    const unknown = await world.platform.request({
      method: 'GET',
      url: `/lvms/checkConnectivity?gtin=09506000134352`,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('derives expired from the clock, recalled from the lot, withdrawn from the product', async () => {
    world.clock.set('2028-07-01T09:00:00.000Z');
    try {
      expect(await verify(21)).toMatchObject({
        verdict: 'expired',
        alert: { code: 'EXPIRED' },
        state: { status: 'active', shownAs: 'expired', expired: true },
      });
      expect(await data({ serial: serialOf(600) })).toEqual({ verified: true, additionalInfo: 'Expired' });
    } finally {
      world.clock.set('2026-04-02T10:00:00.000Z');
    }
    await sql().query(
      `insert into lots (gtin, lot, status, status_set_by, status_reason) values ($1, 'LOT-3T', 'recalled', $2, 'contamination')`,
      [GTIN, MANUFACTURER.gln],
    );
    expect(await verify(21)).toMatchObject({
      verdict: 'recalled',
      alert: { code: 'RECALLED' },
      lot: { status: 'recalled', reason: 'contamination' },
    });
    expect(await data({ serial: serialOf(600) })).toEqual({ verified: true, additionalInfo: 'Recalled' });
    await sql().query(`update products set status = 'withdrawn' where gtin = $1`, [GTIN]);
    expect(await verify(21)).toMatchObject({ verdict: 'withdrawn', product: { status: 'withdrawn' } });
    expect(await data({ serial: serialOf(600) })).toEqual({ verified: true, additionalInfo: 'Recalled' });
    expect(await verify(1)).toMatchObject({ verdict: 'decommissioned' }); // a decommission shows as is
  });
});
