import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { PrefixDirectory } from '@pharmatrace/master-data';
import { DeviceController } from './devices/device.controller';
import { DeviceRegistryService } from './devices/device-registry.service';
import { DeviceRepository } from './devices/device.repository';
import { EDGE_GATEWAY_OPTIONS, type EdgeGatewayOptions } from './gateway/edge-gateway.options';
import { EdgeGatewayService } from './gateway/edge-gateway.service';
import { BROKER_PROVISIONER, type BrokerProvisioner } from './provisioning/broker-provisioner';
import { StorageRangeRepository } from './telemetry/storage-range.repository';

export interface EdgeModuleOptions {
  gateway: EdgeGatewayOptions;
  /** How device logins reach the broker (see provisionerFromEnv). Closed with the application. */
  provisioner: BrokerProvisioner;
  /** Modules that export the EventIntake (the capture module, or a test double). */
  intake: NonNullable<ModuleMetadata['imports']>;
}

/** Closes the provisioner's broker connection on shutdown. */
@Injectable()
class ProvisionerLifecycle implements OnApplicationShutdown {
  constructor(@Inject(BROKER_PROVISIONER) private readonly provisioner: BrokerProvisioner) {}

  async onApplicationShutdown(): Promise<void> {
    await this.provisioner.close();
  }
}

/**
 * The MQTT edge: the device registry and its API (`/v1/devices`), and the gateway that turns device
 * messages into EPCIS events. Needs RuntimeModule (database, event log, clock) and an EventIntake.
 */
@Module({})
export class EdgeModule {
  static forRoot(options: EdgeModuleOptions): DynamicModule {
    return {
      module: EdgeModule,
      imports: [AuthModule, ...options.intake],
      controllers: [DeviceController],
      providers: [
        DeviceRepository,
        DeviceRegistryService,
        StorageRangeRepository,
        PrefixDirectory,
        { provide: BROKER_PROVISIONER, useValue: options.provisioner },
        { provide: EDGE_GATEWAY_OPTIONS, useValue: options.gateway },
        ProvisionerLifecycle,
        EdgeGatewayService,
      ],
      exports: [DeviceRegistryService, EdgeGatewayService],
    };
  }
}
