export * from './trace.module';
export * from './trace.error';
export * from './trace-error.filter';
export * from './trace.options';
export * from './access/viewer';
export type { TraceView } from './trace/trace.view';
export { TraceService } from './trace/trace.service';
export { RecallCommandService } from './recall/recall-command.service';
export { RecallQueryService } from './recall/recall-query.service';
export type { Recall, RecallClass } from './recall/recall.model';
export type { RecallReport } from './recall/recall-report';
export { WebhookDispatcher } from './webhooks/webhook.dispatcher';
export {
  SIGNATURE_HEADER,
  DELIVERY_HEADER,
  EVENT_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from './webhooks/webhook-signature';
