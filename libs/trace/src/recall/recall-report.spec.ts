import { MAKER, NAMES, PHARMACY, WHOLESALER } from '../testing/trace.factories';
import type { Recall } from './recall.model';
import { assembleRecallReport } from './recall-report';
import { renderRecallCsv } from './recall-report.csv';
import type { WhereaboutsRow } from './recall-report.repository';

const W = WHOLESALER.gln;
const P = PHARMACY.gln;
const WAREHOUSE = WHOLESALER.locations[0]?.sgln ?? '';
const COUNTER = PHARMACY.locations[0]?.sgln ?? '';
const CASE = 'urn:epc:id:sscc:0614141.1000000006';
const epc = (serial: string) => `urn:epc:id:sgtin:0614141.107346.${serial}`;

const RECALL: Recall = {
  id: '6f1c2b1e-8a0b-4a47-9a53-0d4f1f3f0a11',
  gtin: '10614141073464',
  lots: ['LOT-1'],
  class: 'II',
  reason: 'dissolution',
  status: 'active',
  issuedBy: MAKER.gln,
  issuedAt: '2026-04-02T00:00:00.000Z',
  liftedBy: undefined,
  liftedAt: undefined,
  liftReason: undefined,
  ledgerRecordIds: ['h#lot:10614141073464|LOT-1'],
};

function group(serials: string[], patch: Partial<WhereaboutsRow>): WhereaboutsRow {
  return {
    lot: 'LOT-1',
    status: 'active',
    custodian: W,
    location: WAREHOUSE,
    parent: null,
    in_transit: null,
    decommission_by: null,
    decommission_location: null,
    n: serials.length,
    serials: serials.join(' '),
    decommissioned_at: null,
    ...patch,
  };
}

const GROUPS: WhereaboutsRow[] = [
  group(['P2', 'P1'], {
    status: 'dispensed',
    custodian: P,
    location: COUNTER,
    decommission_by: P,
    decommission_location: COUNTER,
    decommissioned_at: '2026-04-01T10:02:00.000Z 2026-04-01T10:01:00.000Z',
  }),
  group(['P3'], { custodian: P, location: COUNTER }),
  group(['P4', 'P5'], {
    status: 'in_transit',
    parent: CASE,
    in_transit: { from: W, to: P, shipmentEventId: 'urn:uuid:ship-7' },
  }),
  group(['P6'], { parent: CASE }),
  group(['P7'], {
    status: 'stolen',
    location: null,
    decommission_by: W,
    decommissioned_at: '2026-04-01T11:00:00.000Z',
  }),
];

function report() {
  return assembleRecallReport({
    recall: RECALL,
    scope: 'full',
    generatedAt: '2026-04-03T00:00:00.000Z',
    groups: GROUPS,
    lots: [{ lot: 'LOT-1', status: 'recalled', recall_id: RECALL.id }],
    receipts: [],
    names: NAMES,
  });
}

describe('recall report', () => {
  it('counts packs per status and per custodian and premises', () => {
    const { summary } = report();
    expect(summary.packs).toBe(7);
    expect(summary.byStatus).toEqual({ active: 2, dispensed: 2, in_transit: 2, stolen: 1 });
    expect(summary.byCustodian).toEqual([
      {
        gln: W,
        name: 'Wholesaler',
        packs: 4,
        byStatus: { active: 1, in_transit: 2, stolen: 1 },
        locations: [
          { sgln: undefined, name: undefined, packs: 1 },
          { sgln: WAREHOUSE, name: 'Warehouse', packs: 3 },
        ],
      },
      {
        gln: P,
        name: 'Pharmacy',
        packs: 3,
        byStatus: { active: 1, dispensed: 2 },
        locations: [{ sgln: COUNTER, name: 'Counter', packs: 3 }],
      },
    ]);
  });

  it('says which packs are on the road and to whom, which were dispensed where, and lists them', () => {
    const result = report();
    expect(result.summary.inTransit).toEqual([
      { from: W, to: P, toName: 'Pharmacy', shipmentId: 'urn:uuid:ship-7', packs: 2 },
    ]);
    expect(result.summary.dispensed).toEqual([{ gln: P, name: 'Pharmacy', location: COUNTER, packs: 2 }]);
    const dispensed = result.whereabouts.find((w) => w.status === 'dispensed');
    expect(dispensed).toMatchObject({
      serials: ['P1', 'P2'],
      decommissionedAt: ['2026-04-01T10:01:00.000Z', '2026-04-01T10:02:00.000Z'],
      decommission: { by: P, location: COUNTER },
    });
    expect(result.whereabouts.find((w) => w.status === 'in_transit')).toMatchObject({
      parent: CASE,
      inTransit: { to: P, shipmentId: 'urn:uuid:ship-7' },
      decommission: undefined,
      decommissionedAt: undefined,
    });
    // By custodian, then premises (none first), then status.
    expect(result.whereabouts.map((w) => [w.custodian, w.status])).toEqual([
      [W, 'stolen'],
      [W, 'active'],
      [W, 'in_transit'],
      [P, 'active'],
      [P, 'dispensed'],
    ]);
    expect(result.parties).toEqual({ [W]: 'Wholesaler', [P]: 'Pharmacy' });
    expect(result.lots).toEqual([{ lot: 'LOT-1', status: 'recalled', recallId: RECALL.id }]);
  });

  it('renders one CSV line per pack in serial order with names resolved', () => {
    const lines = renderRecallCsv(GROUPS, NAMES, epc).split('\r\n');
    expect(lines[0]).toBe(
      'epc,lot,serial,status,custodian_gln,custodian_name,location_sgln,location_name,parent,' +
        'in_transit_to_gln,in_transit_to_name,shipment_id,dispensed,decommissioned_at,decommission_location',
    );
    expect(lines.slice(1, -1).map((l) => l.split(',')[2])).toEqual([
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'P7',
    ]);
    expect(lines[1]).toBe(
      `${epc('P1')},LOT-1,P1,dispensed,${P},Pharmacy,${COUNTER},Counter,,,,,true,2026-04-01T10:01:00.000Z,${COUNTER}`,
    );
    expect(lines[4]).toBe(
      `${epc('P4')},LOT-1,P4,in_transit,${W},Wholesaler,${WAREHOUSE},Warehouse,${CASE},${P},Pharmacy,urn:uuid:ship-7,false,,`,
    );
    expect(lines[7]).toBe(
      `${epc('P7')},LOT-1,P7,stolen,${W},Wholesaler,,,,,,,false,2026-04-01T11:00:00.000Z,`,
    );
    expect(lines).toHaveLength(GROUPS.reduce((n, g) => n + g.n, 0) + 2);
    expect(lines.at(-1)).toBe('');
  });
});
