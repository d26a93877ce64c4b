import type { PartyNames } from '../access/party-names.repository';
import type { AccessScope } from '../access/viewer';
import type { ReceiptRow } from '../trace/trace.repository';
import type { Recall } from './recall.model';
import { recallSummary } from './recall-notices';
import type { LotStatusRow, WhereaboutsRow } from './recall-report.repository';

/** Packs of the lots in one place and condition, by serial number (as printed on the pack). */
export interface Whereabouts {
  lot: string;
  status: string;
  /** GLN of the custodian (the shipper while in transit). */
  custodian: string;
  /** SGLN of the premises where the custodian keeps them, when known. */
  location: string | undefined;
  /** The case or pallet they are packed in. */
  parent: string | undefined;
  inTransit: { from: string; to: string; shipmentId: string } | undefined;
  /** Who decommissioned them (dispensed, destroyed, stolen…) and where. */
  decommission: { by: string; location: string | undefined } | undefined;
  packs: number;
  /** Sorted. */
  serials: string[];
  /** Aligned with `serials`, for decommissioned packs: when. */
  decommissionedAt: string[] | undefined;
}

export interface CustodianCount {
  gln: string;
  name: string | undefined;
  packs: number;
  byStatus: Record<string, number>;
  locations: { sgln: string | undefined; name: string | undefined; packs: number }[];
}

