import type { TestPlatform } from '@pharmatrace/auth/testing';
import {
  epcisDocument,
  EXPIRY,
  LOT,
  MANUFACTURER,
  pack,
  PHARMACY,
  seedThreeTier,
  THREE_TIER_GTIN,
  WHOLESALER,
} from '@pharmatrace/custody-processing/testing';
import { MetricsRegistry, systemClock } from '@pharmatrace/runtime';
import { waitFor } from '@pharmatrace/testing';
import { startTracePlatform, waitForCustody } from './testing/trace-test-platform';
import { WebhookReceiver } from './testing/webhook-receiver';
import type { TraceOptions } from './trace.options';
import { WebhookDeliveryRepository, type DeliveryView } from './webhooks/webhook-delivery.repository';
import { WebhookDispatcher } from './webhooks/webhook.dispatcher';
import { DELIVERY_HEADER } from './webhooks/webhook-signature';

const M = MANUFACTURER.gln;
const W = WHOLESALER.gln;
const P = PHARMACY.gln;
const OPTIONS: Partial<TraceOptions> = {
  webhookPollMs: 100,
  webhookBackoffBaseMs: 300,
  webhookBackoffMaxMs: 2_000,
  webhookMaxAttempts: 3,
  webhookTimeoutMs: 1_000,
};

/** Two packs commissioned by the manufacturer, shipped to and received by the wholesaler. */
function events() {
  const at = (minute: number) => `2026-04-01T08:0${minute}:00.000Z`;
  const where = (party: typeof MANUFACTURER) => ({ bizLocation: { id: party.locations[0]?.sgln } });
  const base = { type: 'ObjectEvent', eventTimeZoneOffset: '+00:00', epcList: [pack(1), pack(2)] };
  return [
    {
      ...base,
      eventTime: at(1),
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      ilmd: { 'cbvmda:lotNumber': LOT, 'cbvmda:itemExpirationDate': EXPIRY },
      ...where(MANUFACTURER),
    },
    {
      ...base,
      eventTime: at(2),
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      destinationList: [{ type: 'owning_party', destination: WHOLESALER.pgln }],
      ...where(MANUFACTURER),
    },
  ];
}

