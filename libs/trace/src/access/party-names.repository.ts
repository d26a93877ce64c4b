import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';

/** Names of participants (by GLN) and of their locations (by SGLN), for reports people read. */
export interface PartyNames {
  participant(gln: string | null | undefined): string | undefined;
  location(sgln: string | null | undefined): string | undefined;
}

const TTL_MS = 10_000;

export function partyNames(
  participants: ReadonlyMap<string, string>,
  locations: ReadonlyMap<string, string>,
): PartyNames {
  return {
    participant: (gln) => (gln ? participants.get(gln) : undefined),
    location: (sgln) => (sgln ? locations.get(sgln) : undefined),
  };
}

/** The participant table is small and changes rarely: it is read whole and kept for a few seconds. */
@Injectable()
export class PartyNamesRepository {
  private cached: { names: PartyNames; expires: number } | undefined;

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async names(): Promise<PartyNames> {
    if (this.cached && this.cached.expires > Date.now()) return this.cached.names;
    const [participants, locations] = await Promise.all([
      this.database.sql.query<{ gln: string; name: string }>(`select gln, name from participants`),
      this.database.sql.query<{ sgln: string; name: string }>(`select sgln, name from participant_locations`),
    ]);
    const names = partyNames(
      new Map(participants.map((row) => [row.gln, row.name])),
      new Map(locations.map((row) => [row.sgln, row.name])),
    );
    this.cached = { names, expires: Date.now() + TTL_MS };
    return names;
  }
}
