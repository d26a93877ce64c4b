import { connect, type IClientOptions, type MqttClient } from 'mqtt';

export interface LaneOptions {
  url: string;
  username: string;
  password: string;
  /** Stable across restarts: the broker keeps this session's subscriptions and unacknowledged messages. */
  clientId: string;
  protocolVersion: 4 | 5;
  subscriptions: string[];
  /** MQTT 5: how long the broker keeps the session while the lane is away. */
  sessionExpirySeconds: number;
  keepaliveSeconds?: number;
}

/** Resolves when the message may be acknowledged; rejects only when the lane is stopping. */
export type LaneHandler = (topic: string, payload: Buffer, redelivered: boolean) => Promise<void>;

/**
 * One MQTT session of the gateway. mqtt.js sends a QoS 1 PUBACK only when `handleMessage` calls back,
 * and it handles a connection's packets one at a time, so each lane holds exactly one unacknowledged
 * message while the event log is asked; several lanes (members of one shared subscription) keep the
 * log busy. A message whose handling is cut short by a stop is never acknowledged: the broker keeps
 * it in the persistent session and delivers it again.
 */
export class MqttLane {
  private client: MqttClient | undefined;
  private stopping = false;

  constructor(private readonly options: LaneOptions) {}

  get clientId(): string {
    return this.options.clientId;
  }

  async start(handler: LaneHandler): Promise<void> {
    const { options } = this;
    const clientOptions: IClientOptions = {
      clientId: options.clientId,
      username: options.username,
      password: options.password,
      protocolVersion: options.protocolVersion,
      clean: false,
      keepalive: options.keepaliveSeconds ?? 30,
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
      resubscribe: true,
      ...(options.protocolVersion === 5 && {
        properties: { sessionExpiryInterval: options.sessionExpirySeconds, receiveMaximum: 64 },
      }),
    };
    const client = connect(options.url, clientOptions);
    this.client = client;
    client.handleMessage = (packet, callback) => {
      if (this.stopping) return;
      const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
      handler(packet.topic, payload, packet.dup).then(
        () => {
          if (!this.stopping) callback();
        },
        () => undefined, // stopping: leave the message unacknowledged
      );
    };
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => {
        client.off('connect', onConnect);
        reject(error);
      };
      const onConnect = () => {
        client.off('error', onError);
        resolve();
      };
      client.once('connect', onConnect);
      client.once('error', onError);
    }).catch(async (error: unknown) => {
      await client.endAsync(true);
      throw error;
    });
    // Subscribing again on a resumed session is harmless and repairs a session the broker lost.
    await client.subscribeAsync(options.subscriptions, { qos: 1 });
  }

  /** Disconnects without acknowledging what is in hand. Idempotent. */
  async stop(): Promise<void> {
    this.stopping = true;
    const client = this.client;
    this.client = undefined;
    if (client) await client.endAsync(true);
  }
}
