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
import { VerificationModule } from '@pharmatrace/verification';

@Module({})
class VerificationApiModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: VerificationApiModule,
      imports: [RuntimeModule.forRoot(ports), MasterDataModule, VerificationModule],
    };
  }
}

/**
 * Verification, dispense and LVMS on their own: `node tools/bin/run-app.js apps/verification-api/src/main.ts`.
 * Dispense and decommission complete once a custody processor (apps/custody-processor, or the
 * platform) has applied their events.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const ports = await openPorts(config);
  const app = await createHttpApp(
    VerificationApiModule.with({ ...ports, tuning: { consumerBatchSize: config.consumerBatchSize } }),
    { title: 'PharmaTrace verification API', bodyLimit: 2 * 1024 * 1024 },
  );
  closeOnSignal(app, () => ports.close());
  await app.listen(config.httpPort, config.httpHost);
}

void main();
