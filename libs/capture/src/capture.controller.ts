import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { assertCaptureSize, CAPTURE_LIMIT_HEADERS, EpcisValidationError } from '@pharmatrace/epcis';
import { HttpProblem } from '@pharmatrace/runtime';
import { CaptureJobRepository, type CaptureJob } from './capture-job.repository';
import { CaptureService, parseErrorBehaviour, validationProblem } from './capture.service';

const EPCIS_HEADERS = { 'GS1-EPCIS-Version': '2.0.0', 'GS1-CBV-Version': '2.0.0', ...CAPTURE_LIMIT_HEADERS };

function jobView(job: CaptureJob) {
  return {
    captureID: job.id,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    running: job.status === 'running',
    success: job.status === 'success',
    captureErrorBehaviour: job.errorBehaviour,
    eventCount: job.eventCount,
    acceptedCount: job.acceptedCount,
    errors: job.errors,
  };
}

@ApiTags('EPCIS capture')
@ApiBearerAuth()
@Controller('epcis')
export class CaptureController {
  constructor(
    private readonly capture: CaptureService,
    private readonly jobs: CaptureJobRepository,
  ) {}

  @Post('capture')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Capture an EPCISDocument (EPCIS 2.0 JSON/JSON-LD); 202 once the event log holds it',
  })
  @ApiHeader({ name: 'GS1-Capture-Error-Behaviour', required: false, enum: ['rollback', 'proceed'] })
  @ApiResponse({ status: 202, description: 'Accepted; Location: /epcis/capture/{captureID}' })
  @ApiResponse({ status: 400, description: 'Invalid document: every problem with its JSON pointer' })
  @ApiResponse({ status: 413, description: 'More events or bytes than the advertised capture limits' })
  @ApiResponse({ status: 503, description: 'Event log unavailable; retry after Retry-After seconds' })
  async captureDocument(
    @CurrentParticipant() participant: Participant,
    @Body() document: unknown,
    @Headers('gs1-capture-error-behaviour') behaviourHeader: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.headers(EPCIS_HEADERS);
    try {
      assertCaptureSize(Number(contentLength ?? 0));
    } catch (error) {
      if (error instanceof EpcisValidationError) throw validationProblem(error);
      throw error;
    }
    const behaviour = parseErrorBehaviour(behaviourHeader);
    const { captureId, accepted } = await this.capture.capture(participant.gln, document, behaviour);
    void reply.header('Location', `/epcis/capture/${captureId}`);
    return { captureID: captureId, acceptedCount: accepted };
  }

  @Get('capture/:captureId')
  @ApiOperation({ summary: 'State of a capture job: running, success, errors' })
  async job(@CurrentParticipant() participant: Participant, @Param('captureId') captureId: string) {
    const job = await this.jobs.find(captureId);
    if (!job || (job.capturedBy !== participant.gln && participant.role !== 'regulator')) {
      throw HttpProblem.notFound('NO_SUCH_CAPTURE', `no capture job ${captureId} of yours`);
    }
    return jobView(job);
  }

  @Post('events')
  @HttpCode(202)
  @ApiOperation({ summary: 'Capture a single EPCIS event' })
  async captureEvent(
    @CurrentParticipant() participant: Participant,
    @Body() event: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    void reply.headers(EPCIS_HEADERS);
    const stored = await this.capture.captureOne(participant.gln, event);
    void reply.header('Location', `/epcis/events/${encodeURIComponent(stored.eventID)}`);
    return { eventID: stored.eventID, eventHash: stored.eventHash };
  }
}
