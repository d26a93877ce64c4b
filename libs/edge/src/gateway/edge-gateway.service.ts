import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { connectAsync, type MqttClient } from 'mqtt';
import { EventIntake } from '@pharmatrace/capture';
import { PrefixDirectory } from '@pharmatrace/master-data';
import type { EventLog } from '@pharmatrace/messaging';
import { CLOCK, EVENT_LOG, MetricsRegistry, type Clock } from '@pharmatrace/runtime';
import { DeviceRegistryService } from '../devices/device-registry.service';
import { gatewaySubscriptions } from '../shared/device-topics';
import { StorageRangeRepository } from '../telemetry/storage-range.repository';
import { DeviceMessageInterpreter } from './device-message.interpreter';
import { EdgeGatewayCounters, type EdgeGatewayStats } from './edge-gateway.counters';
import { EDGE_GATEWAY_OPTIONS, type EdgeGatewayOptions } from './edge-gateway.options';
import { IntakeBatcher } from './intake-batcher';
import { MessagePipeline, RETRY } from './message-pipeline';
import { MqttLane } from './mqtt-lane';
import { RejectionReporter } from './rejection.reporter';

/**
 * The MQTT edge gateway: subscribes (as the platform's service login, through a shared subscription)
 * to every device's scans and telemetry, turns each message into an EPCIS event for the event
 * intake, and acknowledges the message to the broker only once the event log has acknowledged the
 * event — or, for an unusable message, once its alert is on the log. Against Mosquitto or the
 * embedded aedes broker alike.
 */
@Injectable()
export class EdgeGatewayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EdgeGateway');
  private readonly counters: EdgeGatewayCounters;
  private lanes: MqttLane[] = [];
  private errorClient: MqttClient | undefined;
  private pipeline: MessagePipeline | undefined;

  constructor(
    @Inject(EDGE_GATEWAY_OPTIONS) private readonly options: EdgeGatewayOptions,
    private readonly intake: EventIntake,
    private readonly registry: DeviceRegistryService,
    private readonly ranges: StorageRangeRepository,
    private readonly prefixes: PrefixDirectory,
    @Inject(EVENT_LOG) private readonly log: EventLog,
    @Inject(CLOCK) private readonly clock: Clock,
    metrics: MetricsRegistry,
  ) {
    this.counters = new EdgeGatewayCounters(metrics);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.autoStart) await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** What the gateway has done since the process started (tests and benchmarks watch this). */
  stats(): EdgeGatewayStats {
    return this.counters.snapshot();
  }

  /** Connects and consumes; `mqttUrl` overrides the configured broker (the platform's embedded one). */
  async start(mqttUrl: string = this.options.mqttUrl): Promise<void> {
    if (this.pipeline) return;
    const { options } = this;
    const laneCount = options.sharedGroup ? options.lanes : 1;
    const subscriptions = gatewaySubscriptions(options.sharedGroup, options.glns);
    const login = {
      username: options.username,
      password: options.password,
      protocolVersion: options.protocolVersion,
    };
    const errors = await connectAsync(mqttUrl, {
      ...login,
      clientId: `${options.gatewayId}-errors`,
      clean: true,
      reconnectPeriod: 1_000,
    });
    this.errorClient = errors;
    const pipeline = this.pipelineFor(errors, laneCount);
    this.pipeline = pipeline;
    this.lanes = Array.from(
      { length: laneCount },
      (_, i) =>
        new MqttLane({
          url: mqttUrl,
          ...login,
          clientId: `${options.gatewayId}-lane-${i}`,
          subscriptions,
          sessionExpirySeconds: options.sessionExpirySeconds,
        }),
    );
    try {
      await Promise.all(
        this.lanes.map((lane) => lane.start((topic, payload, dup) => pipeline.handle(topic, payload, dup))),
      );
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.logger.log(`consuming ${subscriptions.join(', ')} on ${mqttUrl} with ${laneCount} lane(s)`);
  }

  /** Stops consuming; messages in hand stay unacknowledged and are redelivered to the next session. */
  async stop(): Promise<void> {
    const pipeline = this.pipeline;
    if (!pipeline) return;
    this.pipeline = undefined;
    pipeline.stop();
    await Promise.all(this.lanes.map((lane) => lane.stop()));
    this.lanes = [];
    await this.errorClient?.endAsync();
    this.errorClient = undefined;
  }

  private pipelineFor(errors: MqttClient, laneCount: number): MessagePipeline {
    const { options } = this;
    const reporter = new RejectionReporter(
      { publish: async (topic, payload) => void (await errors.publishAsync(topic, payload, { qos: 1 })) },
      this.log,
      this.clock,
      (error) => this.logger.warn(`could not send a device its error report: ${(error as Error).message}`),
    );
    const interpreter = new DeviceMessageInterpreter({
      resolveDevice: (id) => this.registry.resolve(id),
      prefixTable: () => this.prefixes.table(),
      storageRange: (container, gtin) => this.ranges.rangeFor(container, gtin),
      clock: this.clock,
      reportAllReadings: options.reportAllReadings,
    });
    const failures = { report: (_error: unknown, _attempt: number): void => undefined };
    const batcher = new IntakeBatcher(this.intake, {
      maxBatch: options.maxBatch,
      lingerMs: options.lingerMs,
      // In on-receipt mode lanes do not wait for the log, so "every lane waiting" never happens.
      producers: options.acknowledge === 'after-log' ? laneCount : Number.MAX_SAFE_INTEGER,
      retry: RETRY,
      onTransientFailure: (error, attempt) => failures.report(error, attempt),
    });
    const pipeline = new MessagePipeline(interpreter, batcher, reporter, this.counters, options.acknowledge);
    failures.report = (error, attempt) => pipeline.transientFailure('the event log', error, attempt);
    return pipeline;
  }
}
