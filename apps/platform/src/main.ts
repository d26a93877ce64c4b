import { loadPlatformConfig } from '@pharmatrace/config';
import { credentialsPath, DemoSeeder, writeCredentials } from '@pharmatrace/demo';
import { openLedger } from '@pharmatrace/ledger';
import { closeOnSignal, createHttpApp, openPorts } from '@pharmatrace/runtime';
import { startBanner } from './banner';
import { edgeSettings, startEdge } from './platform-edge';
import { PlatformModule } from './platform.module';

/**
 * `npm start`: the whole platform in one process. Embedded parts (PGlite, database-backed event log,
 * aedes, embedded ledger) unless DATABASE_URL / KAFKA_BROKERS / MQTT_URL / FABRIC_* point at real
 * engines.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const edge = edgeSettings(config);
  const ports = await openPorts(config);
  const { ledger, kind: ledgerKind } = openLedger(process.env, {
    sql: ports.database.sql,
    dataDir: config.dataDir,
  });
  const app = await createHttpApp(
    PlatformModule.with({ ...ports, tuning: { consumerBatchSize: config.consumerBatchSize } }, edge, ledger),
    { title: 'PharmaTrace', logLevels: ['error', 'warn'] },
  );
  await app.listen(config.httpPort, config.httpHost);
  const broker = await startEdge(app, config, edge);
  closeOnSignal(app, () => ports.close(), [...(broker ? [() => broker.close()] : []), () => ledger.close()]);

  let credentialsFile: string | undefined;
  const seeder = app.get(DemoSeeder);
  const seedDemo = ports.mode.database === 'pglite' || process.env['SEED_DEMO'] === '1';
  if (seedDemo && (await seeder.isEmpty())) {
    const credentials = await seeder.seed({
      httpUrl: `http://${config.httpHost}:${config.httpPort}`,
      mqttUrl: config.mqttUrl ?? `mqtt://127.0.0.1:${config.mqttPort}`,
    });
    credentialsFile = writeCredentials(config.dataDir, credentials);
  } else if (seedDemo) {
    credentialsFile = credentialsPath(config.dataDir);
  }
  process.stdout.write(startBanner(config, ports, ledgerKind, credentialsFile, broker?.port));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `PharmaTrace failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
