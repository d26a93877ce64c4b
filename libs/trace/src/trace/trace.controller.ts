import { Controller, Get, Param, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { TraceErrorFilter } from '../trace-error.filter';
import { TraceService } from './trace.service';
import type { TraceView } from './trace.view';

@ApiTags('trace and recall')
@ApiBearerAuth()
@UseFilters(TraceErrorFilter)
@Controller('v1/trace')
export class TraceController {
  constructor(private readonly traces: TraceService) {}

  @Get(':epc')
  @ApiOperation({
    summary: 'Chain of custody of a pack, case or pallet',
    description:
      'Every event (with its ledger receipt), every handoff with both parties, the containers it travelled ' +
      "in (their events while it was inside included), current state and alerts; for a container, its contents' " +
      'whereabouts too. Regulators and the brand owner see everything, others their own part. Audited.',
  })
  @ApiParam({
    name: 'epc',
    description:
      'Any identifier form, URL-encoded: EPC URN, GS1 Digital Link, element string ((01)…(21)…) or SSCC',
    example: 'urn:epc:id:sgtin:0614141.107346.P0001',
  })
  @ApiResponse({ status: 200, description: 'The trace (see TraceView in libs/trace)' })
  @ApiResponse({ status: 400, description: 'INVALID_IDENTIFIER or NOT_TRACEABLE' })
  @ApiResponse({ status: 404, description: 'UNKNOWN_OBJECT: nothing known that you may see' })
  trace(@CurrentParticipant() reader: Participant, @Param('epc') epc: string): Promise<TraceView> {
    return this.traces.trace(reader, epc);
  }
}
