import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentParticipant, Roles, type Participant } from '@pharmatrace/auth';
import { nextPageLink, type EpcisQueryDocument } from '@pharmatrace/epcis';
import { TraceErrorFilter } from '../trace-error.filter';
import { TraceError, TraceErrorCode } from '../trace.error';
import { IssueRecallDto, LiftRecallDto } from './recall.dto';
import { RecallCommandService } from './recall-command.service';
import { recallSummary } from './recall-notices';
import { parsePerPage } from './recall-events.page';
import { RecallQueryService } from './recall-query.service';
import type { RecallReport } from './recall-report';
import { recallCsvFileName } from './recall-report.csv';

type RecallSummary = ReturnType<typeof recallSummary>;

function parseFormat(format: string | undefined): 'json' | 'csv' {
  if (format === undefined || format === 'json' || format === 'csv') return format ?? 'json';
  throw new TraceError(TraceErrorCode.InvalidQuery, 'format must be json or csv', {
    details: [{ pointer: 'format', reason: 'json or csv' }],
  });
}

@ApiTags('trace and recall')
@ApiBearerAuth()
@UseFilters(TraceErrorFilter)
@Controller('v1/recalls')
export class RecallController {
  constructor(
    private readonly commands: RecallCommandService,
    private readonly queries: RecallQueryService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('manufacturer', 'regulator')
  @ApiOperation({
    summary: 'Recall lots of a product (brand owner or regulator)',
    description:
      'Marks the lots recalled at once (verification answers "recalled" from this moment), records the ' +
      'change on the ledger, raises a RECALLED alert and notifies every participant holding packs of the ' +
      'lots through its webhooks.',
  })
  @ApiBody({ type: IssueRecallDto })
  @ApiResponse({ status: 201, description: 'Recall issued; Location: /v1/recalls/{id}' })
  @ApiResponse({ status: 400, description: 'INVALID_RECALL, with every problem and its JSON pointer' })
  @ApiResponse({ status: 403, description: 'NOT_BRAND_OWNER' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_PRODUCT' })
  @ApiResponse({ status: 409, description: 'LOT_ALREADY_RECALLED (names the recall holding it)' })
  async issue(
    @CurrentParticipant() issuer: Participant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecallSummary> {
    const recall = await this.commands.issue(issuer, body);
    void reply.header('location', `/v1/recalls/${recall.id}`);
    return recallSummary(recall);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Recall report: where every pack of the lots is, who holds it, dispensed, in transit',
    description:
      'Regulators and the brand owner see every pack; other participants the packs they hold or that are ' +
      'on their way to them. Audited.',
  })
  @ApiParam({ name: 'id', description: 'Recall id' })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiResponse({ status: 200, description: 'The report (RecallReport), or CSV with one line per pack' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_RECALL' })
  async report(
    @CurrentParticipant() reader: Participant,
    @Param('id') id: string,
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecallReport | string> {
    if (parseFormat(format) === 'json') return this.queries.report(reader, id);
    const csv = await this.queries.reportCsv(reader, id);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${recallCsvFileName(id)}"`);
    return csv;
  }

  @Get(':id/events')
  @ApiOperation({
    summary: 'The events of the recalled packs and of the containers they travelled in (EPCIS document)',
    description:
      'An EPCISQueryDocument, paged by identifiers: each page carries the events of up to perPage packs ' +
      '(then containers), each event once; the next page is in the Link header (rel="next").',
  })
  @ApiParam({ name: 'id', description: 'Recall id' })
  @ApiQuery({ name: 'perPage', required: false, description: 'Identifiers per page, 1-2000 (200)' })
  @ApiQuery({ name: 'nextPageToken', required: false })
  @ApiResponse({ status: 200, description: 'EPCISQueryDocument' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_RECALL' })
  async events(
    @CurrentParticipant() reader: Participant,
    @Param('id') id: string,
    @Query('perPage') perPage: string | undefined,
    @Query('nextPageToken') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EpcisQueryDocument> {
    const page = await this.queries.affectedEvents(reader, id, parsePerPage(perPage), token);
    void reply.header('GS1-EPCIS-Version', '2.0.0').header('GS1-CBV-Version', '2.0.0');
    if (page.nextPageToken) {
      void reply.header(
        'link',
        nextPageLink(`/v1/recalls/${id}/events?${query(perPage)}`, page.nextPageToken),
      );
    }
    return page.document;
  }

  @Post(':id/lift')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift a recall (only the participant that issued it)' })
  @ApiParam({ name: 'id', description: 'Recall id' })
  @ApiBody({ type: LiftRecallDto, required: false })
  @ApiResponse({ status: 200, description: 'Lifted: the lots are active again' })
  @ApiResponse({ status: 403, description: 'NOT_RECALL_ISSUER' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_RECALL' })
  @ApiResponse({ status: 409, description: 'RECALL_LIFTED' })
  async lift(
    @CurrentParticipant() lifter: Participant,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<RecallSummary> {
    return recallSummary(await this.commands.lift(lifter, id, body));
  }
}

function query(perPage: string | undefined): string {
  return perPage === undefined ? '' : `perPage=${encodeURIComponent(perPage)}`;
}
