import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { canonicalJson, type ItemState } from '@pharmatrace/custody';
import type { PackColumns, PackRecord } from '../lookup/pack-record';
import type { LedgerIntegrity, TamperCheck } from './tamper-check';

/** The hash the custody processor writes into a ledger record (`stateHash`) for a state. */
export function stateHash(state: ItemState): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}

/** The indexed columns are derived from the state; a difference means one was edited without the other. */
function columnsAgree(state: ItemState, columns: PackColumns): boolean {
  return (
    columns.status === state.status &&
    columns.custodian === state.custodian &&
    columns.gtin === state.gtin &&
    columns.serial === state.serial &&
    columns.lot === state.lot &&
    columns.expiry === state.expiry
  );
}

/**
 * Compares the stored state with the ledger receipts of the event that produced it. Every state
 * change gets a ledger record `<event hash>#<epc>` whose record_hash is sha256(canonicalJson(state)),
 * so:
 * 1. columns that disagree with the state → tampered;
 * 2. a receipt of the current event with the state's hash → anchored (or pending / rejected, by its
 *    status);
 * 3. receipts of the current event, none with that hash → tampered (the state was rewritten);
 * 4. no receipt of the current event yet: if an earlier state was anchored, the state moved on and its
 *    record is pending, provided the processor applied the event the state names; an event it never
 *    applied → tampered. Nothing anchored at all → unanchored.
 * Rule 4 leaves a window: a rewrite that also forges `lastEvent` and a processed-event mark is
 * reported pending until the ledger check against the chain replaces this one.
 */
@Injectable()
export class ReceiptHashTamperCheck implements TamperCheck {
  assess(records: readonly PackRecord[]): Promise<LedgerIntegrity[]> {
    return Promise.resolve(records.map((record) => this.assessOne(record)));
  }

  /** Pure: judges one record from what the lookup statement fetched. */
  assessOne(record: PackRecord): LedgerIntegrity {
    const pack = record.pack;
    if (!pack) return 'unanchored';
    if (!columnsAgree(pack.state, pack.columns)) return 'tampered';
    if (record.currentReceipts.length > 0) {
      const hash = stateHash(pack.state);
      const match = record.currentReceipts.find((receipt) => receipt.recordHash === hash);
      if (!match) return 'tampered';
      return match.status;
    }
    if (!record.latestAnchored) return 'unanchored';
    return record.lastEventApplied ? 'pending' : 'tampered';
  }
}
