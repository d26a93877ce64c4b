// Verification benchmark: the real verification API (apps/verification-api, NestJS on Fastify) against
// a bare Fastify endpoint returning a constant, side by side in one run, over N seeded packs.
//
//   node tools/bin/run-app.js tools/bench/verify.bench.ts \
//        [--packs 1000000] [--rate 2000] [--rate-seconds 20] [--max-seconds 10] [--rounds 3] [--connections 100]
//        [--readers pharmacy,wholesaler] [--keep] [--schema <a schema a --keep run left>]
//
// Both servers run as child processes (tools/bin/run-app.js), this process is the load generator:
// separate event loops, so the client's own CPU does not stall the server it measures, and the OS
// can place client and server on different cores. At the fixed rate the requests are paced evenly
// (verify-paced.ts, latency from each request's due time); at saturation autocannon drives
// --connections keep-alive connections, and the bare and verify runs alternate --rounds times so both
// meet the same background load. Everything is bounded: fixed run durations, a
// readiness timeout, and a watchdog that ends the benchmark (and its children) after 30 minutes.
// 127.0.0.1 only. The schema is fresh (bench_verify_*) and dropped at the end unless --keep; --schema
// reuses a kept one (and leaves it: drop it with `drop schema … cascade` when done).
import { openDatabase } from '@pharmatrace/persistence';
import { PLATFORM_MIGRATIONS } from '@pharmatrace/runtime';
import {
  engineSettings,
  freePort,
  startChildService,
  uniqueName,
  type ChildService,
} from '@pharmatrace/testing';
import { loadavg } from 'node:os';
import { measured, saturate, type LoadResult } from './verify-load';
import { paced } from './verify-paced';
import { benchKeys, benchPack, seedVerificationBench } from './verify-seed';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = argv.indexOf(`--${name}`);
  return (index >= 0 ? argv[index + 1] : undefined) ?? fallback;
};
const PACKS = Number(option('packs', '1000000'));
const RATE = Number(option('rate', '2000'));
const RATE_SECONDS = Number(option('rate-seconds', '20'));
const MAX_SECONDS = Number(option('max-seconds', '10'));
/** Saturation runs alternate bare / verify this many times: both meet the same background load. */
const ROUNDS = Number(option('rounds', '3'));
const CONNECTIONS = Number(option('connections', '100'));
const READERS = option('readers', 'pharmacy').split(',') as ('pharmacy' | 'wholesaler')[];
const WATCHDOG_MS = 30 * 60_000;

const children: ChildService[] = [];
const watchdog = setTimeout(() => {
  process.stderr.write('verify.bench: watchdog expired, stopping\n');
  void Promise.all(children.map((c) => c.kill('SIGKILL'))).finally(() => process.exit(2));
}, WATCHDOG_MS);
watchdog.unref();

/** Requests spread over the whole table: a random pack each time (a fixed-seed LCG, reproducible). */
let lcg = 12345;
function randomPath(): string {
  lcg = (Math.imul(lcg, 1103515245) + 12345) >>> 0;
  const p = benchPack(1 + (lcg % PACKS));
  return `/v1/verify?gtin=${p.gtin}&serial=${p.serial}&lot=${p.lot}&expiry=${p.expiry}`;
}

async function healthy(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return response.ok;
}

