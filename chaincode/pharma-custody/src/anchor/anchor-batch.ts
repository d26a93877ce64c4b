import { canonicalJson } from '@pharmatrace/custody';
import {
  decodeLedgerRecord,
  LedgerRecordError,
  lotSubject,
  type LedgerRecord,
} from '../record/ledger-record';
import type { LedgerContext } from '../state/ledger-stub';
import type { RecordMarker, SubjectState } from '../state/subject-state';
import { WorldState } from '../state/world-state';
import { RecordRejectedError } from './record-rejection';
import { decideRecord, type RejectionCode } from './record-transition';

/** The one chaincode event per transaction: which records it anchored. */
export const RECORDS_ANCHORED_EVENT = 'RecordsAnchored';
/** Most records one transaction takes; larger batches are split by the client. */
export const MAX_RECORDS_PER_TRANSACTION = 1000;
export const REGULATORS_CONFIG = 'regulators';

export interface RecordOutcome {
  readonly recordId: string;
  /** `duplicate`: already on the ledger, by the transaction `txId`; nothing written. */
  readonly outcome: 'anchored' | 'duplicate';
  readonly txId: string;
}

export interface AnchorResult {
  readonly txId: string;
  readonly timestamp: string;
  readonly results: readonly RecordOutcome[];
}

export interface RecordsAnchoredEvent {
  readonly txId: string;
  readonly recordIds: readonly string[];
}

const encoder = new TextEncoder();

function recordIdOf(value: unknown): string {
  const id = (value as { recordId?: unknown } | null)?.recordId;
  return typeof id === 'string' ? id.slice(0, 512) : '';
}

/** Only decommissioning and undo look at the lot: other records do not read (or conflict on) it. */
function readsLot(record: LedgerRecord): boolean {
  return record.kind === 'pack' && (record.operation === 'decommission' || record.operation === 'undo');
}

/**
 * The marker of a record already on the ledger. A marker is only ever written with its subject (the
 * record id ends with `#<subject>`), so a subject the ledger does not have means no marker; neither
 * the subject's last record nor a pack record newer than it needs a lookup: most records cost one
 * read instead of two. The subject read
 * covers conflicts, since every transaction writing the marker also writes the subject.
 */
async function anchoredMarker(
  state: WorldState,
  record: LedgerRecord,
  current: SubjectState | undefined,
): Promise<RecordMarker | undefined> {
  if (!current) return undefined;
  if (current.lastRecordId === record.recordId) {
    return {
      recordId: record.recordId,
      subject: record.subject,
      stateHash: current.stateHash,
      txId: current.updatedTxId,
    };
  }
  // A pack's versions only grow, so a record newer than the ledger's state cannot be on it yet.
  if (record.kind !== 'lot' && record.version > current.version) return undefined;
  return state.marker(record.recordId);
}

/**
 * Applies records in order, all or nothing: the first refused record throws RecordRejectedError and
 * Fabric discards the transaction. A record whose id is already on the ledger is skipped (re-submission
 * after a timeout or a crash never applies anything twice). One event for the whole transaction.
 */
export async function anchorRecords(ctx: LedgerContext, values: readonly unknown[]): Promise<AnchorResult> {
  const state = new WorldState(ctx.stub);
  const callerMsp = ctx.clientIdentity.getMSPID();
  const txId = ctx.stub.getTxID();
  const txTime = ctx.stub.getDateTimestamp().toISOString();
  const regulators = new Set((await state.config<string[]>(REGULATORS_CONFIG)) ?? []);
  const results: RecordOutcome[] = [];
  for (const [index, value] of values.entries()) {
    const reject = (code: RejectionCode, reason: string) =>
      new RecordRejectedError({ index, recordId: recordIdOf(value), code, reason });
    let record: LedgerRecord;
    try {
      record = decodeLedgerRecord(value);
    } catch (error) {
      if (error instanceof LedgerRecordError) throw reject('INVALID_RECORD', error.problems.join('; '));
      throw error;
    }
    if (record.submitterMsp !== callerMsp) {
      throw reject(
        'NOT_AUTHORISED',
        `reported by ${record.submitterMsp}, so only ${record.submitterMsp} may submit it`,
      );
    }
    const current = await state.subject(record.subject);
    const marker = await anchoredMarker(state, record, current);
    if (marker) {
      if (marker.stateHash !== record.stateHash) {
        throw reject('STATE_MISMATCH', `already anchored by ${marker.txId} with another state hash`);
      }
      results.push({ recordId: record.recordId, outcome: 'duplicate', txId: marker.txId });
      continue;
    }
    const lot =
      readsLot(record) && record.gtin !== undefined && record.lot !== undefined
        ? await state.subject(lotSubject(record.gtin, record.lot))
        : undefined;
    const decision = decideRecord({
      record,
      current,
      lotRecalled: lot?.status === 'recalled',
      callerMsp,
      callerIsRegulator: regulators.has(callerMsp),
      txId,
      txTime,
    });
    if (!decision.ok) throw reject(decision.code, decision.reason);
    state.putSubject(decision.next);
    state.putMarker({
      recordId: record.recordId,
      subject: record.subject,
      stateHash: record.stateHash,
      txId,
    });
    results.push({ recordId: record.recordId, outcome: 'anchored', txId });
  }
  await state.flush();
  const event: RecordsAnchoredEvent = {
    txId,
    recordIds: results.filter((r) => r.outcome === 'anchored').map((r) => r.recordId),
  };
  ctx.stub.setEvent(RECORDS_ANCHORED_EVENT, encoder.encode(canonicalJson(event)));
  return { txId, timestamp: txTime, results };
}
