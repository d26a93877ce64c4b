/**
 * A handoff is one shipment from a custodian to a destination, opened by the shipping event and closed
 * once every shipped object has been received by the destination or taken back by the shipper.
 */
export type HandoffStatus = 'open' | 'verified' | 'cancelled';

export interface Handoff {
  /** The shipping event's id. Packs in transit point at it through `inTransit.shipmentEventId`. */
  readonly id: string;
  /** GLN of the shipper (the custodian at shipping). */
  readonly from: string;
  /** GLN of the destination, the only participant that may receive. */
  readonly to: string;
  readonly fromLocation?: string;
  /** Destination location SGLN, when the shipping event named one. */
  readonly toLocation?: string;
  readonly shippedAt: string;
  /**
   * `open` while anything is pending; `verified` when closed with at least one object received by the
   * destination; `cancelled` when everything went back to the shipper (void_shipping).
   */
  readonly status: HandoffStatus;
  /** Every EPC shipped, descendants included (sorted). */
  readonly items: readonly string[];
  /** Shipped and neither received nor voided yet (sorted). */
  readonly pending: readonly string[];
  readonly received: readonly string[];
  readonly voided: readonly string[];
  readonly closedAt?: string;
  /** The event that closed it. */
  readonly closedBy?: string;
  readonly version: number;
}

export type HandoffChangeKind = 'opened' | 'updated' | 'verified' | 'cancelled' | 'removed';

export interface HandoffChange {
  readonly id: string;
  readonly kind: HandoffChangeKind;
  readonly before: Handoff | undefined;
  readonly after: Handoff | undefined;
}

export function handoffChangeKind(
  before: Handoff | undefined,
  after: Handoff | undefined,
): HandoffChangeKind {
  if (after === undefined) return 'removed';
  if (before === undefined) return 'opened';
  switch (after.status) {
    case 'open':
      return 'updated';
    case 'verified':
      return 'verified';
    case 'cancelled':
      return 'cancelled';
  }
}

/** Fields an event may change on a handoff. */
export interface HandoffPatch {
  readonly status?: HandoffStatus;
  readonly pending?: readonly string[];
  readonly received?: readonly string[];
  readonly voided?: readonly string[];
  readonly closedAt?: string;
  readonly closedBy?: string;
  readonly version?: number;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A handoff with `patch` applied, keys in one fixed order, built by assignment (see buildPackState). */
export function buildHandoff(source: Handoff, patch: HandoffPatch = {}): Handoff {
  const built: Mutable<Handoff> = {
    id: source.id,
    from: source.from,
    to: source.to,
    shippedAt: source.shippedAt,
    status: patch.status ?? source.status,
    items: [...source.items],
    pending: [...(patch.pending ?? source.pending)],
    received: [...(patch.received ?? source.received)],
    voided: [...(patch.voided ?? source.voided)],
    version: patch.version ?? source.version,
  };
  if (source.fromLocation !== undefined) built.fromLocation = source.fromLocation;
  if (source.toLocation !== undefined) built.toLocation = source.toLocation;
  const closedAt = patch.closedAt ?? source.closedAt;
  if (closedAt !== undefined) built.closedAt = closedAt;
  const closedBy = patch.closedBy ?? source.closedBy;
  if (closedBy !== undefined) built.closedBy = closedBy;
  return built;
}

export function canonicalHandoff(handoff: Handoff): Handoff {
  return buildHandoff(handoff);
}
