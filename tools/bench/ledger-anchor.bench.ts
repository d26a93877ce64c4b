/**
 * Ledger anchoring on the Fabric test network: records anchored per second and transaction latency
 * (endorse on both organisations' peers, order, commit, commit status, block hash), batched (200
 * records per transaction) against one record per transaction, both with the same number of
 * transactions in flight, at several in-flight levels, in one run.
 *
 *   bash infra/infra.sh up fabric
 *   node tools/bin/run-app.js tools/bench/ledger-anchor.bench.ts [batched=4000] [single=40] [perTx=200] [inFlight=1,2,4]
 *
 * For each in-flight level: `single` × level records one per transaction, then `batched` records
 * `perTx` per transaction. Bounded: at most 20,000 batched and 1,000 single records per level, at most
 * 4 levels, each phase at most 4 minutes; refuses
 * any peer not on 127.0.0.1. Every run anchors new records (unique serials) on the shared channel.
 */
import { createHash } from 'node:crypto';
import {
  FabricLedger,
  fabricLedgerConfig,
  type LedgerRecord,
  type TransactionEvent,
} from '@pharmatrace/ledger';
import { engineEnvironment } from '@pharmatrace/testing';

const MAX_BATCHED = 20_000;
const MAX_SINGLE = 1_000;
const PHASE_LIMIT_MS = 240_000;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const run = Date.now().toString(36);

function commission(i: number): LedgerRecord {
  const subject = `urn:epc:id:sgtin:0614141.107346.BENCH${run}N${i}`;
  const eventHash = `ni:///sha-256;${sha256(`${run}-${i}`)}?ver=CBV2.0`;
  return {
    recordId: `${eventHash}#${subject}`,
    subject,
    kind: 'pack',
    operation: 'commission',
    status: 'active',
    ownerGln: '0614141000012',
    ownerMsp: 'Org1MSP',
    custodianGln: '0614141000012',
    custodianMsp: 'Org1MSP',
    submitterGln: '0614141000012',
    submitterMsp: 'Org1MSP',
    gtin: '10614141073464',
    lot: 'BENCH',
    stateHash: sha256(`state-${run}-${i}`),
    eventHash,
    eventId: `urn:uuid:bench-${run}-${i}`,
    eventTime: new Date().toISOString(),
    version: 1,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

interface PhaseResult {
  label: string;
  records: number;
  transactions: number;
  seconds: number;
  rate: number;
  p50: number;
  p95: number;
}

async function phase(
  label: string,
  records: LedgerRecord[],
  perTransaction: number,
  inFlight: number,
): Promise<PhaseResult> {
  // Both organisations' peers endorse at once (the MAJORITY policy needs both) instead of the gateway's
  // own first and the other after.
  const config = fabricLedgerConfig({ FABRIC_ENDORSING_ORGS: '*', ...engineEnvironment() });
  if (!config) throw new Error('FABRIC_* not configured: run `bash infra/infra.sh up fabric`');
  const remote = config.orgs.filter((o) => !/^(127\.0\.0\.1|localhost):/.test(o.peerEndpoint));
  if (remote.length > 0)
    throw new Error(
      `refusing to benchmark peers not on 127.0.0.1: ${remote.map((o) => o.peerEndpoint).join(', ')}`,
    );
  const latencies: number[] = [];
  const ledger = new FabricLedger(config, {
    maxPerTransaction: perTransaction,
    maxInFlight: inFlight,
    onTransaction: (event: TransactionEvent) => {
      if (event.outcome === 'committed') latencies.push(event.ms);
    },
  });
  try {
    await ledger.submitBatch([commission(-records.length - perTransaction)]); // warm-up: connections, chaincode
    latencies.length = 0;
    const started = performance.now();
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`${label}: over ${PHASE_LIMIT_MS} ms`)), PHASE_LIMIT_MS).unref();
    });
    const receipts = await Promise.race([ledger.submitBatch(records), timeout]);
    const seconds = (performance.now() - started) / 1000;
    const anchored = receipts.filter((r) => r.status === 'anchored').length;
    if (anchored !== records.length)
      throw new Error(`${label}: only ${anchored} of ${records.length} anchored`);
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      label,
      records: records.length,
      transactions: latencies.length,
      seconds,
      rate: records.length / seconds,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
    };
  } finally {
    await ledger.close();
  }
}

function bounded(raw: string | undefined, fallback: number, max: number): number {
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`expected an integer from 1 to ${max}, got ${raw}`);
  return value;
}

function inFlightLevels(raw: string | undefined): number[] {
  const levels = (raw ?? '1,2,4').split(',').map((level) => bounded(level, 1, 32));
  if (levels.length > 4) throw new Error('at most 4 in-flight levels');
  return levels;
}

async function main(): Promise<void> {
  // Arguments after this file's path (run-app.js passes the entry first).
  const args = process.argv.slice(process.argv.findIndex((a) => a.endsWith('ledger-anchor.bench.ts')) + 1);
  const batched = bounded(args[0], 4000, MAX_BATCHED);
  const singlePerLevel = bounded(args[1], 40, MAX_SINGLE);
  const perTransaction = bounded(args[2], 200, 1000);
  const levels = inFlightLevels(args[3]);
  let next = 0;
  const take = (count: number) => Array.from({ length: count }, () => commission(next++));
  const rows: { one: PhaseResult; many: PhaseResult; inFlight: number }[] = [];
  // Both modes at each concurrency, one after the other: the ratio compares equal in-flight budgets
  // (one-per-transaction throughput grows with in-flight transactions; it is latency-bound).
  for (const inFlight of levels) {
    const one = await phase(
      `one record per tx, ${inFlight} in flight`,
      take(singlePerLevel * inFlight),
      1,
      inFlight,
    );
    const many = await phase(
      `${perTransaction} records per tx, ${inFlight} in flight`,
      take(batched),
      perTransaction,
      inFlight,
    );
    rows.push({ one, many, inFlight });
  }
  console.log(
    'mode                                      records   txs      s   records/s   tx p50 ms   tx p95 ms',
  );
  for (const r of rows.flatMap((row) => [row.one, row.many])) {
    console.log(
      `${r.label.padEnd(40)} ${String(r.records).padStart(8)} ${String(r.transactions).padStart(5)} ${r.seconds
        .toFixed(1)
        .padStart(
          6,
        )} ${r.rate.toFixed(1).padStart(11)} ${r.p50.toFixed(0).padStart(11)} ${r.p95.toFixed(0).padStart(11)}`,
    );
  }
  for (const { one, many, inFlight } of rows) {
    console.log(
      `${inFlight} in flight: batched / one-per-transaction rate ${(many.rate / one.rate).toFixed(1)}x, batched commit p95 ${many.p95.toFixed(0)} ms`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