async function start(
  entry: string,
  env: Record<string, string>,
): Promise<{ port: number; child: ChildService }> {
  const port = await freePort();
  const child = await startChildService(
    entry,
    { ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1' },
    () => healthy(port),
  );
  children.push(child);
  return { port, child };
}

function row(r: LoadResult): string {
  const f = (n: number, d = 2) => n.toFixed(d).padStart(8);
  return [
    r.label.padEnd(26),
    r.rate.padStart(7),
    String(r.requests).padStart(8),
    f(r.rps, 0),
    f(r.p50),
    f(r.p95),
    f(r.p99),
    f(r.max, 1),
    f(Number.isNaN(r.dueP99) ? r.autocannonP99 : r.dueP99, 1),
    String(r.errors + r.non2xx).padStart(6),
    f(r.serverCores),
    f(r.postgresCores),
    f(r.clientCores),
    f(r.machineBusy * 100, 0),
    f(r.load),
  ].join(' ');
}

async function main(): Promise<void> {
  const url = engineSettings().databaseUrl;
  const reuse = option('schema', '');
  const schema = reuse || uniqueName('bench_verify').replace(/-/g, '_');
  const database = await openDatabase({ kind: 'postgres', url, schema }, PLATFORM_MIGRATIONS);
  try {
    let keys = benchKeys(PACKS);
    if (reuse) {
      console.log(`schema ${schema}: reusing the packs a previous --keep run seeded`);
    } else {
      console.log(`schema ${schema}; seeding ${PACKS} packs (one bulk insert … select generate_series)…`);
      const t0 = Date.now();
      keys = await seedVerificationBench(database.sql, PACKS);
      console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );

    const verify = await start('apps/verification-api/src/main.ts', {
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      KAFKA_BROKERS: '',
      DATA_DIR: `/tmp/${schema}`,
    });
    const keyOf = (reader: string) => (reader === 'wholesaler' ? keys.wholesalerKey : keys.pharmacyKey);
    const sample = randomPath();
    const probe = await fetch(`http://127.0.0.1:${verify.port}${sample}`, {
      headers: { authorization: `Bearer ${keys.pharmacyKey}` },
    });
    const body = await probe.text();
    const view = JSON.parse(body) as { verdict?: string; ledger?: { integrity?: string } };
    if (view.verdict !== 'authentic' || view.ledger?.integrity !== 'anchored') {
      throw new Error(`sanity check failed: ${probe.status} ${body}`);
    }
    console.log(`sanity: ${sample} → authentic, ledger anchored (${body.length} bytes)`);
    const bare = await start('tools/bench/verify-bare.server.ts', { BENCH_BODY: body });

    const run = (
      label: string,
      port: number,
      pid: number,
      reader: string,
      rate?: number,
      seconds = MAX_SECONDS,
    ) => {
      const options = {
        port,
        connections: CONNECTIONS,
        durationS: seconds,
        headers: { authorization: `Bearer ${keyOf(reader)}` },
        nextPath: randomPath,
      };
      return rate === undefined
        ? measured(label, 'max', pid, () => saturate(options))
        : measured(label, `${rate}/s`, pid, () =>
            paced({ ...options, durationS: RATE_SECONDS, ratePerS: rate }),
          );
    };
    const bareRun = (rate?: number, seconds?: number) =>
      run('bare fastify (constant)', bare.port, bare.child.process.pid ?? 0, 'pharmacy', rate, seconds);
    const verifyRun = (reader: string, rate?: number, seconds?: number) =>
      run(`verify as ${reader}`, verify.port, verify.child.process.pid ?? 0, reader, rate, seconds);

    await bareRun(undefined, 3); // warm-up: JIT, connections, buffer cache
    for (const reader of READERS) await verifyRun(reader, undefined, 3);
    const results: LoadResult[] = [];
    results.push(await bareRun(RATE, RATE_SECONDS));
    for (const reader of READERS) results.push(await verifyRun(reader, RATE, RATE_SECONDS));
    const ratios = new Map<string, number[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const bareMax = await bareRun();
      results.push(bareMax);
      for (const reader of READERS) {
        const verifyMax = await verifyRun(reader);
        results.push(verifyMax);
        ratios.set(reader, [...(ratios.get(reader) ?? []), verifyMax.rps / bareMax.rps]);
      }
    }

    console.log(
      `\n${'run'.padEnd(26)} ${'rate'.padStart(7)} ${'requests'.padStart(8)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'p99 *'.padStart(8)} ${'errors'.padStart(6)} ${'srv cpu'.padStart(8)} ${'pg cpu'.padStart(8)} ${'cli cpu'.padStart(8)} ${'busy %'.padStart(8)} ${'load'.padStart(8)}`,
    );
    for (const r of results) console.log(row(r));
    console.log(
      "p99 *: at the fixed rate, counted from each request's due time (charges the client's own lag);" +
        " at saturation, autocannon's own p99 (1 ms resolution).",
    );
    for (const [reader, values] of ratios) {
      const sorted = [...values].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
      console.log(
        `verify as ${reader} at saturation, per round against the bare run just before it: ${values
          .map((v) => v.toFixed(2))
          .join(', ')} (median ${median.toFixed(2)})`,
      );
    }
    console.log(
      `load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(JSON.stringify({ packs: PACKS, schema, results }));
  } finally {
    await Promise.all(children.map((c) => c.kill('SIGTERM')));
    if (!argv.includes('--keep') && !reuse) {
      await database.sql.query(`drop schema if exists "${schema}" cascade`);
    }
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
