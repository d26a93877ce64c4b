// Bulk seeding for tools/bench/trace.bench.ts: a three-tier network and one lot of N packs with its whole
// history (≈10 events per pack), written with INSERT … SELECT generate_series, never row by row.
import type { Client } from 'pg';
import { computeCheckDigit } from '@pharmatrace/gs1';

export interface SeedOptions {
  /** Packs of the recalled lot (a multiple of 2,000: 100 per case, 20 cases per pallet). */
  packs: number;
  /** Observation events per pack besides commissioning and dispensing (verification scans, storing…). */
  observations: number;
  /** Packs of another lot of the same product (commissioned, not shipped): data the report must skip. */
  otherPacks: number;
  wholesalers: number;
  pharmacies: number;
}

export const GTIN = '10614141073464';
export const LOT = 'LOT-BENCH';
export const MAKER = {
  gln: gln('0614141', '00001'),
  sgln: 'urn:epc:id:sgln:0614141.00001.0',
  prefix: '0614141',
};
export const REGULATOR_GLN = gln('9520005', '00001');
export const packEpc = (i: number) => `urn:epc:id:sgtin:0614141.107346.S${String(i).padStart(7, '0')}`;
export const caseEpc = (c: number) => `urn:epc:id:sscc:0614141.1${String(c).padStart(9, '0')}`;
export const palletEpc = (p: number) => `urn:epc:id:sscc:0614141.2${String(p).padStart(9, '0')}`;

function gln(prefix: string, location: string): string {
  return `${prefix}${location}${computeCheckDigit(`${prefix}${location}`)}`;
}

function party(prefix: string, role: string, name: string) {
  const [a, b] = [prefix, '00001'];
  return {
    gln: gln(a, b),
    sgln: `urn:epc:id:sgln:${a}.${b}.0`,
    pgln: `urn:epc:id:pgln:${a}.${b}`,
    role,
    name,
  };
}

/** SQL helpers living in the bench schema (dropped with it): ids, hashes, times and EPCs from numbers. */
const FUNCTIONS = `
  create function b_hash(k text) returns text language sql immutable as
    $$ select 'ni:///sha-256;' || md5(k) || md5(k || '#') || '?ver=CBV2.0' $$;
  create function b_id(k text) returns text language sql immutable as $$ select 'urn:uuid:' || md5(k)::uuid::text $$;
  create function b_t(s double precision) returns timestamptz language sql immutable as
    $$ select timestamptz '2026-01-01 00:00:00+00' + make_interval(secs => s) $$;
  create function b_iso(t timestamptz) returns text language sql stable as
    $$ select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
  create function b_pack(i int) returns text language sql immutable as
    $$ select 'urn:epc:id:sgtin:0614141.107346.S' || lpad(i::text, 7, '0') $$;
  create function b_case(c int) returns text language sql immutable as
    $$ select 'urn:epc:id:sscc:0614141.1' || lpad(c::text, 9, '0') $$;
  create function b_pallet(p int) returns text language sql immutable as
    $$ select 'urn:epc:id:sscc:0614141.2' || lpad(p::text, 9, '0') $$;`;

interface EventSpec {
  /** FROM clause producing the columns used below. */
  from: string;
  key: string;
  type: 'ObjectEvent' | 'AggregationEvent';
  time: string;
  action: string;
  bizStep: string;
  disposition: string | null;
  location: string;
  capturedBy: string;
  parties: string;
  epcs: string;
  parent?: string;
  destination?: string;
  ilmd?: boolean;
}

