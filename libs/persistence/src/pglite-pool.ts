import { EventEmitter } from 'node:events';
import type { PGlite, Results } from '@electric-sql/pglite';

/**
 * A `pg`-shaped driver over one PGlite instance, for TypeORM's postgres dialect.
 *
 * PGlite is a single connection. A pool that shared it freely would let two concurrent TypeORM
 * transactions interleave their statements inside one BEGIN…COMMIT. This pool hands the connection out
 * exclusively: `connect` waits until the previous holder released it, so each query runner (and each
 * transaction) has the database to itself, exactly as it would have its own connection on PostgreSQL.
 */
class ExclusiveLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const granted = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return granted;
  }
}

interface PgLikeResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string }[];
}

function toPgResult(sql: string, result: Results<unknown> | undefined): PgLikeResult {
  const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  const rows = result?.rows ?? [];
  return {
    rows,
    rowCount: result?.affectedRows ?? rows.length,
    command,
    fields: (result?.fields ?? []).map((f) => ({ name: f.name })),
  };
}

type Callback = (error: Error | null, result?: PgLikeResult) => void;

class PgliteClient extends EventEmitter {
  constructor(private readonly db: PGlite) {
    super();
  }

  async query(sql: string, params?: unknown[] | Callback, callback?: Callback): Promise<PgLikeResult> {
    const values = Array.isArray(params) ? params : undefined;
    const done = typeof params === 'function' ? params : callback;
    try {
      // Parameterless strings may hold several statements (migrations); exec runs them all.
      const result =
        values && values.length > 0 ? await this.db.query(sql, values) : (await this.db.exec(sql)).at(-1);
      const pg = toPgResult(sql, result);
      done?.(null, pg);
      return pg;
    } catch (error) {
      done?.(error as Error);
      throw error;
    }
  }
}

export function pglitePgDriver(db: PGlite): { Pool: new () => unknown } {
  const lock = new ExclusiveLock();
  const client = new PgliteClient(db);

  class PglitePool extends EventEmitter {
    connect(callback?: (error: Error | null, client?: PgliteClient, release?: () => void) => void) {
      const granted = lock.acquire().then((release) => {
        let released = false;
        const once = () => {
          if (!released) {
            released = true;
            release();
          }
        };
        callback?.(null, client, once);
        return Object.assign(client, { release: once });
      });
      return callback ? undefined : granted;
    }

    async query(sql: string, params?: unknown[]): Promise<PgLikeResult> {
      const release = await lock.acquire();
      try {
        return await client.query(sql, params);
      } finally {
        release();
      }
    }

    end(callback?: (error: Error | null) => void): void {
      // The instance's owner closes PGlite; ending the pool only stops handing it out.
      callback?.(null);
    }
  }
  return { Pool: PglitePool };
}
