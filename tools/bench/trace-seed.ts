// Bulk seeding for tools/bench/trace.bench.ts: a three-tier network and one lot of N packs with its whole
// history (≈10 events per pack), written with INSERT … SELECT generate_series, never row by row.
import type { Client } from 'pg';
import { eventFamilies, insertEvents } from './trace-seed-events';
import { seedState } from './trace-seed-state';
import { gln, GTIN, MAKER, REGULATOR_GLN, type SeedOptions } from './trace-seed-model';

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

/** Seeds everything; `step` reports progress (name, rows, ms). Returns the number of events written. */
export async function seedTraceData(
  client: Client,
  o: SeedOptions,
  step: (name: string, ms: number) => void,
): Promise<{ events: number; packs: number }> {
  const cases = o.packs / 100;
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
  for (const [name, spec] of eventFamilies(o)) await timed(`events: ${name}`, insertEvents(spec));
  await seedState(timed, o);
  const [counts] = (
    await client.query<{ events: number; packs: number }>(
      `select (select count(*)::int from epcis_events) as events, (select count(*)::int from packs) as packs`,
    )
  ).rows;
  return counts ?? { events: 0, packs: 0 };
}
