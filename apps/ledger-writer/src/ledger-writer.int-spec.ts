import { loadPlatformConfig } from '@pharmatrace/config';
import type { Participant, ParticipantDirectory } from '@pharmatrace/custody';
import { CustodyWorld, sgtinOf } from '@pharmatrace/custody/testing';
import { ledgerRecordsOf } from '@pharmatrace/custody-processing';
import type { EpcisEvent } from '@pharmatrace/epcis';
import { FabricLedger, fabricLedgerConfig, type LedgerRecord, type ReceiptRow } from '@pharmatrace/ledger';
import { DeadLetterTopics, Topics, type ConsumedRecord } from '@pharmatrace/messaging';
import { openPorts, type OpenPorts } from '@pharmatrace/runtime';
import {
  engineEnvironment,
  engineSettings,
  freePort,
  startChildService,
  uniqueName,
  waitFor,
  type ChildService,
} from '@pharmatrace/testing';
// The ledger's test factories (no @pharmatrace/ledger/testing alias yet; see libs/ledger/README.md).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { LedgerRecordFactory, ORG1, ORG2 } from '../../../libs/ledger/src/testing';

/** FABRIC_* as infra/fabric wrote them, for the child process. */
function fabricEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(engineEnvironment()).filter(([k]) => k.startsWith('FABRIC_')));
}

