import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { visibleGlns } from '@pharmatrace/capture';
import { ALERT_CODES } from '@pharmatrace/custody';
import { CLOCK, HttpProblem, type Clock } from '@pharmatrace/runtime';
import { AlertRepository, type AlertStatus, type AlertView } from './alert.repository';

const STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'closed'];

function isoOrUndefined(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw HttpProblem.badRequest('BAD_QUERY', `${name} must be an ISO 8601 date-time`);
  return new Date(time).toISOString();
}

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1/alerts')
export class AlertController {
  constructor(
    private readonly alerts: AlertRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts by code, pack (epc), gtin, lot, participant, status and time; newest first',
  })
  list(
    @CurrentParticipant() reader: Participant,
    @Query() query: Record<string, string | undefined>,
  ): Promise<AlertView[]> {
    const { code, epc, gtin, lot, participant, status } = query;
    if (code !== undefined && !(ALERT_CODES as readonly string[]).includes(code)) {
      throw HttpProblem.badRequest('BAD_QUERY', `code must be one of ${ALERT_CODES.join(', ')}`);
    }
    if (status !== undefined && !STATUSES.includes(status as AlertStatus)) {
      throw HttpProblem.badRequest('BAD_QUERY', `status must be one of ${STATUSES.join(', ')}`);
    }
    const limit = query['limit'] === undefined ? 100 : Number(query['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw HttpProblem.badRequest('BAD_QUERY', 'limit must be an integer from 1 to 1000');
    }
    return this.alerts.find({
      code,
      epc,
      gtin,
      lot,
      participant,
      status: status as AlertStatus | undefined,
      from: isoOrUndefined('from', query['from']),
      to: isoOrUndefined('to', query['to']),
      visibleTo: visibleGlns(reader),
      limit,
    });
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an alert with a comment (investigation started)' })
  acknowledge(@CurrentParticipant() reader: Participant, @Param('id') id: string, @Body() body: unknown) {
    return this.move(reader, id, 'acknowledged', body);
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an alert with the outcome of the investigation' })
  close(@CurrentParticipant() reader: Participant, @Param('id') id: string, @Body() body: unknown) {
    return this.move(reader, id, 'closed', body);
  }

  private async move(
    reader: Participant,
    id: string,
    status: AlertStatus,
    body: unknown,
  ): Promise<AlertView> {
    const comment = (body as { comment?: unknown } | undefined)?.comment;
    if (typeof comment !== 'string' || comment.trim().length === 0 || comment.length > 2000) {
      throw HttpProblem.badRequest('BAD_REQUEST', 'comment is required: a string of 1 to 2000 characters');
    }
    const alert = await this.alerts.get(id, visibleGlns(reader));
    if (!alert) throw HttpProblem.notFound('NO_SUCH_ALERT', `no alert ${id} that you may see`);
    if (alert.status === 'closed')
      throw HttpProblem.conflict('ALERT_CLOSED', `alert ${id} is already closed`);
    const entry = {
      at: this.clock.now().toISOString(),
      by: reader.gln,
      action: status,
      comment: comment.trim(),
    };
    const updated = await this.alerts.transition(id, status, entry);
    if (!updated) throw HttpProblem.notFound('NO_SUCH_ALERT', `no alert ${id}`);
    return updated;
  }
}
