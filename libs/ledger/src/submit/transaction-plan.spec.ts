import { LedgerRecordFactory, ORG1, ORG2 } from '../testing';
import { planTransactions } from './transaction-plan';

const f = new LedgerRecordFactory();
const shape = (waves: ReturnType<typeof planTransactions>) =>
  waves.map((wave) => wave.map((tx) => `${tx.msp}:${tx.records.map((r) => r.subject.slice(-2)).join(',')}`));

describe('planTransactions', () => {
  it('puts independent records of one organisation in transactions of at most the bound', () => {
    const records = [1, 2, 3, 4, 5].map((i) => f.commission(f.sgtin(`0${i}`)));
    expect(shape(planTransactions(records, 2))).toEqual([['Org1MSP:01,02', 'Org1MSP:03,04', 'Org1MSP:05']]);
  });

  it('keeps a subject in one transaction, in order, when one organisation reports all of it', () => {
    const [a, b] = [f.sgtin('0a'), f.sgtin('0b')];
    const waves = planTransactions([f.commission(a), f.commission(b), f.ship(a, ORG1, ORG2)], 10);
    expect(waves).toHaveLength(1);
    expect(waves[0]?.[0]?.records.map((r) => r.operation)).toEqual(['commission', 'commission', 'ship']);
  });

  it('orders a handover between organisations into successive waves', () => {
    const [a, b] = [f.sgtin('1a'), f.sgtin('1b')];
    const records = [
      f.commission(a),
      f.ship(a, ORG1, ORG2),
      f.receive(a, ORG2),
      f.commission(b),
      f.ship(a, ORG2, ORG1),
    ];
    expect(shape(planTransactions(records, 10))).toEqual([['Org1MSP:1a,1a,1b'], ['Org2MSP:1a,1a']]);
  });

  it('runs a lot change after the packs that read the lot before it, and before those that read it after', () => {
    const [a, b] = [f.sgtin('2a'), f.sgtin('2b')];
    const records = [f.decommission(a, ORG2), f.recall('LOT-1'), f.decommission(b, ORG2)];
    const waves = planTransactions(records, 10);
    expect(waves.map((w) => w.map((tx) => tx.records.map((r) => r.operation)))).toEqual([
      [['decommission']],
      [['recall_lot']],
      [['decommission']],
    ]);
  });

  it('moves a dependent record to the next wave when its predecessor’s transaction is full', () => {
    const a = f.sgtin('3a');
    const records = [f.commission(f.sgtin('3x')), f.commission(a), f.ship(a, ORG1, ORG2)];
    expect(shape(planTransactions(records, 2))).toEqual([['Org1MSP:3x,3a'], ['Org1MSP:3a']]);
  });

  it('refuses a non-positive bound', () => {
    expect(() => planTransactions([], 0)).toThrow(RangeError);
  });
});
