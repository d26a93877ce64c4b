import { Body, Controller, Get, HttpCode, Param, Post, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, Roles, type Participant } from '@pharmatrace/auth';
import { EdgeErrorFilter } from '../edge-error.filter';
import type { Device } from './device';
import { DeviceCredentialsDto, RegisterDeviceDto } from './device.dto';
import { DeviceRegistryService, type DeviceCredentials } from './device-registry.service';

@ApiTags('devices')
@ApiBearerAuth()
@UseFilters(EdgeErrorFilter)
@Controller('v1/devices')
export class DeviceController {
  constructor(private readonly registry: DeviceRegistryService) {}

  @Post()
  @HttpCode(201)
  @Roles('manufacturer', 'distributor', 'pharmacy')
  @ApiOperation({
    summary: 'Register a scanner or logger at one of your locations; returns its MQTT password once',
  })
  @ApiBody({ type: RegisterDeviceDto })
  @ApiOkResponse({ type: DeviceCredentialsDto })
  register(@CurrentParticipant() owner: Participant, @Body() body: unknown): Promise<DeviceCredentials> {
    return this.registry.register(owner, body);
  }

  @Get()
  @ApiOperation({ summary: 'Your devices (a regulator sees all)' })
  list(@CurrentParticipant() caller: Participant): Promise<Device[]> {
    return this.registry.list(caller);
  }

  @Post(':id/rotate-credentials')
  @HttpCode(200)
  @Roles('manufacturer', 'distributor', 'pharmacy')
  @ApiOperation({ summary: 'Issue a new MQTT password (shown once); sessions using the old one are closed' })
  @ApiOkResponse({ type: DeviceCredentialsDto })
  rotate(@CurrentParticipant() caller: Participant, @Param('id') id: string): Promise<DeviceCredentials> {
    return this.registry.rotateCredentials(caller, id);
  }
}