export interface RecallReport {
  recall: ReturnType<typeof recallSummary>;
  scope: AccessScope;
  generatedAt: string;
  lots: { lot: string; status: string; recallId: string | undefined }[];
  ledger: { recordId: string; status: string; txId: string | undefined; blockNumber: number | undefined }[];
  summary: {
    packs: number;
    byStatus: Record<string, number>;
    byCustodian: CustodianCount[];
    inTransit: { from: string; to: string; toName: string | undefined; shipmentId: string; packs: number }[];
    dispensed: { gln: string; name: string | undefined; location: string | undefined; packs: number }[];
  };
  /** Names of the participants and premises the report mentions. */
  parties: Record<string, string | undefined>;
  locations: Record<string, string | undefined>;
  /** Where every pack is: the EPC of a pack is its SGTIN (GTIN + serial). */
  whereabouts: Whereabouts[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sortedEntries = <T>(map: Map<string, T>) => [...map.entries()].sort(([a], [b]) => compare(a, b));
const add = (record: Record<string, number>, key: string, n: number) => {
  record[key] = (record[key] ?? 0) + n;
};

/** One group's packs in serial order, each with its decommission time (when decommissioned). */
export function packsOf(row: WhereaboutsRow): { serial: string; at: string | undefined }[] {
  const serials = row.serials.split(' ');
  if (row.decommissioned_at === null)
    return serials.sort(compare).map((serial) => ({ serial, at: undefined }));
  const times = row.decommissioned_at.split(' ');
  return serials.map((serial, i) => ({ serial, at: times[i] })).sort((a, b) => compare(a.serial, b.serial));
}

export function whereaboutsOf(row: WhereaboutsRow): Whereabouts {
  const packs = packsOf(row);
  const decommissioned = row.decommission_by !== null;
  return {
    lot: row.lot,
    status: row.status,
    custodian: row.custodian,
    location: row.location ?? undefined,
    parent: row.parent ?? undefined,
    inTransit: row.in_transit
      ? { from: row.in_transit.from, to: row.in_transit.to, shipmentId: row.in_transit.shipmentEventId }
      : undefined,
    decommission: decommissioned
      ? { by: row.decommission_by ?? row.custodian, location: row.decommission_location ?? undefined }
      : undefined,
    packs: row.n,
    serials: packs.map((p) => p.serial),
    decommissionedAt: decommissioned ? packs.map((p) => p.at ?? '') : undefined,
  };
}

/**
 * Everything a regulator asks first about a recall: where every pack is now (custodian, premises,
 * container), which were dispensed and where, which are on the road and to whom, and the counts per
 * custodian. Built from the grouped rows, so the cost is in the number of places, not of packs.
 */
export function assembleRecallReport(input: {
  recall: Recall;
  scope: AccessScope;
  generatedAt: string;
  groups: readonly WhereaboutsRow[];
  lots: readonly LotStatusRow[];
  receipts: readonly ReceiptRow[];
  names: PartyNames;
}): RecallReport {
  const { names } = input;
  const byStatus: Record<string, number> = {};
  const custodians = new Map<
    string,
    { byStatus: Record<string, number>; packs: number; places: Map<string, number> }
  >();
  const transit = new Map<string, RecallReport['summary']['inTransit'][number]>();
  const dispensed = new Map<string, RecallReport['summary']['dispensed'][number]>();
  const parties = new Set<string>();
  const locations = new Set<string>();
  const whereabouts = input.groups.map(whereaboutsOf);
  for (const group of whereabouts) {
    const n = group.packs;
    add(byStatus, group.status, n);
    const custodian = custodians.get(group.custodian) ?? {
      byStatus: {},
      packs: 0,
      places: new Map<string, number>(),
    };
    custodian.packs += n;
    add(custodian.byStatus, group.status, n);
    custodian.places.set(group.location ?? '', (custodian.places.get(group.location ?? '') ?? 0) + n);
    custodians.set(group.custodian, custodian);
    parties.add(group.custodian);
    if (group.location) locations.add(group.location);
    if (group.inTransit) {
      const { from, to, shipmentId } = group.inTransit;
      const key = `${shipmentId}|${to}`;
      const shipment = transit.get(key) ?? { from, to, toName: names.participant(to), shipmentId, packs: 0 };
      shipment.packs += n;
      transit.set(key, shipment);
      parties.add(to);
    }
    if (group.status === 'dispensed' && group.decommission) {
      const { by, location } = group.decommission;
      const key = `${by}|${location ?? ''}`;
      const at = dispensed.get(key) ?? { gln: by, name: names.participant(by), location, packs: 0 };
      at.packs += n;
      dispensed.set(key, at);
      if (location) locations.add(location);
    }
  }
  return {
    recall: recallSummary(input.recall),
    scope: input.scope,
    generatedAt: input.generatedAt,
    lots: input.lots
      .map((row) => ({ lot: row.lot, status: row.status, recallId: row.recall_id ?? undefined }))
      .sort((a, b) => compare(a.lot, b.lot)),
    ledger: input.receipts.map((r) => ({
      recordId: r.record_id,
      status: r.status,
      txId: r.tx_id ?? undefined,
      blockNumber: r.block_number === null ? undefined : Number(r.block_number),
    })),
    summary: {
      packs: whereabouts.reduce((n, group) => n + group.packs, 0),
      byStatus,
      byCustodian: sortedEntries(custodians).map(([gln, c]) => ({
        gln,
        name: names.participant(gln),
        packs: c.packs,
        byStatus: c.byStatus,
        locations: sortedEntries(c.places).map(([sgln, packs]) => ({
          sgln: sgln || undefined,
          name: names.location(sgln),
          packs,
        })),
      })),
      inTransit: sortedEntries(transit).map(([, shipment]) => shipment),
      dispensed: sortedEntries(dispensed).map(([, at]) => at),
    },
    parties: Object.fromEntries([...parties].sort().map((gln) => [gln, names.participant(gln)])),
    locations: Object.fromEntries([...locations].sort().map((sgln) => [sgln, names.location(sgln)])),
    whereabouts: whereabouts.sort(
      (a, b) =>
        compare(a.custodian, b.custodian) ||
        compare(a.location ?? '', b.location ?? '') ||
        compare(a.status, b.status) ||
        compare(a.parent ?? '', b.parent ?? '') ||
        compare(a.serials[0] ?? '', b.serials[0] ?? ''),
    ),
  };
}
