import type { DecommissionRecord, PackStatus, TransitInfo, VerdictStatus } from '@pharmatrace/custody';
import type { EpcisJson } from '@pharmatrace/epcis';
import type { AccessScope } from '../access/viewer';

/** A participant as a report shows it: GLN, and name when registered. */
export interface PartyRef {
  gln: string;
  name: string | undefined;
}

export interface PlaceRef {
  sgln: string;
  name: string | undefined;
}

/** The ledger receipt of the record an event wrote for the traced object (absent until anchored). */
export interface LedgerReceiptView {
  recordId: string;
  status: 'pending' | 'anchored' | 'rejected';
  recordHash: string;
  txId: string | undefined;
  blockNumber: number | undefined;
  blockHash: string | undefined;
  anchoredAt: string | undefined;
  reason: string | undefined;
}

export interface TraceEvent {
  eventId: string;
  eventHash: string;
  eventType: string;
  eventTime: string;
  recordTime: string;
  bizStep: string | undefined;
  disposition: string | undefined;
  capturedBy: PartyRef;
  /**
   * The container the object was in when this event named that container instead of the object
   * (shipping a pallet ships its cases and packs); undefined when the event names the object itself.
   */
  via: string | undefined;
  /** The event as EPCIS 2.0 JSON. */
  event: EpcisJson;
  /** Receipt of the ledger record this event produced for the traced object, if any. */
  receipt: LedgerReceiptView | undefined;
  /** Receipt of the correction, when the event was declared erroneous and reversed. */
  correctionReceipt: LedgerReceiptView | undefined;
}

export interface TraceHandoff {
  id: string;
  from: PartyRef;
  to: PartyRef;
  fromLocation: PlaceRef | undefined;
  toLocation: PlaceRef | undefined;
  status: 'open' | 'verified' | 'cancelled';
  shippedAt: string;
  closedAt: string | undefined;
  /** What happened to the traced object in this handoff. */
  outcome: 'pending' | 'received' | 'voided';
}

/** A stay of the traced object inside a container (or of a content inside the traced container). */
export interface ContainmentInterval {
  parent: string;
  child: string;
  /** Nesting depth: 1 = directly inside. */
  depth: number;
  from: string;
  /** Undefined while still inside. */
  until: string | undefined;
  packedEventId: string | undefined;
  unpackedEventId: string | undefined;
}

export interface CurrentStateView {
  status: PackStatus;
  /** What verification shows: a decommissioned status, else withdrawn / recalled / expired / status. */
  verdict: VerdictStatus;
  recalled: boolean;
  withdrawn: boolean;
  expired: boolean;
  owner: PartyRef;
  custodian: PartyRef;
  location: PlaceRef | undefined;
  inTransit: (TransitInfo & { toParty: PartyRef }) | undefined;
  parent: string | undefined;
  gtin: string | undefined;
  serial: string | undefined;
  lot: string | undefined;
  expiry: string | undefined;
  decommission: DecommissionRecord | undefined;
  lastEventId: string;
  updatedAt: string;
}

export interface ContentView {
  epc: string;
  depth: number;
  from: string;
  until: string | undefined;
  /** Current state of the content, wherever it went (undefined if it has no state row). */
  status: PackStatus | undefined;
  custodian: PartyRef | undefined;
  location: PlaceRef | undefined;
  parent: string | undefined;
}

export interface TraceAlertView {
  id: string;
  code: string;
  severity: string;
  message: string;
  eventId: string | undefined;
  createdAt: string;
  status: string;
}

/** A shipment that carried contents of the traced container after they left it. */
export type OnwardHandoff = Omit<TraceHandoff, 'outcome'> & {
  /** How many of the container's (former) contents it carried. */
  items: number;
};

export interface TraceView {
  epc: string;
  kind: 'item' | 'container';
  /** How much of the chain the caller may see. */
  scope: AccessScope;
  current: CurrentStateView | undefined;
  /** Every event, oldest first (event time, then capture order). */
  events: TraceEvent[];
  /** Every shipment the object travelled in (itself or inside a container), oldest first. */
  handoffs: TraceHandoff[];
  aggregation: {
    /** The containers it travelled in, with when. */
    parents: ContainmentInterval[];
    /** For a container: everything that was packed inside it, and where each is now. */
    contents: ContentView[];
  };
  /** For a container: the shipments its contents went on in after leaving it. */
  onwardHandoffs: OnwardHandoff[];
  alerts: TraceAlertView[];
}
