import { aDeviceWithRole, TEST_GLN } from '../testing/edge.factories';
import { createDeviceClient, createDeviceRole, deleteDevice, deviceRoleName } from './dynsec-commands';

describe('dynamic-security commands', () => {
  const device = aDeviceWithRole('shipping-dock', 'dock-1');

  it('gives each device a role allowing only its own topics, denying everything else below', () => {
    const role = createDeviceRole(device);
    expect(role).toMatchObject({ command: 'createRole', rolename: deviceRoleName(device) });
    const acls = role['acls'] as { acltype: string; topic: string; allow: boolean; priority: number }[];
    const allowed = acls.filter((a) => a.allow).map((a) => `${a.acltype} ${a.topic}`);
    expect(allowed).toEqual([
      `publishClientSend pharmatrace/${TEST_GLN}/devices/dock-1/scans`,
      `publishClientSend pharmatrace/${TEST_GLN}/devices/dock-1/telemetry`,
      `subscribePattern pharmatrace/${TEST_GLN}/devices/dock-1/errors`,
      `publishClientReceive pharmatrace/${TEST_GLN}/devices/dock-1/errors`,
    ]);
    expect(Math.min(...acls.filter((a) => a.allow).map((a) => a.priority))).toBeGreaterThan(
      Math.max(...acls.filter((a) => !a.allow).map((a) => a.priority)),
    );
  });

  it('creates the login with the device id as username and its role, and deletes both', () => {
    expect(createDeviceClient(device, 'pw')).toMatchObject({
      command: 'createClient',
      username: 'dock-1',
      password: 'pw',
      roles: [{ rolename: deviceRoleName(device) }],
    });
    expect(deleteDevice(device).map((c) => c.command)).toEqual(['deleteClient', 'deleteRole']);
  });
});
