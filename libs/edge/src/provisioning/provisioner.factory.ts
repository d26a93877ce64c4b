import { ConfigError } from '@pharmatrace/config';
import { RegistryBackedProvisioner, type BrokerProvisioner } from './broker-provisioner';
import { CommandProvisioner } from './command.provisioner';
import { DynsecProvisioner } from './dynsec.provisioner';

type Env = Record<string, string | undefined>;

/**
 * EDGE_PROVISIONER picks how device logins reach the broker:
 * - `dynsec` (default when MQTT_PROVISIONER_USERNAME is set): Mosquitto's dynamic-security plugin,
 *   with MQTT_URL and MQTT_PROVISIONER_USERNAME / MQTT_PROVISIONER_PASSWORD;
 * - `command` (default when only MOSQUITTO_ADD_USER is set): run that command with username and password;
 * - `registry`: nothing to push, the broker asks the registry (the embedded aedes broker).
 */
export function provisionerFromEnv(env: Env = process.env): BrokerProvisioner {
  const kind =
    env['EDGE_PROVISIONER'] ||
    (env['MQTT_PROVISIONER_USERNAME'] ? 'dynsec' : env['MOSQUITTO_ADD_USER'] ? 'command' : 'registry');
  switch (kind) {
    case 'dynsec': {
      const missing = ['MQTT_URL', 'MQTT_PROVISIONER_USERNAME', 'MQTT_PROVISIONER_PASSWORD'].filter(
        (k) => !env[k],
      );
      if (missing.length > 0) throw new ConfigError([`EDGE_PROVISIONER=dynsec needs ${missing.join(', ')}`]);
      return new DynsecProvisioner({
        url: env['MQTT_URL'] ?? '',
        username: env['MQTT_PROVISIONER_USERNAME'] ?? '',
        password: env['MQTT_PROVISIONER_PASSWORD'] ?? '',
      });
    }
    case 'command': {
      const command = env['MOSQUITTO_ADD_USER'];
      if (!command) throw new ConfigError(['EDGE_PROVISIONER=command needs MOSQUITTO_ADD_USER']);
      return new CommandProvisioner(command);
    }
    case 'registry':
      return new RegistryBackedProvisioner();
    default:
      throw new ConfigError([`EDGE_PROVISIONER=${kind} must be dynsec, command or registry`]);
  }
}
