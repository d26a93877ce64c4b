import { gs1CheckDigit, sgtinUrn } from '../identifiers/epc-urn';
import type { LotRecord, ProductRecord } from '../model/reference-data';
import type {
  Participant,
  ParticipantDirectory,
  ParticipantRole,
} from '../participants/participant-directory';
import { createParticipantDirectory } from '../participants/participant-directory';

/** A GLN from a company prefix and a reference (12 digits together), with its check digit. */
export function glnOf(companyPrefix: string, reference: string): string {
  const body = companyPrefix + reference;
  return body + gs1CheckDigit(body);
}

export function sglnOf(companyPrefix: string, locationRef: string, extension = '0'): string {
  return `urn:epc:id:sgln:${companyPrefix}.${locationRef}.${extension}`;
}

/** The PGLN URN of a participant whose GLN starts with its first company prefix. */
export function pglnOf(participant: Participant): string {
  const prefix = participant.companyPrefixes[0] ?? participant.gln.slice(0, 7);
  return `urn:epc:id:pgln:${prefix}.${participant.gln.slice(prefix.length, 12)}`;
}

/** A participant owning `companyPrefix`, GLN `<prefix>00000…`, one location `<prefix>.00001.0`. */
export function makeParticipant(
  role: ParticipantRole,
  companyPrefix: string,
  overrides: Partial<Participant> = {},
): Participant {
  const refLength = 12 - companyPrefix.length;
  return {
    gln: glnOf(companyPrefix, '0'.repeat(refLength)),
    role,
    companyPrefixes: [companyPrefix],
    locations: [sglnOf(companyPrefix, '0'.repeat(refLength - 1) + '1')],
    mspId: `${role}-${companyPrefix}-msp`,
    name: `${role} ${companyPrefix}`,
    ...overrides,
  };
}

/** The demo supply chain: a manufacturer, a wholesaler, two pharmacies, a rival manufacturer, a regulator. */
export function demoNetwork() {
  const manufacturer = makeParticipant('manufacturer', '4012345');
  const rival = makeParticipant('manufacturer', '4044444');
  const wholesaler = makeParticipant('distributor', '4098765');
  const pharmacy = makeParticipant('pharmacy', '4011111', {
    locations: [sglnOf('4011111', '00001'), sglnOf('4011111', '00002')],
  });
  const otherPharmacy = makeParticipant('pharmacy', '4022222');
  const regulator = makeParticipant('regulator', '4033333');
  const participants = [manufacturer, rival, wholesaler, pharmacy, otherPharmacy, regulator];
  const directory: ParticipantDirectory = createParticipantDirectory(participants);
  return { manufacturer, rival, wholesaler, pharmacy, otherPharmacy, regulator, participants, directory };
}
export type DemoNetwork = ReturnType<typeof demoNetwork>;

/** First location of a participant. */
export function siteOf(participant: Participant): string {
  const location = participant.locations[0];
  if (location === undefined) throw new Error(`${participant.gln} has no location`);
  return location;
}

/** A GTIN-14 under a company prefix: indicator 0, the item reference padded, check digit. */
export function gtinOf(companyPrefix: string, itemReference: string): string {
  const body = '0' + companyPrefix + itemReference.padStart(12 - companyPrefix.length, '0');
  return body + gs1CheckDigit(body);
}

export const DEMO_GTIN = gtinOf('4012345', '12345');
export const COLD_GTIN = gtinOf('4012345', '55555');
export const RIVAL_GTIN = gtinOf('4044444', '11111');
export const DEMO_LOT = 'LOT-A1';
export const DEMO_EXPIRY = '2027-12-31';

export function makeProduct(gtin: string, overrides: Partial<ProductRecord> = {}): ProductRecord {
  return { gtin, status: 'active', ...overrides };
}

/** The demo products: an ordinary one, a 2-8 °C one, and one of the rival manufacturer. */
export function demoProducts(): ProductRecord[] {
  return [
    makeProduct(DEMO_GTIN),
    makeProduct(COLD_GTIN, { storage: [{ type: 'Temperature', uom: 'CEL', min: 2, max: 8 }] }),
    makeProduct(RIVAL_GTIN),
  ];
}

export function makeLot(gtin: string, lot: string, overrides: Partial<LotRecord> = {}): LotRecord {
  return { gtin, lot, status: 'active', ...overrides };
}

/** SGTIN URN of `serial` for a GTIN of the 7-digit demo prefixes. */
export function sgtinOf(serial: string, gtin: string = DEMO_GTIN, companyPrefixLength = 7): string {
  return sgtinUrn(gtin, companyPrefixLength, serial);
}

/** SSCC URN under a company prefix: extension digit 0 and a serial reference padded to 17 digits in all. */
export function ssccOf(serialReference: number | string, companyPrefix = '4012345'): string {
  return `urn:epc:id:sscc:${companyPrefix}.${String(serialReference).padStart(17 - companyPrefix.length, '0')}`;
}
