// Recall report and single-object trace latency on one lot of 100,000 packs across three tiers
// (manufacturer → 4 wholesalers → 50 pharmacies, > 1,000,000 events), on the real PostgreSQL.
//
//   node -e "require('./tools/bin/run-ts.js')('tools/bench/trace.bench.ts')" -- \
//     [--packs 100000] [--observations 9] [--other-packs 20000] [--reps 10] [--traces 200]
//     [--keep] [--reuse bench_trace_…]   (keep the seeded schema; measure a kept one again)
//
// Seeds a fresh schema with bulk INSERT … SELECT (secondary indexes dropped during the load and built
// after), then measures through the HTTP layer in process (Fastify inject: auth, access rules, audit,
// JSON serialisation) and, for the report, the query alone. 127.0.0.1 only; the schema is dropped.
import { cpus, loadavg } from 'node:os';
import { Module, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { ApiKeyService } from '@pharmatrace/auth';
import { MasterDataModule } from '@pharmatrace/master-data';
import type { EventLog } from '@pharmatrace/messaging';
import { openDatabase, type Database } from '@pharmatrace/persistence';
import { createHttpApp, PLATFORM_MIGRATIONS, RuntimeModule } from '@pharmatrace/runtime';
import { engineSettings, uniqueName } from '@pharmatrace/testing';
import { TraceModule } from '@pharmatrace/trace';
import { RecallReportRepository } from '../../libs/trace/src/recall/recall-report.repository';
import { seedTraceData } from './trace-seed';
import { caseEpc, GTIN, LOT, MAKER, packEpc, palletEpc, REGULATOR_GLN } from './trace-seed-model';

interface Options {
  packs: number;
  observations: number;
  otherPacks: number;
  reps: number;
  traces: number;
  keep: boolean;
  /** An already seeded schema (kept by an earlier --keep run) to measure again without seeding. */
  reuse: string | undefined;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number, max: number) => {
    const index = argv.indexOf(flag);
    const n = index >= 0 ? Number(argv[index + 1]) : fallback;
    if (!Number.isInteger(n) || n < 0 || n > max)
      throw new Error(`${flag} must be an integer from 0 to ${max}`);
    return n;
  };
  const options = {
    packs: value('--packs', 100_000, 1_000_000),
    observations: value('--observations', 9, 20),
    otherPacks: value('--other-packs', 20_000, 1_000_000),
    reps: Math.max(1, value('--reps', 10, 100)),
    traces: Math.max(1, value('--traces', 200, 5_000)),
    keep: argv.includes('--keep'),
    reuse: argv.includes('--reuse') ? argv[argv.indexOf('--reuse') + 1] : undefined,
  };
  if (options.reuse !== undefined && !/^bench_trace_[a-z0-9_]+$/.test(options.reuse)) {
    throw new Error('--reuse takes the name of a schema an earlier run kept (bench_trace_…)');
  }
  if (options.packs < 2_000 || options.packs % 2_000 !== 0)
    throw new Error('--packs must be a multiple of 2000');
  if (options.observations < 5) throw new Error('--observations must be at least 5');
  return options;
}

/** The trace module never touches the event log; the bench gives it one that refuses to be used. */
const unusedLog: EventLog = {
  ensureTopics: () => Promise.resolve(),
  publish: () => Promise.reject(new Error('the trace bench publishes nothing')),
  consume: () => Promise.reject(new Error('the trace bench consumes nothing')),
  close: () => Promise.resolve(),
};

@Module({})
class TraceBenchModule {
  static with(database: Database): DynamicModule {
    return {
      module: TraceBenchModule,
      imports: [RuntimeModule.forRoot({ database, eventLog: unusedLog }), MasterDataModule, TraceModule],
    };
  }
}

