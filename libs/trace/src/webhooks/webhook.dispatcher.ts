import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CLOCK, MetricsRegistry, type Clock } from '@pharmatrace/runtime';
import { DEFAULT_TRACE_OPTIONS, TRACE_OPTIONS, type TraceOptions } from '../trace.options';
import { nextStep, type AttemptResult } from './webhook-delivery.policy';
import { WebhookDeliveryRepository, type ClaimedDelivery } from './webhook-delivery.repository';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature';

/**
 * Sends queued webhook deliveries: claims the due ones, POSTs each signed payload, and records the
 * outcome (delivered, retry with backoff, or failed after the last attempt). The queue is the
 * database, so a restart resumes where the previous process stopped.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly options: TraceOptions;
  private stopped = false;
  /** Set by poke(); a poke during a round makes the loop go round again instead of sleeping. */
  private poked = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly metrics: MetricsRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(TRACE_OPTIONS) options?: Partial<TraceOptions>,
  ) {
    this.options = { ...DEFAULT_TRACE_OPTIONS, ...options };
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Looks for due deliveries now (after a transaction that queued some committed). */
  poke(): void {
    this.poked = true;
    this.wake?.();
  }

  /** Sends every delivery due now, once each; returns how many attempts were made. */
  async dispatchDue(): Promise<number> {
    let attempts = 0;
    for (;;) {
      // The lease outlasts the attempt's deadline, so no other dispatcher takes it meanwhile.
      const claimed = await this.deliveries.claim(
        this.options.webhookBatchSize,
        this.options.webhookTimeoutMs * 2 + 1_000,
      );
      if (claimed.length === 0) return attempts;
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
      attempts += claimed.length;
      if (this.stopped) return attempts;
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const result = await this.send(delivery);
    const step = nextStep(result, delivery.attempts, this.options);
    await this.deliveries.record(delivery.id, step);
    this.metrics.increment('pharmatrace_webhook_attempts_total', 'webhook delivery attempts', {
      outcome: step.kind,
    });
    if (step.kind === 'failed') {
      this.logger.warn(`webhook delivery ${delivery.id} failed for good after ${delivery.attempts} attempts`);
    }
  }

  private async send(delivery: ClaimedDelivery): Promise<AttemptResult> {
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'PharmaTrace-Webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(delivery.secret, delivery.payload, timestamp),
          [DELIVERY_HEADER]: delivery.id,
          [EVENT_HEADER]: delivery.eventType,
        },
        body: delivery.payload,
        // A redirect could point anywhere (an internal address); the registered URL is the contract.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.webhookTimeoutMs),
      });
      await response.body?.cancel();
      return response.status >= 200 && response.status < 300
        ? { ok: true, statusCode: response.status }
        : { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, statusCode: undefined, error: cause ? `${message} (${cause})` : message };
    }
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.poked = false;
      try {
        await this.dispatchDue();
      } catch (error) {
        this.logger.warn(
          `webhook dispatch failed, will retry: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (this.stopped) break;
      if (this.poked) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.webhookPollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
