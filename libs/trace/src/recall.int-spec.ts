import type { TestPlatform } from '@pharmatrace/auth/testing';
import {
  caseSscc,
  epcisDocument,
  LOT,
  MANUFACTURER,
  pack,
  PHARMACY,
  THREE_TIER_GTIN,
  WHOLESALER,
} from '@pharmatrace/custody-processing/testing';
import type { EpcisQueryDocument } from '@pharmatrace/epcis';
import { computeCheckDigit } from '@pharmatrace/gs1';
import { Topics, type Consumer } from '@pharmatrace/messaging';
import { uniqueName, waitFor } from '@pharmatrace/testing';
import type { RecallReport } from './recall/recall-report';
import { REPACK_CASE, runTraceScenario, STOLEN } from './testing/trace-scenario';
import { startTracePlatform, waitForCustody } from './testing/trace-test-platform';
import { WebhookReceiver } from './testing/webhook-receiver';
import { SIGNATURE_HEADER, verifyWebhookSignature } from './webhooks/webhook-signature';

const M = MANUFACTURER.gln;
const W = WHOLESALER.gln;
const P = PHARMACY.gln;
const REGULATOR = '9520005000016';
const WHOLESALER_SECRET = 'wholesaler-webhook-secret';

describe('recalls on the three-tier scenario (Kafka, PostgreSQL)', () => {
  let platform: TestPlatform;
  let keys: Map<string, string>;
  let events: number;
  let recallId: string;
  let pharmacySecret: string;
  const published: { topic: string; value: Record<string, unknown> }[] = [];
  const taps: Consumer[] = [];
  const wholesalerHook = new WebhookReceiver();
  const pharmacyHook = new WebhookReceiver();

  const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) =>
    platform.request({ method, url, apiKey: keys.get(who), ...(body !== undefined && { body }) });
  const recall = {
    gtin: THREE_TIER_GTIN,
    lots: [LOT],
    reason: 'Dissolution out of specification',
    class: 'II',
  };

  beforeAll(async () => {
    await Promise.all([wholesalerHook.start(), pharmacyHook.start()]);
    platform = await startTracePlatform({ webhookPollMs: 200 });
    ({ keys, events } = await runTraceScenario(platform));
    keys.set(REGULATOR, (await platform.participant({ gln: REGULATOR, role: 'regulator' })).apiKey);
    const other = await platform.participant({
      gln: '7777777000015',
      role: 'manufacturer',
      companyPrefixes: ['7777777'],
    });
    keys.set(other.gln, other.apiKey);
    for (const topic of [Topics.LedgerRecords, Topics.CustodyAlerts]) {
      taps.push(
        await platform.ports.eventLog.consume({
          groupId: uniqueName('recall-tap'),
          topic,
          maxBatchSize: 5000,
          handleBatch: (records) => {
            for (const r of records)
              published.push({ topic, value: JSON.parse(r.value) as Record<string, unknown> });
            return Promise.resolve();
          },
        }),
      );
    }
    const w = await call('POST', '/v1/webhooks', W, { url: wholesalerHook.url(), secret: WHOLESALER_SECRET });
    expect(w.statusCode).toBe(201);
    const p = await call('POST', '/v1/webhooks', P, { url: pharmacyHook.url('/pharmacy') });
    expect(p.statusCode).toBe(201);
    pharmacySecret = p.json<{ secret: string }>().secret;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(taps.map((tap) => tap.stop()));
    await platform.close();
    await Promise.all([wholesalerHook.stop(), pharmacyHook.stop()]);
  });

  it('refuses recalls from anyone but the brand owner or a regulator, and malformed ones', async () => {
    expect((await call('POST', '/v1/recalls', P, recall)).statusCode).toBe(403);
    const other = await call('POST', '/v1/recalls', '7777777000015', recall);
    expect([other.statusCode, other.json<{ code: string }>().code]).toEqual([403, 'NOT_BRAND_OWNER']);
    const invalid = await call('POST', '/v1/recalls', M, { gtin: THREE_TIER_GTIN, lots: [], class: 'IV' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ details: { pointer: string }[] }>().details.map((d) => d.pointer)).toEqual([
      '/lots',
      '/reason',
      '/class',
    ]);
    const unknownGtin = `0061414199999${computeCheckDigit('0061414199999')}`;
    const unknown = await call('POST', '/v1/recalls', REGULATOR, { ...recall, gtin: unknownGtin });
    expect([unknown.statusCode, unknown.json<{ code: string }>().code]).toEqual([404, 'UNKNOWN_PRODUCT']);
    const refused = await platform.ports.database.sql.query<{ n: number }>(
      `select count(*)::int as n from access_audit where action = 'recall.refused'`,
    );
    expect(refused[0]?.n).toBe(2);
  });

  it('recalls the lot at once: lot row, recall, ledger record and alert notice in one transaction', async () => {
    const response = await call('POST', '/v1/recalls', M, recall);
    expect(response.statusCode).toBe(201);
    recallId = response.json<{ id: string }>().id;
    expect(response.headers['location']).toBe(`/v1/recalls/${recallId}`);
    const [lot] = await platform.ports.database.sql.query<Record<string, unknown>>(
      `select status, status_set_by, recall_id from lots where gtin = $1 and lot = $2`,
      [THREE_TIER_GTIN, LOT],
    );
    expect(lot).toEqual({ status: 'recalled', status_set_by: M, recall_id: recallId });
    const alerts = await call('GET', `/v1/alerts?code=RECALLED&lot=${LOT}`, P);
    expect(alerts.json<{ message: string }[]>()).toEqual([
      expect.objectContaining({ message: expect.stringContaining('class II') }),
    ]);
    await waitFor(
      () =>
        Promise.resolve(
          published.some((m) => m.topic === Topics.LedgerRecords && m.value['kind'] === 'lot') &&
            published.some((m) => m.topic === Topics.CustodyAlerts && m.value['recallId'] === recallId),
        ),
      30_000,
      'ledger record and alert notice published',
    );
    expect(published.find((m) => m.value['kind'] === 'lot')?.value).toMatchObject({
      subject: `lot:${THREE_TIER_GTIN}|${LOT}`,
      operation: 'recall_lot',
      status: 'recalled',
    });
    const again = await call('POST', '/v1/recalls', REGULATOR, recall);
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, 'LOT_ALREADY_RECALLED']);
  });

  it('makes the custody rules refuse dispensing a recalled pack from that moment', async () => {
    const dispense = {
      type: 'ObjectEvent',
      eventTime: '2026-04-01T12:00:00.000Z',
      eventTimeZoneOffset: '+00:00',
      epcList: [pack(12)],
      action: 'OBSERVE',
      bizStep: 'dispensing',
      disposition: 'dispensed',
      bizLocation: { id: PHARMACY.locations[0]?.sgln },
    };
    const response = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: keys.get(P),
      body: epcisDocument([dispense]),
    });
    expect(response.statusCode).toBe(202);
    events += 1;
    await waitForCustody(platform, events);
    const [state] = await platform.ports.database.sql.query<{ status: string }>(
      `select status from packs where epc = $1`,
      [pack(12)],
    );
    expect(state?.status).toBe('active');
    const alerts = await call('GET', `/v1/alerts?code=RECALLED&epc=${encodeURIComponent(pack(12))}`, P);
    expect(alerts.json()).toEqual([expect.objectContaining({ code: 'RECALLED', epc: pack(12) })]);
  });

  it('notifies every participant holding packs through its webhook, signed', async () => {
    await wholesalerHook.waitFor(1);
    await pharmacyHook.waitFor(1);
    const [toWholesaler] = wholesalerHook.received;
    const now = Math.floor(Date.now() / 1000);
    expect(
      verifyWebhookSignature(
        WHOLESALER_SECRET,
        toWholesaler?.body ?? '',
        toWholesaler?.headers[SIGNATURE_HEADER] as string,
        now,
      ),
    ).toBe(true);
    expect(wholesalerHook.bodies('recall.issued')).toEqual([
      expect.objectContaining({
        recall: expect.objectContaining({ id: recallId, class: 'II', lots: [LOT] }),
        yourPacks: { total: 491, byStatus: { active: 391, in_transit: 99, stolen: 1 }, incoming: 0 },
      }),
    ]);
    const [toPharmacy] = pharmacyHook.received;
    expect(toPharmacy?.path).toBe('/pharmacy');
    expect(
      verifyWebhookSignature(
        pharmacySecret,
        toPharmacy?.body ?? '',
        toPharmacy?.headers[SIGNATURE_HEADER] as string,
        now,
      ),
    ).toBe(true);
    expect(pharmacyHook.bodies('recall.issued')[0]).toMatchObject({
      yourPacks: { total: 509, byStatus: { active: 499, dispensed: 10 }, incoming: 99 },
    });
  });

  it('reports where every pack is: custodians, premises, dispensed, in transit', async () => {
    const [shipment] = await platform.ports.database.sql.query<{ event_id: string }>(
      `select event_id from epcis_events where epcs @> array[$1] and biz_step = 'shipping' and captured_by = $2`,
      [caseSscc(7), W],
    );
    const response = await call('GET', `/v1/recalls/${recallId}`, REGULATOR);
    expect(response.statusCode).toBe(200);
    const report = response.json<RecallReport>();
    expect(report.scope).toBe('full');
    expect(report.lots).toEqual([{ lot: LOT, status: 'recalled', recallId }]);
    expect(report.summary.packs).toBe(1000);
    expect(report.summary.byStatus).toEqual({ active: 890, dispensed: 10, in_transit: 99, stolen: 1 });
    expect(report.summary.byCustodian.map((c) => [c.gln, c.packs, c.byStatus])).toEqual([
      [W, 491, { active: 391, in_transit: 99, stolen: 1 }],
      [P, 509, { active: 499, dispensed: 10 }],
    ]);
    expect(report.summary.byCustodian[1]?.locations).toEqual([
      { sgln: PHARMACY.locations[0]?.sgln, name: 'Pharmacy counter', packs: 509 },
    ]);
    expect(report.summary.inTransit).toEqual([
      { from: W, to: P, toName: `pharmacy ${P}`, shipmentId: shipment?.event_id, packs: 99 },
    ]);
    expect(report.summary.dispensed).toEqual([
      { gln: P, name: `pharmacy ${P}`, location: PHARMACY.locations[0]?.sgln, packs: 10 },
    ]);
    const at = (serial: string) => report.whereabouts.find((w) => w.serials.includes(serial));
    expect(report.whereabouts.reduce((n, w) => n + w.serials.length, 0)).toBe(1000);
    expect(at('P0505')).toMatchObject({ custodian: P, parent: REPACK_CASE, status: 'active', packs: 10 });
    expect(at('P0011')).toMatchObject({ custodian: W, status: 'active', packs: 1 });
    expect(at(`P0${STOLEN}`)).toMatchObject({ status: 'stolen', decommission: { by: W } });
    expect(at(`P0${STOLEN}`)?.decommissionedAt).toEqual(['2026-04-01T10:10:00.000Z']);
    expect(at('P0650')).toMatchObject({
      status: 'in_transit',
      parent: caseSscc(7),
      inTransit: { to: P },
      packs: 99,
    });
    const dispensed = at('P0001');
    expect(dispensed).toMatchObject({ status: 'dispensed', decommission: { by: P }, packs: 10 });
    expect(dispensed?.serials).toEqual(
      Array.from({ length: 10 }, (_, i) => `P${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('renders the report as CSV, one line per pack', async () => {
    const response = await call('GET', `/v1/recalls/${recallId}?format=csv`, REGULATOR);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="recall-${recallId}.csv"`);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines).toHaveLength(1001);
    expect(lines.find((l) => l.startsWith(`${pack(STOLEN)},`))).toContain(',stolen,');
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual([pack(1), pack(2), pack(3)]);
    expect((await call('GET', `/v1/recalls/${recallId}?format=xml`, REGULATOR)).statusCode).toBe(400);
  });

  it('shows other participants only the packs they hold or that come to them, and audits reads', async () => {
    const forPharmacy = (await call('GET', `/v1/recalls/${recallId}`, P)).json<RecallReport>();
    expect([forPharmacy.scope, forPharmacy.summary.packs]).toEqual(['partial', 509 + 99]);
    const forWholesaler = (await call('GET', `/v1/recalls/${recallId}`, W)).json<RecallReport>();
    expect([forWholesaler.scope, forWholesaler.summary.packs]).toEqual(['partial', 491]);
    const forMaker = (await call('GET', `/v1/recalls/${recallId}`, M)).json<RecallReport>();
    expect([forMaker.scope, forMaker.summary.packs]).toEqual(['full', 1000]);
    const audit = await platform.ports.database.sql.query<{ gln: string; scope: string }>(
      `select gln, details->>'scope' as scope from access_audit where action = 'recall.read' and subject = $1
        order by id`,
      [recallId],
    );
    expect(audit.map((a) => a.gln)).toEqual([REGULATOR, REGULATOR, P, W, M]);
    expect(
      (await call('GET', '/v1/recalls/00000000-0000-4000-8000-000000000000', REGULATOR)).statusCode,
    ).toBe(404);
  });

  it('pages the affected events as EPCIS query documents, each event once', async () => {
    const read = async (who: string) => {
      const ids: string[] = [];
      let url: string | undefined = `/v1/recalls/${recallId}/events?perPage=300`;
      for (let pages = 0; url && pages < 20; pages++) {
        const response = await call('GET', url, who);
        expect(response.statusCode).toBe(200);
        const document = response.json<EpcisQueryDocument>();
        expect(document.type).toBe('EPCISQueryDocument');
        ids.push(...document.epcisBody.queryResults.resultsBody.eventList.map((e) => e['eventID'] as string));
        const link = response.headers['link'] as string | undefined;
        url = link ? /^<([^>]+)>/.exec(link)?.[1] : undefined;
      }
      return ids;
    };
    const all = await read(REGULATOR);
    expect(new Set(all).size).toBe(all.length);
    const stored = await platform.ports.database.sql.query<{ event_id: string }>(
      `select event_id from epcis_events`,
    );
    expect(new Set(all)).toEqual(new Set(stored.map((e) => e.event_id)));
    const mine = await read(P);
    const theirs = await platform.ports.database.sql.query<{ event_id: string }>(
      `select event_id from epcis_events where parties @> array[$1]::text[]`,
      [P],
    );
    expect(new Set(mine)).toEqual(new Set(theirs.map((e) => e.event_id)));
  });

  it('lifts the recall only by whoever issued it, and tells the holders', async () => {
    const byWholesaler = await call('POST', `/v1/recalls/${recallId}/lift`, W, {});
    expect([byWholesaler.statusCode, byWholesaler.json<{ code: string }>().code]).toEqual([
      403,
      'NOT_RECALL_ISSUER',
    ]);
    expect((await call('POST', `/v1/recalls/${recallId}/lift`, REGULATOR, {})).statusCode).toBe(403);
    const lifted = await call('POST', `/v1/recalls/${recallId}/lift`, M, {
      reason: 'Retest within specification',
    });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({
      status: 'lifted',
      liftedBy: M,
      liftReason: 'Retest within specification',
    });
    const [lot] = await platform.ports.database.sql.query<Record<string, unknown>>(
      `select status, recall_id from lots where gtin = $1 and lot = $2`,
      [THREE_TIER_GTIN, LOT],
    );
    expect(lot).toEqual({ status: 'active', recall_id: null });
    await wholesalerHook.waitFor(2);
    await pharmacyHook.waitFor(2);
    expect(wholesalerHook.bodies('recall.lifted')).toHaveLength(1);
    const again = await call('POST', `/v1/recalls/${recallId}/lift`, M, {});
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, 'RECALL_LIFTED']);

    const byRegulator = await call('POST', '/v1/recalls', REGULATOR, {
      ...recall,
      lots: ['LOT-EMPTY'],
      class: 'I',
    });
    expect(byRegulator.statusCode).toBe(201);
    const id = byRegulator.json<{ id: string }>().id;
    expect((await call('POST', `/v1/recalls/${id}/lift`, M, {})).statusCode).toBe(403);
    expect((await call('POST', `/v1/recalls/${id}/lift`, REGULATOR, {})).statusCode).toBe(200);
  });
});
