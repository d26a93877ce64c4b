import { DEFAULT_PREFIX_TABLE } from '@pharmatrace/gs1';
import type { Device } from '../devices/device';
import { EdgeErrorCode } from '../edge.error';
import { deviceTopic } from '../shared/device-topics';
import { aDevice, aDeviceWithRole, anSscc, packBarcode, TEST_GLN } from '../testing/edge.factories';
import type { StorageRange } from '../telemetry/telemetry-event.mapper';
import { captureIdFor, DeviceMessageInterpreter, type MessageOutcome } from './device-message.interpreter';

const line = aDevice();
const logger = aDeviceWithRole('cold-chain-logger', 'logger-1');
const disabled = aDevice({ id: 'off-1', status: 'disabled' });
const sscc = anSscc(42);

function interpreter(range: StorageRange | undefined, reportAllReadings = false) {
  const devices = new Map<string, Device>([line, logger, disabled].map((d) => [d.id, d]));
  return new DeviceMessageInterpreter({
    resolveDevice: (id) => Promise.resolve(devices.get(id)),
    prefixTable: () => Promise.resolve(DEFAULT_PREFIX_TABLE),
    storageRange: () => Promise.resolve(range),
    clock: { now: () => new Date('2025-03-01T12:00:00Z') },
    reportAllReadings,
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const rejectedCode = (outcome: MessageOutcome) =>
  outcome.kind === 'rejected' ? outcome.rejection.error.code : outcome.kind;

describe('DeviceMessageInterpreter', () => {
  const subject = interpreter({ minC: 2, maxC: 8 });

  it('turns a scan into an event captured by the device’s participant, batch → stable capture id', async () => {
    const payload = json({ barcode: packBarcode('A1'), timestamp: '2025-03-01T10:00:00Z', batchId: 'b1' });
    const outcome = await subject.interpret(deviceTopic(TEST_GLN, 'line-1', 'scans'), payload);
    expect(outcome).toMatchObject({
      kind: 'event',
      channel: 'scans',
      item: {
        capturedBy: TEST_GLN,
        captureId: captureIdFor('line-1', 'b1'),
        event: { bizStep: 'commissioning' },
      },
    });
    expect(captureIdFor('line-1', 'b1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('dates a bare barcode with the receipt time', async () => {
    const outcome = await subject.interpret(
      deviceTopic(TEST_GLN, 'line-1', 'scans'),
      Buffer.from(packBarcode('A2')),
    );
    expect(outcome).toMatchObject({
      kind: 'event',
      item: { event: { eventTime: '2025-03-01T12:00:00.000Z' } },
    });
  });

  it.each([
    ['an unknown device', deviceTopic(TEST_GLN, 'ghost', 'scans'), EdgeErrorCode.UnknownDevice],
    ['a disabled device', deviceTopic(TEST_GLN, 'off-1', 'scans'), EdgeErrorCode.DeviceDisabled],
    [
      'another participant’s topic',
      deviceTopic('9506000000016', 'line-1', 'scans'),
      EdgeErrorCode.TopicNotOwned,
    ],
    ['a non-device topic', 'pharmatrace/x', EdgeErrorCode.InvalidTopic],
  ])('rejects %s', async (_what, topic, code) => {
    expect(rejectedCode(await subject.interpret(topic, Buffer.from(packBarcode('A3'))))).toBe(code);
  });

  it('rejects an undecodable barcode with the GS1 reason', async () => {
    const outcome = await subject.interpret(
      deviceTopic(TEST_GLN, 'line-1', 'scans'),
      Buffer.from(']d20109506000134353'),
    );
    expect(rejectedCode(outcome)).toBe(EdgeErrorCode.InvalidBarcode);
    expect(outcome.kind === 'rejected' && outcome.rejection.error.message).toMatch(/check digit/);
  });

  it('makes an ALARM_CONDITION event for an out-of-range reading and none for a reading in range', async () => {
    const topic = deviceTopic(TEST_GLN, 'logger-1', 'telemetry');
    const hot = await subject.interpret(topic, json({ container: sscc, temperature: 9, timestamp: 1 }));
    expect(hot).toMatchObject({ kind: 'event', channel: 'telemetry', verdict: 'excursion' });
    expect(hot.kind === 'event' && hot.item.event['epcList']).toEqual([
      `urn:epc:id:sscc:9506000.0${sscc.slice(8, 17)}`,
    ]);
    const ok = await subject.interpret(topic, json({ container: sscc, temperature: 5, timestamp: 1 }));
    expect(ok).toEqual({ kind: 'no-event', channel: 'telemetry', verdict: 'in-range' });
  });

  it('reports every reading when asked, and refuses scans from loggers', async () => {
    const all = interpreter(undefined, true);
    const topic = deviceTopic(TEST_GLN, 'logger-1', 'telemetry');
    expect(await all.interpret(topic, json({ container: sscc, temperature: 9, timestamp: 1 }))).toMatchObject(
      {
        kind: 'event',
        verdict: 'unchecked',
      },
    );
    const scan = await all.interpret(
      deviceTopic(TEST_GLN, 'logger-1', 'scans'),
      Buffer.from(packBarcode('A4')),
    );
    expect(rejectedCode(scan)).toBe(EdgeErrorCode.WrongChannelForRole);
  });

  it('lets infrastructure failures through, to be retried', async () => {
    const broken = new DeviceMessageInterpreter({
      resolveDevice: () => Promise.reject(new Error('database down')),
      prefixTable: () => Promise.resolve(DEFAULT_PREFIX_TABLE),
      storageRange: () => Promise.resolve(undefined),
      clock: { now: () => new Date() },
      reportAllReadings: false,
    });
    await expect(
      broken.interpret(deviceTopic(TEST_GLN, 'line-1', 'scans'), Buffer.from('x')),
    ).rejects.toThrow('database down');
  });
});
