import { LedgerRecordFactory } from '../testing/record.factory';
import { decodeLedgerRecord, LedgerRecordError, parseLedgerRecord } from './ledger-record';

const f = new LedgerRecordFactory();

describe('decodeLedgerRecord', () => {
  it('accepts the records the custody processor writes, keeping only known fields', () => {
    const record = f.ship(
      f.sgtin(1),
      { gln: '0614141000012', msp: 'Org1MSP' },
      { gln: '9520001000010', msp: 'Org2MSP' },
    );
    expect(decodeLedgerRecord({ ...record, extra: 'dropped' })).toEqual(record);
    expect(parseLedgerRecord(JSON.stringify(f.recall('LOT-1')))).toMatchObject({
      kind: 'lot',
      operation: 'recall_lot',
    });
  });

  it('lists every problem of a malformed record', () => {
    const bad = {
      ...f.commission(f.sgtin(2)),
      stateHash: 'xyz',
      version: 0,
      kind: 'crate',
      recordId: 'other#x',
    };
    let error: unknown;
    try {
      decodeLedgerRecord(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LedgerRecordError);
    expect((error as LedgerRecordError).problems).toEqual([
      'kind must be one of pack, container, lot',
      'stateHash "xyz" is malformed',
      'version must be a positive integer',
      'recordId must end with "#<subject>"',
    ]);
  });

  it('checks the subject against the kind', () => {
    const lot = f.recall('LOT-1');
    expect(() => decodeLedgerRecord({ ...lot, lot: 'LOT-2' })).toThrow(/gtin and lot of its subject/);
    const pack = f.commission(f.sgtin(3));
    const { gtin: _gtin, ...withoutGtin } = pack;
    expect(() => decodeLedgerRecord(withoutGtin)).toThrow(/must carry its gtin and lot/);
    expect(() => parseLedgerRecord('[')).toThrow(/not JSON/);
    expect(() => decodeLedgerRecord([pack])).toThrow(/JSON object/);
  });
});
