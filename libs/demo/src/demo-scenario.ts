import { randomBytes } from 'node:crypto';
import { SerialGenerator } from '@pharmatrace/gs1';
import { DEMO_PRODUCTS, demoParticipant, type DemoParticipant } from './demo-network';

export interface DemoShape {
  packs: number;
  packsPerCase: number;
  casesPerPallet: number;
  lots: [string, string];
}

export interface DemoPlan {
  packs: string[];
  lotOf: Map<string, string>;
  cases: { sscc: string; packs: string[] }[];
  pallets: { sscc: string; cases: string[] }[];
}

const PRODUCT = DEMO_PRODUCTS[0];

/** Randomised serials (EU rule: unguessable) and fresh SSCCs, so every demo run is new data. */
export function planDemo(shape: DemoShape): DemoPlan {
  if (!PRODUCT) throw new Error('no demo product');
  const serials = new SerialGenerator({ randomBytes: (n: number) => randomBytes(n) }).nextBatch(
    PRODUCT.gtin,
    shape.packs,
  );
  const packs = serials.map((serial) => `urn:epc:id:sgtin:0614141.${PRODUCT.itemReference}.${serial}`);
  const lotOf = new Map(packs.map((epc, i) => [epc, i < shape.packs / 2 ? shape.lots[0] : shape.lots[1]]));
  // Serial references: a random 8-digit block per run, then a counter; extension digit 3 for cases, 4 for pallets.
  const block = randomBytes(4).readUInt32BE(0) % 90_000_000;
  const sscc = (extension: number, n: number) =>
    `urn:epc:id:sscc:0614141.${extension}${String(block + n).padStart(9, '0')}`;
  const cases = [];
  for (let i = 0; i * shape.packsPerCase < packs.length; i++) {
    cases.push({
      sscc: sscc(3, i),
      packs: packs.slice(i * shape.packsPerCase, (i + 1) * shape.packsPerCase),
    });
  }
  const pallets = [];
  for (let i = 0; i * shape.casesPerPallet < cases.length; i++) {
    pallets.push({
      sscc: sscc(4, i),
      cases: cases.slice(i * shape.casesPerPallet, (i + 1) * shape.casesPerPallet).map((c) => c.sscc),
    });
  }
  return { packs, lotOf, cases, pallets };
}

export class DemoClock {
  private time = Date.now() - 3 * 86_400_000;
  next(): string {
    this.time += 1000;
    return new Date(this.time).toISOString();
  }
}

const at = (p: DemoParticipant) => ({
  readPoint: { id: p.location.sgln },
  bizLocation: { id: p.location.sgln },
});

export function commissionEvents(plan: DemoPlan, expiry: string, clock: DemoClock): unknown[] {
  const m = demoParticipant('manufacturer');
  const events: unknown[] = [];
  const byLot = new Map<string, string[]>();
  for (const epc of plan.packs) {
    const lot = plan.lotOf.get(epc) ?? '';
    byLot.set(lot, [...(byLot.get(lot) ?? []), epc]);
  }
  for (const [lot, epcs] of byLot) {
    for (let i = 0; i < epcs.length; i += 500) {
      events.push({
        type: 'ObjectEvent',
        eventTime: clock.next(),
        eventTimeZoneOffset: '+00:00',
        epcList: epcs.slice(i, i + 500),
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        ...at(m),
        ilmd: { 'cbvmda:lotNumber': lot, 'cbvmda:itemExpirationDate': expiry },
      });
    }
  }
  const containers = [...plan.cases.map((c) => c.sscc), ...plan.pallets.map((p) => p.sscc)];
  events.push({
    type: 'ObjectEvent',
    eventTime: clock.next(),
    eventTimeZoneOffset: '+00:00',
    epcList: containers,
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    ...at(m),
  });
  return events;
}

export function aggregationEvent(
  parent: string,
  children: string[],
  action: 'ADD' | 'DELETE',
  by: DemoParticipant,
  clock: DemoClock,
) {
  return {
    type: 'AggregationEvent',
    eventTime: clock.next(),
    eventTimeZoneOffset: '+00:00',
    parentID: parent,
    childEPCs: children,
    action,
    bizStep: action === 'ADD' ? 'packing' : 'unpacking',
    ...(action === 'ADD' ? { disposition: 'in_progress' } : {}),
    ...at(by),
  };
}

export function shippingEvent(epcs: string[], from: DemoParticipant, to: DemoParticipant, clock: DemoClock) {
  return {
    type: 'ObjectEvent',
    eventTime: clock.next(),
    eventTimeZoneOffset: '+00:00',
    epcList: epcs,
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    ...at(from),
    sourceList: [{ type: 'owning_party', source: from.pgln }],
    destinationList: [
      { type: 'owning_party', destination: to.pgln },
      { type: 'location', destination: to.location.sgln },
    ],
  };
}

export function receivingEvent(epcs: string[], by: DemoParticipant, clock: DemoClock) {
  return {
    type: 'ObjectEvent',
    eventTime: clock.next(),
    eventTimeZoneOffset: '+00:00',
    epcList: epcs,
    action: 'OBSERVE',
    bizStep: 'receiving',
    disposition: 'in_progress',
    ...at(by),
  };
}

export function epcisDocument(eventList: unknown[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList },
  };
}
