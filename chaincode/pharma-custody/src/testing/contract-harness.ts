import type { AnchorResult } from '../anchor/anchor-batch';
import { parseRejection, RecordRejectedError, type RecordRejection } from '../anchor/record-rejection';
import { PharmaCustodyContract } from '../pharma-custody.contract';
import type { LedgerRecord } from '../record/ledger-record';
import type { SubjectState } from '../state/subject-state';
import { FakeLedger } from './fake-ledger';
import { LedgerRecordFactory, ORG1, type Party } from './record.factory';

/** The contract on a fresh fake peer, with a record factory and the calls the specs repeat. */
export class ContractHarness {
  readonly contract = new PharmaCustodyContract();
  readonly ledger = new FakeLedger();
  readonly records = new LedgerRecordFactory();

  async anchor(by: Party, batch: readonly LedgerRecord[]): Promise<AnchorResult> {
    const answer = await this.ledger.invoke(by.msp, (ctx) =>
      this.contract.AnchorBatch(ctx, JSON.stringify(batch)),
    );
    return JSON.parse(answer) as AnchorResult;
  }

  /** The rejection of a batch that must be refused; throws if it was anchored or failed otherwise. */
  async rejected(by: Party, batch: readonly LedgerRecord[]): Promise<RecordRejection> {
    try {
      await this.anchor(by, batch);
    } catch (error) {
      const rejection = error instanceof RecordRejectedError ? parseRejection(error.message) : undefined;
      if (rejection) return rejection;
      throw error;
    }
    throw new Error('the batch was anchored, not refused');
  }

  async read(subject: string): Promise<SubjectState | undefined> {
    const text = await this.ledger.invoke(ORG1.msp, (ctx) => this.contract.ReadRecord(ctx, subject));
    return text === '' ? undefined : (JSON.parse(text) as SubjectState);
  }
}