describe('webhooks: registration, signed deliveries, retries, durability', () => {
  let platform: TestPlatform;
  let keys: Map<string, string>;
  let recallId: string;
  const flaky = new WebhookReceiver();
  const dead = new WebhookReceiver();
  let flakyHook = '';
  let deadHook = '';

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, who: string, body?: unknown) =>
    platform.request({ method, url, apiKey: keys.get(who), ...(body !== undefined && { body }) });
  const deliveries = async (hook: string) =>
    (await call('GET', `/v1/webhooks/${hook}/deliveries`, W)).json<DeliveryView[]>();

  beforeAll(async () => {
    await Promise.all([flaky.start(), dead.start()]);
    await dead.stop(); // nothing listens on its port any more: connection refused
    platform = await startTracePlatform(OPTIONS);
    keys = await seedThreeTier(platform);
    for (const [who, batch] of [
      [M, events()],
      [
        W,
        [
          {
            type: 'ObjectEvent',
            eventTime: '2026-04-01T08:05:00.000Z',
            eventTimeZoneOffset: '+00:00',
            epcList: [pack(1), pack(2)],
            action: 'OBSERVE',
            bizStep: 'receiving',
            bizLocation: { id: WHOLESALER.locations[0]?.sgln },
          },
        ],
      ],
    ] as const) {
      const response = await call('POST', '/epcis/capture', who, epcisDocument([...batch]));
      expect(response.statusCode).toBe(202);
    }
    await waitForCustody(platform, 3);
  }, 120_000);

  afterAll(async () => {
    await platform.close();
    await flaky.stop();
  });

  it('registers only http(s) URLs, at most ten per participant, each deletable by its owner', async () => {
    for (const url of ['ftp://127.0.0.1/x', 'https://user:pw@127.0.0.1/x', 'not a url']) {
      const response = await call('POST', '/v1/webhooks', P, { url });
      expect([response.statusCode, response.json<{ code: string }>().code]).toEqual([400, 'INVALID_WEBHOOK']);
    }
    const ids: string[] = [];
    for (let n = 0; n < 10; n++) {
      const response = await call('POST', '/v1/webhooks', P, { url: `https://127.0.0.1/hook/${n}` });
      expect(response.statusCode).toBe(201);
      expect(response.json<{ secret: string }>().secret).toMatch(/^whsec_/);
      ids.push(response.json<{ id: string }>().id);
    }
    expect((await call('POST', '/v1/webhooks', P, { url: 'https://127.0.0.1/11' })).statusCode).toBe(409);
    const listed = (await call('GET', '/v1/webhooks', P)).json<Record<string, unknown>[]>();
    expect(listed).toHaveLength(10);
    expect(listed.every((hook) => !('secret' in hook))).toBe(true);
    expect((await call('DELETE', `/v1/webhooks/${ids[0]}`, W)).statusCode).toBe(404);
    for (const id of ids) expect((await call('DELETE', `/v1/webhooks/${id}`, P)).statusCode).toBe(204);
    expect((await call('DELETE', `/v1/webhooks/${ids[0]}`, P)).statusCode).toBe(404);
    expect((await call('GET', '/v1/webhooks', P)).json()).toEqual([]);
  });

  it('retries a failing receiver with exponential backoff until it answers 2xx, and gives up on a dead one', async () => {
    flaky.answer(500, 503, 200);
    const register = async (url: string) =>
      (await call('POST', '/v1/webhooks', W, { url, secret: 'a-secret-of-16-chars' })).json<{ id: string }>()
        .id;
    flakyHook = await register(flaky.url());
    deadHook = await register(dead.url());
    const recall = await call('POST', '/v1/recalls', M, {
      gtin: THREE_TIER_GTIN,
      lots: [LOT],
      reason: 'Label misprint',
      class: 'III',
    });
    expect(recall.statusCode).toBe(201);
    recallId = recall.json<{ id: string }>().id;
    await flaky.waitFor(3);
    const [first, second, third] = flaky.received.map((r) => r.at);
    expect(new Set(flaky.received.map((r) => r.headers[DELIVERY_HEADER])).size).toBe(1);
    expect(new Set(flaky.received.map((r) => r.body)).size).toBe(1);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(240); // 300 ms −20 %
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(480); // 600 ms −20 %
    expect(flaky.bodies()[2]).toMatchObject({ type: 'recall.issued', yourPacks: { total: 2 } });
    await waitFor(async () => (await deliveries(flakyHook))[0]?.status === 'delivered', 10_000, 'delivered');
    expect((await deliveries(flakyHook))[0]).toMatchObject({ attempts: 3, lastStatusCode: 200 });
    await waitFor(async () => (await deliveries(deadHook))[0]?.status === 'failed', 15_000, 'given up');
    const [gaveUp] = await deliveries(deadHook);
    expect(gaveUp?.attempts).toBe(3);
    expect(gaveUp?.lastStatusCode).toBeUndefined();
    expect(gaveUp?.lastError).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('keeps deliveries in the database across a restart, and cancels those of a deleted webhook', async () => {
    await platform.app.get(WebhookDispatcher).onApplicationShutdown();
    const lifted = await call('POST', `/v1/recalls/${recallId}/lift`, M, {});
    expect(lifted.statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(flaky.bodies('recall.lifted')).toEqual([]);
    expect((await deliveries(flakyHook))[0]).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await call('DELETE', `/v1/webhooks/${deadHook}`, W)).statusCode).toBe(204);
    const cancelled = await platform.ports.database.sql.query<{ status: string; attempts: number }>(
      `select status, attempts from webhook_deliveries where webhook_id = $1 and event_type = 'recall.lifted'`,
      [deadHook],
    );
    expect(cancelled).toEqual([{ status: 'cancelled', attempts: 0 }]);

    // A new process: another dispatcher over the same database picks up what was queued.
    flaky.answer(204);
    const restarted = new WebhookDispatcher(
      platform.app.get(WebhookDeliveryRepository),
      platform.app.get(MetricsRegistry),
      systemClock,
      OPTIONS,
    );
    restarted.onApplicationBootstrap();
    try {
      await flaky.waitFor(4);
      expect(flaky.bodies('recall.lifted')).toEqual([
        expect.objectContaining({ recall: expect.objectContaining({ id: recallId, status: 'lifted' }) }),
      ]);
      await waitFor(async () => (await deliveries(flakyHook))[0]?.status === 'delivered', 10_000, 'sent');
    } finally {
      await restarted.onApplicationShutdown();
    }
  });
});
