import { Inject, Injectable } from '@nestjs/common';
import type { Database, SqlClient } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import type { Participant, ParticipantRole } from './participant';

interface ParticipantRow {
  gln: string;
  name: string;
  role: ParticipantRole;
  company_prefixes: string[];
  msp_id: string | null;
  locations: { sgln: string; name: string }[] | null;
}

const SELECT_PARTICIPANTS = `
  select p.gln, p.name, p.role, p.company_prefixes, p.msp_id,
         coalesce(json_agg(json_build_object('sgln', l.sgln, 'name', l.name) order by l.sgln)
                  filter (where l.sgln is not null), '[]') as locations
    from participants p left join participant_locations l on l.gln = p.gln`;

function toParticipant(row: ParticipantRow): Participant {
  return {
    gln: row.gln,
    name: row.name,
    role: row.role,
    companyPrefixes: row.company_prefixes,
    mspId: row.msp_id ?? undefined,
    locations: row.locations ?? [],
  };
}

@Injectable()
export class ParticipantRepository {
  private readonly sql: SqlClient;

  constructor(@Inject(DATABASE) database: Database) {
    this.sql = database.sql;
  }

  async findByGln(gln: string): Promise<Participant | undefined> {
    const rows = await this.sql.query<ParticipantRow>(
      `${SELECT_PARTICIPANTS} where p.gln = $1 group by p.gln`,
      [gln],
    );
    return rows[0] ? toParticipant(rows[0]) : undefined;
  }

  async list(): Promise<Participant[]> {
    const rows = await this.sql.query<ParticipantRow>(`${SELECT_PARTICIPANTS} group by p.gln order by p.gln`);
    return rows.map(toParticipant);
  }

  /** Creates or updates a participant and replaces its locations, in one transaction. */
  async save(participant: Participant): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.query(
        `insert into participants (gln, name, role, company_prefixes, msp_id) values ($1, $2, $3, $4, $5)
         on conflict (gln) do update set name = excluded.name, role = excluded.role,
           company_prefixes = excluded.company_prefixes, msp_id = excluded.msp_id`,
        [
          participant.gln,
          participant.name,
          participant.role,
          participant.companyPrefixes,
          participant.mspId ?? null,
        ],
      );
      await tx.query(`delete from participant_locations where gln = $1`, [participant.gln]);
      for (const location of participant.locations) {
        await tx.query(`insert into participant_locations (sgln, gln, name) values ($1, $2, $3)`, [
          location.sgln,
          participant.gln,
          location.name,
        ]);
      }
    });
  }
}
