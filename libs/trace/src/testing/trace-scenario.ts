import type { TestPlatform } from '@pharmatrace/auth/testing';
import {
  captureThreeTier,
  caseSscc,
  epcisDocument,
  pack,
  PHARMACY,
  seedThreeTier,
  WHOLESALER,
} from '@pharmatrace/custody-processing/testing';
import { waitForCustody } from './trace-test-platform';

/** The wholesaler's own case, into which it repacks packs 501-510 taken out of case 6. */
export const REPACK_CASE = 'urn:epc:id:sscc:4012345.1000000001';
export const REPACKED = [501, 502, 503, 504, 505, 506, 507, 508, 509, 510];
/** Returned to the wholesaler by the pharmacy (a saleable return). */
export const RETURNED = 11;
/** Reported stolen by the wholesaler while case 7 was on its way to the pharmacy. */
export const STOLEN = 601;

interface Party {
  gln: string;
  pgln: string;
  locations: readonly { sgln: string }[];
}

const site = (party: Party) => party.locations[0]?.sgln ?? '';

/** Events after the three-tier scenario, one minute apart from 10:00 (the scenario ends before 09:00). */
class Steps {
  private clock = Date.parse('2026-04-01T10:00:00.000Z');

  private base(party: Party, body: Record<string, unknown>) {
    this.clock += 60_000;
    return {
      eventTime: new Date(this.clock).toISOString(),
      eventTimeZoneOffset: '+00:00',
      readPoint: { id: site(party) },
      bizLocation: { id: site(party) },
      ...body,
    };
  }

  aggregation(party: Party, parentID: string, childEPCs: string[], action: 'ADD' | 'DELETE') {
    return this.base(party, {
      type: 'AggregationEvent',
      parentID,
      childEPCs,
      action,
      bizStep: action === 'ADD' ? 'packing' : 'unpacking',
      ...(action === 'ADD' ? { disposition: 'in_progress' } : {}),
    });
  }

  ship(from: Party, to: Party, epcList: string[]) {
    return this.base(from, {
      type: 'ObjectEvent',
      epcList,
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      sourceList: [{ type: 'owning_party', source: from.pgln }],
      destinationList: [{ type: 'owning_party', destination: to.pgln }],
    });
  }

  receive(at: Party, epcList: string[]) {
    return this.base(at, {
      type: 'ObjectEvent',
      epcList,
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
    });
  }

  observe(at: Party, epcList: string[], bizStep: string, disposition: string) {
    return this.base(at, { type: 'ObjectEvent', epcList, action: 'OBSERVE', bizStep, disposition });
  }
}

export interface TraceScenario {
  keys: Map<string, string>;
  /** Events captured in all (the custody processor has applied them when run() resolves). */
  events: number;
}

async function capture(platform: TestPlatform, apiKey: string | undefined, events: unknown[]) {
  const response = await platform.request({
    method: 'POST',
    url: '/epcis/capture',
    apiKey,
    body: epcisDocument(events),
  });
  if (response.statusCode !== 202) throw new Error(`capture failed: ${response.statusCode} ${response.body}`);
  return events.length;
}

/**
 * The three-tier scenario (1,000 packs, 10 cases, 1 pallet; see custody-processing/testing), then:
 * the wholesaler repacks 10 packs of case 6 into a case of its own and ships it to the pharmacy; the
 * pharmacy returns pack 11 to the wholesaler (saleable return); the wholesaler ships case 7 and, while
 * it is in transit, reports pack 601 stolen (refused: INVALID_TRANSITION, a pack in transit cannot be
 * decommissioned), voids the shipment of that pack and reports it stolen again (accepted).
 */
export async function runTraceScenario(platform: TestPlatform): Promise<TraceScenario> {
  const keys = await seedThreeTier(platform);
  const key = (party: Party) => keys.get(party.gln);
  let events = await captureThreeTier(platform, keys);
  await waitForCustody(platform, events);
  const steps = new Steps();
  const repacked = REPACKED.map(pack);
  const batches: [Party, unknown[]][] = [
    [
      WHOLESALER,
      [
        steps.aggregation(WHOLESALER, caseSscc(6), repacked, 'DELETE'),
        steps.aggregation(WHOLESALER, REPACK_CASE, repacked, 'ADD'),
        steps.ship(WHOLESALER, PHARMACY, [REPACK_CASE]),
      ],
    ],
    [PHARMACY, [steps.receive(PHARMACY, [REPACK_CASE]), steps.ship(PHARMACY, WHOLESALER, [pack(RETURNED)])]],
    [
      WHOLESALER,
      [steps.receive(WHOLESALER, [pack(RETURNED)]), steps.ship(WHOLESALER, PHARMACY, [caseSscc(7)])],
    ],
    [WHOLESALER, [steps.observe(WHOLESALER, [pack(STOLEN)], 'decommissioning', 'stolen')]],
    [
      WHOLESALER,
      [
        steps.observe(WHOLESALER, [pack(STOLEN)], 'void_shipping', 'active'),
        steps.observe(WHOLESALER, [pack(STOLEN)], 'decommissioning', 'stolen'),
      ],
    ],
  ];
  for (const [party, batch] of batches) {
    events += await capture(platform, key(party), batch);
    // One capture at a time through custody: a receipt must not overtake the shipment it closes.
    await waitForCustody(platform, events);
  }
  return { keys, events };
}
