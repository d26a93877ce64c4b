import type { Participant } from '@pharmatrace/auth';
import { partyNames, type PartyNames } from '../access/party-names.repository';

/** Participants of the unit tests: the three-tier network and a regulator. */
export const MAKER: Participant = {
  gln: '0614141000012',
  name: 'Maker',
  role: 'manufacturer',
  companyPrefixes: ['0614141'],
  mspId: 'Org1MSP',
  locations: [{ sgln: 'urn:epc:id:sgln:0614141.00001.0', name: 'Plant' }],
};
export const WHOLESALER: Participant = {
  gln: '4012345000016',
  name: 'Wholesaler',
  role: 'distributor',
  companyPrefixes: ['4012345'],
  mspId: 'Org1MSP',
  locations: [{ sgln: 'urn:epc:id:sgln:4012345.00001.0', name: 'Warehouse' }],
};
export const PHARMACY: Participant = {
  gln: '9520001000010',
  name: 'Pharmacy',
  role: 'pharmacy',
  companyPrefixes: ['9520001'],
  mspId: 'Org2MSP',
  locations: [{ sgln: 'urn:epc:id:sgln:9520001.00001.0', name: 'Counter' }],
};
export const REGULATOR: Participant = {
  gln: '9520005000016',
  name: 'Agency',
  role: 'regulator',
  companyPrefixes: [],
  mspId: undefined,
  locations: [],
};

export const NAMES: PartyNames = partyNames(
  new Map([MAKER, WHOLESALER, PHARMACY, REGULATOR].map((p) => [p.gln, p.name])),
  new Map(
    [MAKER, WHOLESALER, PHARMACY].flatMap((p) =>
      p.locations.map((l) => [l.sgln, l.name] as [string, string]),
    ),
  ),
);
