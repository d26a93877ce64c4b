import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EngineNotConfiguredError, engineSettings, parseEnvFile } from './engine-settings';

function stateDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pt-engines-'));
  mkdirSync(join(dir, 'env'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'env', name), text);
  return dir;
}

describe('engine settings', () => {
  it('parses KEY=VALUE lines and keeps "=" inside values', () => {
    expect(parseEnvFile('A=1\n# comment\nB=x=y\n\n')).toEqual({ A: '1', B: 'x=y' });
    expect(parseEnvFile("C='/path/mosquitto.sh add-user'\n")).toEqual({ C: '/path/mosquitto.sh add-user' });
  });

  it('reads the files infra:up wrote', () => {
    const dir = stateDirWith({ 'kafka.env': 'KAFKA_BROKERS=127.0.0.1:1, 127.0.0.1:2\n' });
    expect(engineSettings({ PHARMATRACE_STATE_DIR: dir }).kafkaBrokers).toEqual([
      '127.0.0.1:1',
      '127.0.0.1:2',
    ]);
  });

  it('lets the environment override the files', () => {
    const dir = stateDirWith({ 'postgres.env': 'DATABASE_URL=postgres://file\n' });
    const settings = engineSettings({ PHARMATRACE_STATE_DIR: dir, DATABASE_URL: 'postgres://env' });
    expect(settings.databaseUrl).toBe('postgres://env');
  });

  it('names the missing variable and how to provide it', () => {
    const dir = stateDirWith({});
    expect(() => engineSettings({ PHARMATRACE_STATE_DIR: dir }).mqttUrl).toThrow(EngineNotConfiguredError);
    expect(() => engineSettings({ PHARMATRACE_STATE_DIR: dir }).mqttUrl).toThrow(/MQTT_URL .*infra:up/);
  });
});
