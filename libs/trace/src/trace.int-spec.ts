import type { TestPlatform } from '@pharmatrace/auth/testing';
import {
  caseSscc,
  MANUFACTURER,
  pack,
  PALLET,
  PHARMACY,
  THREE_TIER_GTIN,
  WHOLESALER,
} from '@pharmatrace/custody-processing/testing';
import { computeCheckDigit } from '@pharmatrace/gs1';
import { REPACK_CASE, RETURNED, runTraceScenario, STOLEN } from './testing/trace-scenario';
import { startTracePlatform } from './testing/trace-test-platform';
import type { TraceView } from './trace/trace.view';

const M = MANUFACTURER.gln;
const W = WHOLESALER.gln;
const P = PHARMACY.gln;

describe('GET /v1/trace on the three-tier scenario (Kafka, PostgreSQL)', () => {
  let platform: TestPlatform;
  let keys: Map<string, string>;
  let regulator: string;

  const trace = async (epc: string, apiKey: string | undefined = regulator) => {
    const response = await platform.request({
      method: 'GET',
      url: `/v1/trace/${encodeURIComponent(epc)}`,
      apiKey,
    });
    return { status: response.statusCode, body: response.json<TraceView & { code?: string }>() };
  };
  const steps = (view: TraceView) => view.events.map((e) => `${e.bizStep ?? '-'}${e.via ? `@${e.via}` : ''}`);

  beforeAll(async () => {
    platform = await startTracePlatform();
    ({ keys } = await runTraceScenario(platform));
    regulator = (await platform.participant({ gln: '9520005000016', role: 'regulator' })).apiKey;
  }, 120_000);
  afterAll(() => platform.close());

  it('gives a regulator the whole chain of a pack: own events, its case and pallet’s events while inside', async () => {
    const [commissioning] = await platform.ports.database.sql.query<{ event_hash: string }>(
      `select event_hash from epcis_events where epcs @> array[$1] and biz_step = 'commissioning'`,
      [pack(250)],
    );
    await platform.ports.database.sql.query(
      `insert into ledger_receipts (record_id, subject, record_hash, tx_id, block_number, block_hash, status, anchored_at)
       values ($1, $2, 'feed', 'tx-250', 42, 'b42', 'anchored', now())`,
      [`${commissioning?.event_hash}#${pack(250)}`, pack(250)],
    );
    const { status, body } = await trace(`https://id.gs1.org/01/${THREE_TIER_GTIN}/21/P0250`);
    expect(status).toBe(200);
    expect(body.epc).toBe(pack(250));
    expect(body.scope).toBe('full');
    expect(steps(body)).toEqual([
      'commissioning',
      'packing',
      // Palletising names the case as a child: found through the case, the nearer container.
      `packing@${caseSscc(3)}`,
      `shipping@${PALLET}`,
      `receiving@${PALLET}`,
      `unpacking@${caseSscc(3)}`,
      `shipping@${caseSscc(3)}`,
      `receiving@${caseSscc(3)}`,
    ]);
    expect(body.events[0]?.receipt).toMatchObject({ status: 'anchored', txId: 'tx-250', blockNumber: 42 });
    expect(body.events[1]?.receipt).toBeUndefined();
    expect(body.handoffs.map((h) => [h.from.gln, h.to.gln, h.status, h.outcome])).toEqual([
      [M, W, 'verified', 'received'],
      [W, P, 'verified', 'received'],
    ]);
    expect(body.handoffs[0]?.closedAt).toBeDefined();
    expect(body.aggregation.parents.map((p) => [p.parent, p.depth, p.until === undefined])).toEqual([
      [caseSscc(3), 1, true],
      [PALLET, 2, false],
    ]);
    expect(body.current).toMatchObject({
      status: 'active',
      verdict: 'active',
      custodian: { gln: P },
      location: { sgln: PHARMACY.locations[0]?.sgln, name: 'Pharmacy counter' },
      parent: caseSscc(3),
      lot: 'LOT-3T',
    });
  });

  it('follows a pack repacked midway into the wholesaler’s own case', async () => {
    const { body } = await trace(`(01)${THREE_TIER_GTIN}(21)P0505`);
    expect(body.aggregation.parents.map((p) => [p.parent, p.depth, p.until === undefined])).toEqual([
      [caseSscc(6), 1, false],
      [PALLET, 2, false],
      [REPACK_CASE, 1, true],
    ]);
    expect(steps(body).slice(-5)).toEqual([
      `unpacking@${caseSscc(6)}`,
      'unpacking',
      'packing',
      `shipping@${REPACK_CASE}`,
      `receiving@${REPACK_CASE}`,
    ]);
    expect(body.handoffs.map((h) => [h.from.gln, h.to.gln])).toEqual([
      [M, W],
      [W, P],
    ]);
    expect(body.current).toMatchObject({ custodian: { gln: P }, parent: REPACK_CASE });
  });

  it('shows a saleable return as a third handoff back to the wholesaler', async () => {
    const { body } = await trace(pack(RETURNED));
    expect(body.handoffs.map((h) => [h.from.gln, h.to.gln, h.outcome])).toEqual([
      [M, W, 'received'],
      [W, P, 'received'],
      [P, W, 'received'],
    ]);
    expect(body.current).toMatchObject({ status: 'active', custodian: { gln: W } });
    expect(body.current?.parent).toBeUndefined();
  });

  it('records the refused theft report in transit, the void and the accepted report', async () => {
    const { body } = await trace(pack(STOLEN));
    expect(steps(body).slice(-4)).toEqual([
      `shipping@${caseSscc(7)}`,
      'decommissioning',
      'void_shipping',
      'decommissioning',
    ]);
    expect(body.alerts.map((a) => a.code)).toEqual(['INVALID_TRANSITION']);
    expect(body.handoffs.at(-1)).toMatchObject({
      from: { gln: W },
      to: { gln: P },
      status: 'open',
      outcome: 'voided',
    });
    expect(body.current).toMatchObject({ status: 'stolen', verdict: 'stolen', custodian: { gln: W } });
    expect(body.current?.parent).toBeUndefined();
  });

  it('traces a case both ways: where it came from and where its contents are', async () => {
    const { body } = await trace(caseSscc(7));
    expect(body.kind).toBe('container');
    expect(body.current).toMatchObject({ status: 'in_transit', inTransit: { to: P } });
    expect(body.aggregation.contents).toHaveLength(100);
    const stolen = body.aggregation.contents.find((c) => c.epc === pack(STOLEN));
    expect(stolen).toMatchObject({ status: 'stolen', custodian: { gln: W } });
    expect(stolen?.until).toBeDefined();
    expect(body.handoffs.map((h) => [h.from.gln, h.to.gln, h.status])).toEqual([
      [M, W, 'verified'],
      [W, P, 'open'],
    ]);
  });

  it('traces a pallet by its 18-digit SSCC: ten cases, a thousand packs, the shipments they went on', async () => {
    const digits = '20614141000000001';
    const { body } = await trace(`${digits}${computeCheckDigit(digits)}`);
    expect(body.epc).toBe(PALLET);
    const depths = body.aggregation.contents.reduce<Record<number, number>>(
      (n, c) => ({ ...n, [c.depth]: (n[c.depth] ?? 0) + 1 }),
      {},
    );
    expect(depths).toEqual({ 1: 10, 2: 1000 });
    expect(body.onwardHandoffs.map((h) => [h.from.gln, h.to.gln, h.items])).toEqual([
      [W, P, 505],
      [W, P, 10],
      [P, W, 1],
      [W, P, 101],
    ]);
  });

  it('cuts the chain to each participant’s part', async () => {
    const wholesaler = (await trace(pack(250), keys.get(W))).body;
    expect(wholesaler.scope).toBe('partial');
    expect(steps(wholesaler)).toEqual([
      `shipping@${PALLET}`,
      `receiving@${PALLET}`,
      `unpacking@${caseSscc(3)}`,
      `shipping@${caseSscc(3)}`,
    ]);
    expect(wholesaler.current).toBeUndefined();
    const pharmacy = (await trace(pack(250), keys.get(P))).body;
    expect(steps(pharmacy)).toEqual([`shipping@${caseSscc(3)}`, `receiving@${caseSscc(3)}`]);
    expect(pharmacy.handoffs.map((h) => h.from.gln)).toEqual([W]);
    expect(pharmacy.current?.custodian.gln).toBe(P);
    const maker = (await trace(pack(250), keys.get(M))).body;
    expect(maker.scope).toBe('full');
    expect(maker.events).toHaveLength(8);
    const stranger = await platform.participant({ gln: '9520002000019', role: 'pharmacy' });
    expect((await trace(pack(250), stranger.apiKey)).status).toBe(404);
  });

  it('refuses what it cannot read, and audits every read', async () => {
    expect((await trace('not an identifier')).body.code).toBe('INVALID_IDENTIFIER');
    expect((await trace('urn:epc:id:sgln:0614141.00001.0')).body.code).toBe('NOT_TRACEABLE');
    expect((await trace(pack(9999))).status).toBe(404);
    const anonymous = await platform.request({
      method: 'GET',
      url: `/v1/trace/${encodeURIComponent(pack(1))}`,
    });
    expect(anonymous.statusCode).toBe(401);
    const audit = await platform.ports.database.sql.query<{ gln: string; scope: string; n: number }>(
      `select gln, details->>'scope' as scope, count(*)::int as n from access_audit
        where action = 'trace.read' and subject = $1 group by 1, 2 order by 1`,
      [pack(250)],
    );
    expect(audit).toEqual([
      { gln: M, scope: 'full', n: 1 },
      { gln: W, scope: 'partial', n: 1 },
      { gln: P, scope: 'partial', n: 1 },
      { gln: '9520002000019', scope: 'partial', n: 1 },
      { gln: '9520005000016', scope: 'full', n: 1 },
    ]);
  });
});
