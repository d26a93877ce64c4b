import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { canonicalJson } from '@pharmatrace/custody';
import { anchorRecords, MAX_RECORDS_PER_TRANSACTION, REGULATORS_CONFIG } from './anchor/anchor-batch';
import { RecordRejectedError } from './anchor/record-rejection';
import type { RecordOperation } from './record/ledger-record';
import { WorldState } from './state/world-state';

/** Transaction names, shared with the clients (Fabric gateway and embedded ledger). */
export const Transactions = {
  AnchorBatch: 'AnchorBatch',
  Commission: 'Commission',
  HandOver: 'HandOver',
  Receive: 'Receive',
  Decommission: 'Decommission',
  Undo: 'Undo',
  Recall: 'Recall',
  LiftRecall: 'LiftRecall',
  ReadRecord: 'ReadRecord',
  ReadRecords: 'ReadRecords',
  RecordHistory: 'RecordHistory',
  HasRecord: 'HasRecord',
  SetRegulators: 'SetRegulators',
  GetRegulators: 'GetRegulators',
} as const;

const MSP = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function parseJson(json: string, what: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    throw new RecordRejectedError({
      index: 0,
      recordId: '',
      code: 'INVALID_RECORD',
      reason: `${what} is not JSON`,
    });
  }
}

function invalid(reason: string): RecordRejectedError {
  return new RecordRejectedError({ index: 0, recordId: '', code: 'INVALID_RECORD', reason });
}

/**
 * PharmaTrace custody on the ledger. Thin: every transaction parses its argument and hands over to
 * anchorRecords (all rules) or WorldState (reads). Results are sorted-key JSON strings.
 */
@Info({
  title: 'PharmaCustody',
  description: 'Anchors custody records and enforces custody between organisations',
})
export class PharmaCustodyContract extends Contract {
  constructor() {
    super('PharmaCustody');
  }

  /** Applies many records at once, all or nothing; already anchored ones are skipped. */
  @Transaction()
  @Returns('string')
  async AnchorBatch(ctx: Context, recordsJson: string): Promise<string> {
    const values = parseJson(recordsJson, 'the batch');
    if (!Array.isArray(values)) throw invalid('the batch must be a JSON array of records');
    if (values.length === 0 || values.length > MAX_RECORDS_PER_TRANSACTION) {
      throw invalid(`a batch holds 1 to ${MAX_RECORDS_PER_TRANSACTION} records, not ${values.length}`);
    }
    return canonicalJson(await anchorRecords(ctx, values));
  }

  @Transaction()
  @Returns('string')
  Commission(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['commission']);
  }

  /** Shipping: only the custodian's organisation may hand an object over. */
  @Transaction()
  @Returns('string')
  HandOver(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['ship']);
  }

  /** Receiving: only the destination's organisation may take custody. */
  @Transaction()
  @Returns('string')
  Receive(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['receive']);
  }

  @Transaction()
  @Returns('string')
  Decommission(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['decommission']);
  }

  @Transaction()
  @Returns('string')
  Undo(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['undo']);
  }

  @Transaction()
  @Returns('string')
  Recall(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['recall', 'recall_lot']);
  }

  @Transaction()
  @Returns('string')
  LiftRecall(ctx: Context, recordJson: string): Promise<string> {
    return this.single(ctx, recordJson, ['lift_recall']);
  }

  /** The subject's state on the ledger, or an empty string. */
  @Transaction(false)
  @Returns('string')
  async ReadRecord(ctx: Context, subject: string): Promise<string> {
    const state = await new WorldState(ctx.stub).subject(subject);
    return state ? canonicalJson(state) : '';
  }

  /** The states of many subjects (up to 1000), in the order asked, `null` where there is none. */
  @Transaction(false)
  @Returns('string')
  async ReadRecords(ctx: Context, subjectsJson: string): Promise<string> {
    const subjects = parseJson(subjectsJson, 'the subject list');
    if (
      !Array.isArray(subjects) ||
      subjects.length > MAX_RECORDS_PER_TRANSACTION ||
      !subjects.every((s): s is string => typeof s === 'string')
    ) {
      throw invalid(`subjects must be a JSON array of at most ${MAX_RECORDS_PER_TRANSACTION} strings`);
    }
    const state = new WorldState(ctx.stub);
    const states: unknown[] = [];
    for (const subject of subjects) states.push((await state.subject(subject)) ?? null);
    return canonicalJson(states);
  }

  /** Every committed version of the subject's state, newest first, with its transaction. */
  @Transaction(false)
  @Returns('string')
  async RecordHistory(ctx: Context, subject: string): Promise<string> {
    return canonicalJson(await new WorldState(ctx.stub).history(subject));
  }

  /** The anchoring marker of a record (`{recordId, subject, stateHash, txId}`), or an empty string. */
  @Transaction(false)
  @Returns('string')
  async HasRecord(ctx: Context, recordId: string): Promise<string> {
    const marker = await new WorldState(ctx.stub).marker(recordId);
    return marker ? canonicalJson(marker) : '';
  }

  /**
   * Sets the organisations acting as regulators (may recall and lift any lot). Only an admin
   * identity (NodeOU `admin`) may call it; see the README for the governance caveat.
   */
  @Transaction()
  @Returns('string')
  async SetRegulators(ctx: Context, mspIdsJson: string): Promise<string> {
    if (!/\/OU=admin\//.test(`${ctx.clientIdentity.getID().split('::')[1] ?? ''}/`)) {
      throw new RecordRejectedError({
        index: 0,
        recordId: '',
        code: 'NOT_AUTHORISED',
        reason: 'only an organisation admin may set the regulators',
      });
    }
    const ids = parseJson(mspIdsJson, 'the regulator list');
    if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string' && MSP.test(id))) {
      throw invalid('regulators must be a JSON array of MSP ids');
    }
    const sorted = [...new Set(ids)].sort();
    const state = new WorldState(ctx.stub);
    state.putConfig(REGULATORS_CONFIG, sorted);
    await state.flush();
    ctx.stub.setEvent('RegulatorsSet', new TextEncoder().encode(canonicalJson({ regulators: sorted })));
    return canonicalJson(sorted);
  }

  @Transaction(false)
  @Returns('string')
  async GetRegulators(ctx: Context): Promise<string> {
    return canonicalJson((await new WorldState(ctx.stub).config<string[]>(REGULATORS_CONFIG)) ?? []);
  }

  private async single(
    ctx: Context,
    recordJson: string,
    operations: readonly RecordOperation[],
  ): Promise<string> {
    const value = parseJson(recordJson, 'the record');
    const operation = (value as { operation?: unknown } | null)?.operation;
    if (!operations.includes(operation as RecordOperation)) {
      throw invalid(`this transaction takes ${operations.join(' or ')} records, not ${String(operation)}`);
    }
    return canonicalJson(await anchorRecords(ctx, [value]));
  }
}
