import { DEMO_PRODUCTS, demoParticipant } from './demo-network';
import type { DemoCredentials } from './demo-credentials';
import { DemoClient } from './demo-client';
import { scanWithDevice } from './demo-scanner';
import {
  aggregationEvent,
  commissionEvents,
  DemoClock,
  epcisDocument,
  planDemo,
  receivingEvent,
  shippingEvent,
  type DemoShape,
} from './demo-scenario';

export interface DemoProgress {
  step: string;
  done: number;
  total: number;
}

export interface DemoSummary {
  packs: number;
  lots: string[];
  dispensed: number;
  dispenseRefused: { epc: string; code: string }[];
  recallId: string | undefined;
  stats: { total: number; byStatus: Record<string, number>; byCustodian: Record<string, number> };
  alertsByCode: Record<string, number>;
  steps: { step: string; ok: boolean; detail?: string }[];
}

const STEPS = 9;

/**
 * Plays a supply chain through the public APIs: commission, pack into cases and pallets, ship to the
 * wholesaler, receive, ship on to two pharmacies, receive, dispense some packs at the counter, recall
 * one lot; then reports states and alerts.
 */
export async function runDemo(
  credentials: DemoCredentials,
  options: {
    packs?: number;
    dispensePerPharmacy?: number;
    onProgress?: (p: DemoProgress) => void;
    timeoutMs?: number;
  } = {},
): Promise<DemoSummary> {
  const key = (k: string) => {
    const found = credentials.participants.find((p) => p.key === k);
    if (!found) throw new Error(`credentials have no ${k}`);
    return new DemoClient(credentials.httpUrl, found.apiKey);
  };
  const [m, w, p1, p2, reg] = ['manufacturer', 'wholesaler', 'pharmacy1', 'pharmacy2', 'regulator'].map(
    key,
  ) as [DemoClient, DemoClient, DemoClient, DemoClient, DemoClient];
  const M = demoParticipant('manufacturer');
  const W = demoParticipant('wholesaler');
  const P1 = demoParticipant('pharmacy1');
  const P2 = demoParticipant('pharmacy2');
  const stamp = new Date().toISOString().slice(2, 10).replace(/-/g, '');
  const shape: DemoShape = {
    packs: options.packs ?? 10_000,
    packsPerCase: 100,
    casesPerPallet: 10,
    lots: [`A${stamp}`, `B${stamp}`],
  };
  const plan = planDemo(shape);
  const product = DEMO_PRODUCTS[0];
  const clock = new DemoClock();
  const steps: DemoSummary['steps'] = [];
  let stepNo = 0;
  const progress = (step: string) => options.onProgress?.({ step, done: ++stepNo, total: STEPS });
  const capture = (client: DemoClient, events: unknown[]) =>
    client.expect(202, 'POST', '/epcis/capture', epcisDocument(events));
  const expiry = new Date(Date.now() + 2 * 365 * 86_400_000).toISOString().slice(0, 10);

  await capture(m, [
    ...commissionEvents(plan, expiry, clock),
    ...plan.cases.map((c) => aggregationEvent(c.sscc, c.packs, 'ADD', M, clock)),
    ...plan.pallets.map((p) => aggregationEvent(p.sscc, p.cases, 'ADD', M, clock)),
  ]);
  progress('commissioned and packed');
  const pallets = plan.pallets.map((p) => p.sscc);
  await capture(m, [shippingEvent(pallets, M, W, clock)]);
  progress('shipped to the wholesaler');
  // The wholesaler's dock scanner reads each pallet label: MQTT → edge gateway → receiving events.
  await scanWithDevice(credentials, 'wholesaler-scanner-1', pallets, () => clock.next());
  await waitForCustodian(
    reg,
    product?.gtin ?? '',
    shape.lots,
    W.gln,
    plan.packs.length,
    options.timeoutMs ?? 300_000,
  );
  progress('received by the wholesaler (dock scanner, MQTT)');
  const half = Math.ceil(plan.cases.length / 2);
  const toP1 = plan.cases.slice(0, half).map((c) => c.sscc);
  const toP2 = plan.cases.slice(half).map((c) => c.sscc);
  await capture(w, [
    ...plan.pallets.map((p) => aggregationEvent(p.sscc, p.cases, 'DELETE', W, clock)),
    shippingEvent(toP1, W, P1, clock),
    shippingEvent(toP2, W, P2, clock),
  ]);
  progress('shipped on to two pharmacies');
  await capture(p1, [receivingEvent(toP1, P1, clock)]);
  await capture(p2, [receivingEvent(toP2, P2, clock)]);
  progress('received by the pharmacies');

  await waitForApplied(reg, product?.gtin ?? '', shape.lots, plan.packs.length, options.timeoutMs ?? 300_000);
  progress('custody applied');

  // At the counter: the pharmacist scans and dispenses; a second scan of the same pack is refused.
  const dispenseRefused: DemoSummary['dispenseRefused'] = [];
  let dispensed = 0;
  const perPharmacy = options.dispensePerPharmacy ?? 20;
  for (const [client, cases] of [
    [p1, plan.cases.slice(0, half)],
    [p2, plan.cases.slice(half)],
  ] as const) {
    const firstCase = cases[0];
    if (!firstCase || !product) continue;
    for (const epc of firstCase.packs.slice(0, perPharmacy)) {
      const response = await client.call('POST', '/v1/dispense', {
        scan: digitalLink(product.gtin, epc, plan.lotOf, expiry),
      });
      if (response.status === 200) dispensed++;
      else
        dispenseRefused.push({
          epc,
          code: String((response.body as { code?: string } | undefined)?.code ?? response.status),
        });
    }
    const second = await client.call('POST', '/v1/dispense', {
      scan: digitalLink(product.gtin, firstCase.packs[0] ?? '', plan.lotOf, expiry),
    });
    dispenseRefused.push({
      epc: firstCase.packs[0] ?? '',
      code: String((second.body as { code?: string } | undefined)?.code ?? second.status),
    });
  }
  steps.push({ step: 'dispense', ok: dispensed > 0, detail: `${dispensed} dispensed` });
  progress('dispensed at the counter');

  const recall = await m.call<{ id?: string; recallId?: string; message?: string }>('POST', '/v1/recalls', {
    gtin: product?.gtin,
    lots: [shape.lots[1]],
    reason: 'Out-of-specification dissolution results (demo)',
    class: 'II',
  });
  const recallId = recall.body?.id ?? recall.body?.recallId;
  steps.push({
    step: 'recall',
    ok: recall.status === 201,
    detail: recall.status === 201 ? recallId : recall.body?.message,
  });
  progress('recalled one lot');

  const stats = await reg.expect<DemoSummary['stats']>(
    200,
    'GET',
    `/v1/packs/stats?gtin=${product?.gtin ?? ''}`,
  );
  const alerts = await reg.expect<{ code: string }[]>(200, 'GET', '/v1/alerts?limit=1000');
  const alertsByCode: Record<string, number> = {};
  for (const alert of alerts) alertsByCode[alert.code] = (alertsByCode[alert.code] ?? 0) + 1;
  progress('summary');
  return {
    packs: plan.packs.length,
    lots: shape.lots,
    dispensed,
    dispenseRefused,
    recallId,
    stats,
    alertsByCode,
    steps,
  };
}

