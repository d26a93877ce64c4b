import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { EventLog, PublishRecord } from '@pharmatrace/messaging';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE, EVENT_LOG } from './runtime.tokens';

export interface OutboxMessage extends PublishRecord {
  topic: string;
}

/** Writes messages inside the caller's transaction: they exist exactly when the state change does. */
export async function enqueueOutbox(tx: SqlClient, messages: readonly OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await tx.query(
    `insert into outbox (topic, key, value, headers)
     select topic, key, value, headers from jsonb_to_recordset($1::jsonb) as x(topic text, key text, value text, headers jsonb)`,
    [JSON.stringify(messages.map((m) => ({ ...m, headers: m.headers ?? {} })))],
  );
}

const BATCH = 500;

/**
 * Publishes outbox rows to the event log, oldest first, deleting them only after the log acknowledged
 * them. A crash between publish and delete republishes (consumers are idempotent); nothing is lost.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(EVENT_LOG) private readonly log: EventLog,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Asks the relay to look now (after a transaction that enqueued messages committed). */
  poke(): void {
    this.wake?.();
  }

  /** Publishes everything pending once; returns how many messages went out. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.database.sql.query<OutboxMessage & { id: string }>(
        `select id::text as id, topic, key, value, headers from outbox order by outbox.id limit ${BATCH}`,
      );
      if (rows.length === 0) return total;
      const byTopic = new Map<string, PublishRecord[]>();
      for (const row of rows) {
        const list = byTopic.get(row.topic) ?? [];
        list.push({ key: row.key, value: row.value, headers: row.headers });
        byTopic.set(row.topic, list);
      }
      for (const [topic, records] of byTopic) await this.log.publish(topic, records);
      await this.database.sql.query(`delete from outbox where id <= $1`, [rows.at(-1)?.id]);
      total += rows.length;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.flush();
      } catch (error) {
        this.logger.warn(
          `outbox publish failed, will retry: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
