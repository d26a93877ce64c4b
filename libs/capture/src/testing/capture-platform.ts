import type { TestPlatform } from '@pharmatrace/auth/testing';
import { MANUFACTURER_GLN, MANUFACTURER_PREFIX, MANUFACTURER_SGLN } from './epcis-documents';

/** Events in the platform's event store. */
export async function storedEventCount(platform: TestPlatform): Promise<number> {
  const rows = await platform.ports.database.sql.query<{ n: number }>(
    `select count(*)::int as n from epcis_events`,
  );
  return rows[0]?.n ?? 0;
}

/** Registers the manufacturer the test documents come from (prefix and plant) and returns its API key. */
export async function registerManufacturer(platform: TestPlatform): Promise<string> {
  const manufacturer = await platform.participant({
    gln: MANUFACTURER_GLN,
    role: 'manufacturer',
    companyPrefixes: [MANUFACTURER_PREFIX],
    locations: [{ sgln: MANUFACTURER_SGLN, name: 'Plant 1' }],
  });
  return manufacturer.apiKey;
}
