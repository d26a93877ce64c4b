import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { CaptureModule } from '@pharmatrace/capture';
import { MasterDataModule } from '@pharmatrace/master-data';
import { RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { waitFor } from '@pharmatrace/testing';
import { CustodyProcessingModule } from './custody-processing.module';
import { captureThreeTier, caseSscc, pack, PALLET, PHARMACY, seedThreeTier, WHOLESALER } from './testing';

@Module({})
class CustodyTestModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: CustodyTestModule,
      imports: [RuntimeModule.forRoot(ports), MasterDataModule, CaptureModule, CustodyProcessingModule],
    };
  }
}

async function statuses(platform: TestPlatform) {
  const rows = await platform.ports.database.sql.query<{
    epc: string;
    status: string;
    custodian_gln: string;
    parent_epc: string | null;
  }>(`select epc, status, custodian_gln, parent_epc from packs`);
  return new Map(rows.map((r) => [r.epc, r]));
}

describe('custody processor on Kafka and PostgreSQL: three tiers, 1,000 packs in 10 cases on 1 pallet', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform((ports) => CustodyTestModule.with(ports));
  });
  afterAll(() => platform.close());

  it('ends every pack in the right state and raises exactly the expected alert', async () => {
    const events = await captureThreeTier(platform, await seedThreeTier(platform));
    await waitFor(
      async () =>
        ((
          await platform.ports.database.sql.query<{ n: number }>(
            `select count(*)::int as n from processed_events where consumer = 'custody'`,
          )
        )[0]?.n ?? 0) === events,
      60_000,
      'all events applied',
    );
    const packs = await statuses(platform);
    expect(packs.size).toBe(1000 + 11);
    expect(packs.get(pack(1))).toMatchObject({
      status: 'dispensed',
      custodian_gln: PHARMACY.gln,
      parent_epc: null,
    });
    expect(packs.get(pack(10))).toMatchObject({ status: 'dispensed', custodian_gln: PHARMACY.gln });
    expect(packs.get(pack(11))).toMatchObject({
      status: 'active',
      custodian_gln: PHARMACY.gln,
      parent_epc: null,
    });
    expect(packs.get(pack(250))).toMatchObject({
      status: 'active',
      custodian_gln: PHARMACY.gln,
      parent_epc: caseSscc(3),
    });
    expect(packs.get(pack(501))).toMatchObject({
      status: 'active',
      custodian_gln: WHOLESALER.gln,
      parent_epc: caseSscc(6),
    });
    expect(packs.get(pack(1000))).toMatchObject({ status: 'active', custodian_gln: WHOLESALER.gln });
    expect(packs.get(PALLET)).toMatchObject({ status: 'active', custodian_gln: WHOLESALER.gln });
    const byCustodian = { [PHARMACY.gln]: 0, [WHOLESALER.gln]: 0 } as Record<string, number>;
    for (const row of packs.values())
      byCustodian[row.custodian_gln] = (byCustodian[row.custodian_gln] ?? 0) + 1;
    expect(byCustodian).toEqual({ [PHARMACY.gln]: 500 + 5, [WHOLESALER.gln]: 500 + 5 + 1 });

    const alerts = await platform.request({
      method: 'GET',
      url: '/v1/alerts',
      apiKey: (await platform.participant({ gln: '9520005000016', role: 'regulator' })).apiKey,
    });
    expect(alerts.json()).toEqual([
      expect.objectContaining({ code: 'ALREADY_DECOMMISSIONED', epc: pack(1) }),
    ]);

    const verified = await platform.ports.database.sql.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from handoffs group by status`,
    );
    expect(verified).toEqual([{ status: 'verified', n: 2 }]);
  }, 120_000);
});
