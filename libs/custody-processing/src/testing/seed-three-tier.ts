import type { TestPlatform } from '@pharmatrace/auth/testing';
import { computeCheckDigit } from '@pharmatrace/gs1';
import { epcisDocument, MANUFACTURER, PHARMACY, threeTierScenario, WHOLESALER } from './three-tier.scenario';

export const THREE_TIER_GTIN = `1061414107346${computeCheckDigit('1061414107346')}`;

/** Registers the three participants and the product; returns each participant's API key by GLN. */
export async function seedThreeTier(platform: TestPlatform): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const participant of [MANUFACTURER, WHOLESALER, PHARMACY]) {
    keys.set(participant.gln, (await platform.participant(participant)).apiKey);
  }
  const product = await platform.request({
    method: 'POST',
    url: '/v1/products',
    apiKey: keys.get(MANUFACTURER.gln),
    body: { gtin: THREE_TIER_GTIN, name: 'Amoxicillin 500 mg', storageTemperature: { minC: 2, maxC: 25 } },
  });
  if (product.statusCode !== 201) throw new Error(`product registration failed: ${product.body}`);
  return keys;
}

/** Posts every step through the capture API; returns how many events were accepted. */
export async function captureThreeTier(platform: TestPlatform, keys: Map<string, string>): Promise<number> {
  let events = 0;
  for (const step of threeTierScenario()) {
    const response = await platform.request({
      method: 'POST',
      url: '/epcis/capture',
      apiKey: keys.get(step.by.gln),
      body: epcisDocument(step.events),
    });
    if (response.statusCode !== 202)
      throw new Error(`capture failed: ${response.statusCode} ${response.body}`);
    events += step.events.length;
  }
  return events;
}