/** One INSERT … SELECT of a family of events, documents built in SQL in the canonical EPCIS form. */
function insertEvents(spec: EventSpec): string {
  const list = spec.type === 'AggregationEvent' ? 'childEPCs' : 'epcList';
  const lit = (value: string | null) => (value === null ? 'null::text' : `'${value}'`);
  return `
    insert into epcis_events (event_hash, event_id, event_type, event_time, record_time, action, biz_step,
                              disposition, read_point, biz_location, parent_id, epcs, parties, captured_by, document)
    select b_hash(k), b_id(k), '${spec.type}', t, t + interval '1 second', '${spec.action}', '${spec.bizStep}',
           ${lit(spec.disposition)}, loc, loc, parent, epcs, parties, captured_by,
           jsonb_strip_nulls(jsonb_build_object(
             'type', '${spec.type}', 'eventID', b_id(k), 'eventHash', b_hash(k), 'eventTime', b_iso(t),
             'eventTimeZoneOffset', '+00:00', '${list}', to_jsonb(epcs), 'parentID', parent,
             'action', '${spec.action}', 'bizStep', '${spec.bizStep}', 'disposition', ${lit(spec.disposition)},
             'readPoint', loc, 'bizLocation', loc,
             'destinationList', case when dest is null then null
                                else jsonb_build_array(jsonb_build_object('type', 'owning_party', 'value', dest)) end,
             'ilmd', case when ${spec.ilmd ? 'true' : 'false'}
                     then jsonb_build_object('cbvmda:lotNumber', lot, 'cbvmda:itemExpirationDate', '2028-06-30') end))
      from (select ${spec.key} as k, ${spec.time} as t, ${spec.location} as loc, ${spec.parent ?? 'null::text'} as parent,
                   ${spec.epcs} as epcs, ${spec.parties} as parties, ${spec.capturedBy} as captured_by,
                   ${spec.destination ?? 'null::text'} as dest, ${spec.ilmd ? `'${LOT}'::text` : 'null::text'} as lot
              from ${spec.from}) x`;
}

