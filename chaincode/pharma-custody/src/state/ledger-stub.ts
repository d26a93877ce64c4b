/**
 * The part of Fabric's ChaincodeStub and ClientIdentity the contract uses. Fabric's own objects
 * satisfy these interfaces; so do the in-memory fake of the unit tests and the embedded ledger's
 * stub over the database, which is how the same contract runs in all three places.
 */

export interface HistoryEntry {
  readonly txId: string;
  readonly isDelete: boolean;
  readonly value: Uint8Array;
  readonly timestamp: { readonly seconds: number | { toNumber(): number }; readonly nanos: number };
}

export interface HistoryIterator {
  next(): Promise<{ value?: HistoryEntry; done?: boolean }>;
  close(): Promise<void>;
}

export interface LedgerStub {
  getTxID(): string;
  /** The proposal's timestamp: the only clock a deterministic contract may read. */
  getDateTimestamp(): Date;
  /** Committed state only: writes made earlier in the same transaction are not visible. */
  getState(key: string): Promise<Uint8Array>;
  putState(key: string, value: Uint8Array): Promise<void>;
  createCompositeKey(objectType: string, attributes: string[]): string;
  getHistoryForKey(key: string): Promise<HistoryIterator>;
  /** One event per transaction: a later call replaces the earlier one. */
  setEvent(name: string, payload: Uint8Array): void;
}

export interface LedgerIdentity {
  getMSPID(): string;
  /** `x509::<subject DN>::<issuer DN>`. */
  getID(): string;
}

export interface LedgerContext {
  readonly stub: LedgerStub;
  readonly clientIdentity: LedgerIdentity;
}

/** Fabric's composite key layout (U+0000 separators), shared by the fake and the embedded stub. */
export function compositeKey(objectType: string, attributes: readonly string[]): string {
  return `\u0000${objectType}\u0000${attributes.map((a) => `${a}\u0000`).join('')}`;
}
