import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class LvmsDataDto {
  @ApiProperty()
  verified!: boolean;
  @ApiPropertyOptional({
    enum: [
      'No_match_GTIN_Serial',
      'No_match_GTIN_Serial_Lot',
      'No_match_GTIN_Serial_Expiry',
      'No_match_GTIN_Serial_Lot_Expiry',
      'Manufacturer_policy',
      'No_reason_provided',
      'Not_for_re-distribution',
    ],
  })
  verificationFailureReason?: string;
  @ApiPropertyOptional({ enum: ['Expired', 'ExpirationExtended', 'Recalled', 'Suspect', 'Illegitimate'] })
  additionalInfo?: string;
}

export class LvmsResponseDto {
  @ApiProperty({ example: '2026-04-02T10:00:00.000Z' })
  verificationTimestamp!: string;
  @ApiProperty({ example: '0614141000012', description: 'The brand owner of the GTIN' })
  responderGLN!: string;
  @ApiProperty({ type: LvmsDataDto })
  data!: LvmsDataDto;
  @ApiPropertyOptional({ description: 'Echoed from the request' })
  corrUUID?: string;
}

class LvmsConnectivityDataDto {
  @ApiProperty({ example: true })
  connectivity!: boolean;
}

export class LvmsConnectivityDto {
  @ApiProperty()
  verificationTimestamp!: string;
  @ApiProperty({ example: '0614141000012' })
  responderGLN!: string;
  @ApiProperty({ type: LvmsConnectivityDataDto })
  data!: LvmsConnectivityDataDto;
  @ApiPropertyOptional()
  corrUUID?: string;
}
