import type { PackRecord } from '../lookup/pack-record';

/**
 * How the pack's off-chain record stands against the ledger:
 * - `anchored`: the current state's hash is on the ledger;
 * - `pending`: the current state is newer than anything anchored, and its record is on its way;
 * - `rejected`: the ledger refused the record of the current state;
 * - `unanchored`: nothing of this pack reached the ledger yet, so there is nothing to compare;
 * - `tampered`: the record no longer matches what the ledger (or the processor) wrote.
 */
export type LedgerIntegrity = 'anchored' | 'pending' | 'rejected' | 'unanchored' | 'tampered';

/**
 * Judges a looked-up pack's integrity from what the lookup statement fetched. A port, so the ledger
 * writer's own check (against the chain itself) can replace the receipt-hash comparison: provide
 * another class under TAMPER_CHECK.
 */
export interface TamperCheck {
  assess(record: PackRecord): LedgerIntegrity;
}

export const TAMPER_CHECK = Symbol('TamperCheck');
