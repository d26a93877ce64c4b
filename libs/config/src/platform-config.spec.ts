import { ConfigError, loadPlatformConfig } from './platform-config';

describe('platform configuration', () => {
  it('defaults to the embedded mode on the documented ports', () => {
    expect(loadPlatformConfig({})).toEqual({
      httpPort: 3000,
      httpHost: '127.0.0.1',
      mqttPort: 1883,
      dataDir: './data',
      databaseUrl: undefined,
      kafkaBrokers: [],
      mqttUrl: undefined,
      fabric: undefined,
      databaseSchema: undefined,
      namespace: undefined,
      consumerBatchSize: 1000,
    });
  });

  it('reads the distributed engines', () => {
    const config = loadPlatformConfig({
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
      KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
      MQTT_URL: 'mqtt://127.0.0.1:1883',
    });
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.databaseUrl).toBe('postgres://u:p@127.0.0.1:5432/db');
  });

  it('reports every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      loadPlatformConfig({ HTTP_PORT: 'eighty', KAFKA_BROKERS: 'nohost', FABRIC_MSP_ID: 'Org1MSP' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/KAFKA_BROKERS entry "nohost"/),
      expect.stringMatching(/HTTP_PORT=eighty/),
      expect.stringMatching(/FABRIC_PEER_ENDPOINT/),
    ]);
  });
});
