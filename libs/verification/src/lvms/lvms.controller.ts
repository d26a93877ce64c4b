import { Controller, Get, Param, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { Public } from '@pharmatrace/runtime';
import { VerificationErrorFilter } from '../verification-error.filter';
import { LvmsConnectivityDto, LvmsResponseDto } from './lvms.dto';
import type { LvmsResponse } from './lvms.mapping';
import { LvmsService } from './lvms.service';

/**
 * GS1 Lightweight Verification Messaging, Digital Link request syntax. The requester authenticates
 * with its API key: an unknown, expired or revoked key is answered 401 by the auth guard (LVMS names
 * 403 for revoked credentials; the platform keeps one rule: 401 = bad credentials, 403 = not allowed).
 */
@ApiTags('verification (GS1 LVMS)')
@UseFilters(VerificationErrorFilter)
@Controller('lvms')
export class LvmsController {
  constructor(private readonly lvms: LvmsService) {}

  @Get('gtin/:gtin/lot/:lot/ser/:serial')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'LVMS verification request (DSCSA saleable returns)',
    description:
      '200 with data.verified, verificationFailureReason and additionalInfo; 404 when the GTIN is unknown; 400 for malformed parameters; 403 when reqGLN is not the requester.',
  })
  @ApiParam({ name: 'gtin', example: '10614141073464' })
  @ApiParam({ name: 'lot', example: 'LOT-3T' })
  @ApiParam({ name: 'serial', example: 'P0011' })
  @ApiQuery({ name: 'exp', example: '280630', description: 'YYMMDD' })
  @ApiQuery({ name: 'linkType', required: false, example: 'verificationService' })
  @ApiQuery({ name: 'context', required: false, example: 'dscsaSaleableReturn' })
  @ApiQuery({ name: 'reqGLN', required: false, example: '4012345000016' })
  @ApiQuery({ name: 'corrUUID', required: false, example: '2b3d6e0c-8b1a-4c9e-9a7e-0d1f6c2b7a11' })
  @ApiOkResponse({ type: LvmsResponseDto })
  verify(
    @CurrentParticipant() requester: Participant,
    @Param('gtin') gtin: string,
    @Param('lot') lot: string,
    @Param('serial') serial: string,
    @Query() query: Record<string, string | undefined>,
  ): Promise<LvmsResponse> {
    return this.lvms.verify(requester, { gtin, lot, serial, query });
  }

  @Public()
  @Get('checkConnectivity')
  @ApiOperation({ summary: 'LVMS connectivity check for a GTIN (no credentials needed)' })
  @ApiQuery({ name: 'gtin', example: '10614141073464' })
  @ApiQuery({ name: 'reqGLN', required: false, example: '4012345000016' })
  @ApiOkResponse({ type: LvmsConnectivityDto })
  checkConnectivity(@Query() query: Record<string, string | undefined>) {
    return this.lvms.checkConnectivity(query);
  }
}
