import type { SqlClient } from '@pharmatrace/persistence';
import { compositeKey, type HistoryIterator, type LedgerStub } from '../contract/chaincode';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Composite keys hold U+0000, which PostgreSQL text cannot: they are stored JSON-quoted. */
export const storedKey = (key: string): string => JSON.stringify(key);

/** A database failure under the contract: transient, never the record's fault. */
export class EmbeddedStoreError extends Error {
  override readonly name = 'EmbeddedStoreError';
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new EmbeddedStoreError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/**
 * The chaincode stub of the embedded ledger for one transaction, over the caller's database
 * transaction: reads see the committed world state (like a peer, not the transaction's own writes),
 * writes are collected for the block, the event is kept. Time is the block's, given by the caller.
 */
export class EmbeddedStub implements LedgerStub {
  readonly writes = new Map<string, string>();
  event: { name: string; payload: string } | undefined;

  constructor(
    private readonly sql: SqlClient,
    private readonly txId: string,
    private readonly timestamp: Date,
  ) {}

  getTxID(): string {
    return this.txId;
  }

  getDateTimestamp(): Date {
    return this.timestamp;
  }

  async getState(key: string): Promise<Uint8Array> {
    const rows = await guarded(() =>
      this.sql.query<{ value: string }>('select value from ledger_world_state where key = $1', [
        storedKey(key),
      ]),
    );
    return encoder.encode(rows[0]?.value ?? '');
  }

  putState(key: string, value: Uint8Array): Promise<void> {
    this.writes.set(key, decoder.decode(value));
    return Promise.resolve();
  }

  createCompositeKey(objectType: string, attributes: string[]): string {
    return compositeKey(objectType, attributes);
  }

  async getHistoryForKey(key: string): Promise<HistoryIterator> {
    const rows = await guarded(() =>
      this.sql.query<{ tx_id: string; value: string; tx_time: Date | string }>(
        'select tx_id, value, tx_time from ledger_history where key = $1 order by block_number desc',
        [storedKey(key)],
      ),
    );
    let position = 0;
    return {
      next: () => {
        const row = rows[position++];
        if (!row) return Promise.resolve({ done: true });
        const ms = new Date(row.tx_time).getTime();
        return Promise.resolve({
          value: {
            txId: row.tx_id,
            isDelete: false,
            value: encoder.encode(row.value),
            timestamp: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 },
          },
          done: position >= rows.length,
        });
      },
      close: () => Promise.resolve(),
    };
  }

  setEvent(name: string, payload: Uint8Array): void {
    this.event = { name, payload: decoder.decode(payload) };
  }
}
