import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The embedded ledger (@pharmatrace/ledger, EmbeddedLedger): the pharma-custody contract's world state
 * and key history, an append-only chain of signed blocks (one per transaction), a transaction index
 * and the public keys blocks were signed with. Keys are Fabric composite keys (they contain U+0000,
 * which PostgreSQL text cannot hold), stored JSON-quoted; values are the contract's canonical JSON.
 */
export class Ledger1732300300000 implements MigrationInterface {
  name = 'Ledger1732300300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table ledger_blocks (
        number bigint primary key,
        previous_hash text not null,
        data_hash text not null,
        hash text not null unique,
        created_at timestamptz not null,
        signer_key_id text not null,
        signature text not null,
        data text not null
      );

      create table ledger_transactions (
        tx_id text primary key,
        block_number bigint not null references ledger_blocks (number),
        msp_id text not null,
        function_name text not null
      );

      create table ledger_world_state (
        key text primary key,
        value text not null,
        block_number bigint not null,
        tx_id text not null
      );

      create table ledger_history (
        key text not null,
        block_number bigint not null,
        tx_id text not null,
        value text not null,
        tx_time timestamptz not null,
        primary key (key, block_number)
      );

      create table ledger_signers (
        key_id text primary key,
        public_key text not null,
        created_at timestamptz not null default now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop table ledger_signers;
      drop table ledger_history;
      drop table ledger_world_state;
      drop table ledger_transactions;
      drop table ledger_blocks;
    `);
  }
}
