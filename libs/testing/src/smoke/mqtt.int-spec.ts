import { connectAsync, type MqttClient } from 'mqtt';
import { engineSettings } from '../engine-settings';
import { uniqueName } from '../unique-name';

describe('MQTT engine (Mosquitto with password auth and ACL)', () => {
  const settings = engineSettings();
  const clients: MqttClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.endAsync()));
  });

  function connect(username: string, password: string): Promise<MqttClient> {
    return connectAsync(settings.mqttUrl, {
      username,
      password,
      clientId: uniqueName('smoke'),
      reconnectPeriod: 0,
      connectTimeout: 5000,
    }).then((client) => {
      clients.push(client);
      return client;
    });
  }

  it('delivers a message published with credentials to a subscriber', async () => {
    const client = await connect(settings.mqttServiceUsername, settings.mqttServicePassword);
    const topic = `pharmatrace/${uniqueName('smoke')}/devices/d1/scans`;
    const received = new Promise<string>((resolve) => {
      client.on('message', (t, payload) => {
        if (t === topic) resolve(payload.toString());
      });
    });
    await client.subscribeAsync(topic, { qos: 1 });
    await client.publishAsync(topic, ']d201095012345678903', { qos: 1 });
    await expect(received).resolves.toBe(']d201095012345678903');
  });

  it('refuses a wrong password', async () => {
    await expect(connect(settings.mqttServiceUsername, 'not-the-password')).rejects.toThrow(
      /Not authorized|Bad username or password/i,
    );
  });

  it('refuses an anonymous client', async () => {
    await expect(
      connectAsync(settings.mqttUrl, {
        clientId: uniqueName('anon'),
        reconnectPeriod: 0,
        connectTimeout: 5000,
      }),
    ).rejects.toThrow(/Not authorized/i);
  });
});
