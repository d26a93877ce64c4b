// Bounded load runs and what they cost: latency per response at microsecond resolution, throughput,
// and the CPU the server process, PostgreSQL, this client and the whole machine used meanwhile (the
// machine's 2 cores are shared with other work: the load is reported). Saturation is driven by
// autocannon (programmatic); a fixed rate by the paced generator in verify-paced.ts, because
// autocannon's rate mode sends each connection's quota back to back at the start of every second
// (httpClient.js: reqsMadeThisSecond, reset by a 1 s interval) and so measures burst queueing.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';

interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p97_5: number; p99: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonRequest {
  method: string;
  path: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}
interface AutocannonInstance {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (
  options: Record<string, unknown>,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;

const autocannon = createRequire(__filename)('autocannon') as Autocannon;

export interface LoadOptions {
  port: number;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** The path of the next request (called for every request). */
  nextPath(): string;
}

/** What a load generator reports; `samples[0..count)` are latencies in ms. */
export interface Driven {
  requests: number;
  durationS: number;
  samples: Float64Array;
  count: number;
  errors: number;
  non2xx: number;
  /** autocannon's own p99 (ms), when autocannon drove the run. */
  autocannonP99?: number;
  /** Paced runs: latencies counted from each request's due time (coordinated omission charged). */
  fromDue?: Float64Array;
}

export interface LoadResult {
  label: string;
  rate: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** autocannon's own p99 (ms, 1 ms resolution), when autocannon drove the run. */
  autocannonP99: number;
  /** Paced runs: p99 from each request's due time, charging the client's own lateness too. */
  dueP99: number;
  errors: number;
  non2xx: number;
  serverCores: number;
  postgresCores: number;
  clientCores: number;
  machineBusy: number;
  /** One-minute load average at the end of the run. */
  load: number;
}

const TICKS = 100; // USER_HZ on Linux
export const MAX_SAMPLES = 4_000_000;

function processTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  } catch {
    return 0;
  }
}

/** CPU ticks of every PostgreSQL process (all backends, also other users' work on this server). */
function postgresTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.includes('(postgres)')) ticks.set(Number(entry), processTicks(Number(entry)));
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Ticks used between two snapshots by processes alive at the end (a backend that exited is lost). */
function ticksSince(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, ticks] of after) total += Math.max(0, ticks - (before.get(pid) ?? 0));
  return total;
}

function machineTicks(): { busy: number; total: number } {
  const cpu =
    readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Runs `drive` and measures it: percentiles, throughput and the CPU everyone used meanwhile. */
export async function measured(
  label: string,
  rate: string,
  serverPid: number,
  drive: () => Promise<Driven>,
): Promise<LoadResult> {
  const before = {
    server: processTicks(serverPid),
    postgres: postgresTicks(),
    machine: machineTicks(),
    client: process.cpuUsage(),
    at: process.hrtime.bigint(),
  };
  const driven = await drive();
  const wallS = Number(process.hrtime.bigint() - before.at) / 1e9;
  const machine = machineTicks();
  const client = process.cpuUsage(before.client);
  const sorted = driven.samples.slice(0, driven.count).sort();
  return {
    label,
    rate,
    requests: driven.requests,
    rps: driven.requests / driven.durationS,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    autocannonP99: driven.autocannonP99 ?? Number.NaN,
    dueP99: driven.fromDue ? percentile(driven.fromDue.sort(), 99) : Number.NaN,
    errors: driven.errors,
    non2xx: driven.non2xx,
    serverCores: (processTicks(serverPid) - before.server) / TICKS / wallS,
    postgresCores: ticksSince(before.postgres, postgresTicks()) / TICKS / wallS,
    clientCores: (client.user + client.system) / 1e6 / wallS,
    machineBusy: (machine.busy - before.machine.busy) / Math.max(1, machine.total - before.machine.total),
    load: loadavg()[0] ?? Number.NaN,
  };
}

/** As many requests as the server answers, on `connections` keep-alive connections (autocannon). */
export async function saturate(options: LoadOptions): Promise<Driven> {
  const samples = new Float64Array(MAX_SAMPLES);
  let count = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${options.port}`,
        connections: options.connections,
        duration: options.durationS,
        headers: options.headers ?? {},
        // A fresh random pack per request, built as it is sent: no list built up front, so no stall
        // at the start of a run inflating the first latencies.
        requests: [
          {
            method: 'GET',
            path: options.nextPath(),
            setupRequest: (request: AutocannonRequest) => ({ ...request, path: options.nextPath() }),
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => {
      if (count < MAX_SAMPLES) samples[count++] = ms;
    });
  });
  return {
    requests: result.requests.total,
    durationS: result.duration,
    samples,
    count,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    autocannonP99: result.latency.p99,
  };
}
