import { canonicalJson } from '@pharmatrace/custody';
import type { HistoryEntry, LedgerStub } from './ledger-stub';
import type { RecordMarker, SubjectState } from './subject-state';

/** Composite key object types. A version suffix leaves room for a later layout. */
export const KeyTypes = {
  subject: 'ptc.subject.v1',
  record: 'ptc.record.v1',
  config: 'ptc.config.v1',
} as const;

export interface SubjectHistoryEntry {
  readonly txId: string;
  readonly timestamp: string;
  readonly isDelete: boolean;
  readonly state: SubjectState | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function timestampOf(entry: HistoryEntry): string {
  const { seconds, nanos } = entry.timestamp;
  const s = typeof seconds === 'number' ? seconds : seconds.toNumber();
  return new Date(s * 1000 + Math.floor(nanos / 1e6)).toISOString();
}

/**
 * Typed access to the world state for one transaction, with what it read and wrote cached: Fabric's
 * getState returns the committed value, so without the cache a batch that commissions a pack and
 * then ships it would not see the commissioning (and every pack of one lot would re-read the lot). Values are sorted-key JSON so every
 * endorser writes the same bytes.
 */
export class WorldState {
  /** Every key read or written in this transaction: its value as the transaction now sees it. */
  private readonly cache = new Map<string, unknown>();
  private readonly pending = new Set<string>();

  constructor(private readonly stub: LedgerStub) {}

  subject(subject: string): Promise<SubjectState | undefined> {
    return this.read<SubjectState>(this.subjectKey(subject));
  }

  putSubject(state: SubjectState): void {
    this.write(this.subjectKey(state.subject), state);
  }

  marker(recordId: string): Promise<RecordMarker | undefined> {
    return this.read<RecordMarker>(this.stub.createCompositeKey(KeyTypes.record, [recordId]));
  }

  putMarker(marker: RecordMarker): void {
    this.write(this.stub.createCompositeKey(KeyTypes.record, [marker.recordId]), marker);
  }

  config<T>(name: string): Promise<T | undefined> {
    return this.read<T>(this.stub.createCompositeKey(KeyTypes.config, [name]));
  }

  putConfig(name: string, value: unknown): void {
    this.write(this.stub.createCompositeKey(KeyTypes.config, [name]), value);
  }

  /** Every committed version of a subject, newest first (the order Fabric 2.x returns). */
  async history(subject: string): Promise<SubjectHistoryEntry[]> {
    const iterator = await this.stub.getHistoryForKey(this.subjectKey(subject));
    const entries: SubjectHistoryEntry[] = [];
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.value) {
          const entry = next.value;
          entries.push({
            txId: entry.txId,
            timestamp: timestampOf(entry),
            isDelete: entry.isDelete,
            state:
              entry.isDelete || entry.value.length === 0
                ? undefined
                : (JSON.parse(decoder.decode(entry.value)) as SubjectState),
          });
        }
        if (next.done) break;
      }
    } finally {
      await iterator.close();
    }
    return entries;
  }

  private subjectKey(subject: string): string {
    return this.stub.createCompositeKey(KeyTypes.subject, [subject]);
  }

  private async read<T>(key: string): Promise<T | undefined> {
    if (this.cache.has(key)) return this.cache.get(key) as T | undefined;
    const bytes = await this.stub.getState(key);
    const value = !bytes || bytes.length === 0 ? undefined : (JSON.parse(decoder.decode(bytes)) as T);
    this.cache.set(key, value);
    return value;
  }

  /**
   * Writes every key the transaction changed, once each (its last value), in key order. Until then
   * writes live only in the cache, so a subject touched by several records of a batch costs one
   * putState.
   */
  async flush(): Promise<void> {
    const keys = [...this.pending].sort();
    this.pending.clear();
    for (const key of keys) await this.stub.putState(key, encoder.encode(canonicalJson(this.cache.get(key))));
  }

  private write(key: string, value: unknown): void {
    this.cache.set(key, value);
    this.pending.add(key);
  }
}
