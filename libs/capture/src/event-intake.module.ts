import { Module } from '@nestjs/common';
import { MasterDataModule } from '@pharmatrace/master-data';
import { EventIntake } from './event-intake.service';
import { LoggedEventIntake } from './logged-event-intake.service';

/**
 * Only the door into the event log, for services that produce events but serve no EPCIS API (the
 * edge gateway, the verification API's dispense).
 */
@Module({
  imports: [MasterDataModule],
  providers: [LoggedEventIntake, { provide: EventIntake, useExisting: LoggedEventIntake }],
  exports: [EventIntake, LoggedEventIntake],
})
export class EventIntakeModule {}
