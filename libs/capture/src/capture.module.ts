import { Module } from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { MasterDataModule } from '@pharmatrace/master-data';
import { CaptureJobRepository } from './capture-job.repository';
import { CaptureController } from './capture.controller';
import { CaptureService } from './capture.service';
import { EventQueryController } from './event-query.controller';
import { EventQueryService } from './event-query.service';
import { EventStoreConsumer } from './event-store.consumer';
import { EventStoreRepository } from './event-store.repository';
import { EventIntakeModule } from './event-intake.module';

/** EPCIS 2.0 capture and query, and the consumer that fills the event store. */
@Module({
  imports: [AuthModule, MasterDataModule, EventIntakeModule],
  controllers: [CaptureController, EventQueryController],
  providers: [
    CaptureJobRepository,
    CaptureService,
    EventQueryService,
    EventStoreRepository,
    EventStoreConsumer,
  ],
  exports: [EventIntakeModule],
})
export class CaptureModule {}
