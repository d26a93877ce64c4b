import { Module, type DynamicModule } from '@nestjs/common';
import { CaptureModule, EventIntakeModule } from '@pharmatrace/capture';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { DemoModule } from '@pharmatrace/demo';
import { EdgeModule, type BrokerProvisioner, type EdgeGatewayOptions } from '@pharmatrace/edge';
import { LedgerWriterModule, type Ledger } from '@pharmatrace/ledger';
import { MasterDataModule } from '@pharmatrace/master-data';
import { MetricsRegistry, RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { TraceModule } from '@pharmatrace/trace';
import { VerificationModule } from '@pharmatrace/verification';

export interface PlatformEdge {
  gateway: EdgeGatewayOptions;
  provisioner: BrokerProvisioner;
}

/**
 * Every service of the platform in one process, on whichever ports `openPorts` chose, with the ledger
 * writer anchoring on the ledger `openLedger` chose (embedded unless FABRIC_* is set).
 */
@Module({})
export class PlatformModule {
  static with(ports: RuntimePorts, edge: PlatformEdge, ledger: Ledger): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        RuntimeModule.forRoot(ports),
        MasterDataModule,
        CaptureModule,
        CustodyProcessingModule,
        VerificationModule,
        TraceModule,
        EdgeModule.forRoot({ ...edge, intake: [EventIntakeModule] }),
        LedgerWriterModule.forRoot(
          {
            ledger,
            eventLog: ports.eventLog,
            sql: ports.database.sql,
            maxBatchRecords: ports.tuning?.consumerBatchSize ?? 500,
          },
          { countWith: MetricsRegistry },
        ),
        DemoModule,
      ],
    };
  }
}