/** Builds the secondary indexes after the load instead of maintaining them row by row. */
async function withoutSecondaryIndexes(client: Client, schema: string, load: () => Promise<void>) {
  const tables = ['epcis_events', 'packs', 'aggregation_history', 'handoffs', 'ledger_receipts', 'alerts'];
  const { rows } = await client.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = $1 and i.tablename = any($2::text[])
        and not exists (select 1 from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                         where n.nspname = $1 and c.conname = i.indexname)`,
    [schema, tables],
  );
  for (const { indexname } of rows) await client.query(`drop index "${indexname}"`);
  await load();
  for (const { indexname, indexdef } of rows) {
    const started = Date.now();
    await client.query(indexdef);
    console.log(`  index ${indexname}: ${Date.now() - started} ms`);
  }
  const started = Date.now();
  await client.query(`analyze`);
  console.log(`  analyze: ${Date.now() - started} ms`);
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { n: sorted.length, 'p50 ms': round(at(0.5)), 'p95 ms': round(at(0.95)), 'max ms': round(at(1)) };
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function measure(app: NestFastifyApplication, database: Database, options: Options) {
  const keys = app.get(ApiKeyService);
  const maker = (await keys.issue(MAKER.gln, 'bench')).key;
  const regulator = (await keys.issue(REGULATOR_GLN, 'bench')).key;
  const get = (url: string, key = regulator) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  const [issueMs, issued] = await time(() =>
    app.inject({
      method: 'POST',
      url: '/v1/recalls',
      headers: { authorization: `Bearer ${maker}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ gtin: GTIN, lots: [LOT], reason: 'benchmark', class: 'II' }),
    }),
  );
  let id = (JSON.parse(issued.body) as { id?: string }).id;
  if (issued.statusCode === 409) {
    // A reused schema: the lot was recalled by the earlier run.
    const [lot] = await database.sql.query<{ recall_id: string }>(
      `select recall_id from lots where gtin = $1 and lot = $2`,
      [GTIN, LOT],
    );
    id = lot?.recall_id;
  } else if (issued.statusCode !== 201) throw new Error(`recall failed: ${issued.body}`);
  if (!id) throw new Error('no recall to report on');
  const results: Record<string, ReturnType<typeof stats> & { note?: string }> = {
    'POST /v1/recalls (issue, notify holders)': { ...stats([issueMs]) },
  };

  const reports = new RecallReportRepository(database);
  const lots = [LOT];
  for (let i = 0; i < 2; i++) await get(`/v1/recalls/${id}`); // warm-up
  const query: number[] = [];
  const json: number[] = [];
  const csv: number[] = [];
  let packs = 0;
  let bytes = 0;
  let csvBytes = 0;
  for (let i = 0; i < options.reps; i++) {
    const [q, rows] = await time(() => reports.load(GTIN, lots, [], undefined));
    query.push(q);
    packs = rows.groups.reduce((n, group) => n + group.n, 0);
    const [j, response] = await time(() => get(`/v1/recalls/${id}`));
    if (response.statusCode !== 200) throw new Error(`report failed: ${response.statusCode}`);
    json.push(j);
    bytes = response.rawPayload.length;
    const [c, text] = await time(() => get(`/v1/recalls/${id}?format=csv`));
    csv.push(c);
    csvBytes = text.rawPayload.length;
  }
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  results['recall report: query only (lot grouped by place)'] = { ...stats(query), note: `${packs} packs` };
  results['GET /v1/recalls/{id} (JSON, end to end)'] = { ...stats(json), note: mb(bytes) };
  results['GET /v1/recalls/{id}?format=csv'] = { ...stats(csv), note: mb(csvBytes) };

  const pages: number[] = [];
  let pageEvents = 0;
  let url: string | undefined = `/v1/recalls/${id}/events?perPage=500`;
  for (let i = 0; i < Math.min(options.reps, 5) && url; i++) {
    const [ms, response] = await time(() => get(url ?? ''));
    if (response.statusCode !== 200) throw new Error(`events failed: ${response.statusCode}`);
    pages.push(ms);
    pageEvents += (
      JSON.parse(response.body) as { epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } } }
    ).epcisBody.queryResults.resultsBody.eventList.length;
    url = /^<([^>]+)>/.exec(String(response.headers['link'] ?? ''))?.[1];
  }
  results['GET /v1/recalls/{id}/events (pages of 500 packs)'] = {
    ...stats(pages),
    note: `${Math.round(pageEvents / pages.length)} events a page`,
  };

  // Deterministic spread of packs over all tiers and states (LCG), cases and pallets likewise.
  let seed = 12345;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n) + 1;
  const traceOf = async (epc: string, into: number[]) => {
    const [ms, response] = await time(() => get(`/v1/trace/${encodeURIComponent(epc)}`));
    if (response.statusCode !== 200) throw new Error(`trace of ${epc} failed: ${response.statusCode}`);
    into.push(ms);
    return JSON.parse(response.body) as { events: unknown[] };
  };
  for (let i = 0; i < 20; i++) await traceOf(packEpc(next(options.packs)), []); // warm-up
  const packTimes: number[] = [];
  let events = 0;
  for (let i = 0; i < options.traces; i++)
    events += (await traceOf(packEpc(next(options.packs)), packTimes)).events.length;
  results['GET /v1/trace/{pack}'] = {
    ...stats(packTimes),
    note: `${(events / options.traces).toFixed(1)} events each`,
  };
  const caseTimes: number[] = [];
  for (let i = 0; i < Math.min(50, options.traces); i++)
    await traceOf(caseEpc(next(options.packs / 100)), caseTimes);
  results['GET /v1/trace/{case} (100 contents)'] = stats(caseTimes);
  const palletTimes: number[] = [];
  for (let i = 0; i < Math.min(10, options.traces); i++)
    await traceOf(palletEpc(next(options.packs / 2000)), palletTimes);
  results['GET /v1/trace/{pallet} (20 cases, 2,000 packs)'] = stats(palletTimes);
  return results;
}

