// Event families of the trace benchmark (see trace-seed.ts): each one INSERT … SELECT over generate_series.
import { LOT, MAKER, type SeedOptions } from './trace-seed-model';

export interface EventSpec {
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
export function insertEvents(spec: EventSpec): string {
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

/**
 * The lot's life: commissioning and checks at the plant, cases and pallets, shipping to the wholesalers,
 * checks there, cases shipped to pharmacies (5 % still on the road, 10 % still at the wholesaler),
 * checks, 40 % dispensed; and another lot of the product that never left the plant.
 */
export function eventFamilies(o: SeedOptions): [string, EventSpec][] {
  const pallets = o.packs / 2000;
  const M = `'${MAKER.gln}'`;
  const mLoc = `'${MAKER.sgln}'`;
  return [
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
}
