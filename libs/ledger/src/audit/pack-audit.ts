import { createHash } from 'node:crypto';
import { canonicalJson } from '@pharmatrace/custody';
import type { SqlClient } from '@pharmatrace/persistence';
import type { LedgerReader, LedgerSubjectState } from '../ledger.port';

export type AuditProblem = 'missing_on_ledger' | 'hash_mismatch' | 'version_mismatch';

/**
 * How to read a difference:
 * - `tampered`: the stored state cannot be what the ledger anchored (same version, other hash; or the
 *   ledger is ahead of the database; or a receipt says anchored and the ledger has nothing);
 * - `behind`: the ledger has an older version: the newer record is on its way, or was rejected
 *   (see `receipt`);
 * - `missing`: nothing of this pack reached the ledger (yet).
 */
export type AuditVerdict = 'tampered' | 'behind' | 'missing';

export interface StoredPack {
  readonly epc: string;
  /** The packs.version column. */
  readonly version: number;
  /** The packs.state column (the custody library's PackState). */
  readonly state: unknown;
}

export interface PackAuditFinding {
  readonly epc: string;
  readonly verdict: AuditVerdict;
  readonly problems: readonly AuditProblem[];
  readonly offChain: { readonly stateHash: string; readonly version: number };
  readonly onLedger?: { readonly stateHash: string; readonly version: number; readonly txId: string };
  /** The receipt of the record carrying the stored state's hash, when there is one. */
  readonly receipt?: { readonly status: string; readonly reason?: string };
}

export interface PackAuditReport {
  readonly checked: number;
  readonly findings: readonly PackAuditFinding[];
}

/** The hash the custody processor puts in a ledger record: sha256 of the state's canonical JSON. */
export function packStateHash(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}

/** Compares one stored pack with its ledger record; undefined when they agree. */
export function comparePack(
  pack: StoredPack,
  onLedger: LedgerSubjectState | undefined,
  receipt?: { status: string; reason?: string },
): PackAuditFinding | undefined {
  const offChain = { stateHash: packStateHash(pack.state), version: pack.version };
  const withReceipt = receipt ? { receipt } : {};
  if (!onLedger) {
    const verdict = receipt?.status === 'anchored' ? 'tampered' : 'missing';
    return { epc: pack.epc, verdict, problems: ['missing_on_ledger'], offChain, ...withReceipt };
  }
  const problems: AuditProblem[] = [];
  if (onLedger.version !== pack.version) problems.push('version_mismatch');
  if (onLedger.stateHash !== offChain.stateHash) problems.push('hash_mismatch');
  if (problems.length === 0) return undefined;
  const verdict = onLedger.version < pack.version ? 'behind' : 'tampered';
  const ledger = { stateHash: onLedger.stateHash, version: onLedger.version, txId: onLedger.updatedTxId };
  return { epc: pack.epc, verdict, problems, offChain, onLedger: ledger, ...withReceipt };
}

interface PackRow {
  epc: string;
  version: number;
  state: unknown;
}

/**
 * Checks every pack of the `packs` table against the ledger, page by page (keyset on the EPC, one
 * ledger query per page), and returns every difference. Read-only on both sides.
 */
export async function auditPacks(
  sql: SqlClient,
  ledger: LedgerReader,
  options: { pageSize?: number; onFinding?: (finding: PackAuditFinding) => void } = {},
): Promise<PackAuditReport> {
  const pageSize = options.pageSize ?? 500;
  const findings: PackAuditFinding[] = [];
  let checked = 0;
  let after = '';
  for (;;) {
    const packs = await sql.query<PackRow>(
      'select epc, version, state from packs where epc > $1 order by epc limit $2',
      [after, pageSize],
    );
    if (packs.length === 0) break;
    for (const finding of await comparePage(sql, ledger, packs)) {
      findings.push(finding);
      options.onFinding?.(finding);
    }
    checked += packs.length;
    after = packs[packs.length - 1]?.epc ?? after;
  }
  return { checked, findings };
}

/**
 * One pack against the ledger: undefined when it agrees, the finding otherwise, `unknown` when the
 * database has no such pack. `isTampered` is `finding?.verdict === 'tampered'`.
 */
export async function auditPack(
  sql: SqlClient,
  ledger: LedgerReader,
  epc: string,
): Promise<PackAuditFinding | undefined | 'unknown'> {
  const packs = await sql.query<PackRow>('select epc, version, state from packs where epc = $1', [epc]);
  if (packs.length === 0) return 'unknown';
  return (await comparePage(sql, ledger, packs))[0];
}

export async function isTampered(sql: SqlClient, ledger: LedgerReader, epc: string): Promise<boolean> {
  const finding = await auditPack(sql, ledger, epc);
  return typeof finding === 'object' && finding.verdict === 'tampered';
}

async function comparePage(
  sql: SqlClient,
  ledger: LedgerReader,
  packs: readonly PackRow[],
): Promise<PackAuditFinding[]> {
  const states = await ledger.readRecords(packs.map((p) => p.epc));
  const differing = packs
    .map((pack, i) => ({ pack, onLedger: states[i] }))
    .filter(({ pack, onLedger }) => comparePack(pack, onLedger) !== undefined);
  if (differing.length === 0) return [];
  const receipts = await receiptsOf(
    sql,
    differing.map(({ pack }) => pack),
  );
  return differing.flatMap(({ pack, onLedger }) => {
    const finding = comparePack(pack, onLedger, receipts.get(`${pack.epc}|${packStateHash(pack.state)}`));
    return finding ? [finding] : [];
  });
}

async function receiptsOf(
  sql: SqlClient,
  packs: readonly PackRow[],
): Promise<Map<string, { status: string; reason?: string }>> {
  const rows = await sql.query<{
    subject: string;
    record_hash: string;
    status: string;
    reason: string | null;
  }>(`select subject, record_hash, status, reason from ledger_receipts where subject = any($1::text[])`, [
    packs.map((p) => p.epc),
  ]);
  return new Map(
    rows.map((r) => [
      `${r.subject}|${r.record_hash}`,
      { status: r.status, ...(r.reason !== null && { reason: r.reason }) },
    ]),
  );
}
