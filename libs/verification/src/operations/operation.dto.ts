import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PackInputDto, VerificationViewDto } from '../verify/verify.dto';
import { DECOMMISSION_REASONS } from './operation-event.factory';

export class OperationInputDto extends PackInputDto {
  @ApiPropertyOptional({
    description: 'SGLN of the premises; default: your first registered location',
    example: 'urn:epc:id:sgln:9520001.00001.0',
  })
  location?: string;
}

export class DecommissionInputDto extends OperationInputDto {
  @ApiProperty({ enum: DECOMMISSION_REASONS })
  reason!: string;
}

class OperationAlertDto {
  @ApiProperty({ example: 'ALREADY_DECOMMISSIONED' })
  code!: string;
  @ApiPropertyOptional({ example: 'NMVS_NC_PCK_19' })
  nmvsCode?: string;
  @ApiProperty()
  severity!: string;
  @ApiProperty()
  message!: string;
}

export class OperationResultDto {
  @ApiProperty({ example: 'dispense' })
  operation!: string;
  @ApiProperty({ example: 'urn:uuid:3f1c…' })
  eventId!: string;
  @ApiProperty({ description: 'false (status 202) when the processor did not apply the event within 5 s' })
  applied!: boolean;
  @ApiPropertyOptional({ type: VerificationViewDto, description: 'The pack after the operation' })
  verification?: VerificationViewDto;
  @ApiProperty({ type: [OperationAlertDto] })
  alerts!: OperationAlertDto[];
}
