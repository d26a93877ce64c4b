import { createHash } from 'node:crypto';
import { lotSubject, type LedgerRecord } from '../record/ledger-record';

export interface Party {
  readonly gln: string;
  readonly msp: string;
}

/** Two organisations, as on the test network: a manufacturer and a pharmacy. */
export const ORG1: Party = { gln: '0614141000012', msp: 'Org1MSP' };
export const ORG2: Party = { gln: '9520001000010', msp: 'Org2MSP' };
export const GTIN = '10614141073464';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Valid ledger records as the custody processor writes them: unique ids, a version per subject that
 * goes up by one per record, hashes derived from a counter. `prefix` keeps runs apart on a shared
 * ledger (integration tests).
 */
export class LedgerRecordFactory {
  private counter = 0;
  private readonly versions = new Map<string, number>();

  constructor(private readonly prefix = 'T') {}

  /** An SGTIN URN of the test GTIN with a serial unique to this factory. */
  sgtin(serial: string | number): string {
    return `urn:epc:id:sgtin:0614141.107346.${this.prefix}${serial}`;
  }

  commission(epc: string, by: Party = ORG1, lot = 'LOT-1'): LedgerRecord {
    return this.pack(epc, 'commission', 'active', by, { custodian: by, lot });
  }

  ship(epc: string, from: Party, to: Party, lot = 'LOT-1'): LedgerRecord {
    return this.pack(epc, 'ship', 'in_transit', from, { custodian: from, destination: to, lot });
  }

  receive(epc: string, by: Party, lot = 'LOT-1'): LedgerRecord {
    return this.pack(epc, 'receive', 'active', by, { custodian: by, lot });
  }

  decommission(epc: string, by: Party, status = 'dispensed', lot = 'LOT-1'): LedgerRecord {
    return this.pack(epc, 'decommission', status, by, { custodian: by, lot });
  }

  undo(epc: string, by: Party, lot = 'LOT-1'): LedgerRecord {
    return this.pack(epc, 'undo', 'active', by, { custodian: by, lot });
  }

  recall(lot: string, by: Party = ORG1, owner: Party = ORG1): LedgerRecord {
    return this.lotRecord(lot, 'recall_lot', 'recalled', by, owner);
  }

  liftRecall(lot: string, by: Party = ORG1, owner: Party = ORG1): LedgerRecord {
    return this.lotRecord(lot, 'lift_recall', 'active', by, owner);
  }

  pack(
    epc: string,
    operation: LedgerRecord['operation'],
    status: string,
    by: Party,
    options: { custodian?: Party; destination?: Party; owner?: Party; lot?: string } = {},
  ): LedgerRecord {
    const owner = options.owner ?? ORG1;
    const custodian = options.custodian ?? by;
    const base = this.base(epc, operation, status, by, owner);
    return {
      ...base,
      kind: 'pack',
      custodianGln: custodian.gln,
      custodianMsp: custodian.msp,
      ...(options.destination && {
        destinationGln: options.destination.gln,
        destinationMsp: options.destination.msp,
      }),
      gtin: GTIN,
      lot: options.lot ?? 'LOT-1',
    };
  }

  private lotRecord(
    lot: string,
    operation: LedgerRecord['operation'],
    status: string,
    by: Party,
    owner: Party,
  ): LedgerRecord {
    return {
      ...this.base(lotSubject(GTIN, lot), operation, status, by, owner),
      kind: 'lot',
      gtin: GTIN,
      lot,
    };
  }

  private base(
    subject: string,
    operation: LedgerRecord['operation'],
    status: string,
    by: Party,
    owner: Party,
  ) {
    this.counter++;
    const version = (this.versions.get(subject) ?? 0) + 1;
    this.versions.set(subject, version);
    const eventHash = `ni:///sha-256;${sha256(`${this.prefix}-event-${this.counter}`)}?ver=CBV2.0`;
    return {
      recordId: `${eventHash}#${subject}`,
      subject,
      operation,
      status,
      ownerGln: owner.gln,
      ownerMsp: owner.msp,
      submitterGln: by.gln,
      submitterMsp: by.msp,
      stateHash: sha256(`${this.prefix}-state-${this.counter}`),
      eventHash,
      eventId: `urn:uuid:${this.prefix}-${this.counter}`,
      eventTime: new Date(Date.UTC(2026, 0, 1) + this.counter * 1000).toISOString(),
      version,
    };
  }
}
