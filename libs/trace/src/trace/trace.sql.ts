/**
 * The whole chain of custody of one object in one statement (one round trip, one consistent snapshot).
 * Every part is an indexed lookup, so the cost follows the size of the answer, not of the tables:
 *
 * - `anc`: the containers the object travelled in, with the interval it was inside each (intervals of
 *   nested containers are intersected), from aggregation_history by child (btree);
 * - `des`: for a container, everything packed inside it while it was, by parent (btree), each with
 *   its current state by primary key (a lateral lookup: never a scan of packs);
 * - `hits`: the object's own events (epcs GIN, parent_id btree) and its containers' events inside the
 *   intervals (the same indexes, one lookup per container), nearest container first when an event is
 *   found twice;
 * - the object's ledger receipts (by subject: one index range, a few rows), matched to the events by
 *   record id (`${eventHash}#${epc}`, and the correction's `${eventHash}#error-declaration#${epc}`);
 * - handoffs by items GIN (a shipment lists every descendant of what was shipped; the item lists stay in
 *   the database, only this object's outcome comes back), and for a container
 *   the later shipments of its contents (one GIN scan for all of them, counted through a hashed set);
 * - alerts by epc and by lot.
 *
 * Run it with JIT off: the planner's row estimates for the recursive parts look expensive enough to
 * trigger JIT compilation, which costs ten times the query.
 *
 * Parameters: $1 the object's EPC URN.
 */
export const TRACE_SQL = `
with recursive
anc (parent_epc, child_epc, from_t, to_t, packed_event_id, unpacked_event_id, depth) as (
  select h.parent_epc, h.child_epc, h.packed_at, coalesce(h.unpacked_at, 'infinity'::timestamptz),
         h.packed_event_id, h.unpacked_event_id, 1
    from aggregation_history h where h.child_epc = $1
  union all
  select h.parent_epc, h.child_epc, greatest(a.from_t, h.packed_at),
         least(a.to_t, coalesce(h.unpacked_at, 'infinity'::timestamptz)),
         h.packed_event_id, h.unpacked_event_id, a.depth + 1
    from anc a join aggregation_history h on h.child_epc = a.parent_epc
   where h.packed_at <= a.to_t and coalesce(h.unpacked_at, 'infinity'::timestamptz) >= a.from_t
     and a.depth < 8
),
des (parent_epc, child_epc, from_t, to_t, depth) as (
  select h.parent_epc, h.child_epc, h.packed_at, coalesce(h.unpacked_at, 'infinity'::timestamptz), 1
    from aggregation_history h where h.parent_epc = $1
  union all
  select h.parent_epc, h.child_epc, greatest(d.from_t, h.packed_at),
         least(d.to_t, coalesce(h.unpacked_at, 'infinity'::timestamptz)), d.depth + 1
    from des d join aggregation_history h on h.parent_epc = d.child_epc
   where h.packed_at <= d.to_t and coalesce(h.unpacked_at, 'infinity'::timestamptz) >= d.from_t
     and d.depth < 8
),
hits (seq, via, depth) as (
  select e.seq, null::text, 0 from epcis_events e where e.epcs @> array[$1::text]
  union all
  select e.seq, null::text, 0 from epcis_events e where e.parent_id = $1
  union all
  select e.seq, a.parent_epc, a.depth
    from anc a
    join lateral (
      select x.seq, x.event_time from epcis_events x where x.epcs @> array[a.parent_epc]
      union all
      select x.seq, x.event_time from epcis_events x where x.parent_id = a.parent_epc
    ) e on e.event_time between a.from_t and a.to_t
),
picked as (select distinct on (seq) seq, via from hits order by seq, depth),
receipts as materialized (select * from ledger_receipts where subject = $1),
content_set as (select distinct child_epc as epc from des),
onward_ids as (
  select h.id, (select count(*) from unnest(h.items) i where i in (select epc from content_set)) as items
    from handoffs h
   where h.items && (select array_agg(epc) from content_set) and not h.items @> array[$1::text]
)
select
  (select json_build_object('kind', p.kind, 'state', p.state, 'updatedAt', p.updated_at)
     from packs p where p.epc = $1) as pack,
  (select json_build_object('status', l.status, 'setBy', l.status_set_by, 'setAt', l.status_set_at,
                            'reason', l.status_reason, 'recallId', l.recall_id)
     from packs p join lots l on l.gtin = p.gtin and l.lot = p.lot where p.epc = $1) as lot,
  (select json_build_object('status', pr.status)
     from packs p join products pr on pr.gtin = p.gtin where p.epc = $1) as product,
  (select json_agg(json_build_object('parent', a.parent_epc, 'child', a.child_epc, 'depth', a.depth,
                                     'from', a.from_t, 'until', nullif(a.to_t, 'infinity'::timestamptz),
                                     'packedEventId', a.packed_event_id,
                                     'unpackedEventId', a.unpacked_event_id)
                   order by a.from_t, a.depth)
     from anc a) as parents,
  (select json_agg(json_build_object('epc', d.child_epc, 'depth', d.depth, 'from', d.from_t,
                                     'until', nullif(d.to_t, 'infinity'::timestamptz),
                                     'status', p.status, 'custodian', p.custodian_gln,
                                     'location', p.location, 'parent', p.parent_epc, 'inTransitTo', p.transit_to)
                   order by d.depth, d.child_epc, d.from_t)
     from des d
     left join lateral (select status, custodian_gln, parent_epc, state->>'custodianLocation' as location,
                               state->'inTransit'->>'to' as transit_to
                          from packs where epc = d.child_epc limit 1) p on true) as contents,
  (select json_agg(json_build_object('eventId', e.event_id, 'eventHash', e.event_hash,
                                     'eventType', e.event_type, 'eventTime', e.event_time,
                                     'recordTime', e.record_time, 'bizStep', e.biz_step,
                                     'disposition', e.disposition, 'capturedBy', e.captured_by,
                                     'parties', e.parties, 'via', k.via, 'document', e.document,
                                     'receipt', to_json(r), 'correctionReceipt', to_json(c))
                   order by e.event_time, e.seq)
     from picked k
     join epcis_events e on e.seq = k.seq
     left join receipts r on r.record_id = e.event_hash || '#' || $1
     left join receipts c on c.record_id = e.event_hash || '#error-declaration#' || $1) as events,
  (select json_agg(json_build_object('state', h.state - 'items' - 'pending' - 'received' - 'voided',
                                     'outcome', case when h.state->'received' ? $1 then 'received'
                                                     when h.state->'voided' ? $1 then 'voided'
                                                     else 'pending' end)
                   order by h.shipped_at, h.id)
     from handoffs h where h.items @> array[$1::text]) as handoffs,
  (select json_agg(json_build_object('state', h.state - 'items' - 'pending' - 'received' - 'voided',
                                     'outcome', 'pending', 'items', o.items)
                   order by h.shipped_at, h.id)
     from onward_ids o join handoffs h on h.id = o.id) as onward,
  (select json_agg(json_build_object('id', al.id, 'code', al.code, 'severity', al.severity,
                                     'message', al.message, 'eventId', al.event_id,
                                     'createdAt', al.created_at, 'status', al.status,
                                     'involved', al.involved_glns)
                   order by al.created_at, al.id)
     from (select * from alerts where epc = $1
           union all
           -- Lot-level alerts (a recall notice) have no EPC.
           select * from alerts
            where epc is null and lot is not null
              and (gtin, lot) = (select gtin, lot from packs where epc = $1)) al) as alerts
`;
