import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@pharmatrace/auth';
import { CustodyStoreRepository } from '@pharmatrace/custody-processing';
import { MasterDataModule } from '@pharmatrace/master-data';
import { AccessAuditRepository } from './access/access-audit.repository';
import { PartyNamesRepository } from './access/party-names.repository';
import { RecallCommandService } from './recall/recall-command.service';
import { RecallEventsRepository } from './recall/recall-events.repository';
import { RecallNoticeWriter } from './recall/recall-notice.writer';
import { RecallQueryService } from './recall/recall-query.service';
import { RecallReportRepository } from './recall/recall-report.repository';
import { RecallController } from './recall/recall.controller';
import { RecallRepository } from './recall/recall.repository';
import { IdentifierResolver } from './trace/identifier.resolver';
import { TraceController } from './trace/trace.controller';
import { TraceRepository } from './trace/trace.repository';
import { TraceService } from './trace/trace.service';
import { TRACE_OPTIONS, type TraceOptions } from './trace.options';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookController } from './webhooks/webhook.controller';
import { WebhookDispatcher } from './webhooks/webhook.dispatcher';
import { WebhookRepository } from './webhooks/webhook.repository';
import { WebhookService } from './webhooks/webhook.service';

/**
 * Trace and recall for regulators: GET /v1/trace/{epc}, the recall API, webhooks and their
 * dispatcher. Reads the tables the custody processor writes; writes only lot records (through the
 * custody rules), its own tables, the alert notices and the outbox. Needs RuntimeModule's ports.
 */
@Module({
  imports: [AuthModule, MasterDataModule],
  controllers: [TraceController, RecallController, WebhookController],
  providers: [
    AccessAuditRepository,
    PartyNamesRepository,
    // Its own instance (reads only): importing CustodyProcessingModule would start a custody consumer.
    CustodyStoreRepository,
    IdentifierResolver,
    TraceRepository,
    TraceService,
    RecallRepository,
    RecallReportRepository,
    RecallEventsRepository,
    RecallNoticeWriter,
    RecallCommandService,
    RecallQueryService,
    WebhookRepository,
    WebhookDeliveryRepository,
    WebhookService,
    WebhookDispatcher,
  ],
  exports: [TraceService, RecallCommandService, RecallQueryService, WebhookDispatcher],
})
export class TraceModule {
  /** The module with other knobs (tests shorten the webhook delays). */
  static withOptions(options: Partial<TraceOptions>): DynamicModule {
    return { module: TraceModule, providers: [{ provide: TRACE_OPTIONS, useValue: options }] };
  }
}
