import type { EpcisEvent } from '@pharmatrace/epcis';
import type { ParticipantDirectory } from '../participants/participant-directory';
import type { Alert } from './alert-codes';
import type { CustodyCommand } from './custody-command';
import type { Handoff, HandoffChange } from './handoff';
import type { PackState } from './pack-state';
import type { LotChange, LotRecord, ProductChange, ProductRecord } from './reference-data';

/**
 * Everything `applyEvent` reads. The caller loads it (see required-packs.ts), so the machine never
 * does I/O. A key absent from a map means "does not exist".
 */
export interface ApplyEventInput {
  readonly event: EpcisEvent;
  /** GLN of the authenticated participant that captured the event. */
  readonly capturedBy: string;
  /** The event's objects and every descendant of them in the aggregation tree, keyed by EPC URN. */
  readonly packs: ReadonlyMap<string, PackState>;
  /** Handoffs referenced by the loaded packs' `inTransit` (see requiredHandoffs). */
  readonly handoffs?: ReadonlyMap<string, Handoff>;
  /** Keyed by lotKey(gtin, lot). */
  readonly lots: ReadonlyMap<string, LotRecord>;
  /** Keyed by GTIN-14. */
  readonly products: ReadonlyMap<string, ProductRecord>;
  readonly directory: ParticipantDirectory;
  /** For an error declaration: the stored record of the declared event (see correctionRecordOf). */
  readonly correction?: CorrectionRecord;
}

export type EventOperation =
  | 'commission'
  | 'aggregate'
  | 'disaggregate'
  | 'ship'
  | 'void_shipping'
  | 'receive'
  | 'decommission'
  | 'undo'
  | 'observe'
  | 'correction'
  | 'ignored';

export type CommandOperation = CustodyCommand['type'];

/** A state written (after defined) or deleted (after undefined, only by corrections). */
export interface PackChange {
  readonly epc: string;
  readonly before: PackState | undefined;
  readonly after: PackState | undefined;
}

export interface LinkChange {
  readonly parent: string;
  readonly child: string;
  readonly change: 'added' | 'removed';
}

/**
 * What the caller writes, in one transaction, besides the event itself. Arrays are sorted (packs and
 * handoffs by key, links by parent then child, alerts by EPC then code) so equal inputs give
 * byte-identical outcomes.
 */
export interface CustodyOutcome {
  readonly eventId: string;
  readonly operation: EventOperation | CommandOperation;
  readonly packs: readonly PackChange[];
  /** Derived from the packs' parent changes: a convenience for the link table. */
  readonly links: readonly LinkChange[];
  readonly handoffs: readonly HandoffChange[];
  readonly lots: readonly LotChange[];
  readonly products: readonly ProductChange[];
  readonly alerts: readonly Alert[];
}

/**
 * What must be kept of an outcome so an error declaration can reverse it: the before and after of every
 * changed pack and handoff. Store it with the event.
 */
export interface CorrectionRecord {
  readonly eventId: string;
  readonly packs: readonly PackChange[];
  readonly handoffs: readonly HandoffChange[];
}

export function correctionRecordOf(outcome: CustodyOutcome): CorrectionRecord {
  return { eventId: outcome.eventId, packs: outcome.packs, handoffs: outcome.handoffs };
}

/**
 * The caller broke the input contract (for example a pack in transit whose handoff was not loaded).
 * Data problems are alerts, never this.
 */
export class CustodyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustodyInputError';
  }
}
