import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERDICTS } from './verdict.policy';

/** A pack as scanned or as typed: either `scan`, or `gtin` + `serial` (+ `lot`, `expiry`). */
export class PackInputDto {
  @ApiPropertyOptional({
    description:
      'Raw DataMatrix content, with or without the AIM identifier ]d2 and GS (0x1D, <GS> or {GS}) separators, or a GS1 Digital Link',
    example: ']d201106141410734641728063010LOT-3T\u001d21P0011',
  })
  scan?: string;
  @ApiPropertyOptional({ example: '10614141073464', description: 'GTIN-14 (used when there is no scan)' })
  gtin?: string;
  @ApiPropertyOptional({ example: 'P0011' })
  serial?: string;
  @ApiPropertyOptional({ example: 'LOT-3T' })
  lot?: string;
  @ApiPropertyOptional({ example: '280630', description: 'YYMMDD as printed, or YYYY-MM-DD' })
  expiry?: string;
}

export class BulkVerifyDto {
  @ApiProperty({ type: [PackInputDto], maxItems: 1000 })
  packs!: PackInputDto[];
}

class VerdictAlertDto {
  @ApiProperty({ example: 'ALREADY_DECOMMISSIONED' })
  code!: string;
  @ApiPropertyOptional({ example: 'NMVS_NC_PCK_22' })
  nmvsCode?: string;
  @ApiProperty()
  message!: string;
}

class LedgerDto {
  @ApiProperty({ enum: ['anchored', 'pending', 'rejected', 'unanchored', 'tampered'] })
  integrity!: string;
  @ApiPropertyOptional({
    description: 'Latest anchored ledger receipt: recordId, txId, blockNumber, blockHash, anchoredAt',
  })
  receipt?: Record<string, string>;
}

export class VerificationViewDto {
  @ApiProperty({ enum: VERDICTS })
  verdict!: string;
  @ApiPropertyOptional({
    enum: ['dispensed', 'destroyed', 'exported', 'stolen', 'sample', 'free_sample', 'locked'],
  })
  reason?: string;
  @ApiPropertyOptional({ type: VerdictAlertDto, description: 'Absent when authentic' })
  alert?: VerdictAlertDto;
  @ApiProperty({ description: 'gtin, serial, epc, lot, expiry (as commissioned when known)' })
  pack!: Record<string, string>;
  @ApiPropertyOptional({ description: 'name, form, strength, status' })
  product?: Record<string, string>;
  @ApiPropertyOptional({ description: 'lot, status (active | recalled), reason' })
  lot?: Record<string, string>;
  @ApiPropertyOptional({ description: 'status, shownAs, expired, recalled, withdrawn, since' })
  state?: Record<string, unknown>;
  @ApiPropertyOptional({
    description: 'role always; gln and name only for the custodian, the brand owner and regulators',
  })
  custodian?: Record<string, string>;
  @ApiPropertyOptional({ type: LedgerDto })
  ledger?: LedgerDto;
  @ApiProperty()
  verifiedAt!: string;
}

export class BulkVerificationDto {
  @ApiProperty()
  verifiedAt!: string;
  @ApiProperty()
  count!: number;
  @ApiProperty({ description: 'Number of packs per verdict, plus `unreadable`' })
  verdicts!: Record<string, number>;
  @ApiProperty({
    type: [VerificationViewDto],
    description: 'In request order; an unreadable entry is { error: { code, message, details } }',
  })
  results!: VerificationViewDto[];
}
