import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EdgeError, EdgeErrorCode, type EdgeProblem } from '../edge.error';
import { DEVICE_ROLES, isValidDeviceId, type Device, type DeviceRole } from './device';

/** Body of POST /v1/devices. */
export class RegisterDeviceDto {
  @ApiPropertyOptional({
    example: 'line-7-scanner',
    description: 'Device id and MQTT username (letters, digits, . _ -; at most 64); generated when absent',
  })
  id?: string;
  @ApiProperty({ example: 'Packing line 7 scanner' })
  name!: string;
  @ApiProperty({ enum: DEVICE_ROLES, description: 'Fixes the bizStep of its scans' })
  role!: DeviceRole;
  @ApiProperty({ example: 'urn:epc:id:sgln:9506000.00001.0', description: 'SGLN of one of your locations' })
  location!: string;
}

/** Answer of registration and rotation: the password is shown this once and never stored in clear. */
export class DeviceCredentialsDto {
  @ApiProperty()
  device!: Device;
  @ApiProperty({ description: 'MQTT username (the device id)' })
  username!: string;
  @ApiProperty({ description: 'MQTT password; store it in the device now, it cannot be shown again' })
  password!: string;
  @ApiProperty({ example: 'pharmatrace/9506000000001/devices/line-7-scanner', description: 'Topic prefix' })
  topicPrefix!: string;
}

export interface DeviceRegistration {
  id: string | undefined;
  name: string;
  role: DeviceRole;
  location: string;
}

/** Validates the whole body and reports every problem with a JSON pointer. */
export function validateRegistration(input: unknown): DeviceRegistration {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new EdgeError(EdgeErrorCode.InvalidRequest, 'the body must be a JSON object');
  }
  const body = input as Record<string, unknown>;
  const problems: EdgeProblem[] = [];
  const id = body['id'];
  if (id !== undefined && (typeof id !== 'string' || !isValidDeviceId(id))) {
    problems.push({
      pointer: '/id',
      reason: 'must be 1 to 64 letters, digits, ".", "_" or "-", starting alphanumeric',
    });
  }
  const name = typeof body['name'] === 'string' ? body['name'].trim() : '';
  if (name.length === 0 || name.length > 200) {
    problems.push({ pointer: '/name', reason: 'is required: a string of 1 to 200 characters' });
  }
  const role = body['role'];
  if (typeof role !== 'string' || !(DEVICE_ROLES as readonly string[]).includes(role)) {
    problems.push({ pointer: '/role', reason: `must be one of ${DEVICE_ROLES.join(', ')}` });
  }
  const location = body['location'];
  if (typeof location !== 'string' || !/^urn:epc:id:sgln:\d+\.\d*\.[^\s]+$/.test(location)) {
    problems.push({
      pointer: '/location',
      reason: 'must be an SGLN URN (urn:epc:id:sgln:…) of one of your locations',
    });
  }
  if (problems.length > 0) {
    throw new EdgeError(EdgeErrorCode.InvalidRequest, 'the device registration is invalid', {
      details: problems,
    });
  }
  return { id: id as string | undefined, name, role: role as DeviceRole, location: location as string };
}
