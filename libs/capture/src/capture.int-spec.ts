import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { MasterDataModule } from '@pharmatrace/master-data';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { CaptureModule } from './capture.module';
import {
  commissioningDocument,
  commissioningEvent,
  epcisDocument,
  registerManufacturer,
  storedEventCount,
} from './testing';

@Module({})
class CaptureTestModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: CaptureTestModule,
      imports: [RuntimeModule.forRoot(ports), MasterDataModule, CaptureModule],
    };
  }
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('EPCIS capture and query on Kafka and PostgreSQL', () => {
  let platform: TestPlatform;
  let manufacturerKey: string;
  let outsiderKey: string;
  let regulatorKey: string;

  beforeAll(async () => {
    platform = await startTestPlatform((ports) => CaptureTestModule.with(ports));
    manufacturerKey = await registerManufacturer(platform);
    outsiderKey = (await platform.participant({ gln: '4012345000016', role: 'pharmacy' })).apiKey;
    regulatorKey = (await platform.participant({ gln: '9520005000016', role: 'regulator' })).apiKey;
  });
  afterAll(() => platform.close());

  it('refuses a request without credentials', async () => {
    const response = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      body: commissioningDocument(1),
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('rejects an invalid document as a whole, naming each offending field', async () => {
    const bad = commissioningEvent('BAD1') as Record<string, unknown>;
    delete bad['eventTime'];
    const document = epcisDocument([commissioningEvent('GOOD1'), bad]);
    const response = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: manufacturerKey,
      body: document,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; details: { pointer: string }[] }>();
    expect(body.code).toBe('EPCIS_VALIDATION');
    expect(body.details.map((d) => d.pointer)).toContain('/epcisBody/eventList/1/eventTime');
    expect(await storedEventCount(platform)).toBe(0);
  });

  it('captures a 10,000-event document, stores every event once, and finds each by query', async () => {
    const document = commissioningDocument(10_000);
    const first = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: manufacturerKey,
      body: document,
    });
    expect(first.statusCode).toBe(202);
    expect(first.headers['location']).toMatch(/^\/epcis\/capture\/[0-9a-f-]{36}$/);
    expect(first.headers['gs1-epcis-capture-limit']).toBe('10000');

    const job = await platform.request({
      method: 'GET',
      url: String(first.headers['location']),
      apiKey: manufacturerKey,
    });
    expect(job.json()).toMatchObject({
      running: false,
      success: true,
      eventCount: 10_000,
      acceptedCount: 10_000,
    });

    await waitFor(async () => (await storedEventCount(platform)) === 10_000, 60_000);

    // The same document again: accepted, and still every event stored exactly once.
    const second = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: manufacturerKey,
      body: document,
    });
    expect(second.statusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await storedEventCount(platform)).toBe(10_000);

    const one = await platform.request({
      method: 'GET',
      url: '/epcis/events?MATCH_epc=urn:epc:id:sgtin:0614141.107346.S004321',
      apiKey: manufacturerKey,
    });
    expect(one.statusCode).toBe(200);
    const found = one.json<{
      epcisBody: { queryResults: { resultsBody: { eventList: { epcList: string[] }[] } } };
    }>();
    expect(found.epcisBody.queryResults.resultsBody.eventList.map((e) => e.epcList)).toEqual([
      ['urn:epc:id:sgtin:0614141.107346.S004321'],
    ]);

    // Page through everything: 10 pages of 1,000, no event twice, none missing.
    const seen = new Set<string>();
    let url: string | undefined = '/epcis/events?EQ_bizStep=commissioning&perPage=1000&orderDirection=ASC';
    let pages = 0;
    while (url && pages < 20) {
      const page = await platform.request({ method: 'GET', url, apiKey: regulatorKey });
      expect(page.statusCode).toBe(200);
      const list = page.json<{
        epcisBody: { queryResults: { resultsBody: { eventList: { epcList: string[] }[] } } };
      }>().epcisBody.queryResults.resultsBody.eventList;
      for (const event of list) seen.add(event.epcList[0] ?? '');
      const link = page.headers['link'] as string | undefined;
      url = link ? /<([^>]+)>/.exec(link)?.[1] : undefined;
      pages++;
    }
    expect(seen.size).toBe(10_000);
  }, 180_000);

  it('shows a participant only the events it is party to', async () => {
    const response = await platform.request({
      method: 'GET',
      url: '/epcis/events?perPage=5',
      apiKey: outsiderKey,
    });
    expect(response.statusCode).toBe(200);
    expect(
      response.json<{ epcisBody: { queryResults: { resultsBody: { eventList: unknown[] } } } }>().epcisBody
        .queryResults.resultsBody.eventList,
    ).toEqual([]);
  });

  it('answers a bad query parameter with 400 naming it', async () => {
    const response = await platform.request({
      method: 'GET',
      url: '/epcis/events?EQ_action=JUMP',
      apiKey: regulatorKey,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('EQ_action');
  });
});
