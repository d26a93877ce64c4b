import { Module, type DynamicModule } from '@nestjs/common';
import { startTestPlatform, type TestPlatform } from '@pharmatrace/auth/testing';
import { CaptureModule } from '@pharmatrace/capture';
import {
  captureThreeTier,
  EXPIRY,
  LOT,
  MANUFACTURER,
  PHARMACY,
  seedThreeTier,
  THREE_TIER_GTIN,
  WHOLESALER,
} from '@pharmatrace/custody-processing/testing';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { MasterDataModule } from '@pharmatrace/master-data';
import { RuntimeModule, type Clock, type RuntimePorts } from '@pharmatrace/runtime';
import { waitFor } from '@pharmatrace/testing';
import { VerificationModule } from '../verification.module';

export { EXPIRY, LOT, MANUFACTURER, PHARMACY, THREE_TIER_GTIN as GTIN, WHOLESALER };

/** A clock the test moves: operations stamp their events with it, verdicts read "today" from it. */
export class TestClock implements Clock {
  private at: number;

  constructor(start: string) {
    this.at = Date.parse(start);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(iso: string): void {
    this.at = Date.parse(iso);
  }

  advanceDays(days: number): void {
    this.at += days * 24 * 3_600_000;
  }
}

export const START = '2026-04-02T10:00:00.000Z';
export const OTHER_PHARMACY = {
  gln: '9520002000019',
  role: 'pharmacy' as const,
  companyPrefixes: ['9520002'],
  locations: [{ sgln: 'urn:epc:id:sgln:9520002.00001.0', name: 'Other pharmacy' }],
};
export const REGULATOR = { gln: '9520005000016', role: 'regulator' as const };

export interface VerificationWorld {
  platform: TestPlatform;
  clock: TestClock;
  /** API keys by GLN. */
  keys: Map<string, string>;
}

@Module({})
class VerificationTestModule {
  static with(ports: RuntimePorts): DynamicModule {
    return {
      module: VerificationTestModule,
      imports: [
        RuntimeModule.forRoot(ports),
        MasterDataModule,
        CaptureModule,
        CustodyProcessingModule,
        VerificationModule,
      ],
    };
  }
}

export async function processedCount(platform: TestPlatform): Promise<number> {
  const rows = await platform.ports.database.sql.query<{ n: number }>(
    `select count(*)::int as n from processed_events where consumer = 'custody'`,
  );
  return rows[0]?.n ?? 0;
}

/**
 * The three-tier scenario (packs 1–10 dispensed at the pharmacy, 11–500 at the pharmacy, 501–1000 at
 * the wholesaler) on real PostgreSQL and Kafka, with the verification module, a controllable clock,
 * a second pharmacy and a regulator.
 */
export async function startVerificationWorld(): Promise<VerificationWorld> {
  const clock = new TestClock(START);
  const platform = await startTestPlatform((ports) => VerificationTestModule.with({ ...ports, clock }));
  try {
    const keys = await seedThreeTier(platform);
    const events = await captureThreeTier(platform, keys);
    await waitFor(async () => (await processedCount(platform)) === events, 90_000, 'three tiers applied');
    for (const spec of [OTHER_PHARMACY, REGULATOR]) {
      keys.set(spec.gln, (await platform.participant(spec)).apiKey);
    }
    return { platform, clock, keys };
  } catch (error) {
    await platform.close();
    throw error;
  }
}

export const serialOf = (n: number) => `P${String(n).padStart(4, '0')}`;

/** Raw GS1 DataMatrix content of pack n, as a scanner with AIM identifiers sends it. */
export function scanOf(n: number, data: { lot?: string; expiry?: string } = {}): string {
  return `]d201${THREE_TIER_GTIN}17${data.expiry ?? '280630'}10${data.lot ?? LOT}\u001d21${serialOf(n)}`;
}

export function key(world: VerificationWorld, gln: string): string {
  const apiKey = world.keys.get(gln);
  if (!apiKey) throw new Error(`no API key for ${gln}`);
  return apiKey;
}
