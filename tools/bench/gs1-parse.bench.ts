/*
 * parseScan throughput on typical pack scans (]d2 + 01 + 17 + 10 + GS + 21), single thread (= one core).
 *
 *   node -r ./tools/bin/run-ts.js tools/bench/gs1-parse.bench.ts
 *
 * (run-ts.js registers SWC and the @pharmatrace/* path aliases.) Bounded: after a warm-up the scenarios
 * run interleaved, in windows of 2,000 parses, until BENCH_MS milliseconds (default 4000) or BENCH_MAX
 * parses per scenario (default 5,000,000). Interleaving gives every scenario the same host conditions.
 * Reported per scenario: the best window (what one uncontended core sustains — the figure to compare
 * with the 200,000 parses/s target), and the average over the whole run per CPU-second of this process
 * and per wall-clock second (both lower on a shared, loaded host).
 */
import { computeCheckDigit, parseElementString, parseScan, type ParseScanOptions } from '@pharmatrace/gs1';

const WARMUP = 50_000;
const WINDOW = 2_000;
const BUDGET_MS = Number(process.env['BENCH_MS'] ?? 4000);
const MAX_PARSES = Number(process.env['BENCH_MAX'] ?? 5_000_000);

/** 1,000 distinct scans over 20 GTINs under the demo prefix 9506000, so no string is parsed twice in a row. */
function sampleScans(): string[] {
  const scans: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const body = `09506000${String(10000 + (i % 20)).padStart(5, '0')}`;
    const gtin = body + computeCheckDigit(body);
    const expiry = `${27 + (i % 3)}${String(1 + (i % 12)).padStart(2, '0')}${i % 7 === 0 ? '00' : '15'}`;
    const lot = `L${(i * 7919) % 100000}`;
    const serial = ((i + 1) * 2654435761).toString(32).toUpperCase().padStart(12, 'X').slice(-12);
    scans.push(`]d201${gtin}17${expiry}10${lot}\x1d21${serial}`);
  }
  return scans;
}

interface Scenario {
  readonly name: string;
  readonly parse: (scan: string) => number;
  count: number;
  wallNs: number;
  cpuUs: number;
  bestNsPerParse: number;
}

function scenario(name: string, parse: (scan: string) => number): Scenario {
  return { name, parse, count: 0, wallNs: 0, cpuUs: 0, bestNsPerParse: Infinity };
}

function runWindow(s: Scenario, scans: readonly string[]): number {
  let sink = 0;
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < WINDOW; i++) sink += s.parse(scans[(s.count + i) % scans.length] ?? '');
  const ns = Number(process.hrtime.bigint() - started);
  const used = process.cpuUsage(cpu);
  s.count += WINDOW;
  s.wallNs += ns;
  s.cpuUs += used.user + used.system;
  s.bestNsPerParse = Math.min(s.bestNsPerParse, ns / WINDOW);
  return sink;
}

const perSecond = (parses: number, seconds: number): string =>
  Math.round(parses / seconds)
    .toLocaleString('en-US')
    .padStart(9);

function main(): void {
  const scans = sampleScans();
  const full: ParseScanOptions = {};
  const noEpc: ParseScanOptions = { prefixTable: null };
  const bare: ParseScanOptions = { prefixTable: null, digitalLinkHost: null };
  const scenarios = [
    scenario('parseScan with EPC (+ Digital Link)', (s) => (parseScan(s, full).epc ?? '').length),
    scenario(
      'parseScan without EPC (Digital Link only)',
      (s) => (parseScan(s, noEpc).digitalLink ?? '').length,
    ),
    scenario('parseScan without EPC or Digital Link', (s) => parseScan(s, bare).ais.length),
    scenario('parseElementString', (s) => parseElementString(s).ais.length),
  ];
  console.log(`node ${process.version}, ${scans.length} distinct scans, e.g. ${JSON.stringify(scans[0])}`);
  let sink = 0;
  for (const s of scenarios) for (let i = 0; i < WARMUP; i++) sink += s.parse(scans[i % scans.length] ?? '');
  const deadline = Date.now() + BUDGET_MS;
  while (Date.now() < deadline && (scenarios[0]?.count ?? MAX_PARSES) < MAX_PARSES) {
    for (const s of scenarios) sink += runWindow(s, scans);
  }
  console.log(`${'scenario'.padEnd(42)} best window   avg /CPU-s  avg /wall-s   parses`);
  for (const s of scenarios) {
    console.log(
      `${s.name.padEnd(42)} ${perSecond(1, s.bestNsPerParse / 1e9)}/s ${perSecond(s.count, s.cpuUs / 1e6)}  ${perSecond(s.count, s.wallNs / 1e9)}  ${s.count.toLocaleString('en-US')}`,
    );
  }
  console.log(`(checksum ${sink % 997})`);
}

main();
