import type { SqlClient } from '@pharmatrace/persistence';
import type { ConsumedRecord, PublishRecord } from '../event-log.port';
import { MessagingError, MessagingErrorCode } from '../messaging.error';

/** The embedded log has one partition per topic. */
export const EMBEDDED_PARTITION = 0;

interface RecordRow {
  record_offset: string;
  key: string;
  value: string;
  headers: Record<string, string> | string | null;
  created_ms: string;
}

export interface Lease {
  groupId: string;
  topic: string;
  owner: string;
  leaseMs: number;
}

const LEASE_MATCH = 'group_id = $1 and topic = $2 and partition = 0 and owner = $3';
const LEASE_UNTIL = `now() + $4::integer * interval '1 millisecond'`;

/**
 * Every statement of the embedded log. Each is one short round trip; the only transaction (append)
 * runs nothing but its own statements, because PGlite is one connection shared by the whole process.
 */
export class EmbeddedLogRepository {
  constructor(private readonly sql: SqlClient) {}

  async createTopics(topics: string[]): Promise<void> {
    await this.sql.query(
      'insert into event_log_topics (topic) select unnest($1::text[]) on conflict (topic) do nothing',
      [topics],
    );
  }

  async topicExists(topic: string): Promise<boolean> {
    const rows = await this.sql.query('select 1 from event_log_topics where topic = $1', [topic]);
    return rows.length > 0;
  }

  /**
   * Appends the chunks in one transaction. The advisory lock per topic is taken before any id is
   * drawn from the sequence and held until commit, so within a topic ids become visible in increasing
   * order: a consumer that has seen id n will never later find a smaller id appear behind it.
   */
  async append(topic: string, chunks: PublishRecord[][]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const [check] = await tx.query<{ known: boolean }>(
        `select pg_advisory_xact_lock(hashtext('pharmatrace.event_log'), hashtext($1)) is not null
           and exists (select 1 from event_log_topics where topic = $1) as known`,
        [topic],
      );
      if (!check?.known) {
        throw new MessagingError(
          MessagingErrorCode.UnknownTopic,
          `topic ${topic} does not exist (ensureTopics creates it)`,
        );
      }
      for (const chunk of chunks) {
        await tx.query(
          `insert into event_log_records (topic, partition, key, value, headers)
           select $1, 0, r.key, r.value, r.headers::jsonb
             from unnest($2::text[], $3::text[], $4::text[]) with ordinality as r(key, value, headers, ord)
            order by r.ord`,
          [
            topic,
            chunk.map((r) => r.key),
            chunk.map((r) => r.value),
            chunk.map((r) => JSON.stringify(r.headers ?? {})),
          ],
        );
      }
    });
  }

  async fetch(topic: string, afterId: string, limit: number): Promise<ConsumedRecord[]> {
    const rows = await this.sql.query<RecordRow>(
      // Not aliased as `id`: `order by id` would then sort the text, not the number.
      `select id::text as record_offset, key, value, headers,
              floor(extract(epoch from created_at) * 1000)::bigint::text as created_ms
         from event_log_records
        where topic = $1 and partition = 0 and id > $2::bigint
        order by id
        limit $3::integer`,
      [topic, afterId, limit],
    );
    return rows.map((row) => ({
      topic,
      partition: EMBEDDED_PARTITION,
      offset: row.record_offset,
      key: row.key,
      value: row.value,
      headers: parseHeaders(row.headers),
      timestamp: Number(row.created_ms),
    }));
  }

  /**
   * Takes the partition for `owner` when it is free, already ours, or its lease expired (a crashed
   * process). Returns the group's committed id, or undefined when another member holds it.
   */
  async acquireLease({ groupId, topic, owner, leaseMs }: Lease): Promise<string | undefined> {
    const rows = await this.sql.query<{ committed_id: string }>(
      `insert into event_log_offsets as o (group_id, topic, partition, owner, lease_expires_at)
       values ($1, $2, 0, $3, ${LEASE_UNTIL})
       on conflict (group_id, topic, partition) do update
          set owner = excluded.owner, lease_expires_at = excluded.lease_expires_at, updated_at = now()
        where o.owner is null or o.owner = excluded.owner or o.lease_expires_at < now()
       returning committed_id::text as committed_id`,
      [groupId, topic, owner, leaseMs],
    );
    return rows[0]?.committed_id;
  }

  /** False when the lease was lost (taken over after it expired): stop and do not commit. */
  async renewLease({ groupId, topic, owner, leaseMs }: Lease): Promise<boolean> {
    const rows = await this.sql.query(
      `update event_log_offsets set lease_expires_at = ${LEASE_UNTIL}, updated_at = now()
        where ${LEASE_MATCH} returning 1 as renewed`,
      [groupId, topic, owner, leaseMs],
    );
    return rows.length > 0;
  }

  /** Records `id` as handled (never moving backwards) and renews the lease; false if not the owner. */
  async commit({ groupId, topic, owner, leaseMs }: Lease, id: string): Promise<boolean> {
    const rows = await this.sql.query(
      `update event_log_offsets
          set committed_id = greatest(committed_id, $5::bigint), lease_expires_at = ${LEASE_UNTIL}, updated_at = now()
        where ${LEASE_MATCH} returning 1 as committed`,
      [groupId, topic, owner, leaseMs, id],
    );
    return rows.length > 0;
  }

  async releaseLease({ groupId, topic, owner }: Lease): Promise<void> {
    await this.sql.query(
      `update event_log_offsets set owner = null, lease_expires_at = null, updated_at = now() where ${LEASE_MATCH}`,
      [groupId, topic, owner],
    );
  }
}

function parseHeaders(raw: RecordRow['headers']): Record<string, string> {
  if (raw === null) return {};
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const headers: Record<string, string> = {};
  if (typeof value === 'object' && value !== null) {
    for (const [name, header] of Object.entries(value)) headers[name] = String(header);
  }
  return headers;
}
