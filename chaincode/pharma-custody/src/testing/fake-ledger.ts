import type { Context } from 'fabric-contract-api';
import { contractContext } from '../state/contract-context';
import { compositeKey, type HistoryEntry, type HistoryIterator, type LedgerStub } from '../state/ledger-stub';

export interface CommittedEvent {
  readonly txId: string;
  readonly name: string;
  readonly payload: string;
}

/**
 * An in-memory peer for unit tests: committed world state with per-key history, and one fake stub
 * per transaction that behaves like Fabric's where the contract relies on it — getState sees only
 * committed values, writes and the event take effect only if the transaction succeeds, a later
 * setEvent replaces an earlier one, time comes from the proposal.
 */
export class FakeLedger {
  readonly events: CommittedEvent[] = [];
  /** getState calls of the last transaction (each one a round trip to a real peer). */
  lastReads = 0;
  private readonly state = new Map<string, Uint8Array>();
  private readonly histories = new Map<string, HistoryEntry[]>();
  private transactions = 0;
  private time = Date.parse('2026-01-01T00:00:00.000Z');

  /** Runs one transaction as a client of `mspId`; commits its writes only when `work` resolves. */
  async invoke<T>(
    mspId: string,
    work: (ctx: Context) => Promise<T>,
    options: { admin?: boolean } = {},
  ): Promise<T> {
    this.transactions++;
    this.time += 1000;
    const txId = `fake-tx-${String(this.transactions).padStart(6, '0')}`;
    const stub = new FakeStub(txId, new Date(this.time), this.state, this.histories);
    const ou = options.admin ? 'admin' : 'client';
    const identity = {
      getMSPID: () => mspId,
      getID: () => `x509::/C=US/O=${mspId}/OU=${ou}/CN=user@${mspId}::/C=US/O=${mspId}/CN=ca.${mspId}`,
    };
    const result = await work(contractContext(stub, identity));
    this.lastReads = stub.reads;
    for (const [key, value] of stub.writes) {
      this.state.set(key, value);
      const history = this.histories.get(key) ?? [];
      history.push({
        txId,
        isDelete: false,
        value,
        timestamp: { seconds: Math.floor(this.time / 1000), nanos: (this.time % 1000) * 1e6 },
      });
      this.histories.set(key, history);
    }
    if (stub.event) this.events.push({ txId, ...stub.event });
    return result;
  }

  /** How many keys the world state holds. */
  get size(): number {
    return this.state.size;
  }

  /** Committed writes to a key, as the peer's history database would list them. */
  writesTo(key: string): number {
    return this.histories.get(key)?.length ?? 0;
  }
}

class FakeStub implements LedgerStub {
  readonly writes = new Map<string, Uint8Array>();
  reads = 0;
  event: { name: string; payload: string } | undefined;

  constructor(
    private readonly txId: string,
    private readonly timestamp: Date,
    private readonly committed: ReadonlyMap<string, Uint8Array>,
    private readonly histories: ReadonlyMap<string, readonly HistoryEntry[]>,
  ) {}

  getTxID(): string {
    return this.txId;
  }

  getDateTimestamp(): Date {
    return this.timestamp;
  }

  getState(key: string): Promise<Uint8Array> {
    this.reads++;
    return Promise.resolve(this.committed.get(key) ?? new Uint8Array());
  }

  putState(key: string, value: Uint8Array): Promise<void> {
    this.writes.set(key, value);
    return Promise.resolve();
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return compositeKey(objectType, attributes);
  }

  getHistoryForKey(key: string): Promise<HistoryIterator> {
    // Newest first, as Fabric 2.x returns a key's history.
    const entries = [...(this.histories.get(key) ?? [])].reverse();
    let position = 0;
    return Promise.resolve({
      next: () => {
        const value = entries[position++];
        return Promise.resolve({ value, done: position >= entries.length });
      },
      close: () => Promise.resolve(),
    });
  }

  setEvent(name: string, payload: Uint8Array): void {
    this.event = { name, payload: new TextDecoder().decode(payload) };
  }
}
