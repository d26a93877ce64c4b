import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { TraceErrorFilter } from '../trace-error.filter';
import type { DeliveryView } from './webhook-delivery.repository';
import { RegisterWebhookDto } from './webhook.dto';
import type { Webhook } from './webhook.repository';
import { WebhookService, type WebhookView } from './webhook.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@UseFilters(TraceErrorFilter)
@Controller('v1/webhooks')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a webhook for recall notifications',
    description:
      'Deliveries are POSTed as JSON, signed in `X-PharmaTrace-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, ' +
      'retried with exponential backoff until a 2xx answer. The generated secret is returned only here.',
  })
  @ApiBody({ type: RegisterWebhookDto })
  @ApiResponse({ status: 201, description: 'Registered; Location: /v1/webhooks/{id}' })
  @ApiResponse({ status: 400, description: 'INVALID_WEBHOOK: not an http(s) URL, or a bad secret' })
  @ApiResponse({ status: 409, description: 'TOO_MANY_WEBHOOKS' })
  async register(
    @CurrentParticipant() owner: Participant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WebhookView> {
    const webhook = await this.webhooks.register(owner, body);
    void reply.header('location', `/v1/webhooks/${webhook.id}`);
    return webhook;
  }

  @Get()
  @ApiOperation({ summary: 'Your webhooks (secrets are never shown again)' })
  list(@CurrentParticipant() owner: Participant): Promise<Webhook[]> {
    return this.webhooks.list(owner);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The latest 100 deliveries to one of your webhooks, with their attempts' })
  @ApiParam({ name: 'id', description: 'Webhook id' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_WEBHOOK' })
  deliveries(@CurrentParticipant() owner: Participant, @Param('id') id: string): Promise<DeliveryView[]> {
    return this.webhooks.deliveriesOf(owner, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete one of your webhooks; deliveries still queued for it are cancelled' })
  @ApiParam({ name: 'id', description: 'Webhook id' })
  @ApiResponse({ status: 204, description: 'Deleted' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_WEBHOOK' })
  delete(@CurrentParticipant() owner: Participant, @Param('id') id: string): Promise<void> {
    return this.webhooks.delete(owner, id);
  }
}
