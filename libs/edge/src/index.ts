export * from './edge.error';
export * from './edge-error.filter';
export * from './edge.module';
export * from './devices/device';
export * from './devices/device.dto';
export { DEVICE_REGISTRY_SCHEMA_SQL } from './devices/device.schema';
export { DeviceRegistryService, type DeviceCredentials } from './devices/device-registry.service';
export {
  hashDevicePassword,
  verifyDevicePassword,
  generateDevicePassword,
} from './devices/device-credentials';
export * from './shared/device-topics';
export * from './provisioning/broker-provisioner';
export { DynsecProvisioner, type DynsecProvisionerOptions } from './provisioning/dynsec.provisioner';
export { CommandProvisioner } from './provisioning/command.provisioner';
export { provisionerFromEnv } from './provisioning/provisioner.factory';
export {
  startEmbeddedBroker,
  type EmbeddedBroker,
  type EmbeddedBrokerOptions,
} from './broker/embedded-broker';
export { mapScanEvent, type DecodedScan, type RawEpcisEvent } from './scans/scan-event.mapper';
export {
  mapTelemetryEvent,
  type StorageRange,
  type TelemetryReading,
} from './telemetry/telemetry-event.mapper';
export * from './gateway/edge-gateway.options';
export { EdgeGatewayService } from './gateway/edge-gateway.service';
export type { EdgeGatewayStats } from './gateway/edge-gateway.counters';
export type { DeviceErrorReport } from './gateway/rejection.reporter';
export * from './simulation/scanner-fleet';
export * from './simulation/simulated-scan.factory';
