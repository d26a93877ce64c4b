import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { TraceError, TraceErrorCode } from '../trace.error';
import { WebhookDeliveryRepository, type DeliveryView } from './webhook-delivery.repository';
import { parseWebhookRegistration } from './webhook.dto';
import { WebhookRepository, type Webhook } from './webhook.repository';

export const MAX_WEBHOOKS_PER_PARTICIPANT = 10;

/** A webhook as its owner sees it; the secret only in the answer to its registration. */
export type WebhookView = Webhook & { secret?: string };

@Injectable()
export class WebhookService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async register(owner: Participant, body: unknown): Promise<WebhookView> {
    const registration = parseWebhookRegistration(body);
    const webhook = await this.webhooks.create(
      { id: randomUUID(), gln: owner.gln, url: registration.url, secret: registration.secret },
      MAX_WEBHOOKS_PER_PARTICIPANT,
    );
    if (!webhook) {
      throw new TraceError(
        TraceErrorCode.TooManyWebhooks,
        `at most ${MAX_WEBHOOKS_PER_PARTICIPANT} webhooks per participant: delete one first`,
      );
    }
    return registration.generated ? { ...webhook, secret: registration.secret } : webhook;
  }

  list(owner: Participant): Promise<Webhook[]> {
    return this.webhooks.list(owner.gln);
  }

  async delete(owner: Participant, id: string): Promise<void> {
    if (!(await this.webhooks.delete(owner.gln, id))) {
      throw new TraceError(TraceErrorCode.UnknownWebhook, `you have no webhook ${id}`);
    }
  }

  async deliveriesOf(owner: Participant, id: string): Promise<DeliveryView[]> {
    const mine = await this.webhooks.list(owner.gln);
    if (!mine.some((webhook) => webhook.id === id)) {
      throw new TraceError(TraceErrorCode.UnknownWebhook, `you have no webhook ${id}`);
    }
    return this.deliveries.recent(owner.gln, id, 100);
  }
}
