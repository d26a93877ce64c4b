import { Module, type DynamicModule } from '@nestjs/common';
import { EventIntakeModule } from '@pharmatrace/capture';
import { loadPlatformConfig } from '@pharmatrace/config';
import {
  EdgeModule,
  loadEdgeGatewayOptions,
  provisionerFromEnv,
  type BrokerProvisioner,
  type EdgeGatewayOptions,
} from '@pharmatrace/edge';
import {
  closeOnSignal,
  createHttpApp,
  openPorts,
  RuntimeModule,
  type RuntimePorts,
} from '@pharmatrace/runtime';

@Module({})
class EdgeGatewayAppModule {
  static with(
    ports: RuntimePorts,
    gateway: EdgeGatewayOptions,
    provisioner: BrokerProvisioner,
  ): DynamicModule {
    return {
      module: EdgeGatewayAppModule,
      imports: [
        RuntimeModule.forRoot(ports),
        EdgeModule.forRoot({ gateway, provisioner, intake: [EventIntakeModule] }),
      ],
    };
  }
}

/**
 * The MQTT edge gateway on its own (`node tools/bin/run-app.js apps/edge-gateway/src/main.ts`): the
 * device registry API on HTTP_PORT and the gateway consuming MQTT_URL. Configuration: libs/edge README.
 */
async function main(): Promise<void> {
  const config = loadPlatformConfig();
  const gateway = loadEdgeGatewayOptions();
  const provisioner = provisionerFromEnv();
  const ports = await openPorts(config);
  const app = await createHttpApp(EdgeGatewayAppModule.with(ports, gateway, provisioner), {
    title: 'PharmaTrace edge gateway',
  });
  closeOnSignal(app, () => ports.close());
  await app.listen(config.httpPort, config.httpHost);
}

void main();
