import { Module, type DynamicModule } from '@nestjs/common';
import { loadPlatformConfig } from '@pharmatrace/config';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import {
  closeOnSignal,
  createHttpApp,
  openPorts,
  RuntimeModule,
  type RuntimePorts,
} from '@pharmatrace/runtime';

@Module({})
class CustodyProcessorAppModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: CustodyProcessorAppModule,
      imports: [RuntimeModule.forRoot(ports), CustodyProcessingModule],
    };
  }
}

/**
 * The custody processor on its own: consumes captured events in its own consumer group, serves the
 * alerts API, /health and /metrics. `node tools/bin/run-app.js apps/custody-processor/src/main.ts`.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const ports = await openPorts(config);
  const app = await createHttpApp(
    CustodyProcessorAppModule.with({ ...ports, tuning: { consumerBatchSize: config.consumerBatchSize } }),
    { title: 'PharmaTrace custody processor' },
  );
  closeOnSignal(app, () => ports.close());
  await app.listen(config.httpPort, config.httpHost);
}

void main();
