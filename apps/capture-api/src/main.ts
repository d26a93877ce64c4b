import { Module, type DynamicModule } from '@nestjs/common';
import { CaptureModule } from '@pharmatrace/capture';
import { loadPlatformConfig } from '@pharmatrace/config';
import { MasterDataModule } from '@pharmatrace/master-data';
import {
  closeOnSignal,
  createHttpApp,
  openPorts,
  RuntimeModule,
  type RuntimePorts,
} from '@pharmatrace/runtime';

@Module({})
class CaptureApiModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: CaptureApiModule,
      imports: [RuntimeModule.forRoot(ports), MasterDataModule, CaptureModule],
    };
  }
}

/** EPCIS capture and query on their own: `node tools/bin/run-ts.js apps/capture-api/src/main.ts`. */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const ports = await openPorts(config);
  const app = await createHttpApp(
    CaptureApiModule.with({ ...ports, tuning: { consumerBatchSize: config.consumerBatchSize } }),
    { title: 'PharmaTrace capture API' },
  );
  closeOnSignal(app, () => ports.close());
  await app.listen(config.httpPort, config.httpHost);
}

void main();
