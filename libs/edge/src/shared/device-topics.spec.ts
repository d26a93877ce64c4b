import { mayPublish, maySubscribe, type BrokerPrincipal } from '../broker/broker-access.policy';
import { deviceTopic, gatewaySubscriptions, parseDeviceTopic } from './device-topics';

const gln = '9506000000009';
const device: BrokerPrincipal = { kind: 'device', device: { id: 'dock-1', participantGln: gln } };
const service: BrokerPrincipal = { kind: 'service' };

describe('device topics', () => {
  it('builds and parses pharmatrace/{gln}/devices/{id}/{channel}', () => {
    const topic = deviceTopic(gln, 'dock-1', 'scans');
    expect(topic).toBe(`pharmatrace/${gln}/devices/dock-1/scans`);
    expect(parseDeviceTopic(topic)).toEqual({ gln, deviceId: 'dock-1', channel: 'scans' });
  });

  it.each([
    'pharmatrace/123/devices/d/scans',
    `pharmatrace/${gln}/devices/d/other`,
    `pharmatrace/${gln}/device/d/scans`,
    `pharmatrace/${gln}/devices/+/scans`,
    `pharmatrace/${gln}/devices/d/scans/extra`,
    `other/${gln}/devices/d/scans`,
  ])('rejects %s', (topic) => {
    expect(parseDeviceTopic(topic)).toBeUndefined();
  });

  it('subscribes through a shared group when there is one', () => {
    expect(gatewaySubscriptions('g')).toEqual([
      '$share/g/pharmatrace/+/devices/+/scans',
      '$share/g/pharmatrace/+/devices/+/telemetry',
    ]);
    expect(gatewaySubscriptions(undefined)).toEqual([
      'pharmatrace/+/devices/+/scans',
      'pharmatrace/+/devices/+/telemetry',
    ]);
  });
});

describe('embedded broker access policy', () => {
  it('lets a device publish only its own scans and telemetry under its own participant', () => {
    expect(mayPublish(device, deviceTopic(gln, 'dock-1', 'scans'))).toBe(true);
    expect(mayPublish(device, deviceTopic(gln, 'dock-1', 'telemetry'))).toBe(true);
    expect(mayPublish(device, deviceTopic(gln, 'dock-2', 'scans'))).toBe(false);
    expect(mayPublish(device, deviceTopic('9506000000016', 'dock-1', 'scans'))).toBe(false);
    expect(mayPublish(device, deviceTopic(gln, 'dock-1', 'errors'))).toBe(false);
    expect(mayPublish(device, 'elsewhere')).toBe(false);
  });

  it('lets a device subscribe only to its own error topic', () => {
    expect(maySubscribe(device, deviceTopic(gln, 'dock-1', 'errors'))).toBe(true);
    expect(maySubscribe(device, `pharmatrace/${gln}/devices/+/errors`)).toBe(false);
    expect(maySubscribe(device, '#')).toBe(false);
  });

  it('gives the service the pharmatrace tree, shared subscriptions included, and nothing else', () => {
    expect(maySubscribe(service, '$share/g/pharmatrace/+/devices/+/scans')).toBe(true);
    expect(maySubscribe(service, '#')).toBe(false);
    expect(mayPublish(service, deviceTopic(gln, 'dock-1', 'errors'))).toBe(true);
    expect(mayPublish(service, '$SYS/x')).toBe(false);
  });
});
