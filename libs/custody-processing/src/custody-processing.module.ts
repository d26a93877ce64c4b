import { Module } from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { OutboxRelay } from '@pharmatrace/runtime';
import { AlertController } from './alert.controller';
import { PackStatsController } from './pack-stats.controller';
import { AlertRepository } from './alert.repository';
import { CustodyProcessor } from './custody-processor.service';
import { CustodyStoreRepository } from './custody-store.repository';

/** The custody processor (consumer of captured events), its outbox relay, and the alerts API. */
@Module({
  imports: [AuthModule],
  controllers: [AlertController, PackStatsController],
  providers: [CustodyStoreRepository, CustodyProcessor, OutboxRelay, AlertRepository],
  exports: [CustodyStoreRepository, AlertRepository],
})
export class CustodyProcessingModule {}
