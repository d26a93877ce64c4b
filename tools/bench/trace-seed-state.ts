// Pack states, aggregation history, handoffs, receipts and alerts of the trace benchmark (see trace-seed.ts).
import { GTIN, LOT, MAKER, type SeedOptions } from './trace-seed-model';

export type Timed = (name: string, sql: string, params?: unknown[]) => Promise<void>;

/** Pack states, aggregation history, handoffs, ledger receipts and some alerts, consistent with the events. */
export async function seedState(timed: Timed, o: SeedOptions): Promise<void> {
  const pallets = o.packs / 2000;
  const item = (status: string, extra: string, time: string, lastKey: string) => `
    jsonb_strip_nulls(jsonb_build_object('epc', b_pack(i), 'kind', 'item', 'gtin', '${GTIN}',
      'serial', 'S' || lpad(i::text, 7, '0'), 'lot', '${LOT}', 'expiry', '2028-06-30', 'owner', '${MAKER.gln}',
      'status', ${status}, 'version', 8, 'lastEvent', jsonb_build_object('id', b_id(${lastKey}),
      'hash', b_hash(${lastKey}), 'time', b_iso(${time}))) || ${extra})`;
  await timed(
    'packs',
    `insert into packs (epc, kind, gtin, serial, lot, expiry, owner_gln, status, custodian_gln, parent_epc,
                        last_event_id, updated_at, version, state)
     select b_pack(i), 'item', '${GTIN}', 'S' || lpad(i::text, 7, '0'), '${LOT}', date '2028-06-30',
            '${MAKER.gln}', st, cust, parent, b_id(lk), lt, 8,
            ${item('st', 'extra', 'lt', 'lk')}
       from (select i, case when dispensed then 'dispensed' when state = 't' then 'in_transit' else 'active' end as st,
                    case when state = 'd' then ph_gln else w_gln end as cust,
                    case when state = 'd' then null else b_case(c) end as parent,
                    case when dispensed then 'd:' || i when state = 'd' then 'u:' || c
                         when state = 't' then 'sc:' || c else 'up:' || p end as lk,
                    case when dispensed then b_t(1000000 + i) when state = 'd' then b_t(850000 + c * 10)
                         when state = 't' then b_t(700000 + c * 10) else b_t(550000 + p * 60) end as lt,
                    jsonb_strip_nulls(jsonb_build_object(
                      'custodian', case when state = 'd' then ph_gln else w_gln end,
                      'custodianLocation', case when state = 'd' then ph_sgln else w_sgln end,
                      'parent', case when state = 'd' then null else b_case(c) end,
                      'inTransit', case when state = 't' then jsonb_build_object('from', w_gln, 'to', ph_gln,
                                        'shipmentEventId', b_id('sc:' || c)) end,
                      'decommission', case when dispensed then jsonb_build_object('status', 'dispensed',
                                        'by', ph_gln, 'location', ph_sgln, 'time', b_iso(b_t(1000000 + i)),
                                        'eventId', b_id('d:' || i)) end)) as extra
               from b_pack_plan) x;
     insert into packs (epc, kind, gtin, serial, lot, expiry, owner_gln, status, custodian_gln, last_event_id,
                        updated_at, version, state)
     select e, 'item', '${GTIN}', s, 'LOT-OTHER', date '2028-06-30', '${MAKER.gln}', 'active', '${MAKER.gln}',
            b_id('x:' || i || ':0'), b_t(2000000 + i), 1,
            jsonb_build_object('epc', e, 'kind', 'item', 'gtin', '${GTIN}', 'serial', s, 'lot', 'LOT-OTHER',
              'expiry', '2028-06-30', 'owner', '${MAKER.gln}', 'status', 'active', 'custodian', '${MAKER.gln}',
              'version', 1, 'lastEvent', jsonb_build_object('id', b_id('x:' || i || ':0'),
              'hash', b_hash('x:' || i || ':0'), 'time', b_iso(b_t(2000000 + i))))
       from (select i, 'urn:epc:id:sgtin:0614141.107346.N' || lpad(i::text, 7, '0') as e,
                    'N' || lpad(i::text, 7, '0') as s from generate_series(1, ${o.otherPacks}) i) x;
     insert into packs (epc, kind, owner_gln, status, custodian_gln, last_event_id, updated_at, version, state)
     select epc, 'container', '${MAKER.gln}', st, cust, b_id(lk), b_t(1), 5,
            jsonb_strip_nulls(jsonb_build_object('epc', epc, 'kind', 'container', 'owner', '${MAKER.gln}',
              'status', st, 'custodian', cust, 'version', 5, 'inTransit', transit,
              'lastEvent', jsonb_build_object('id', b_id(lk), 'hash', b_hash(lk), 'time', b_iso(b_t(1)))))
       from (select b_case(c) as epc, case when state = 't' then 'in_transit' else 'active' end as st,
                    case when state = 'd' then ph_gln else w_gln end as cust, 'sc:' || c as lk,
                    case when state = 't' then jsonb_build_object('from', w_gln, 'to', ph_gln,
                         'shipmentEventId', b_id('sc:' || c)) end as transit from b_case_plan
             union all
             select distinct b_pallet(p), 'active', w_gln, 'up:' || p, null::jsonb from b_case_plan) x`,
  );
  await timed(
    'aggregation history',
    `insert into aggregation_history (parent_epc, child_epc, packed_event_id, packed_at, unpacked_event_id, unpacked_at)
     select b_case(c), b_pack(i), b_id('a:' || c), b_t(250000 + c * 10),
            case when state = 'd' then b_id('u:' || c) end, case when state = 'd' then b_t(850000 + c * 10) end
       from b_pack_plan;
     insert into aggregation_history (parent_epc, child_epc, packed_event_id, packed_at, unpacked_event_id, unpacked_at)
     select b_pallet(p), b_case(c), b_id('pl:' || p), b_t(300000 + p * 60), b_id('up:' || p), b_t(550000 + p * 60)
       from b_case_plan`,
  );
  /** A Handoff state (libs/custody) from SQL expressions: everything received, or everything pending. */
  const handoff = (id: string, status: string, shipped: string, closed: string) => `
    jsonb_strip_nulls(jsonb_build_object('id', ${id}, 'from', f, 'to', t, 'shippedAt', b_iso(${shipped}),
      'status', ${status}, 'items', to_jsonb(items),
      'pending', case when ${status} = 'open' then to_jsonb(items) else '[]'::jsonb end,
      'received', case when ${status} = 'open' then '[]'::jsonb else to_jsonb(items) end,
      'voided', '[]'::jsonb, 'version', 1, 'closedAt', ${closed}))`;
  await timed(
    'handoffs',
    `insert into handoffs (id, from_gln, to_gln, status, shipped_at, closed_at, items, state)
     select b_id('sp:' || p), f, t, 'verified', b_t(400000 + p * 60), b_t(500000 + p * 60), items,
            ${handoff(`b_id('sp:' || p)`, `'verified'`, 'b_t(400000 + p * 60)', 'b_iso(b_t(500000 + p * 60))')}
       from (select p, '${MAKER.gln}' as f, min(w_gln) as t,
                    array[b_pallet(p)] || array_agg(b_case(c) order by c)
                      || (select array_agg(b_pack(n) order by n) from generate_series((p - 1) * 2000 + 1, p * 2000) n)
                      as items
               from b_case_plan where p <= ${pallets} group by p) x;
     insert into handoffs (id, from_gln, to_gln, status, shipped_at, closed_at, items, state)
     select b_id('sc:' || c), f, t, st, b_t(700000 + c * 10), closed, items,
            ${handoff(`b_id('sc:' || c)`, 'st', 'b_t(700000 + c * 10)', 'b_iso(closed)')}
       from (select c, w_gln as f, ph_gln as t, case when state = 'd' then 'verified' else 'open' end as st,
                    case when state = 'd' then b_t(800000 + c * 10) end as closed,
                    array[b_case(c)] || array(select b_pack(n) from generate_series((c - 1) * 100 + 1, c * 100) n) as items
               from b_case_plan where state <> 'w') x`,
  );
  await timed(
    'ledger receipts, alerts',
    `insert into ledger_receipts (record_id, subject, record_hash, tx_id, block_number, block_hash, status, anchored_at)
     select b_hash(k) || '#' || b_pack(i), b_pack(i), md5(k || 'state'), md5(k || 'tx'), i / 500,
            md5((i / 500)::text), 'anchored', b_t(s + 5)
       from (select i, 'c:' || i as k, i::double precision as s from b_pack_plan
             union all select i, 'sp:' || p, 400000 + p * 60 from b_pack_plan
             union all select i, 'd:' || i, 1000000 + i from b_pack_plan where dispensed) x;
     insert into alerts (id, code, severity, message, epc, gtin, lot, event_id, participant_gln, involved_glns, created_at)
     select md5('alert' || i), 'COLD_CHAIN_EXCURSION', 'warning', 'Temperature 31CEL outside 2..25', b_pack(i),
            '${GTIN}', '${LOT}', b_id('o:' || i || ':3'), w_gln, array['${MAKER.gln}', w_gln], b_t(600000 + i)
       from b_pack_plan where i % 100 = 7`,
  );
}
