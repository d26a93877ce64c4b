// Seeds a fresh schema for the verification benchmark: three participants, 100 products, 1,000 lots
// and N packs with one anchored ledger receipt each, the packs and receipts in ONE bulk statement
// (insert … select generate_series). Each pack's state is written in canonical JSON (keys sorted, no
// spaces) so its receipt's record_hash, sha256 of that text, is what the tamper check recomputes.
import { computeCheckDigit } from '@pharmatrace/gs1';
import { hashApiKey } from '@pharmatrace/auth';
import type { SqlClient } from '@pharmatrace/persistence';

export const BENCH = {
  manufacturer: '0614141000012',
  wholesaler: '4012345000016',
  pharmacy: '9520001000010',
  products: 100,
  lotsPerProduct: 10,
} as const;

/** GTIN of product k: indicator 1, company prefix 0614141, item reference k (5 digits). */
export function benchGtin(k: number): string {
  const body = `10614141${String(k).padStart(5, '0')}`;
  return `${body}${computeCheckDigit(body)}`;
}

/** What pack i (1-based) was seeded with: every request of the benchmark asks about a real pack. */
export function benchPack(i: number): { gtin: string; serial: string; lot: string; expiry: string } {
  const month = String(1 + (Math.floor(i / 1000) % 12)).padStart(2, '0');
  return {
    gtin: benchGtin(i % BENCH.products),
    serial: `S${String(i).padStart(9, '0')}`,
    lot: `L${String(Math.floor(i / 100) % BENCH.lotsPerProduct).padStart(2, '0')}`,
    expiry: `28${month}28`,
  };
}

const PACKS_SQL = `
with src as (
  select i, pr.gtin, 'L' || lpad(((i / 100) % $2)::text, 2, '0') as lot,
         'S' || lpad(i::text, 9, '0') as serial,
         '2028-' || lpad((1 + (i / 1000) % 12)::text, 2, '0') || '-28' as expiry,
         'ni:///sha-256;' || encode(sha256(convert_to('commission-' || i, 'UTF8')), 'hex') || '?ver=CBV2.0' as ehash,
         'urn:uuid:00000000-0000-4000-8000-' || lpad(i::text, 12, '0') as eid
    from generate_series(1, $1::int) i
    join (select gtin, (row_number() over (order by gtin) - 1)::int as k from products) pr on pr.k = i % $3
), doc as (
  select src.*, 'urn:epc:id:sgtin:0614141.' || substr(gtin, 1, 1) || substr(gtin, 9, 5) || '.' || serial as epc
    from src
), canon as (
  select doc.*, '{"custodian":"${BENCH.wholesaler}","epc":"' || epc || '","expiry":"' || expiry || '","gtin":"' || gtin
     || '","kind":"item","lastEvent":{"hash":"' || ehash || '","id":"' || eid || '","time":"2026-03-01T08:00:00.000Z"}'
     || ',"lot":"' || lot || '","owner":"${BENCH.manufacturer}","serial":"' || serial || '","status":"active","version":1}'
       as canonical
    from doc
), packs_in as (
  insert into packs (epc, kind, gtin, serial, lot, expiry, owner_gln, status, custodian_gln, last_event_id,
                     updated_at, version, state)
  select epc, 'item', gtin, serial, lot, expiry::date, '${BENCH.manufacturer}', 'active', '${BENCH.wholesaler}', eid,
         '2026-03-01T08:00:00.000Z', 1, canonical::jsonb
    from canon
)
insert into ledger_receipts (record_id, subject, record_hash, tx_id, block_number, block_hash, status, anchored_at)
select ehash || '#' || epc, epc, encode(sha256(convert_to(canonical, 'UTF8')), 'hex'), md5('tx' || i),
       1000 + i / 500, md5('block' || (i / 500)), 'anchored', '2026-03-01T08:05:00.000Z'
  from canon`;

/** The API keys of the pharmacy (an audited reader: not the custodian) and the wholesaler (custodian). */
export function benchKeys(packs: number): { pharmacyKey: string; wholesalerKey: string } {
  return { pharmacyKey: `pt_bench_pharmacy_${packs}`, wholesalerKey: `pt_bench_wholesaler_${packs}` };
}

/** Seeds everything; returns the API keys. */
export async function seedVerificationBench(
  sql: SqlClient,
  packs: number,
): Promise<{ pharmacyKey: string; wholesalerKey: string }> {
  await sql.query(
    `insert into participants (gln, name, role, company_prefixes) values
       ($1, 'Bench Pharma', 'manufacturer', '{0614141}'),
       ($2, 'Bench Wholesale', 'distributor', '{4012345}'),
       ($3, 'Bench Pharmacy', 'pharmacy', '{9520001}')`,
    [BENCH.manufacturer, BENCH.wholesaler, BENCH.pharmacy],
  );
  const gtins = Array.from({ length: BENCH.products }, (_, k) => benchGtin(k));
  await sql.query(
    `insert into products (gtin, owner_gln, name) select g, $2, 'Bench product ' || g from unnest($1::text[]) g`,
    [gtins, BENCH.manufacturer],
  );
  await sql.query(
    `insert into lots (gtin, lot, status)
     select g, 'L' || lpad(k::text, 2, '0'), 'active' from unnest($1::text[]) g, generate_series(0, $2::int - 1) k`,
    [gtins, BENCH.lotsPerProduct],
  );
  await sql.query(PACKS_SQL, [packs, BENCH.lotsPerProduct, BENCH.products]);
  await sql.query('analyze packs, ledger_receipts, products, lots, participants');
  const { pharmacyKey, wholesalerKey } = benchKeys(packs);
  await sql.query(
    `insert into api_keys (id, gln, key_hash, label) values
       (gen_random_uuid(), $1, $2, 'bench'), (gen_random_uuid(), $3, $4, 'bench')`,
    [BENCH.pharmacy, hashApiKey(pharmacyKey), BENCH.wholesaler, hashApiKey(wholesalerKey)],
  );
  return { pharmacyKey, wholesalerKey };
}
