export const PARTICIPANT_ROLES = ['manufacturer', 'distributor', 'pharmacy', 'regulator'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A supply-chain party: identified by its GLN, owning GS1 company prefixes and locations. */
export interface Participant {
  gln: string;
  name: string;
  role: ParticipantRole;
  companyPrefixes: string[];
  /** Fabric organisation (MSP id) this participant submits ledger transactions as. */
  mspId: string | undefined;
  /** SGLN URNs of the sites it operates. */
  locations: { sgln: string; name: string }[];
}
