import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { CaptureModule } from '@pharmatrace/capture';
import { computeCheckDigit } from '@pharmatrace/gs1';
import { Topics, type ConsumedRecord, type Consumer } from '@pharmatrace/messaging';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { engineEnvironment, engineSettings, uniqueName, waitFor } from '@pharmatrace/testing';
import type { CapturedEvent } from '@pharmatrace/epcis';
import { DEVICE_REGISTRY_SCHEMA_SQL } from '../devices/device.schema';
import { EdgeModule } from '../edge.module';
import type { EdgeGatewayOptions } from '../gateway/edge-gateway.options';
import type { BrokerProvisioner } from '../provisioning/broker-provisioner';
import { DynsecProvisioner } from '../provisioning/dynsec.provisioner';

@Module({})
class EdgeTestModule {
  static with(
    ports: RuntimePorts,
    gateway: EdgeGatewayOptions,
    provisioner: BrokerProvisioner,
    extra: NonNullable<ModuleMetadata['imports']>,
  ): DynamicModule {
    return {
      module: EdgeTestModule,
      imports: [
        RuntimeModule.forRoot(ports),
        EdgeModule.forRoot({ gateway, provisioner, intake: [CaptureModule] }),
        ...extra,
      ],
    };
  }
}

/** A GLN under the GS1 example prefix 9506000 that no other test run uses. */
export function uniqueGln(): string {
  const body = `9506000${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}`;
  return `${body}${computeCheckDigit(body)}`;
}

/** Gateway settings for a test against the Mosquitto that infra/ started, isolated to one participant. */
export function mosquittoGateway(
  gln: string,
  overrides: Partial<EdgeGatewayOptions> = {},
): EdgeGatewayOptions {
  const engines = engineSettings();
  return {
    mqttUrl: engines.mqttUrl,
    username: engines.mqttServiceUsername,
    password: engines.mqttServicePassword,
    gatewayId: uniqueName('gw'),
    // A group and topics of its own: other gateways on the shared broker see nothing of this test's.
    sharedGroup: uniqueName('edge'),
    glns: [gln],
    lanes: 16,
    protocolVersion: 5,
    sessionExpirySeconds: 300,
    maxBatch: 500,
    lingerMs: 2,
    acknowledge: 'after-log',
    reportAllReadings: false,
    autoStart: true,
    ...overrides,
  };
}

/** The dynamic-security provisioner with the admin login infra/mosquitto wrote. */
export function dynsecProvisioner(): DynsecProvisioner {
  const env = engineEnvironment();
  return new DynsecProvisioner({
    url: engineSettings().mqttUrl,
    username: env['MQTT_PROVISIONER_USERNAME'] ?? '',
    password: env['MQTT_PROVISIONER_PASSWORD'] ?? '',
  });
}

/**
 * The edge module with the real capture intake on the real engines (PostgreSQL, Kafka), isolated by
 * schema and topic namespace (the lead's test platform), plus the device table while its migration is
 * not yet registered.
 */
export async function startEdgePlatform(
  gateway: EdgeGatewayOptions,
  provisioner: BrokerProvisioner,
  options: { embeddedLog?: boolean; imports?: NonNullable<ModuleMetadata['imports']> } = {},
): Promise<TestPlatform> {
  const platform = await startTestPlatform(
    (ports) => EdgeTestModule.with(ports, gateway, provisioner, options.imports ?? []),
    options,
  );
  for (const statement of DEVICE_REGISTRY_SCHEMA_SQL) await platform.ports.database.sql.query(statement);
  return platform;
}

/** Collects what the intake put on `epcis.events` (and alerts on `custody.alerts`). */
export class LogTap {
  readonly events: CapturedEvent[] = [];
  readonly alerts: Record<string, unknown>[] = [];
  private consumers: Consumer[] = [];

  async start(platform: TestPlatform): Promise<void> {
    const log = platform.ports.eventLog;
    this.consumers = await Promise.all([
      log.consume({
        groupId: uniqueName('edge-tap'),
        topic: Topics.EpcisEvents,
        maxBatchSize: 2000,
        handleBatch: (records: ConsumedRecord[]) => {
          for (const record of records) this.events.push(JSON.parse(record.value) as CapturedEvent);
          return Promise.resolve();
        },
      }),
      log.consume({
        groupId: uniqueName('edge-tap'),
        topic: Topics.CustodyAlerts,
        handleBatch: (records: ConsumedRecord[]) => {
          for (const record of records) this.alerts.push(JSON.parse(record.value) as Record<string, unknown>);
          return Promise.resolve();
        },
      }),
    ]);
  }

  distinctHashes(): number {
    return new Set(this.events.map((captured) => captured.event.eventHash)).size;
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}

/** waitFor for a synchronous condition. */
export function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return waitFor(() => Promise.resolve(predicate()), timeoutMs, what);
}
