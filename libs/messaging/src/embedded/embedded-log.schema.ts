/**
 * Tables of the database-backed event log, as migration statements (idempotent, in order). The
 * adapter never runs them: the platform's reviewed migrations do; tests may run them directly.
 *
 * - `event_log_topics`: what `ensureTopics` created; publishing to anything else is an error, as on
 *   Kafka with auto-creation off.
 * - `event_log_records`: the log. `id` is the offset; one partition (0) per topic, so a topic is in
 *   total order. Publishers of one topic serialise on an advisory lock so ids become visible in order.
 * - `event_log_offsets`: per (group, topic, partition), the last handled id and the consumer holding
 *   the partition (a lease renewed while it works, so one group member at a time consumes it).
 */
export const EMBEDDED_LOG_SCHEMA_SQL: string[] = [
  `create table if not exists event_log_topics (
    topic text primary key,
    partitions integer not null default 1 check (partitions = 1),
    created_at timestamptz not null default now()
  )`,
  `create table if not exists event_log_records (
    id bigserial primary key,
    topic text not null,
    partition integer not null default 0,
    key text not null,
    value text not null,
    headers jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now()
  )`,
  // The consumers' poll: where topic = $1 and partition = $2 and id > $3 order by id limit $4.
  `create index if not exists event_log_records_topic_partition_id_idx
    on event_log_records (topic, partition, id)`,
  `create table if not exists event_log_offsets (
    group_id text not null,
    topic text not null,
    partition integer not null default 0,
    committed_id bigint not null default 0,
    owner text,
    lease_expires_at timestamptz,
    updated_at timestamptz not null default now(),
    primary key (group_id, topic, partition)
  )`,
];

/** Reverse of EMBEDDED_LOG_SCHEMA_SQL, for a migration's `down`. */
export const EMBEDDED_LOG_SCHEMA_DROP_SQL: string[] = [
  'drop table if exists event_log_offsets',
  'drop table if exists event_log_records',
  'drop table if exists event_log_topics',
];