/** The Digital Link a pharmacist's scanner reads off the pack (GTIN, lot, serial, expiry). */
function digitalLink(gtin: string, epc: string, lotOf: Map<string, string>, expiry: string): string {
  const serial = epc.split('.').at(-1) ?? '';
  const lot = lotOf.get(epc) ?? '';
  const yymmdd = expiry.slice(2).replace(/-/g, '');
  return `https://id.gs1.org/01/${gtin}/10/${encodeURIComponent(lot)}/21/${encodeURIComponent(serial)}?17=${yymmdd}`;
}

/** Waits until every pack of this run is with `gln` (the receipt was applied). */
async function waitForCustodian(
  regulator: DemoClient,
  gtin: string,
  lots: readonly string[],
  gln: string,
  packs: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let held = 0;
    for (const lot of lots) {
      const stats = await regulator.expect<{ byCustodian: Record<string, number> }>(
        200,
        'GET',
        `/v1/packs/stats?gtin=${gtin}&lot=${encodeURIComponent(lot)}`,
      );
      held += stats.byCustodian[gln] ?? 0;
    }
    if (held >= packs) return;
    if (Date.now() > deadline)
      throw new Error(`packs not received by ${gln} within ${timeoutMs} ms (${held} of ${packs})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Waits until every pack of this run is commissioned and none is still in transit. */
async function waitForApplied(
  regulator: DemoClient,
  gtin: string,
  lots: readonly string[],
  packs: number,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let total = 0;
    let inTransit = 0;
    for (const lot of lots) {
      const stats = await regulator.expect<{ byStatus: Record<string, number>; total: number }>(
        200,
        'GET',
        `/v1/packs/stats?gtin=${gtin}&lot=${encodeURIComponent(lot)}`,
      );
      total += stats.total;
      inTransit += stats.byStatus['in_transit'] ?? 0;
    }
    if (total >= packs && inTransit === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `custody not applied within ${timeoutMs} ms (${total} of ${packs} packs, ${inTransit} in transit)`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
