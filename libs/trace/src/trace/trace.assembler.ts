import { deriveVerdictStatus, type PackState } from '@pharmatrace/custody';
import { toEpcisJson } from '@pharmatrace/epcis';
import type { PartyNames } from '../access/party-names.repository';
import { concerns, type AccessScope, type Viewer } from '../access/viewer';
import type {
  AlertRow,
  ContentRow,
  HandoffRow,
  IntervalRow,
  ReceiptRow,
  TraceEventRow,
  TraceRows,
} from './trace.repository';
import type {
  ContentView,
  CurrentStateView,
  LedgerReceiptView,
  PartyRef,
  PlaceRef,
  TraceAlertView,
  TraceEvent,
  TraceHandoff,
  TraceView,
} from './trace.view';

export interface AssembleInput {
  epc: string;
  kind: 'item' | 'container';
  rows: TraceRows;
  scope: AccessScope;
  viewer: Viewer;
  names: PartyNames;
  /** The reader's date (YYYY-MM-DD), for the derived expired flag. */
  today: string;
}

const iso = (time: string): string => new Date(time).toISOString();
const isoOrUndefined = (time: string | null | undefined) => (time ? iso(time) : undefined);

function party(names: PartyNames, gln: string): PartyRef {
  return { gln, name: names.participant(gln) };
}

function place(names: PartyNames, sgln: string | null | undefined): PlaceRef | undefined {
  return sgln ? { sgln, name: names.location(sgln) } : undefined;
}

function receipt(row: ReceiptRow | null): LedgerReceiptView | undefined {
  if (!row) return undefined;
  return {
    recordId: row.record_id,
    status: row.status,
    recordHash: row.record_hash,
    txId: row.tx_id ?? undefined,
    blockNumber: row.block_number === null ? undefined : Number(row.block_number),
    blockHash: row.block_hash ?? undefined,
    anchoredAt: isoOrUndefined(row.anchored_at),
    reason: row.reason ?? undefined,
  };
}

function event(row: TraceEventRow, names: PartyNames): TraceEvent {
  return {
    eventId: row.eventId,
    eventHash: row.eventHash,
    eventType: row.eventType,
    eventTime: iso(row.eventTime),
    recordTime: iso(row.recordTime),
    bizStep: row.bizStep ?? undefined,
    disposition: row.disposition ?? undefined,
    capturedBy: party(names, row.capturedBy),
    via: row.via ?? undefined,
    event: toEpcisJson(row.document),
    receipt: receipt(row.receipt),
    correctionReceipt: receipt(row.correctionReceipt),
  };
}

function handoffView(row: HandoffRow, names: PartyNames): TraceHandoff {
  const { state } = row;
  return {
    id: state.id,
    from: party(names, state.from),
    to: party(names, state.to),
    fromLocation: place(names, state.fromLocation),
    toLocation: place(names, state.toLocation),
    status: state.status,
    shippedAt: iso(state.shippedAt),
    closedAt: isoOrUndefined(state.closedAt),
    outcome: row.outcome,
  };
}

function current(input: AssembleInput, state: PackState, updatedAt: string): CurrentStateView {
  const { rows, names } = input;
  const item = state.kind === 'item' ? state : undefined;
  const verdict = deriveVerdictStatus(
    state,
    item && rows.lot ? { gtin: item.gtin, lot: item.lot, status: rows.lot.status } : undefined,
    item && rows.product ? { gtin: item.gtin, status: rows.product.status } : undefined,
    input.today,
  );
  return {
    status: state.status,
    verdict: verdict.status,
    recalled: verdict.recalled,
    withdrawn: verdict.withdrawn,
    expired: verdict.expired,
    owner: party(names, state.owner),
    custodian: party(names, state.custodian),
    location: place(names, state.custodianLocation),
    inTransit: state.inTransit
      ? { ...state.inTransit, toParty: party(names, state.inTransit.to) }
      : undefined,
    parent: state.parent,
    gtin: item?.gtin,
    serial: item?.serial,
    lot: item?.lot,
    expiry: item?.expiry,
    decommission: state.decommission,
    lastEventId: state.lastEvent.id,
    updatedAt: iso(updatedAt),
  };
}

function content(row: ContentRow, names: PartyNames): ContentView {
  return {
    epc: row.epc,
    depth: row.depth,
    from: iso(row.from),
    until: isoOrUndefined(row.until),
    status: row.status ?? undefined,
    custodian: row.custodian ? party(names, row.custodian) : undefined,
    location: place(names, row.location),
    parent: row.parent ?? undefined,
  };
}

function alert(row: AlertRow): TraceAlertView {
  return {
    id: row.id,
    code: row.code,
    severity: row.severity,
    message: row.message,
    eventId: row.eventId ?? undefined,
    createdAt: iso(row.createdAt),
    status: row.status,
  };
}

function interval(row: IntervalRow) {
  return {
    parent: row.parent,
    child: row.child,
    depth: row.depth,
    from: iso(row.from),
    until: isoOrUndefined(row.until),
    packedEventId: row.packedEventId ?? undefined,
    unpackedEventId: row.unpackedEventId ?? undefined,
  };
}

/**
 * Builds the trace a reader may see from the stored rows. A `partial` reader gets only the events it is
 * party to, the shipments it is in, the containments those events show, current state while it holds
 * the object (or it is on its way to it) and the contents it holds. Undefined: nothing to show (unknown
 * object, or nothing of it visible), which the API answers with 404 in both cases.
 */
export function assembleTrace(input: AssembleInput): TraceView | undefined {
  const { rows, names, viewer, epc } = input;
  const full = input.scope === 'full';
  const eventRows = (rows.events ?? []).filter(
    (row) => full || concerns(viewer, row.capturedBy, ...row.parties),
  );
  const visibleEventIds = new Set(eventRows.map((row) => row.eventId));
  const mine = (h: HandoffRow) => full || concerns(viewer, h.state.from, h.state.to);
  const state = rows.pack?.state;
  const holds = state !== undefined && (full || concerns(viewer, state.custodian, state.inTransit?.to));
  const handoffs = (rows.handoffs ?? []).filter(mine).map((h) => handoffView(h, names));
  if (!rows.pack && eventRows.length === 0) return undefined;
  if (!full && eventRows.length === 0 && handoffs.length === 0 && !holds) return undefined;
  const parents = (rows.parents ?? []).filter(
    (row) =>
      full ||
      (row.packedEventId !== null && visibleEventIds.has(row.packedEventId)) ||
      (row.unpackedEventId !== null && visibleEventIds.has(row.unpackedEventId)),
  );
  const contents = (rows.contents ?? [])
    .filter((row) => full || concerns(viewer, row.custodian, row.inTransitTo))
    .map((row) => content(row, names));
  return {
    epc,
    kind: rows.pack?.kind ?? input.kind,
    scope: input.scope,
    current: state && holds && rows.pack ? current(input, state, rows.pack.updatedAt) : undefined,
    events: eventRows.map((row) => event(row, names)),
    handoffs,
    aggregation: { parents: parents.map(interval), contents },
    onwardHandoffs: (rows.onward ?? []).filter(mine).map((h) => {
      const { outcome: _outcome, ...shipment } = handoffView(h, names);
      return { ...shipment, items: Number(h.items) };
    }),
    alerts: (rows.alerts ?? []).filter((row) => full || concerns(viewer, ...row.involved)).map(alert),
  };
}
