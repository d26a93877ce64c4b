import { cbvShortName } from '../identifiers/cbv-vocabulary';
import { locationGln, partyGln } from '../identifiers/epc-urn';

export type ParticipantRole = 'manufacturer' | 'distributor' | 'pharmacy' | 'regulator';

export interface Participant {
  readonly gln: string;
  readonly role: ParticipantRole;
  /** GS1 company prefixes (6-12 digits) the participant owns: it is the brand owner of their GTINs. */
  readonly companyPrefixes: readonly string[];
  /** SGLN URNs of the premises it owns (extension ignored when matching). */
  readonly locations: readonly string[];
  /** Fabric MSP id of the participant's organisation. */
  readonly mspId: string;
  readonly name?: string;
}

/** Read-only lookups over the participants, each O(1) (GTIN: at most 7 probes). */
export interface ParticipantDirectory {
  participant(gln: string): Participant | undefined;
  ownerOfCompanyPrefix(companyPrefix: string): Participant | undefined;
  /** Owner of a GTIN-14's company prefix, longest registered prefix first. */
  ownerOfGtin(gtin: string): Participant | undefined;
  ownerOfLocation(sgln: string): Participant | undefined;
  byMspId(mspId: string): readonly Participant[];
}

export class DirectoryError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid participant directory: ${problems.join('; ')}`);
    this.name = 'DirectoryError';
  }
}

/**
 * Builds the directory once (at boot, or when participants change) and reuse it for every event.
 * Throws DirectoryError when a GLN, company prefix or location is claimed twice: such a directory
 * would make authority ambiguous.
 */
export function createParticipantDirectory(participants: readonly Participant[]): ParticipantDirectory {
  const byGln = new Map<string, Participant>();
  const byPrefix = new Map<string, Participant>();
  const byLocation = new Map<string, Participant>();
  const bySgln = new Map<string, Participant>();
  const byMsp = new Map<string, Participant[]>();
  const problems: string[] = [];
  const sorted = [...participants].sort((a, b) => compare(a.gln, b.gln));
  for (const participant of sorted) {
    claim(byGln, participant.gln, participant, 'GLN', problems);
    for (const prefix of participant.companyPrefixes)
      claim(byPrefix, prefix, participant, 'company prefix', problems);
    for (const location of participant.locations) {
      claim(byLocation, locationGln(location) ?? location, participant, 'location', problems);
      bySgln.set(location, participant);
    }
    const members = byMsp.get(participant.mspId) ?? [];
    members.push(participant);
    byMsp.set(participant.mspId, members);
  }
  if (problems.length > 0) throw new DirectoryError(problems);
  return {
    participant: (gln) => byGln.get(gln),
    ownerOfCompanyPrefix: (prefix) => byPrefix.get(prefix),
    ownerOfGtin: (gtin) => {
      for (let length = 12; length >= 6; length--) {
        const owner = byPrefix.get(gtin.slice(1, 1 + length));
        if (owner) return owner;
      }
      return undefined;
    },
    // Exact registered SGLN first (the usual case), else any spot of the same premises.
    ownerOfLocation: (sgln) => bySgln.get(sgln) ?? byLocation.get(locationGln(sgln) ?? sgln),
    byMspId: (mspId) => byMsp.get(mspId) ?? [],
  };
}

function claim(
  index: Map<string, Participant>,
  key: string,
  participant: Participant,
  what: string,
  problems: string[],
): void {
  const holder = index.get(key);
  if (holder && holder !== participant) {
    problems.push(`${what} ${key} claimed by ${holder.gln} and ${participant.gln}`);
    return;
  }
  index.set(key, participant);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The GLN of a shipment destination: possessing_party first (custody is possession), then
 * owning_party, then the owner of a `location` SGLN. Only parties the directory knows count.
 */
export function resolveDestination(
  destinations: readonly { type: string; value: string }[] | undefined,
  directory: ParticipantDirectory,
): { gln: string; location?: string } | undefined {
  if (!destinations) return undefined;
  const location = destinations.find((d) => shortType(d.type) === 'location')?.value;
  const withLocation = (gln: string) => (location === undefined ? { gln } : { gln, location });
  for (const type of ['possessing_party', 'owning_party']) {
    for (const destination of destinations) {
      if (shortType(destination.type) !== type) continue;
      const gln = partyGln(destination.value);
      if (gln !== undefined && directory.participant(gln)) return withLocation(gln);
    }
  }
  if (location !== undefined) {
    const owner = directory.ownerOfLocation(location);
    if (owner) return withLocation(owner.gln);
  }
  return undefined;
}

function shortType(type: string): string | undefined {
  return cbvShortName(type);
}
