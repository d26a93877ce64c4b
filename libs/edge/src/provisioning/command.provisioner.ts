import { execFile } from 'node:child_process';
import type { Device } from '../devices/device';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import type { BrokerProvisioner } from './broker-provisioner';

/**
 * The fallback for Mosquitto without the dynamic-security plugin: runs a command such as
 * `infra/mosquitto/mosquitto.sh add-user` (mosquitto_passwd into the password file, then SIGHUP).
 * Topic rights then come from the broker's ACL file patterns (`pharmatrace/+/devices/%u/…`), which
 * cannot bind the GLN level: the gateway checks that the topic's GLN is the device's participant.
 * Only for a broker on the same host; the password travels as an argument of a local process.
 */
export class CommandProvisioner implements BrokerProvisioner {
  private readonly argv: string[];

  constructor(command: string) {
    this.argv = command.split(/\s+/).filter(Boolean);
    if (this.argv.length === 0) throw new Error('CommandProvisioner needs a command');
  }

  upsertDevice(device: Device, password: string): Promise<void> {
    const [file = '', ...args] = this.argv;
    return new Promise((resolve, reject) => {
      execFile(file, [...args, device.id, password], { timeout: 10_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        reject(
          new EdgeError(
            EdgeErrorCode.ProvisioningFailed,
            `${file} failed: ${stderr.trim() || error.message}`,
            {
              cause: error,
            },
          ),
        );
      });
    });
  }

  rotatePassword(device: Device, password: string): Promise<void> {
    return this.upsertDevice(device, password);
  }

  /** A password file entry cannot be removed by the add-user command; the registry no longer lists it. */
  removeDevice(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
