import { EndorseError, StatusCode, type Contract } from '@hyperledger/fabric-gateway';
import { Transactions, type AnchorResult, type RecordMarker, type SubjectState } from '../contract/chaincode';
import type { LedgerRecord } from '../ledger-record';
import type { Ledger, LedgerHistoryEntry, LedgerReceipt } from '../ledger.port';
import { LedgerUnavailableError } from '../ledger.error';
import { BatchSubmitter, type BatchSubmitterOptions } from '../submit/batch-submitter';
import type { CommittedTransaction, TransactionAttempt, TransactionPort } from '../submit/transaction.port';
import { FabricBlocks } from './fabric-blocks';
import { FabricConnections } from './fabric-connections';
import { classifyEndorsementError, unavailable } from './fabric-error.mapper';
import type { FabricLedgerConfig } from './fabric-ledger.config';

export interface FabricLedgerOptions extends BatchSubmitterOptions {
  /**
   * A refusal is endorsed again this many times before it is final (default 1): a peer that has just
   * restarted may not have caught up yet and refuse what the others accept.
   */
  rejectionRechecks?: number;
  rejectionRecheckMs?: number;
}

const READ_CHUNK = 500;
const decoder = new TextDecoder();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function text(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * The ledger on Hyperledger Fabric, through the Fabric Gateway: each record is submitted by the
 * gateway identity of the organisation that reported it, transactions are submitted asynchronously
 * (submitAsync, then the commit status) with several in flight, and only an MVCC read conflict is
 * resubmitted. Reads are evaluated on one peer.
 */
export class FabricLedger implements Ledger, TransactionPort {
  private readonly connections: FabricConnections;
  private readonly blocks: FabricBlocks;
  private readonly submitter: BatchSubmitter;
  private readonly rechecks: number;
  private readonly recheckMs: number;
  private readonly endorsing: { endorsingOrganizations?: string[] };

  constructor(config: FabricLedgerConfig, options: FabricLedgerOptions = {}) {
    this.connections = new FabricConnections(config);
    this.blocks = new FabricBlocks(this.connections, config.channel, config.blockHashes);
    this.submitter = new BatchSubmitter(this, options);
    this.rechecks = options.rejectionRechecks ?? 1;
    this.recheckMs = options.rejectionRecheckMs ?? 300;
    this.endorsing = config.endorsingOrganizations
      ? { endorsingOrganizations: [...config.endorsingOrganizations] }
      : {};
  }

  /** MSP ids this client can submit as. */
  get organisations(): string[] {
    return this.connections.mspIds;
  }

  submitBatch(records: readonly LedgerRecord[]): Promise<LedgerReceipt[]> {
    return this.submitter.submit(records);
  }

  canSubmitAs(msp: string): boolean {
    return this.connections.has(msp);
  }

  async submit(msp: string, records: readonly LedgerRecord[]): Promise<TransactionAttempt> {
    const payload = JSON.stringify(records);
    const contract = this.connections.contract(msp);
    for (let attempt = 0; ; attempt++) {
      let submitted;
      try {
        submitted = await contract.submitAsync(Transactions.AnchorBatch, {
          arguments: [payload],
          ...this.endorsing,
        });
      } catch (error) {
        const failure = classifyEndorsementError(error, `endorsing ${records.length} records as ${msp}`);
        const txId = error instanceof EndorseError ? error.transactionId : '';
        if (failure.kind === 'rejected') {
          if (failure.rejection.code !== 'INVALID_RECORD' && attempt < this.rechecks) {
            await sleep(this.recheckMs);
            continue;
          }
          return { kind: 'rejected', txId, rejection: failure.rejection };
        }
        return { kind: 'failed', txId, reason: failure.reason };
      }
      const txId = submitted.getTransactionId();
      const result = JSON.parse(text(submitted.getResult())) as AnchorResult;
      let status;
      try {
        status = await submitted.getStatus();
      } catch (error) {
        throw unavailable(error, `commit status of ${txId}`);
      }
      if (status.code === StatusCode.MVCC_READ_CONFLICT || status.code === StatusCode.PHANTOM_READ_CONFLICT) {
        return { kind: 'conflict', txId, reason: `validation code ${status.code}` };
      }
      if (!status.successful) {
        throw new LedgerUnavailableError(
          `transaction ${txId} committed as invalid (validation code ${status.code})`,
        );
      }
      const blockHash = await this.blocks.hashOf(status.blockNumber, msp);
      return {
        kind: 'committed',
        txId,
        blockNumber: Number(status.blockNumber),
        ...(blockHash !== undefined && { blockHash }),
        results: result.results,
      };
    }
  }

  locate(txId: string): Promise<CommittedTransaction | undefined> {
    return this.blocks.locate(txId);
  }

  async readRecord(subject: string): Promise<SubjectState | undefined> {
    const answer = await this.evaluate(Transactions.ReadRecord, subject);
    return answer === '' ? undefined : (JSON.parse(answer) as SubjectState);
  }

  async readRecords(subjects: readonly string[]): Promise<(SubjectState | undefined)[]> {
    const states: (SubjectState | undefined)[] = [];
    for (let start = 0; start < subjects.length; start += READ_CHUNK) {
      const chunk = subjects.slice(start, start + READ_CHUNK);
      const answer = JSON.parse(
        await this.evaluate(Transactions.ReadRecords, JSON.stringify(chunk)),
      ) as (SubjectState | null)[];
      states.push(...answer.map((s) => s ?? undefined));
    }
    return states;
  }

  async history(subject: string): Promise<LedgerHistoryEntry[]> {
    return JSON.parse(await this.evaluate(Transactions.RecordHistory, subject)) as LedgerHistoryEntry[];
  }

  /** The anchoring marker of a record, or undefined when it is not on the ledger. */
  async hasRecord(recordId: string): Promise<RecordMarker | undefined> {
    const answer = await this.evaluate(Transactions.HasRecord, recordId);
    return answer === '' ? undefined : (JSON.parse(answer) as RecordMarker);
  }

  /** The contract as `msp` sees it, for calls outside the port (tests, operations). */
  contract(msp?: string): Contract {
    return this.connections.contract(msp);
  }

  close(): Promise<void> {
    this.connections.close();
    return Promise.resolve();
  }

  private async evaluate(name: string, argument: string): Promise<string> {
    try {
      return text(await this.connections.contract().evaluate(name, { arguments: [argument] }));
    } catch (error) {
      throw unavailable(error, `evaluating ${name}`);
    }
  }
}
