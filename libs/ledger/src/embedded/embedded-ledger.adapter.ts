import { createHash } from 'node:crypto';
import type { SqlClient } from '@pharmatrace/persistence';
import {
  contractContext,
  PharmaCustodyContract,
  RecordRejectedError,
  type AnchorResult,
  type LedgerIdentity,
  type RecordMarker,
  type SubjectState,
} from '../contract/chaincode';
import type { LedgerRecord } from '../ledger-record';
import type { Ledger, LedgerHistoryEntry, LedgerReceipt } from '../ledger.port';
import { LedgerUnavailableError } from '../ledger.error';
import { BatchSubmitter, type BatchSubmitterOptions } from '../submit/batch-submitter';
import type { CommittedTransaction, TransactionAttempt, TransactionPort } from '../submit/transaction.port';
import { BlockStore } from './block-store';
import { verifyChain, type ChainVerification, type TrustedKey } from './chain-verifier';
import { EmbeddedStoreError, EmbeddedStub } from './embedded-stub';
import type { NodeSigningKey } from './node-signing-key';

export interface EmbeddedLedgerOptions extends BatchSubmitterOptions {
  readonly sql: SqlClient;
  readonly key: NodeSigningKey;
  readonly clock?: { now(): Date };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** One chain per database: writers (in any process) take this advisory lock per transaction. */
const CHAIN_LOCK = `select pg_advisory_xact_lock(hashtext('pharmatrace.embedded-ledger'))`;

/**
 * The embedded ledger: the pharma-custody contract class run in process, over a world state and an
 * append-only chain of signed blocks in the database. The platform is trusted in embedded mode, so
 * the caller's organisation is the record's `submitterMsp`; the contract's custody rules, idempotency
 * and all-or-nothing batches apply exactly as on Fabric.
 */
export class EmbeddedLedger implements Ledger, TransactionPort {
  private readonly contract = new PharmaCustodyContract();
  private readonly store: BlockStore;
  private readonly submitter: BatchSubmitter;
  private readonly clock: { now(): Date };
  /** Transactions of this process, one at a time (the advisory lock orders processes). */
  private queue: Promise<unknown> = Promise.resolve();
  private signerRegistered = false;

  constructor(private readonly options: EmbeddedLedgerOptions) {
    this.store = new BlockStore(options.key);
    this.submitter = new BatchSubmitter(this, options);
    this.clock = options.clock ?? { now: () => new Date() };
  }

  submitBatch(records: readonly LedgerRecord[]): Promise<LedgerReceipt[]> {
    return this.submitter.submit(records);
  }

  canSubmitAs(): boolean {
    return true;
  }

  submit(msp: string, records: readonly LedgerRecord[]): Promise<TransactionAttempt> {
    return this.exclusive(() => this.transact(msp, records));
  }

  async locate(txId: string): Promise<CommittedTransaction | undefined> {
    const rows = await this.options.sql.query<{ number: string; hash: string }>(
      `select b.number::text as number, b.hash from ledger_transactions t join ledger_blocks b on b.number = t.block_number
        where t.tx_id = $1`,
      [txId],
    );
    const row = rows[0];
    return row && { blockNumber: Number(row.number), blockHash: row.hash };
  }

  async readRecord(subject: string): Promise<SubjectState | undefined> {
    const answer = await this.query((ctx) => this.contract.ReadRecord(ctx, subject));
    return answer === '' ? undefined : (JSON.parse(answer) as SubjectState);
  }

  async readRecords(subjects: readonly string[]): Promise<(SubjectState | undefined)[]> {
    const states: (SubjectState | undefined)[] = [];
    for (let start = 0; start < subjects.length; start += 500) {
      const chunk = JSON.stringify(subjects.slice(start, start + 500));
      const answer = JSON.parse(
        await this.query((ctx) => this.contract.ReadRecords(ctx, chunk)),
      ) as (SubjectState | null)[];
      states.push(...answer.map((s) => s ?? undefined));
    }
    return states;
  }

  async history(subject: string): Promise<LedgerHistoryEntry[]> {
    return JSON.parse(
      await this.query((ctx) => this.contract.RecordHistory(ctx, subject)),
    ) as LedgerHistoryEntry[];
  }

  async hasRecord(recordId: string): Promise<RecordMarker | undefined> {
    const answer = await this.query((ctx) => this.contract.HasRecord(ctx, recordId));
    return answer === '' ? undefined : (JSON.parse(answer) as RecordMarker);
  }

  /** Re-checks the whole chain; by default only this node's key is trusted. */
  verifyChain(trusted: readonly TrustedKey[] = [this.options.key]): Promise<ChainVerification> {
    return verifyChain(this.options.sql, trusted);
  }

  close(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  private async transact(msp: string, records: readonly LedgerRecord[]): Promise<TransactionAttempt> {
    const payload = JSON.stringify(records);
    try {
      if (!this.signerRegistered) {
        await this.store.registerSigner(this.options.sql);
        this.signerRegistered = true;
      }
      return await this.options.sql.transaction(async (tx): Promise<TransactionAttempt> => {
        await tx.query(CHAIN_LOCK);
        const head = await this.store.head(tx);
        // Unique per chain position and content, like a Fabric transaction id is per proposal.
        const txId = sha256(`${head?.hash ?? ''}|${msp}|${payload}`);
        const now = this.clock.now();
        const stub = new EmbeddedStub(tx, txId, now);
        let answer: string;
        try {
          answer = await this.contract.AnchorBatch(contractContext(stub, identityOf(msp)), payload);
        } catch (error) {
          if (error instanceof RecordRejectedError)
            return { kind: 'rejected', txId, rejection: error.rejection };
          if (error instanceof EmbeddedStoreError) throw error;
          return { kind: 'failed', txId, reason: error instanceof Error ? error.message : String(error) };
        }
        const result = JSON.parse(answer) as AnchorResult;
        const block = await this.store.append(tx, {
          transaction: {
            txId,
            mspId: msp,
            function: 'AnchorBatch',
            argumentHash: sha256(payload),
            ...(stub.event && { event: { name: stub.event.name, payloadHash: sha256(stub.event.payload) } }),
          },
          writes: stub.writes,
          createdAt: now,
        });
        return {
          kind: 'committed',
          txId,
          blockNumber: block.number,
          blockHash: block.hash,
          results: result.results,
        };
      });
    } catch (error) {
      throw new LedgerUnavailableError(
        `embedded ledger: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
  }

  /** Runs a query transaction of the contract over the committed state. */
  private query(work: (ctx: ReturnType<typeof contractContext>) => Promise<string>): Promise<string> {
    const stub = new EmbeddedStub(this.options.sql, 'query', this.clock.now());
    return work(contractContext(stub, identityOf('embedded')));
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function identityOf(msp: string): LedgerIdentity {
  return { getMSPID: () => msp, getID: () => `embedded::/O=${msp}/OU=client/CN=pharmatrace::/O=${msp}` };
}
