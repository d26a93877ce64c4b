import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { MasterDataModule } from './master-data.module';

@Module({})
class LabelTestModule {
  static with(ports: RuntimePorts): DynamicModule {
    return { module: LabelTestModule, imports: [RuntimeModule.forRoot(ports), MasterDataModule] };
  }
}

describe('label API', () => {
  let platform: TestPlatform;
  let maker: string;
  let pharmacy: string;
  beforeAll(async () => {
    platform = await startTestPlatform((ports) => LabelTestModule.with(ports), { embeddedLog: true });
    maker = (
      await platform.participant({ gln: '9506000000015', role: 'manufacturer', companyPrefixes: ['9506000'] })
    ).apiKey;
    pharmacy = (await platform.participant({ gln: '4012345000016', role: 'pharmacy' })).apiKey;
  });
  afterAll(() => platform.close());

  const pack = { gtin: '09506000134352', serial: 'ABC123', lot: 'L42', expiry: '2027-12-31' };

  it('renders a GS1 DataMatrix pack label as SVG with the human-readable lines', async () => {
    const response = await platform.request({ method: 'POST', url: '/v1/labels', apiKey: maker, body: pack });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    expect(response.body).toContain('<svg');
    expect(response.body).toContain('ABC123');
  });

  it('renders PNG', async () => {
    const response = await platform.request({
      method: 'POST',
      url: '/v1/labels',
      apiKey: maker,
      body: { ...pack, format: 'png' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
  });

  it('refuses a GTIN under someone else’s prefix, other roles, and bad data', async () => {
    expect(
      (
        await platform.request({
          method: 'POST',
          url: '/v1/labels',
          apiKey: maker,
          body: { ...pack, gtin: '04006381333931' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await platform.request({ method: 'POST', url: '/v1/labels', apiKey: pharmacy, body: pack }))
        .statusCode,
    ).toBe(403);
    const bad = await platform.request({
      method: 'POST',
      url: '/v1/labels',
      apiKey: maker,
      body: { ...pack, gtin: '09506000134353' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'BAD_LABEL' });
  });
});
