import { Body, Controller, Get, HttpCode, Post, Query, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import { VerificationErrorFilter } from '../verification-error.filter';
import { BulkVerificationService, type BulkVerification } from './bulk-verification.service';
import { VerificationService } from './verification.service';
import type { VerificationView } from './verification.view';
import { BulkVerificationDto, BulkVerifyDto, PackInputDto, VerificationViewDto } from './verify.dto';

@ApiTags('verification')
@ApiBearerAuth()
@UseFilters(VerificationErrorFilter)
@Controller('v1/verify')
export class VerifyController {
  constructor(
    private readonly verification: VerificationService,
    private readonly bulkVerification: BulkVerificationService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Verify a pack by GTIN and serial (and the lot and expiry printed on it)',
    description:
      'Always 200 with a verdict; 400 when a parameter is malformed. Verifications by anyone but the custodian are written to the access audit.',
  })
  @ApiQuery({ name: 'gtin', example: '10614141073464' })
  @ApiQuery({ name: 'serial', example: 'P0011' })
  @ApiQuery({ name: 'lot', required: false, example: 'LOT-3T' })
  @ApiQuery({ name: 'expiry', required: false, example: '280630' })
  @ApiOkResponse({ type: VerificationViewDto })
  verifyByFields(
    @CurrentParticipant() reader: Participant,
    @Query() query: Record<string, string | undefined>,
  ): Promise<VerificationView> {
    return this.verification.verifyFields(reader, query);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Verify a scanned pack: raw DataMatrix content or a GS1 Digital Link',
    description: '400 with the position and reason when the scan cannot be read.',
  })
  @ApiBody({ type: PackInputDto })
  @ApiOkResponse({ type: VerificationViewDto })
  verifyScan(@CurrentParticipant() reader: Participant, @Body() body: unknown): Promise<VerificationView> {
    return this.verification.verifyBody(reader, body);
  }

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify up to 1,000 packs at once (one lookup), with a verdict per pack' })
  @ApiBody({ type: BulkVerifyDto })
  @ApiOkResponse({ type: BulkVerificationDto })
  verifyBulk(@CurrentParticipant() reader: Participant, @Body() body: unknown): Promise<BulkVerification> {
    return this.bulkVerification.verify(reader, body);
  }
}
