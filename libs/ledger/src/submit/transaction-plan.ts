import { lotSubject, type LedgerRecord } from '../ledger-record';

/** Records one organisation submits as one transaction, in their original order. */
export interface PlannedTransaction {
  readonly msp: string;
  readonly records: LedgerRecord[];
}

/** Transactions that may run at the same time; waves run one after the other. */
export type Wave = PlannedTransaction[];

interface Slot {
  readonly wave: number;
  readonly tx: PlannedTransaction;
}

interface KeyUse {
  writer?: Slot;
  /** Records that read the key since its last write (packs read their lot). */
  readers: Slot[];
}

/**
 * Splits records into transactions and orders them so the ledger sees what the custody processor
 * saw. A transaction is signed by one organisation and holds at most `maxPerTransaction` records;
 * two records that touch the same key (the same subject, or a lot and a pack of it) either share a
 * transaction (same organisation, in order) or go in successive waves. Transactions of one wave
 * touch disjoint keys, so they can be in flight together without conflicting with each other, and
 * a shipment by one organisation is always committed before the receipt by another.
 */
export function planTransactions(records: readonly LedgerRecord[], maxPerTransaction: number): Wave[] {
  if (!Number.isInteger(maxPerTransaction) || maxPerTransaction < 1) {
    throw new RangeError('maxPerTransaction must be a positive integer');
  }
  const waves: Wave[] = [];
  const keys = new Map<string, KeyUse>();
  const use = (key: string): KeyUse => {
    let entry = keys.get(key);
    if (!entry) {
      entry = { readers: [] };
      keys.set(key, entry);
    }
    return entry;
  };

  for (const record of records) {
    const msp = record.submitterMsp;
    const written = use(record.subject);
    const lotKey =
      record.kind === 'pack' && record.gtin !== undefined && record.lot !== undefined
        ? lotSubject(record.gtin, record.lot)
        : undefined;
    const read = lotKey === undefined ? undefined : use(lotKey);
    // Every earlier record this one must follow.
    const after: Slot[] = [];
    if (written.writer) after.push(written.writer);
    after.push(...written.readers);
    if (read?.writer) after.push(read.writer);

    const slot = place(waves, after, msp, maxPerTransaction);
    slot.tx.records.push(record);
    written.writer = slot;
    written.readers = [];
    read?.readers.push(slot);
  }
  return waves;
}

function place(waves: Wave[], after: readonly Slot[], msp: string, max: number): Slot {
  if (after.length > 0) {
    const last = Math.max(...after.map((s) => s.wave));
    const latest = new Set(after.filter((s) => s.wave === last).map((s) => s.tx));
    const [only] = latest;
    // Join the one transaction it depends on in the latest wave, when it is this organisation's.
    if (latest.size === 1 && only && only.msp === msp && only.records.length < max) {
      return { wave: last, tx: only };
    }
    return openSlot(waves, last + 1, msp, max);
  }
  return openSlot(waves, 0, msp, max);
}

/** A transaction of `msp` with room in wave `index`, new if needed. */
function openSlot(waves: Wave[], index: number, msp: string, max: number): Slot {
  while (waves.length <= index) waves.push([]);
  const wave = waves[index] as Wave;
  let tx = wave.find((t) => t.msp === msp && t.records.length < max);
  if (!tx) {
    tx = { msp, records: [] };
    wave.push(tx);
  }
  return { wave: index, tx };
}
