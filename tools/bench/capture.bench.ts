/**
 * EPCIS events per second from HTTP to stored: documents POSTed to /epcis/capture on loopback, through
 * Kafka, written to PostgreSQL by the event-store consumer.
 *
 *   npm run infra:up   # PostgreSQL + Kafka
 *   node tools/bin/run-app.js tools/bench/capture.bench.ts [events=50000]
 *
 * Bounded: at most 200,000 events (documents of 2,000) and 5 minutes.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { ApiKeyService, ParticipantRepository } from '@pharmatrace/auth';
import { CaptureModule } from '@pharmatrace/capture';
import { commissioningDocument } from '@pharmatrace/capture/testing';
import { loadPlatformConfig } from '@pharmatrace/config';
import { MasterDataModule } from '@pharmatrace/master-data';
import { createHttpApp, openPorts, RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { engineSettings, uniqueName } from '@pharmatrace/testing';

@Module({})
class BenchModule {
  static with(ports: RuntimePorts): DynamicModule {
    return { module: BenchModule, imports: [RuntimeModule.forRoot(ports), MasterDataModule, CaptureModule] };
  }
}

async function main(): Promise<void> {
  const requested = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 50_000);
  const perDocument = 2000;
  const documents = Math.max(1, Math.min(100, Math.round(requested / perDocument)));
  const total = documents * perDocument;
  const engines = engineSettings();
  const schema = uniqueName('capbench').replace(/-/g, '_');
  const config = loadPlatformConfig({
    DATABASE_URL: engines.databaseUrl,
    KAFKA_BROKERS: engines.kafkaBrokers.join(','),
  });
  const ports = await openPorts(config, { schema, namespace: schema });
  const app = await createHttpApp(BenchModule.with(ports), { title: 'bench', logLevels: ['error', 'warn'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  try {
    await app.get(ParticipantRepository).save({
      gln: '0614141000012',
      name: 'bench',
      role: 'manufacturer',
      companyPrefixes: ['0614141'],
      mspId: undefined,
      locations: [{ sgln: 'urn:epc:id:sgln:0614141.00001.0', name: 'plant' }],
    });
    const { key } = await app.get(ApiKeyService).issue('0614141000012', 'bench');
    const bodies = Array.from({ length: documents }, (_, d) =>
      JSON.stringify(commissioningDocument(perDocument, `D${d}X`)),
    );
    const stored = async () =>
      (await ports.database.sql.query<{ n: number }>(`select count(*)::int as n from epcis_events`))[0]?.n ??
      0;

    const started = process.hrtime.bigint();
    let accepted = 0;
    // Two documents in flight: a client pipelining its uploads.
    const queue = [...bodies];
    await Promise.all(
      [0, 1].map(async () => {
        for (let body = queue.shift(); body; body = queue.shift()) {
          const response = await fetch(`${base}/epcis/capture`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body,
          });
          if (response.status !== 202)
            throw new Error(`capture answered ${response.status}: ${await response.text()}`);
          accepted += perDocument;
        }
      }),
    );
    const acceptedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const deadline = Date.now() + 300_000;
    let count = await stored();
    while (count < total && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      count = await stored();
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const load = (await import('node:os')).loadavg()[0]?.toFixed(1);
    process.stdout.write(
      `capture: ${accepted} events accepted (202) in ${acceptedSeconds.toFixed(2)} s = ${Math.round(accepted / acceptedSeconds)} events/s; ` +
        `${count} stored in ${seconds.toFixed(2)} s = ${Math.round(count / seconds)} events/s HTTP to stored (load average ${load})\n`,
    );
    if (count !== total) process.exitCode = 1;
  } finally {
    await app.close();
    await ports.database.sql.query(`drop schema if exists "${schema}" cascade`);
    await ports.close();
  }
}

void main();
