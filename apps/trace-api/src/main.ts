import { Module, type DynamicModule } from '@nestjs/common';
import { loadPlatformConfig } from '@pharmatrace/config';
import { MasterDataModule } from '@pharmatrace/master-data';
import {
  closeOnSignal,
  createHttpApp,
  openPorts,
  RuntimeModule,
  type RuntimePorts,
} from '@pharmatrace/runtime';
import { TraceModule } from '@pharmatrace/trace';

@Module({})
class TraceApiModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: TraceApiModule,
      imports: [RuntimeModule.forRoot(ports), MasterDataModule, TraceModule],
    };
  }
}

/**
 * Trace, recall and webhooks on their own: `node tools/bin/run-ts.js apps/trace-api/src/main.ts`.
 * Reads what the custody processor writes; the outbox rows it adds (ledger records, recall notices)
 * are published by the custody processor's outbox relay, which shares the database.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const ports = await openPorts(config);
  const app = await createHttpApp(TraceApiModule.with(ports), { title: 'PharmaTrace trace and recall API' });
  closeOnSignal(app, () => ports.close());
  await app.listen(config.httpPort, config.httpHost);
}

void main();
