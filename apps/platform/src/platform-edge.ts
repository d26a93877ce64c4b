import { randomBytes } from 'node:crypto';
import type { PlatformConfig } from '@pharmatrace/config';
import {
  DeviceRegistryService,
  EdgeGatewayService,
  loadEdgeGatewayOptions,
  provisionerFromEnv,
  RegistryBackedProvisioner,
  startEmbeddedBroker,
  type EmbeddedBroker,
} from '@pharmatrace/edge';
import type { INestApplication } from '@nestjs/common';
import type { PlatformEdge } from './platform.module';

/**
 * The MQTT side: with MQTT_URL the gateway joins that broker (shared subscription, PUBACK after the
 * log); without it the platform runs aedes on MQTT_PORT, authenticating devices against the registry.
 */
export function edgeSettings(config: PlatformConfig): PlatformEdge & { embedded: boolean } {
  if (config.mqttUrl) {
    return { gateway: loadEdgeGatewayOptions(), provisioner: provisionerFromEnv(), embedded: false };
  }
  const service = { username: 'pharmatrace-service', password: randomBytes(18).toString('base64url') };
  return {
    embedded: true,
    provisioner: new RegistryBackedProvisioner(),
    gateway: {
      mqttUrl: `mqtt://127.0.0.1:${config.mqttPort}`,
      ...service,
      gatewayId: 'platform',
      sharedGroup: undefined,
      glns: [],
      lanes: 1,
      protocolVersion: 4,
      sessionExpirySeconds: 0,
      maxBatch: 500,
      lingerMs: 2,
      acknowledge: 'on-receipt',
      reportAllReadings: false,
      autoStart: false,
    },
  };
}

/** Starts the embedded broker (when there is no external one) and then the gateway. */
export async function startEdge(
  app: INestApplication,
  config: PlatformConfig,
  edge: ReturnType<typeof edgeSettings>,
): Promise<EmbeddedBroker | undefined> {
  let broker: EmbeddedBroker | undefined;
  if (edge.embedded) {
    broker = await startEmbeddedBroker({
      port: config.mqttPort,
      host: config.httpHost,
      registry: app.get(DeviceRegistryService),
      service: { username: edge.gateway.username, password: edge.gateway.password },
    });
  }
  if (!edge.gateway.autoStart) await app.get(EdgeGatewayService).start(edge.gateway.mqttUrl);
  return broker;
}