async function seed(client: Client, schema: string, options: Options): Promise<void> {
  console.log(`schema ${schema}: seeding ${options.packs} packs (+${options.otherPacks} of another lot)…`);
  const started = Date.now();
  let counts = { events: 0, packs: 0 };
  await withoutSecondaryIndexes(client, schema, async () => {
    counts = await seedTraceData(client, { ...options, wholesalers: 4, pharmacies: 50 }, (name, ms) =>
      console.log(`  ${name}: ${ms} ms`),
    );
  });
  console.log(
    `seeded ${counts.events} events and ${counts.packs} packs/containers in ${Date.now() - started} ms`,
  );
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv);
  const url = engineSettings().databaseUrl;
  if (!['127.0.0.1', 'localhost'].includes(new URL(url).hostname))
    throw new Error('benchmarks run on 127.0.0.1 only');
  const schema = options.reuse ?? uniqueName('bench_trace').replace(/-/g, '_');
  const database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 4 }, PLATFORM_MIGRATIONS);
  const client = new Client({
    connectionString: url,
    options: `-c search_path=${schema} -c statement_timeout=900000 -c maintenance_work_mem=256MB -c synchronous_commit=off`,
  });
  await client.connect();
  let app: NestFastifyApplication | undefined;
  try {
    if (options.reuse === undefined) await seed(client, schema, options);
    app = await createHttpApp(TraceBenchModule.with(database), { title: 'bench', logLevels: ['error'] });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const load = () =>
      loadavg()
        .map((n) => n.toFixed(1))
        .join(' ');
    console.log(`measuring (load average ${load()}, ${cpus().length} cores)…`);
    const results = await measure(app, database, options);
    console.table(results);
    console.log(`load average after: ${load()}`);
  } finally {
    await app?.close();
    if (!options.keep && options.reuse === undefined) await client.query(`drop schema "${schema}" cascade`);
    await client.end();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
