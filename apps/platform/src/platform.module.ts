import { Module, type DynamicModule } from '@nestjs/common';
import { CaptureModule } from '@pharmatrace/capture';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { DemoModule } from '@pharmatrace/demo';
import { MasterDataModule } from '@pharmatrace/master-data';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';

/** Every service of the platform in one process, on whichever ports `openPorts` chose. */
@Module({})
export class PlatformModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        RuntimeModule.forRoot(ports),
        MasterDataModule,
        CaptureModule,
        CustodyProcessingModule,
        DemoModule,
      ],
    };
  }
}