/** Seeds everything; `step` reports progress (name, rows, ms). Returns the number of events written. */
export async function seedTraceData(
  client: Client,
  o: SeedOptions,
  step: (name: string, ms: number) => void,
): Promise<{ events: number; packs: number }> {
  const cases = o.packs / 100;
  const pallets = cases / 20;
  const timed = async (name: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    await client.query(sql, params);
    step(name, Date.now() - started);
  };
  const wholesalers = Array.from({ length: o.wholesalers }, (_, k) =>
    party(`401234${k + 1}`, 'distributor', `Wholesaler ${k + 1}`),
  );
  const pharmacies = Array.from({ length: o.pharmacies }, (_, k) =>
    party(`95${String(k + 1).padStart(5, '0')}`, 'pharmacy', `Pharmacy ${k + 1}`),
  );
  await client.query(FUNCTIONS);
  await client.query(
    `create table b_party as select * from jsonb_to_recordset($1::jsonb)
       as x(kind text, k int, gln text, sgln text, pgln text, role text, name text)`,
    [
      JSON.stringify([
        ...wholesalers.map((w, k) => ({ kind: 'w', k: k + 1, ...w })),
        ...pharmacies.map((p, k) => ({ kind: 'p', k: k + 1, ...p })),
      ]),
    ],
  );
  await timed(
    'participants, product, plan tables',
    `insert into participants (gln, name, role, company_prefixes) values
       ('${MAKER.gln}', 'Maker', 'manufacturer', '{0614141}'), ('${REGULATOR_GLN}', 'Agency', 'regulator', '{}');
     insert into participant_locations (sgln, gln, name) values ('${MAKER.sgln}', '${MAKER.gln}', 'Plant');
     insert into products (gtin, owner_gln, name) values ('${GTIN}', '${MAKER.gln}', 'Amoxicillin 500 mg');
     insert into participants (gln, name, role, company_prefixes)
       select gln, name, role, array[substr(gln, 1, 7)] from b_party;
     insert into participant_locations (sgln, gln, name) select sgln, gln, name || ' site' from b_party;
     create table b_case_plan as
       select c, (c - 1) / 20 + 1 as p, w.gln as w_gln, w.sgln as w_sgln, w.pgln as w_pgln,
              ph.gln as ph_gln, ph.sgln as ph_sgln, ph.pgln as ph_pgln,
              case when c % 10 = 0 then 'w' when c % 20 = 5 then 't' else 'd' end as state
         from generate_series(1, ${cases}) c
         join b_party w on w.kind = 'w' and w.k = ((c - 1) / 20) % ${o.wholesalers} + 1
         join b_party ph on ph.kind = 'p' and ph.k = (c - 1) % ${o.pharmacies} + 1;
     create table b_pack_plan as
       select i, cp.*, (cp.state = 'd' and i % 5 < 2) as dispensed
         from generate_series(1, ${o.packs}) i join b_case_plan cp on cp.c = (i - 1) / 100 + 1;`,
  );
  const M = `'${MAKER.gln}'`;
  const mLoc = `'${MAKER.sgln}'`;
  const families: [string, EventSpec][] = [
    [
      'commissioning',
      {
        from: `b_pack_plan`,
        key: `'c:' || i`,
        type: 'ObjectEvent',
        time: `b_t(i)`,
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        location: mLoc,
        capturedBy: M,
        parties: `array[${M}]`,
        epcs: `array[b_pack(i)]`,
        ilmd: true,
      },
    ],
    [
      'inspections at the plant',
      {
        from: `b_pack_plan, generate_series(1, 2) j`,
        key: `'o:' || i || ':' || j`,
        type: 'ObjectEvent',
        time: `b_t(100000 + i + j * 0.1)`,
        action: 'OBSERVE',
        bizStep: 'inspecting',
        disposition: 'active',
        location: mLoc,
        capturedBy: M,
        parties: `array[${M}]`,
        epcs: `array[b_pack(i)]`,
      },
    ],
    [
      'packing cases',
      {
        from: `b_case_plan`,
        key: `'a:' || c`,
        type: 'AggregationEvent',
        time: `b_t(250000 + c * 10)`,
        action: 'ADD',
        bizStep: 'packing',
        disposition: 'in_progress',
        location: mLoc,
        capturedBy: M,
        parties: `array[${M}]`,
        parent: `b_case(c)`,
        epcs: `array(select b_pack(n) from generate_series((c - 1) * 100 + 1, c * 100) n)`,
      },
    ],
    [
      'palletising',
      {
        from: `generate_series(1, ${pallets}) p`,
        key: `'pl:' || p`,
        type: 'AggregationEvent',
        time: `b_t(300000 + p * 60)`,
        action: 'ADD',
        bizStep: 'packing',
        disposition: 'in_progress',
        location: mLoc,
        capturedBy: M,
        parties: `array[${M}]`,
        parent: `b_pallet(p)`,
        epcs: `array(select b_case(n) from generate_series((p - 1) * 20 + 1, p * 20) n)`,
      },
    ],
    [
      'shipping pallets',
      {
        from: `(select distinct p, w_gln, w_sgln, w_pgln from b_case_plan) x`,
        key: `'sp:' || p`,
        type: 'ObjectEvent',
        time: `b_t(400000 + p * 60)`,
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        location: mLoc,
        capturedBy: M,
        parties: `array[${M}, w_gln]`,
        epcs: `array[b_pallet(p)]`,
        destination: 'w_pgln',
      },
    ],
    [
      'receiving pallets',
      {
        from: `(select distinct p, w_gln, w_sgln from b_case_plan) x`,
        key: `'rp:' || p`,
        type: 'ObjectEvent',
        time: `b_t(500000 + p * 60)`,
        action: 'OBSERVE',
        bizStep: 'receiving',
        disposition: 'in_progress',
        location: 'w_sgln',
        capturedBy: 'w_gln',
        parties: `array[w_gln]`,
        epcs: `array[b_pallet(p)]`,
      },
    ],
    [
      'unpalletising',
      {
        from: `(select distinct p, w_gln, w_sgln from b_case_plan) x`,
        key: `'up:' || p`,
        type: 'AggregationEvent',
        time: `b_t(550000 + p * 60)`,
        action: 'DELETE',
        bizStep: 'unpacking',
        disposition: null,
        location: 'w_sgln',
        capturedBy: 'w_gln',
        parties: `array[w_gln]`,
        parent: `b_pallet(p)`,
        epcs: `array(select b_case(n) from generate_series((p - 1) * 20 + 1, p * 20) n)`,
      },
    ],
    [
      'inspections at wholesalers',
      {
        from: `b_pack_plan, generate_series(3, 5) j`,
        key: `'o:' || i || ':' || j`,
        type: 'ObjectEvent',
        time: `b_t(600000 + i * 0.5 + j * 0.01)`,
        action: 'OBSERVE',
        bizStep: 'inspecting',
        disposition: 'active',
        location: 'w_sgln',
        capturedBy: 'w_gln',
        parties: `array[w_gln]`,
        epcs: `array[b_pack(i)]`,
      },
    ],
    [
      'shipping cases',
      {
        from: `b_case_plan where state <> 'w'`,
        key: `'sc:' || c`,
        type: 'ObjectEvent',
        time: `b_t(700000 + c * 10)`,
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        location: 'w_sgln',
        capturedBy: 'w_gln',
        parties: `array[w_gln, ph_gln]`,
        epcs: `array[b_case(c)]`,
        destination: 'ph_pgln',
      },
    ],
    [
      'receiving cases',
      {
        from: `b_case_plan where state = 'd'`,
        key: `'rc:' || c`,
        type: 'ObjectEvent',
        time: `b_t(800000 + c * 10)`,
        action: 'OBSERVE',
        bizStep: 'receiving',
        disposition: 'in_progress',
        location: 'ph_sgln',
        capturedBy: 'ph_gln',
        parties: `array[ph_gln]`,
        epcs: `array[b_case(c)]`,
      },
    ],
    [
      'unpacking cases',
      {
        from: `b_case_plan where state = 'd'`,
        key: `'u:' || c`,
        type: 'AggregationEvent',
        time: `b_t(850000 + c * 10)`,
        action: 'DELETE',
        bizStep: 'unpacking',
        disposition: null,
        location: 'ph_sgln',
        capturedBy: 'ph_gln',
        parties: `array[ph_gln]`,
        parent: `b_case(c)`,
        epcs: `array(select b_pack(n) from generate_series((c - 1) * 100 + 1, c * 100) n)`,
      },
    ],
    [
      'inspections downstream',
      {
        from: `b_pack_plan, generate_series(6, ${o.observations}) j where state <> 't'`,
        key: `'o:' || i || ':' || j`,
        type: 'ObjectEvent',
        time: `b_t(900000 + i * 0.5 + j * 0.01)`,
        action: 'OBSERVE',
        bizStep: 'inspecting',
        disposition: 'active',
        location: `case when state = 'd' then ph_sgln else w_sgln end`,
        capturedBy: `case when state = 'd' then ph_gln else w_gln end`,
        parties: `array[case when state = 'd' then ph_gln else w_gln end]`,
        epcs: `array[b_pack(i)]`,
      },
    ],
    [
      'dispensing',
      {
        from: `b_pack_plan where dispensed`,
        key: `'d:' || i`,
        type: 'ObjectEvent',
        time: `b_t(1000000 + i)`,
        action: 'OBSERVE',
        bizStep: 'dispensing',
        disposition: 'dispensed',
        location: 'ph_sgln',
        capturedBy: 'ph_gln',
        parties: `array[ph_gln]`,
        epcs: `array[b_pack(i)]`,
      },
    ],
    [
      'other lot: commissioning and inspections',
      {
        from: `generate_series(1, ${o.otherPacks}) i, generate_series(0, 3) j`,
        key: `'x:' || i || ':' || j`,
        type: 'ObjectEvent',
        time: `b_t(2000000 + i + j * 0.1)`,
        action: 'OBSERVE',
        bizStep: 'inspecting',
        disposition: 'active',
        location: mLoc,
        capturedBy: M,
        parties: `array[${M}]`,
        epcs: `array['urn:epc:id:sgtin:0614141.107346.N' || lpad(i::text, 7, '0')]`,
      },
    ],
  ];
  for (const [name, spec] of families) await timed(`events: ${name}`, insertEvents(spec));
  await seedState(timed, o);
  const [counts] = (
    await client.query<{ events: number; packs: number }>(
      `select (select count(*)::int from epcis_events) as events, (select count(*)::int from packs) as packs`,
    )
  ).rows;
  return counts ?? { events: 0, packs: 0 };
}

type Timed = (name: string, sql: string, params?: unknown[]) => Promise<void>;

/** Pack states, aggregation history, handoffs, ledger receipts and some alerts, consistent with the events. */
async function seedState(timed: Timed, o: SeedOptions): Promise<void> {
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
