import { createHash } from 'node:crypto';
import type { SqlClient } from '@pharmatrace/persistence';
import { blockHash, GENESIS_PREVIOUS_HASH, type BlockTransaction } from './block-store';
import { verifySignature } from './node-signing-key';

export interface TrustedKey {
  readonly keyId: string;
  readonly publicKeyPem: string;
}

export interface ChainVerification {
  readonly ok: boolean;
  readonly blocks: number;
  /** What is wrong, block by block (at most 100). */
  readonly problems: readonly string[];
}

interface BlockRow {
  number: string;
  previous_hash: string;
  data_hash: string;
  hash: string;
  created_at: Date | string;
  signer_key_id: string;
  signature: string;
  data: string;
}

const PAGE = 500;
const MAX_PROBLEMS = 100;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Re-checks the embedded ledger from its first block: numbering, hash links, data hashes, header
 * hashes, signatures by a trusted key, every history row against the block that wrote it (no row
 * missing, added or changed), the transaction index, and the world state against the latest history.
 * Any edit of the database that bypassed the ledger shows up as a problem.
 */
export async function verifyChain(
  sql: SqlClient,
  trusted: readonly TrustedKey[],
): Promise<ChainVerification> {
  const keys = new Map(trusted.map((k) => [k.keyId, k.publicKeyPem]));
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
  };
  let expected = 0;
  let previous = GENESIS_PREVIOUS_HASH;
  for (;;) {
    const rows = await sql.query<BlockRow>(
      `select number::text as number, previous_hash, data_hash, hash, created_at, signer_key_id, signature, data
         from ledger_blocks where number >= $1 order by ledger_blocks.number limit ${PAGE}`,
      [expected],
    );
    if (rows.length === 0) break;
    const writes = new Map<string, string>();
    const txIds = new Map<string, number>();
    for (const row of rows) {
      const number = Number(row.number);
      if (number !== expected) problem(`block ${expected} is missing (next is ${number})`);
      const createdAt = new Date(row.created_at).toISOString();
      const header = {
        number,
        previousHash: row.previous_hash,
        dataHash: row.data_hash,
        createdAt,
        signerKeyId: row.signer_key_id,
      };
      if (row.previous_hash !== previous) problem(`block ${number}: does not link to the block before it`);
      if (sha256(row.data) !== row.data_hash)
        problem(`block ${number}: its transactions do not match its data hash`);
      if (blockHash(header) !== row.hash) problem(`block ${number}: its header does not match its hash`);
      const publicKey = keys.get(row.signer_key_id);
      if (!publicKey) problem(`block ${number}: signed by untrusted key ${row.signer_key_id}`);
      else if (!verifySignature(publicKey, row.hash, row.signature))
        problem(`block ${number}: bad signature`);
      for (const tx of JSON.parse(row.data) as BlockTransaction[]) {
        txIds.set(tx.txId, number);
        for (const write of tx.writes) writes.set(`${write.key}@${number}`, write.valueHash);
      }
      previous = row.hash;
      expected = number + 1;
    }
    const first = Number(rows[0]?.number);
    await checkHistory(sql, first, expected - 1, writes, problem);
    await checkTransactions(sql, first, expected - 1, txIds, problem);
  }
  const stray = await sql.query<{ n: number }>(
    'select count(*)::int as n from ledger_history where block_number >= $1',
    [expected],
  );
  if ((stray[0]?.n ?? 0) > 0) problem(`${stray[0]?.n} history rows belong to no block`);
  const drift = await sql.query<{ key: string }>(
    `select w.key from ledger_world_state w
       left join lateral (select value, block_number from ledger_history h where h.key = w.key
                           order by block_number desc limit 1) h on true
      where h.value is distinct from w.value or h.block_number is distinct from w.block_number
      limit 20`,
  );
  for (const row of drift) problem(`world state of ${row.key} differs from its latest history`);
  return { ok: problems.length === 0, blocks: expected, problems };
}

async function checkHistory(
  sql: SqlClient,
  from: number,
  to: number,
  writes: Map<string, string>,
  problem: (text: string) => void,
): Promise<void> {
  const rows = await sql.query<{ key: string; block_number: string; value: string }>(
    'select key, block_number::text as block_number, value from ledger_history where block_number between $1 and $2',
    [from, to],
  );
  for (const row of rows) {
    const id = `${row.key}@${row.block_number}`;
    const expected = writes.get(id);
    if (expected === undefined)
      problem(`block ${row.block_number}: history of ${row.key} was not written by it`);
    else if (expected !== sha256(row.value))
      problem(`block ${row.block_number}: history of ${row.key} was changed`);
    writes.delete(id);
  }
  for (const id of writes.keys()) problem(`history row ${id} is missing`);
}

async function checkTransactions(
  sql: SqlClient,
  from: number,
  to: number,
  txIds: Map<string, number>,
  problem: (text: string) => void,
): Promise<void> {
  const rows = await sql.query<{ tx_id: string; block_number: string }>(
    'select tx_id, block_number::text as block_number from ledger_transactions where block_number between $1 and $2',
    [from, to],
  );
  for (const row of rows) {
    if (txIds.get(row.tx_id) !== Number(row.block_number))
      problem(`transaction ${row.tx_id} is indexed in the wrong block`);
    txIds.delete(row.tx_id);
  }
  for (const [txId, block] of txIds) problem(`block ${block}: transaction ${txId} is not indexed`);
}
