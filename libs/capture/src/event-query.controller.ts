import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { nextPageLink, toEpcisJson, toQueryDocument } from '@pharmatrace/epcis';
import { CLOCK, type Clock } from '@pharmatrace/runtime';
import { Inject } from '@nestjs/common';
import { EventQueryService } from './event-query.service';

@ApiTags('EPCIS query')
@ApiBearerAuth()
@Controller('epcis')
export class EventQueryController {
  constructor(
    private readonly queries: EventQueryService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('events')
  @ApiOperation({
    summary:
      'EPCIS SimpleEventQuery: eventType, GE/LT_eventTime, EQ_bizStep, MATCH_epc, … with nextPageToken paging',
  })
  async events(
    @CurrentParticipant() participant: Participant,
    @Query() params: Record<string, string | string[] | undefined>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const query = await this.queries.parse(params);
    const page = await this.queries.find(query, participant);
    if (page.nextPageToken) void reply.header('Link', nextPageLink(request.url, page.nextPageToken));
    void reply.header('GS1-EPCIS-Version', '2.0.0');
    return toQueryDocument(page.events, { creationDate: this.clock.now().toISOString() });
  }

  @Get('events/:eventId')
  @ApiOperation({ summary: 'One event by eventID (or event hash)' })
  async event(@CurrentParticipant() participant: Participant, @Param('eventId') eventId: string) {
    return toEpcisJson(await this.queries.findOne(eventId, participant));
  }
}
