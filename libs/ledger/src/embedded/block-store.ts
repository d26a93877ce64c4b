import { createHash } from 'node:crypto';
import { canonicalJson } from '@pharmatrace/custody';
import type { SqlClient } from '@pharmatrace/persistence';
import type { NodeSigningKey } from './node-signing-key';
import { storedKey } from './embedded-stub';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hash a first block links to. */
export const GENESIS_PREVIOUS_HASH = '0'.repeat(64);

/** What a block records of its transaction: enough to check every history row against it. */
export interface BlockTransaction {
  readonly txId: string;
  readonly mspId: string;
  readonly function: string;
  /** SHA-256 of the transaction's argument (the records' JSON). */
  readonly argumentHash: string;
  /** Every key written (stored form) with the SHA-256 of its new value, in key order. */
  readonly writes: readonly { readonly key: string; readonly valueHash: string }[];
  readonly event?: { readonly name: string; readonly payloadHash: string };
}

export interface BlockHeader {
  readonly number: number;
  readonly previousHash: string;
  readonly dataHash: string;
  readonly createdAt: string;
  readonly signerKeyId: string;
}

/** SHA-256 of the header's canonical JSON: what the signature covers and the next block links to. */
export function blockHash(header: BlockHeader): string {
  return sha256(canonicalJson(header));
}

export interface ChainHead {
  readonly number: number;
  readonly hash: string;
}

export interface AppendInput {
  readonly transaction: Omit<BlockTransaction, 'writes'>;
  /** Stub keys (composite form) → new values. */
  readonly writes: ReadonlyMap<string, string>;
  readonly createdAt: Date;
}

/**
 * The embedded ledger's append-only block store: one block per transaction, each linked to the
 * previous by hash and signed with the node's Ed25519 key; the world state and key history are
 * written with the block, in the caller's database transaction (which holds the chain lock).
 */
export class BlockStore {
  constructor(private readonly key: NodeSigningKey) {}

  /** Records the node's public key, so verifiers can find it by id. Idempotent. */
  async registerSigner(sql: SqlClient): Promise<void> {
    await sql.query(
      'insert into ledger_signers (key_id, public_key) values ($1, $2) on conflict (key_id) do nothing',
      [this.key.keyId, this.key.publicKeyPem],
    );
  }

  async head(sql: SqlClient): Promise<ChainHead | undefined> {
    const rows = await sql.query<{ number: string; hash: string }>(
      'select number::text as number, hash from ledger_blocks order by ledger_blocks.number desc limit 1',
    );
    const row = rows[0];
    return row && { number: Number(row.number), hash: row.hash };
  }

  async append(sql: SqlClient, input: AppendInput): Promise<ChainHead> {
    const head = await this.head(sql);
    const keys = [...input.writes.keys()].sort();
    const transaction: BlockTransaction = {
      ...input.transaction,
      writes: keys.map((key) => ({ key: storedKey(key), valueHash: sha256(input.writes.get(key) ?? '') })),
    };
    const data = canonicalJson([transaction]);
    const header: BlockHeader = {
      number: head ? head.number + 1 : 0,
      previousHash: head?.hash ?? GENESIS_PREVIOUS_HASH,
      dataHash: sha256(data),
      createdAt: input.createdAt.toISOString(),
      signerKeyId: this.key.keyId,
    };
    const hash = blockHash(header);
    await sql.query(
      `insert into ledger_blocks (number, previous_hash, data_hash, hash, created_at, signer_key_id, signature, data)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        header.number,
        header.previousHash,
        header.dataHash,
        hash,
        header.createdAt,
        header.signerKeyId,
        this.key.sign(hash),
        data,
      ],
    );
    await sql.query(
      'insert into ledger_transactions (tx_id, block_number, msp_id, function_name) values ($1, $2, $3, $4)',
      [transaction.txId, header.number, transaction.mspId, transaction.function],
    );
    if (keys.length > 0) {
      const stored = keys.map(storedKey);
      const values = keys.map((key) => input.writes.get(key) ?? '');
      await sql.query(
        `insert into ledger_world_state (key, value, block_number, tx_id)
         select k, v, $3, $4 from unnest($1::text[], $2::text[]) as w(k, v)
         on conflict (key) do update set value = excluded.value, block_number = excluded.block_number, tx_id = excluded.tx_id`,
        [stored, values, header.number, transaction.txId],
      );
      await sql.query(
        `insert into ledger_history (key, block_number, tx_id, value, tx_time)
         select k, $3, $4, v, $5 from unnest($1::text[], $2::text[]) as w(k, v)`,
        [stored, values, header.number, transaction.txId, header.createdAt],
      );
    }
    return { number: header.number, hash };
  }
}
