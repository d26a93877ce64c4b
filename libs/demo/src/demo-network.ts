import type { ParticipantRole } from '@pharmatrace/auth';

/** The demo supply chain seeded on the first start of the embedded platform. */
export interface DemoParticipant {
  key: 'manufacturer' | 'wholesaler' | 'pharmacy1' | 'pharmacy2' | 'regulator';
  gln: string;
  name: string;
  role: ParticipantRole;
  companyPrefixes: string[];
  location: { sgln: string; name: string };
  pgln: string;
  mspId: string;
}

export const DEMO_PARTICIPANTS: readonly DemoParticipant[] = [
  {
    key: 'manufacturer',
    gln: '0614141000012',
    name: 'Alpina Pharma AG',
    role: 'manufacturer',
    companyPrefixes: ['0614141'],
    location: { sgln: 'urn:epc:id:sgln:0614141.00001.0', name: 'Alpina plant, packaging line 1' },
    pgln: 'urn:epc:id:pgln:0614141.00001',
    mspId: 'Org1MSP',
  },
  {
    key: 'wholesaler',
    gln: '4012345000016',
    name: 'Nordic Pharma Wholesale',
    role: 'distributor',
    companyPrefixes: ['4012345'],
    location: { sgln: 'urn:epc:id:sgln:4012345.00001.0', name: 'Nordic central warehouse' },
    pgln: 'urn:epc:id:pgln:4012345.00001',
    mspId: 'Org1MSP',
  },
  {
    key: 'pharmacy1',
    gln: '9520001000010',
    name: 'Central Pharmacy',
    role: 'pharmacy',
    companyPrefixes: ['9520001'],
    location: { sgln: 'urn:epc:id:sgln:9520001.00001.0', name: 'Central Pharmacy counter' },
    pgln: 'urn:epc:id:pgln:9520001.00001',
    mspId: 'Org2MSP',
  },
  {
    key: 'pharmacy2',
    gln: '9520002000019',
    name: 'Harbour Pharmacy',
    role: 'pharmacy',
    companyPrefixes: ['9520002'],
    location: { sgln: 'urn:epc:id:sgln:9520002.00001.0', name: 'Harbour Pharmacy counter' },
    pgln: 'urn:epc:id:pgln:9520002.00001',
    mspId: 'Org2MSP',
  },
  {
    key: 'regulator',
    gln: '9520005000016',
    name: 'National Medicines Agency',
    role: 'regulator',
    companyPrefixes: ['9520005'],
    location: { sgln: 'urn:epc:id:sgln:9520005.00001.0', name: 'Agency inspection office' },
    pgln: 'urn:epc:id:pgln:9520005.00001',
    mspId: 'Org1MSP',
  },
];

export interface DemoProduct {
  gtin: string;
  /** Item reference with indicator, as in the SGTIN URN. */
  itemReference: string;
  name: string;
  form: string;
  strength: string;
  nationalCodes: Record<string, string>;
  storageTemperature: { minC: number; maxC: number };
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    gtin: '10614141073464',
    itemReference: '107346',
    name: 'Amoxicillin 500 mg capsules, 20',
    form: 'capsule',
    strength: '500 mg',
    nationalCodes: { PZN: '01234567' },
    storageTemperature: { minC: 15, maxC: 25 },
  },
  {
    gtin: '10614141073471',
    itemReference: '107347',
    name: 'Insulin glargine 100 U/ml pen, 5',
    form: 'solution for injection',
    strength: '100 U/ml',
    nationalCodes: { PZN: '07654321' },
    storageTemperature: { minC: 2, maxC: 8 },
  },
];

export function demoParticipant(key: DemoParticipant['key']): DemoParticipant {
  const participant = DEMO_PARTICIPANTS.find((p) => p.key === key);
  if (!participant) throw new Error(`no demo participant ${key}`);
  return participant;
}
