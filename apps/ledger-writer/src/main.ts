import { Module, type DynamicModule } from '@nestjs/common';
import { loadPlatformConfig } from '@pharmatrace/config';
import { LedgerWriterModule, openLedger, type Ledger } from '@pharmatrace/ledger';
import {
  closeOnSignal,
  createHttpApp,
  MetricsRegistry,
  openPorts,
  RuntimeModule,
  type RuntimePorts,
} from '@pharmatrace/runtime';

@Module({})
class LedgerWriterAppModule {
  static with(ports: RuntimePorts, ledger: Ledger, maxBatchRecords: number): DynamicModule {
    return {
      module: LedgerWriterAppModule,
      imports: [
        RuntimeModule.forRoot(ports),
        LedgerWriterModule.forRoot(
          { ledger, eventLog: ports.eventLog, sql: ports.database.sql, maxBatchRecords },
          { countWith: MetricsRegistry },
        ),
      ],
    };
  }
}

/**
 * The ledger writer on its own: consumes `ledger.records` in its own consumer group, anchors the
 * records on Fabric (FABRIC_* settings, one identity per organisation) or on the embedded ledger, and
 * stores receipts in `ledger_receipts`; serves /health and /metrics.
 * `node tools/bin/run-app.js apps/ledger-writer/src/main.ts`.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const ports = await openPorts(config);
  const { ledger, kind } = openLedger(process.env, { sql: ports.database.sql, dataDir: config.dataDir });
  const app = await createHttpApp(LedgerWriterAppModule.with(ports, ledger, config.consumerBatchSize), {
    title: `PharmaTrace ledger writer (${kind} ledger)`,
  });
  closeOnSignal(app, () => ports.close(), [() => ledger.close()]);
  await app.listen(config.httpPort, config.httpHost);
}

void main();
