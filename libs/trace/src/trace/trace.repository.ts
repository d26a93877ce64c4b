import { Inject, Injectable } from '@nestjs/common';
import type { Handoff, PackState } from '@pharmatrace/custody';
import type { EpcisEvent } from '@pharmatrace/epcis';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import { TRACE_SQL } from './trace.sql';

/** Times arrive as JSON strings in whatever offset the session uses; the assembler normalises them. */
type Time = string;

export interface ReceiptRow {
  record_id: string;
  subject: string;
  record_hash: string;
  tx_id: string | null;
  block_number: number | string | null;
  block_hash: string | null;
  status: 'pending' | 'anchored' | 'rejected';
  reason: string | null;
  anchored_at: Time | null;
}

export interface TraceEventRow {
  eventId: string;
  eventHash: string;
  eventType: string;
  eventTime: Time;
  recordTime: Time;
  bizStep: string | null;
  disposition: string | null;
  capturedBy: string;
  parties: string[];
  via: string | null;
  document: EpcisEvent;
  receipt: ReceiptRow | null;
  correctionReceipt: ReceiptRow | null;
}

export interface IntervalRow {
  parent: string;
  child: string;
  depth: number;
  from: Time;
  until: Time | null;
  packedEventId: string | null;
  unpackedEventId: string | null;
}

export interface ContentRow {
  epc: string;
  depth: number;
  from: Time;
  until: Time | null;
  status: PackState['status'] | null;
  custodian: string | null;
  location: string | null;
  parent: string | null;
  inTransitTo: string | null;
}

/** A handoff without its item lists, and what happened to the traced object in it. */
export interface HandoffRow {
  state: Omit<Handoff, 'items' | 'pending' | 'received' | 'voided'>;
  outcome: 'received' | 'voided' | 'pending';
}

export interface AlertRow {
  id: string;
  code: string;
  severity: string;
  message: string;
  eventId: string | null;
  createdAt: Time;
  status: string;
  involved: string[];
}

/** Everything stored about one object, as the trace statement returns it (arrays may be null: none). */
export interface TraceRows {
  pack: { kind: 'item' | 'container'; state: PackState; updatedAt: Time } | null;
  lot: {
    status: 'active' | 'recalled';
    setBy: string | null;
    setAt: Time | null;
    reason: string | null;
    recallId: string | null;
  } | null;
  product: { status: 'active' | 'withdrawn' } | null;
  parents: IntervalRow[] | null;
  contents: ContentRow[] | null;
  events: TraceEventRow[] | null;
  handoffs: HandoffRow[] | null;
  onward: (HandoffRow & { items: number })[] | null;
  alerts: AlertRow[] | null;
}

@Injectable()
export class TraceRepository {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async load(epc: string): Promise<TraceRows> {
    const rows = await this.database.sql.transaction(async (tx) => {
      if (this.database.kind === 'postgres') await tx.query(`set local jit = off`);
      return tx.query<TraceRows>(TRACE_SQL, [epc]);
    });
    const row = rows[0];
    if (!row) throw new Error('the trace statement returned no row');
    return row;
  }
}
