import { randomUUID } from 'node:crypto';
import { connectAsync, type MqttClient } from 'mqtt';
import type { Device } from '../devices/device';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import type { BrokerProvisioner } from './broker-provisioner';
import {
  createDeviceClient,
  createDeviceRole,
  deleteDevice,
  NOT_FOUND,
  setDevicePassword,
  type DynsecCommand,
} from './dynsec-commands';

const COMMAND_TOPIC = '$CONTROL/dynamic-security/v1';
const RESPONSE_TOPIC = '$CONTROL/dynamic-security/v1/response';

export interface DynsecProvisionerOptions {
  url: string;
  /** The dynamic-security admin login (infra/mosquitto: MQTT_PROVISIONER_USERNAME/PASSWORD). */
  username: string;
  password: string;
  /** How long to wait for the plugin's answer (default 5 s). */
  timeoutMs?: number;
}

interface Response {
  command: string;
  error?: string;
  correlationData?: string;
}

/**
 * Provisions devices into Mosquitto 2 through its dynamic-security plugin: JSON commands published on
 * `$CONTROL/dynamic-security/v1`, answers (matched by correlationData) on `…/response`. The plugin
 * persists its own store, and changing a password disconnects the sessions that used the old one.
 */
export class DynsecProvisioner implements BrokerProvisioner {
  private client: Promise<MqttClient> | undefined;
  private readonly waiting = new Map<string, (response: Response) => void>();

  constructor(private readonly options: DynsecProvisionerOptions) {}

  /** Deletes whatever the broker had under this id, then creates role and login afresh (one message). */
  async upsertDevice(device: Device, password: string): Promise<void> {
    const responses = await this.run([
      ...deleteDevice(device),
      createDeviceRole(device),
      createDeviceClient(device, password),
    ]);
    this.check(responses, (r) => r.command.startsWith('delete') && NOT_FOUND.test(r.error ?? ''));
  }

  /** Resets the password (the plugin disconnects the old sessions); recreates the login if it is gone. */
  async rotatePassword(device: Device, password: string): Promise<void> {
    const [response] = await this.run([setDevicePassword(device, password)]);
    if (response?.error && NOT_FOUND.test(response.error)) return this.upsertDevice(device, password);
    this.check(response ? [response] : [], () => false);
  }

  async removeDevice(device: Device): Promise<void> {
    const responses = await this.run(deleteDevice(device));
    this.check(responses, (r) => NOT_FOUND.test(r.error ?? ''));
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await (await client.catch(() => undefined))?.endAsync();
  }

  private check(responses: Response[], tolerated: (response: Response) => boolean): void {
    const failed = responses.filter((r) => r.error !== undefined && !tolerated(r));
    if (failed.length > 0) {
      throw new EdgeError(
        EdgeErrorCode.ProvisioningFailed,
        `the broker refused: ${failed.map((r) => `${r.command}: ${r.error ?? ''}`).join('; ')}`,
      );
    }
  }

  private async run(commands: DynsecCommand[]): Promise<Response[]> {
    const client = await this.connection();
    const tagged = commands.map((command) => ({ ...command, correlationData: randomUUID() }));
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    const answers = tagged.map(
      (command) =>
        new Promise<Response>((resolve, reject) => {
          const id = command.correlationData;
          const timer = setTimeout(() => {
            this.waiting.delete(id);
            reject(
              new EdgeError(
                EdgeErrorCode.ProvisioningFailed,
                `no answer to ${command.command} within ${timeoutMs} ms`,
              ),
            );
          }, timeoutMs);
          this.waiting.set(id, (response) => {
            clearTimeout(timer);
            this.waiting.delete(id);
            resolve(response);
          });
        }),
    );
    try {
      await client.publishAsync(COMMAND_TOPIC, JSON.stringify({ commands: tagged }), { qos: 1 });
    } catch (error) {
      for (const command of tagged)
        this.waiting.get(command.correlationData)?.({ command: command.command, error: 'not sent' });
      throw new EdgeError(
        EdgeErrorCode.ProvisioningFailed,
        `could not send to the broker: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    return Promise.all(answers);
  }

  private connection(): Promise<MqttClient> {
    this.client ??= this.connect().catch((error: unknown) => {
      this.client = undefined;
      throw new EdgeError(
        EdgeErrorCode.ProvisioningFailed,
        `cannot reach the broker: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    });
    return this.client;
  }

  private async connect(): Promise<MqttClient> {
    const client = await connectAsync(this.options.url, {
      username: this.options.username,
      password: this.options.password,
      clientId: `pharmatrace-provisioner-${randomUUID()}`,
      protocolVersion: 5,
      connectTimeout: this.options.timeoutMs ?? 5_000,
      reconnectPeriod: 1_000,
    });
    client.on('message', (_topic, payload) => this.onResponse(payload));
    await client.subscribeAsync(RESPONSE_TOPIC, { qos: 0 });
    return client;
  }

  private onResponse(payload: Buffer): void {
    let parsed: { responses?: Response[] };
    try {
      parsed = JSON.parse(payload.toString('utf8')) as { responses?: Response[] };
    } catch {
      return;
    }
    for (const response of parsed.responses ?? []) {
      if (response.correlationData) this.waiting.get(response.correlationData)?.(response);
    }
  }
}