describe('ledger-writer on Kafka, PostgreSQL and Fabric', () => {
  let ports: OpenPorts;
  let schema: string;
  let namespace: string;
  let child: ChildService | undefined;
  let ledger: FabricLedger;
  let port: number;
  const f = new LedgerRecordFactory(uniqueName('W').replace(/-/g, ''));
  const sql = () => ports.database.sql;

  beforeAll(async () => {
    schema = uniqueName('lw').replace(/-/g, '_');
    namespace = schema;
    const engines = engineSettings();
    const config = loadPlatformConfig({
      DATABASE_URL: engines.databaseUrl,
      KAFKA_BROKERS: engines.kafkaBrokers.join(','),
    });
    ports = await openPorts(config, { schema, namespace });
    const fabric = fabricLedgerConfig(engineEnvironment());
    if (!fabric) throw new Error('FABRIC_* not configured: run `bash infra/infra.sh up fabric`');
    ledger = new FabricLedger(fabric);
    port = await freePort();
  }, 60_000);

  afterAll(async () => {
    await child?.kill('SIGKILL');
    await ledger.close();
    await sql().query(`drop schema if exists "${schema}" cascade`);
    await ports.close();
  }, 60_000);

  const start = (batch = 1000) =>
    startChildService(
      'apps/ledger-writer/src/main.ts',
      {
        ...fabricEnv(),
        DATABASE_URL: engineSettings().databaseUrl,
        DATABASE_SCHEMA: schema,
        KAFKA_BROKERS: engineSettings().kafkaBrokers.join(','),
        EVENT_LOG_NAMESPACE: namespace,
        HTTP_PORT: String(port),
        CONSUMER_BATCH_SIZE: String(batch),
      },
      async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok,
    );

  const publish = (records: (LedgerRecord | string)[]) =>
    ports.eventLog.publish(
      Topics.LedgerRecords,
      records.map((r) =>
        typeof r === 'string' ? { key: 'poison', value: r } : { key: r.subject, value: JSON.stringify(r) },
      ),
    );

  const receipts = (ids: readonly string[]) =>
    sql().query<ReceiptRow>(
      `select record_id, subject, record_hash, tx_id, block_number::text as block_number, block_hash, status, reason, anchored_at
         from ledger_receipts where record_id = any($1::text[])`,
      [ids],
    );

  it('anchors published records and stores their receipts; a refused record does not block the others', async () => {
    const a = f.sgtin('a');
    const records = [f.commission(a), f.ship(a, ORG1, ORG2), f.receive(a, ORG2), f.ship(a, ORG1, ORG2)];
    const fresh = Array.from({ length: 20 }, (_, i) => f.commission(f.sgtin(`b${i}`)));
    await publish([...records, 'not a record', ...fresh]);
    child = await start();
    const ids = [...records, ...fresh].map((r) => r.recordId);
    await waitFor(async () => (await receipts(ids)).length === ids.length, 90_000, 'every receipt');
    const rows = new Map((await receipts(ids)).map((r) => [r.record_id, r]));
    const refused = records[3]?.recordId ?? '';
    expect(rows.get(refused)).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^NOT_CUSTODIAN: /),
    });
    const anchored = ids.filter((id) => id !== refused).map((id) => rows.get(id));
    expect(anchored.every((r) => r?.status === 'anchored' && r.tx_id && r.block_number && r.block_hash)).toBe(
      true,
    );
    expect((await ledger.readRecord(a))?.custodianMsp).toBe(ORG2.msp);
    // The undecodable record went to the dead-letter topic.
    const dead: ConsumedRecord[] = [];
    const consumer = await ports.eventLog.consume({
      groupId: uniqueName('dlq-check'),
      topic: DeadLetterTopics.LedgerRecords,
      handleBatch: (batch) => {
        dead.push(...batch);
        return Promise.resolve();
      },
    });
    await waitFor(() => Promise.resolve(dead.length > 0), 30_000, 'the dead letter');
    await consumer.stop();
    // At least once, like every delivery of the log.
    expect(new Set(dead.map((d) => d.value))).toEqual(new Set(['not a record']));
  }, 180_000);

  it('anchors nothing twice when killed mid-stream and restarted', async () => {
    await child?.kill('SIGTERM');
    const records = Array.from({ length: 600 }, (_, i) => f.commission(f.sgtin(`k${i}`)));
    await publish(records);
    const ids = records.map((r) => r.recordId);
    const count = async () => (await receipts(ids)).length;
    child = await start(100); // small batches, so the kill lands between them
    await waitFor(async () => (await count()) >= 100, 120_000, 'some receipts');
    await child.kill('SIGKILL');
    child = await start(100);
    await waitFor(async () => (await count()) === ids.length, 180_000, 'every receipt');
    const rows = await receipts(ids);
    expect(rows.every((r) => r.status === 'anchored')).toBe(true);
    // Once on the ledger: every receipt names the transaction whose marker the chaincode holds.
    const sample = rows.filter((_, i) => i % 20 === 0);
    for (const row of sample) {
      expect((await ledger.hasRecord(row.record_id))?.txId).toBe(row.tx_id);
      expect(await ledger.history(row.subject)).toHaveLength(1);
    }
  }, 360_000);

  it('anchors what the custody processor decides: commission, shipment and receipt by two organisations', async () => {
    const w = new CustodyWorld();
    // The demo network's manufacturer and wholesaler, as members of the test network's two organisations.
    const orgOf = new Map([
      [w.mfr.gln, ORG1.msp],
      [w.net.wholesaler.gln, ORG2.msp],
    ]);
    const member = (p: Participant | undefined) => p && { ...p, mspId: orgOf.get(p.gln) ?? p.mspId };
    const known = w.net.directory;
    const directory: ParticipantDirectory = {
      participant: (gln) => member(known.participant(gln)),
      ownerOfCompanyPrefix: (prefix) => member(known.ownerOfCompanyPrefix(prefix)),
      ownerOfGtin: (gtin) => member(known.ownerOfGtin(gtin)),
      ownerOfLocation: (sgln) => member(known.ownerOfLocation(sgln)),
      byMspId: (msp) => known.byMspId(msp),
    };
    const epc = sgtinOf(uniqueName('E2E').replace(/-/g, '').slice(0, 20));
    const steps: [EpcisEvent, Participant][] = [
      [w.events.commission([epc], { location: w.mfr.locations[0] ?? '' }), w.mfr],
      [w.events.ship([epc], w.net.wholesaler), w.mfr],
      [w.events.receive([epc], { location: w.net.wholesaler.locations[0] ?? '' }), w.net.wholesaler],
    ];
    const messages = steps.flatMap(([event, by]) => {
      const outcome = w.apply(event, by);
      expect(outcome.alerts).toEqual([]);
      const captured = { event, capturedBy: by.gln, captureId: 'e2e', recordTime: event.eventTime };
      return ledgerRecordsOf(captured, outcome, directory);
    });
    await ports.eventLog.publish(Topics.LedgerRecords, messages);
    const ids = messages.map((m) => (JSON.parse(m.value) as LedgerRecord).recordId);
    await waitFor(async () => (await receipts(ids)).length === ids.length, 120_000, 'the three receipts');
    expect((await receipts(ids)).map((r) => [r.status, r.reason])).toEqual(ids.map(() => ['anchored', null]));
    expect(await ledger.readRecord(epc)).toMatchObject({ custodianMsp: ORG2.msp, status: 'active' });
  }, 180_000);
});
