// The data set of the trace benchmark: identifiers and sizes shared by the seeding files and the bench.
import { computeCheckDigit } from '@pharmatrace/gs1';

export interface SeedOptions {
  /** Packs of the recalled lot (a multiple of 2,000: 100 per case, 20 cases per pallet). */
  packs: number;
  /** Observation events per pack besides commissioning and dispensing (verification scans, storing…). */
  observations: number;
  /** Packs of another lot of the same product (commissioned, not shipped): data the report must skip. */
  otherPacks: number;
  wholesalers: number;
  pharmacies: number;
}

export const GTIN = '10614141073464';
export const LOT = 'LOT-BENCH';
export const MAKER = {
  gln: gln('0614141', '00001'),
  sgln: 'urn:epc:id:sgln:0614141.00001.0',
  prefix: '0614141',
};
export const REGULATOR_GLN = gln('9520005', '00001');
export const packEpc = (i: number) => `urn:epc:id:sgtin:0614141.107346.S${String(i).padStart(7, '0')}`;
export const caseEpc = (c: number) => `urn:epc:id:sscc:0614141.1${String(c).padStart(9, '0')}`;
export const palletEpc = (p: number) => `urn:epc:id:sscc:0614141.2${String(p).padStart(9, '0')}`;

export function gln(prefix: string, location: string): string {
  return `${prefix}${location}${computeCheckDigit(`${prefix}${location}`)}`;
}
