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
 * Judges looked-up packs' integrity. A port, so a check against the ledger itself (libs/ledger's
 * pack audit reads the chain's subject states) can replace the receipt-hash comparison:
 * `VerificationModule.withTamperCheck(LedgerTamperCheck)`. Batch and asynchronous so such a check
 * costs one ledger read per lookup statement's worth of packs, not one per pack.
 */
export interface TamperCheck {
  /** One verdict per record, in order; every record has a pack. */
  assess(records: readonly PackRecord[]): Promise<LedgerIntegrity[]>;
}

export const TAMPER_CHECK = Symbol('TamperCheck');
