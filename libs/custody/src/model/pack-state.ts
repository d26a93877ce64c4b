/**
 * The state of one serialised object the custody machine tracks: a saleable pack (SGTIN) or a logistic
 * container (SSCC). States follow the EU FMD repositories and CBV dispositions.
 */

/** Every status a pack or container can have. `expired`, `recalled` and `withdrawn` are derived, never stored. */
export const PACK_STATUSES = [
  'active',
  'in_transit',
  'dispensed',
  'destroyed',
  'exported',
  'stolen',
  'sample',
  'free_sample',
  'locked',
] as const;
export type PackStatus = (typeof PACK_STATUSES)[number];

/** The statuses a decommissioning sets: the pack has left the legal supply chain (for now, or for good). */
export type DecommissionStatus = Exclude<PackStatus, 'active' | 'in_transit'>;
export const DECOMMISSION_STATUSES: readonly DecommissionStatus[] = [
  'dispensed',
  'destroyed',
  'exported',
  'stolen',
  'sample',
  'free_sample',
  'locked',
];

export type PackKind = 'item' | 'container';

/** The last event that changed the state (observations never change state, so never appear here). */
export interface EventRef {
  readonly id: string;
  readonly hash: string;
  readonly time: string;
}

/** Set while the pack is `in_transit`: who shipped it, to whom, and the shipping event (= handoff id). */
export interface TransitInfo {
  readonly from: string;
  readonly to: string;
  readonly shipmentEventId: string;
}

/** Kept while a pack is decommissioned, so an undo can check who, where and when. */
export interface DecommissionRecord {
  readonly status: DecommissionStatus;
  /** GLN of the participant that decommissioned it. */
  readonly by: string;
  /** SGLN of the premises (bizLocation, else readPoint), when the event named one. */
  readonly location?: string;
  readonly time: string;
  readonly eventId: string;
}

interface PackStateBase {
  /** EPC URN, the key. */
  readonly epc: string;
  /** Brand owner GLN (items) or the owner of the SSCC company prefix (containers). */
  readonly owner: string;
  readonly status: PackStatus;
  /** GLN of the participant that has custody. Unchanged while in transit (the shipper keeps it until receipt). */
  readonly custodian: string;
  readonly custodianLocation?: string;
  readonly inTransit?: TransitInfo;
  /** SSCC URN of the container this object is packed in. Children are not stored: they are the links. */
  readonly parent?: string;
  readonly lastEvent: EventRef;
  readonly decommission?: DecommissionRecord;
  /** Starts at 1, +1 on every event that changes this state: the optimistic-lock and correction check. */
  readonly version: number;
}

export interface ItemState extends PackStateBase {
  readonly kind: 'item';
  /** GTIN-14. */
  readonly gtin: string;
  /** Decoded serial (AI 21). */
  readonly serial: string;
  readonly lot: string;
  /** YYYY-MM-DD. */
  readonly expiry: string;
}

export interface ContainerState extends PackStateBase {
  readonly kind: 'container';
}

export type PackState = ItemState | ContainerState;

const FINAL: ReadonlySet<PackStatus> = new Set<PackStatus>(['destroyed', 'stolen']);
const DECOMMISSIONED: ReadonlySet<PackStatus> = new Set<PackStatus>(DECOMMISSION_STATUSES);
/** Decommissions that put the pack in someone's hands: refused for recalled, withdrawn or expired packs. */
const SUPPLY: ReadonlySet<PackStatus> = new Set<PackStatus>([
  'dispensed',
  'sample',
  'free_sample',
  'exported',
]);

/** Destroyed and stolen: nothing may change them again (CBV: a destroyed object is the subject of no event). */
export function isFinalStatus(status: PackStatus): boolean {
  return FINAL.has(status);
}

export function isDecommissioned(status: PackStatus): boolean {
  return DECOMMISSIONED.has(status);
}

export function isSupplyStatus(status: PackStatus): boolean {
  return SUPPLY.has(status);
}

/** Fields an event may change; a key present with `undefined` clears an optional field. */
export interface PackPatch {
  readonly status?: PackStatus;
  readonly custodian?: string;
  readonly custodianLocation?: string | undefined;
  readonly inTransit?: TransitInfo | undefined;
  readonly parent?: string | undefined;
  readonly decommission?: DecommissionRecord | undefined;
  readonly lastEvent?: EventRef;
  readonly version?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Builds a state from `source` with `patch` applied, keys always in the same order and no undefined
 * members, so equal states serialise to equal bytes whatever order storage returned the fields in.
 * Built by assignment: in V8, spreading an object and then adding keys is a slow path (~100x).
 */
export function buildPackState(source: PackState, patch: PackPatch = {}): PackState {
  const status = patch.status ?? source.status;
  const custodian = patch.custodian ?? source.custodian;
  const lastEvent = patch.lastEvent ?? source.lastEvent;
  const version = patch.version ?? source.version;
  const built: Mutable<PackState> =
    source.kind === 'item'
      ? {
          epc: source.epc,
          kind: 'item',
          gtin: source.gtin,
          serial: source.serial,
          lot: source.lot,
          expiry: source.expiry,
          owner: source.owner,
          status,
          custodian,
          lastEvent: { id: lastEvent.id, hash: lastEvent.hash, time: lastEvent.time },
          version,
        }
      : {
          epc: source.epc,
          kind: 'container',
          owner: source.owner,
          status,
          custodian,
          lastEvent: { id: lastEvent.id, hash: lastEvent.hash, time: lastEvent.time },
          version,
        };
  const location = 'custodianLocation' in patch ? patch.custodianLocation : source.custodianLocation;
  if (location !== undefined) built.custodianLocation = location;
  const transit = 'inTransit' in patch ? patch.inTransit : source.inTransit;
  if (transit !== undefined) {
    built.inTransit = { from: transit.from, to: transit.to, shipmentEventId: transit.shipmentEventId };
  }
  const parent = 'parent' in patch ? patch.parent : source.parent;
  if (parent !== undefined) built.parent = parent;
  const record = 'decommission' in patch ? patch.decommission : source.decommission;
  if (record !== undefined) built.decommission = canonicalDecommission(record);
  return built;
}

/** The canonical form of a state (see buildPackState). */
export function canonicalPackState(pack: PackState): PackState {
  return buildPackState(pack);
}

function canonicalDecommission(record: DecommissionRecord): DecommissionRecord {
  const built: Mutable<DecommissionRecord> = {
    status: record.status,
    by: record.by,
    time: record.time,
    eventId: record.eventId,
  };
  if (record.location !== undefined) built.location = record.location;
  return built;
}
