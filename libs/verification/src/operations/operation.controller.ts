import { Body, Controller, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentParticipant, Roles, type Participant } from '@pharmatrace/auth';
import { VerificationErrorFilter } from '../verification-error.filter';
import { DISPENSE, UNDO_DISPENSE } from './operation-event.factory';
import { DecommissionInputDto, OperationInputDto, OperationResultDto } from './operation.dto';
import { OperationService, type OperationResult } from './operation.service';

/** 200 with the new state once applied; 202 when the processor has not applied it in time. */
function answered(reply: FastifyReply, result: OperationResult): OperationResult {
  void reply.status(result.applied ? 200 : 202);
  return result;
}

const REFUSALS =
  '404 unknown pack (nothing emitted); 403 not the custodian, or an undo by another participant (NMVS_NC_PCK_21); 409 refused by the custody rules with the alert code (NMVS_NC_PCK_19 already dispensed, NMVS_NC_PCK_20 undo after 10 days…).';

@ApiTags('verification')
@ApiBearerAuth()
@UseFilters(VerificationErrorFilter)
@Controller('v1')
export class OperationController {
  constructor(private readonly operations: OperationService) {}

  @Post('dispense')
  @HttpCode(200)
  @Roles('pharmacy')
  @ApiOperation({ summary: 'Verify and dispense a pack in one step', description: REFUSALS })
  @ApiBody({ type: OperationInputDto })
  @ApiOkResponse({ type: OperationResultDto })
  @ApiAcceptedResponse({ type: OperationResultDto })
  async dispense(
    @CurrentParticipant() caller: Participant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OperationResult> {
    return answered(reply, await this.operations.perform(caller, DISPENSE, body));
  }

  @Post('dispense/undo')
  @HttpCode(200)
  @Roles('pharmacy')
  @ApiOperation({
    summary: 'Undo a dispense: same pharmacy, same premises, within 10 days',
    description: REFUSALS,
  })
  @ApiBody({ type: OperationInputDto })
  @ApiOkResponse({ type: OperationResultDto })
  @ApiAcceptedResponse({ type: OperationResultDto })
  async undoDispense(
    @CurrentParticipant() caller: Participant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OperationResult> {
    return answered(reply, await this.operations.perform(caller, UNDO_DISPENSE, body));
  }

  @Post('decommission')
  @HttpCode(200)
  @Roles('manufacturer', 'distributor', 'pharmacy')
  @ApiOperation({
    summary: 'Decommission a pack: destroyed, exported, sample, free_sample, stolen or locked',
    description: REFUSALS,
  })
  @ApiBody({ type: DecommissionInputDto })
  @ApiOkResponse({ type: OperationResultDto })
  @ApiAcceptedResponse({ type: OperationResultDto })
  async decommission(
    @CurrentParticipant() caller: Participant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OperationResult> {
    return answered(reply, await this.operations.decommission(caller, 'decommission', body));
  }

  @Post('decommission/undo')
  @HttpCode(200)
  @Roles('manufacturer', 'distributor', 'pharmacy')
  @ApiOperation({
    summary: 'Undo a decommission (not destroyed or stolen): same participant and premises, within 10 days',
    description: REFUSALS,
  })
  @ApiBody({ type: DecommissionInputDto })
  @ApiOkResponse({ type: OperationResultDto })
  @ApiAcceptedResponse({ type: OperationResultDto })
  async undoDecommission(
    @CurrentParticipant() caller: Participant,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OperationResult> {
    return answered(reply, await this.operations.decommission(caller, 'undo', body));
  }
}
