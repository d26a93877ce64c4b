/**
 * Everything a verdict needs for a list of (GTIN, serial) keys, in one statement: the pack (unique
 * index on gtin, serial), its product and lot, the custodian's role, from one scan of the pack's
 * ledger receipts (index on subject) the latest anchored one and those of the event that produced the
 * current state, whether the processor applied that event or its error declaration (for the tamper
 * check), and the newest open critical alert. Every probe is an index
 * lookup. The `audit` CTE appends an access-audit row for each key whose reader is not the pack's
 * custodian, so the answer exists only once its audit entry is committed.
 *
 * `$6` is this transaction's synchronous_commit (set_config(…, true) is transaction-local and read at
 * commit): 'off' commits the audit rows without waiting for the WAL flush. They are committed and
 * visible before the answer leaves; only a crash of the PostgreSQL server itself within ~3 ×
 * wal_writer_delay (600 ms by default) could lose them, never corrupt anything. Measured on the
 * 2-core benchmark machine: a synchronous flush per statement caps audited lookups at ~900
 * statements/s (fsync ~1.5 ms); asynchronous, ~2,400. Custody writes elsewhere stay synchronous.
 *
 * Parameters: $1 GTINs, $2 serials, $3 reader GLNs, $4 audit subjects for unknown packs, $5 channels,
 * $6 synchronous_commit for the audit ('on' or 'off').
 * Bump the name whenever the text changes: a prepared statement's name is bound to its text.
 */
export const PACK_LOOKUP_STATEMENT = 'pharmatrace_verification_lookup_v3';

export const PACK_LOOKUP_SQL = `
with req as (
  select r.i::int as i, r.gtin::char(14) as gtin, r.serial, r.reader::char(13) as reader, r.subject, r.channel
    from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
         with ordinality as r(gtin, serial, reader, subject, channel, i)
), hit as (
  select req.i, req.reader, req.subject, req.channel,
         pr.gtin is not null as product_known, pr.name as product_name, pr.form as product_form,
         pr.strength as product_strength, pr.status as product_status,
         pr.status_reason as product_status_reason, pr.owner_gln as brand_owner,
         p.epc, p.status as p_status, p.custodian_gln as p_custodian, p.gtin as p_gtin,
         p.serial as p_serial, p.lot as p_lot, p.expiry::text as p_expiry, p.state,
         l.status as lot_status, l.status_reason as lot_status_reason,
         c.role as custodian_role, c.name as custodian_name,
         lr.latest as latest_anchored, lr.receipts as event_receipts, pe.applied as applied_keys,
         s.code as alert_code, s.nmvs_code as alert_nmvs_code
    from req
    left join products pr on pr.gtin = req.gtin
    left join packs p on p.gtin = req.gtin and p.serial = req.serial and p.kind = 'item'
    left join lots l on l.gtin = p.gtin and l.lot = p.lot
    left join participants c on c.gln = p.custodian_gln
    left join lateral (
      select (array_agg(json_build_object('recordId', record_id, 'txId', tx_id,
                'blockNumber', block_number::text, 'blockHash', block_hash,
                'anchoredAt', to_char(anchored_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
              order by block_number desc nulls last, anchored_at desc nulls last)
              filter (where status = 'anchored'))[1] as latest,
             json_agg(json_build_object('recordId', record_id, 'recordHash', record_hash, 'status', status))
              filter (where record_id in ((p.state->'lastEvent'->>'hash') || '#' || p.epc,
                                          (p.state->'lastEvent'->>'hash') || '#error-declaration#' || p.epc))
              as receipts
        from ledger_receipts where subject = p.epc) lr on true
    left join lateral (
      select array_agg(event_hash) as applied from processed_events
       where consumer = 'custody'
         and event_hash in (p.state->'lastEvent'->>'hash', (p.state->'lastEvent'->>'hash') || '#error-declaration')
      ) pe on true
    left join lateral (
      select code, nmvs_code from alerts
       where epc = p.epc and status <> 'closed' and severity = 'critical'
       order by created_at desc limit 1) s on true
), audit as (
  insert into access_audit (gln, action, subject, details)
  select reader, 'verification.read', coalesce(epc, subject),
         jsonb_build_object('channel', channel, 'status', coalesce(p_status, case when product_known
           then 'unknown_serial' else 'unknown_product' end))
    from hit where p_custodian is distinct from reader
), commit_mode as (
  select set_config('synchronous_commit', $6::text, true) as mode
)
select hit.* from hit, commit_mode order by i`;

/** A row of PACK_LOOKUP_SQL as the pg driver returns it. */
export interface PackLookupRow {
  i: number;
  product_known: boolean;
  product_name: string | null;
  product_form: string | null;
  product_strength: string | null;
  product_status: 'active' | 'withdrawn' | null;
  product_status_reason: string | null;
  brand_owner: string | null;
  epc: string | null;
  p_status: string | null;
  p_custodian: string | null;
  p_gtin: string | null;
  p_serial: string | null;
  p_lot: string | null;
  p_expiry: string | null;
  state: unknown;
  lot_status: 'active' | 'recalled' | null;
  lot_status_reason: string | null;
  custodian_role: string | null;
  custodian_name: string | null;
  latest_anchored: {
    recordId: string;
    txId: string | null;
    blockNumber: string | null;
    blockHash: string | null;
    anchoredAt: string | null;
  } | null;
  event_receipts: { recordId: string; recordHash: string; status: string }[] | null;
  applied_keys: string[] | null;
  alert_code: string | null;
  alert_nmvs_code: string | null;
}
