/**
 * The three-tier scenario as raw EPCIS 2.0 JSON, the way each participant would post it:
 * manufacturer → wholesaler → pharmacy, 1,000 packs in 10 cases on 1 pallet.
 */
export interface ScenarioParticipant {
  gln: string;
  role: 'manufacturer' | 'distributor' | 'pharmacy' | 'regulator';
  companyPrefixes: string[];
  locations: { sgln: string; name: string }[];
  mspId: string;
  pgln: string;
}

export const MANUFACTURER: ScenarioParticipant = {
  gln: '0614141000012',
  role: 'manufacturer',
  companyPrefixes: ['0614141'],
  locations: [{ sgln: 'urn:epc:id:sgln:0614141.00001.0', name: 'Plant' }],
  mspId: 'Org1MSP',
  pgln: 'urn:epc:id:pgln:0614141.00001',
};
export const WHOLESALER: ScenarioParticipant = {
  gln: '4012345000016',
  role: 'distributor',
  companyPrefixes: ['4012345'],
  locations: [{ sgln: 'urn:epc:id:sgln:4012345.00001.0', name: 'Warehouse' }],
  mspId: 'Org1MSP',
  pgln: 'urn:epc:id:pgln:4012345.00001',
};
export const PHARMACY: ScenarioParticipant = {
  gln: '9520001000010',
  role: 'pharmacy',
  companyPrefixes: ['9520001'],
  locations: [{ sgln: 'urn:epc:id:sgln:9520001.00001.0', name: 'Pharmacy counter' }],
  mspId: 'Org2MSP',
  pgln: 'urn:epc:id:pgln:9520001.00001',
};
export const LOT = 'LOT-3T';
export const EXPIRY = '2028-06-30';
export const PACKS_PER_CASE = 100;
export const CASES = 10;

export const pack = (n: number) => `urn:epc:id:sgtin:0614141.107346.P${String(n).padStart(4, '0')}`;
export const caseSscc = (n: number) => `urn:epc:id:sscc:0614141.1${String(n).padStart(9, '0')}`;
export const PALLET = 'urn:epc:id:sscc:0614141.2000000001';
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
export const packsOfCase = (c: number) => range((c - 1) * PACKS_PER_CASE + 1, c * PACKS_PER_CASE).map(pack);

let clock = Date.parse('2026-04-01T08:00:00.000Z');
const tick = () => new Date((clock += 60_000)).toISOString();
const where = (sgln: string) => ({ readPoint: { id: sgln }, bizLocation: { id: sgln } });

function object(epcList: string[], body: Record<string, unknown>, sgln: string) {
  return {
    type: 'ObjectEvent',
    eventTime: tick(),
    eventTimeZoneOffset: '+00:00',
    epcList,
    ...where(sgln),
    ...body,
  };
}
function aggregation(parentID: string, childEPCs: string[], action: 'ADD' | 'DELETE', sgln: string) {
  return {
    type: 'AggregationEvent',
    eventTime: tick(),
    eventTimeZoneOffset: '+00:00',
    parentID,
    childEPCs,
    action,
    bizStep: action === 'ADD' ? 'packing' : 'unpacking',
    ...(action === 'ADD' ? { disposition: 'in_progress' } : {}),
    ...where(sgln),
  };
}
const ship = (epcs: string[], from: ScenarioParticipant, to: ScenarioParticipant) =>
  object(
    epcs,
    {
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      sourceList: [{ type: 'owning_party', source: from.pgln }],
      destinationList: [{ type: 'owning_party', destination: to.pgln }],
    },
    from.locations[0]?.sgln ?? '',
  );
const receive = (epcs: string[], at: ScenarioParticipant) =>
  object(
    epcs,
    { action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress' },
    at.locations[0]?.sgln ?? '',
  );

export interface ScenarioStep {
  by: ScenarioParticipant;
  events: unknown[];
}

/** The steps in order; each is one capture by one participant. */
export function threeTierScenario(): ScenarioStep[] {
  clock = Date.parse('2026-04-01T08:00:00.000Z');
  const m = MANUFACTURER.locations[0]?.sgln ?? '';
  const w = WHOLESALER.locations[0]?.sgln ?? '';
  const p = PHARMACY.locations[0]?.sgln ?? '';
  const commissionPacks = range(1, CASES).map((c) =>
    object(
      packsOfCase(c),
      {
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        ilmd: { 'cbvmda:lotNumber': LOT, 'cbvmda:itemExpirationDate': EXPIRY },
      },
      m,
    ),
  );
  const commissionContainers = object(
    [...range(1, CASES).map(caseSscc), PALLET],
    { action: 'ADD', bizStep: 'commissioning', disposition: 'active' },
    m,
  );
  const packCases = range(1, CASES).map((c) => aggregation(caseSscc(c), packsOfCase(c), 'ADD', m));
  const palletise = aggregation(PALLET, range(1, CASES).map(caseSscc), 'ADD', m);
  const dispense = (epcs: string[]) =>
    object(epcs, { action: 'OBSERVE', bizStep: 'dispensing', disposition: 'dispensed' }, p);
  return [
    { by: MANUFACTURER, events: [...commissionPacks, commissionContainers, ...packCases, palletise] },
    { by: MANUFACTURER, events: [ship([PALLET], MANUFACTURER, WHOLESALER)] },
    { by: WHOLESALER, events: [receive([PALLET], WHOLESALER)] },
    {
      by: WHOLESALER,
      events: [
        aggregation(PALLET, range(1, CASES).map(caseSscc), 'DELETE', w),
        ship(range(1, 5).map(caseSscc), WHOLESALER, PHARMACY),
      ],
    },
    { by: PHARMACY, events: [receive(range(1, 5).map(caseSscc), PHARMACY)] },
    {
      by: PHARMACY,
      events: [aggregation(caseSscc(1), packsOfCase(1), 'DELETE', p), dispense(range(1, 10).map(pack))],
    },
    // Dispensing a dispensed pack is an alert, never a second success (EU FMD).
    { by: PHARMACY, events: [dispense([pack(1)])] },
  ];
}

export function epcisDocument(eventList: unknown[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-04-01T08:00:00.000Z',
    epcisBody: { eventList },
  };
}
