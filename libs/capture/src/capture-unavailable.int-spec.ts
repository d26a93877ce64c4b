import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { MasterDataModule } from '@pharmatrace/master-data';
import { EventLogUnavailableError, type EventLog } from '@pharmatrace/messaging';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { CaptureModule } from './capture.module';
import { commissioningDocument, registerManufacturer, storedEventCount } from './testing';

/** The real Kafka log, except that publishing fails while `down` is set (a broker outage). */
class OutageLog {
  down = false;
  constructor(private readonly log: EventLog) {}
  asEventLog(): EventLog {
    return new Proxy(this.log, {
      get: (target, property, receiver) => {
        if (property === 'publish') {
          return (topic: string, records: unknown[]) =>
            this.down
              ? Promise.reject(new EventLogUnavailableError('broker unreachable', 7))
              : target.publish(topic, records as Parameters<EventLog['publish']>[1]);
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

describe('EPCIS capture while the event log is down (Kafka, PostgreSQL)', () => {
  let platform: TestPlatform;
  let outage: OutageLog | undefined;
  let key: string;

  @Module({})
  class OutageTestModule {
    static with(ports: RuntimePorts): DynamicModule {
      outage = new OutageLog(ports.eventLog);
      return {
        module: OutageTestModule,
        imports: [
          RuntimeModule.forRoot({ ...ports, eventLog: outage.asEventLog() }),
          MasterDataModule,
          CaptureModule,
        ],
      };
    }
  }

  beforeAll(async () => {
    platform = await startTestPlatform((ports) => OutageTestModule.with(ports));
    key = await registerManufacturer(platform);
  });
  afterAll(() => platform.close());

  it('answers 503 with Retry-After, and the same document sent again later is stored once', async () => {
    const document = commissioningDocument(20, 'OUT');
    if (!outage) throw new Error('module not built');
    outage.down = true;
    const refused = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: key,
      body: document,
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('7');
    expect(refused.json()).toMatchObject({ code: 'EVENT_LOG_UNAVAILABLE' });

    outage.down = false;
    const accepted = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: key,
      body: document,
    });
    expect(accepted.statusCode).toBe(202);
    const deadline = Date.now() + 60_000;
    while ((await storedEventCount(platform)) < 20 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await storedEventCount(platform)).toBe(20);
  }, 120_000);
});
