import { Inject, Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { EpcisValidationError, parseEventQuery, type EpcisEvent, type EventQuery } from '@pharmatrace/epcis';
import { PrefixDirectory } from '@pharmatrace/master-data';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE, HttpProblem } from '@pharmatrace/runtime';
import { glnOf } from './event-parties';
import { buildEventQuerySql, encodePageToken, InvalidPageTokenError } from './event-query.sql';

export interface EventPage {
  events: EpcisEvent[];
  nextPageToken: string | undefined;
}

/** GLNs whose events a participant may read; undefined means everything (regulators). */
export function visibleGlns(participant: Participant): string[] | undefined {
  if (participant.role === 'regulator') return undefined;
  const locationGlns = participant.locations
    .map((l) => glnOf(l.sgln))
    .filter((g): g is string => g !== undefined);
  return [...new Set([participant.gln, ...locationGlns])];
}

@Injectable()
export class EventQueryService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly prefixes: PrefixDirectory,
  ) {}

  async parse(params: Record<string, string | string[] | undefined>): Promise<EventQuery> {
    try {
      return parseEventQuery(params, { prefixTable: await this.prefixes.table() });
    } catch (error) {
      if (error instanceof EpcisValidationError) {
        throw HttpProblem.badRequest(
          'QUERY_PARAMETER_EXCEPTION',
          error.message,
          error.problems.map((p) => ({ pointer: p.pointer, reason: p.reason })),
        );
      }
      throw error;
    }
  }

  async find(query: EventQuery, reader: Participant): Promise<EventPage> {
    const visibleTo = visibleGlns(reader);
    let sql;
    try {
      sql = buildEventQuerySql(query, visibleTo);
    } catch (error) {
      if (error instanceof InvalidPageTokenError)
        throw HttpProblem.badRequest('INVALID_PAGE_TOKEN', error.message);
      throw error;
    }
    const rows = await this.database.sql.query<{
      seq_text: string;
      sort_value: Date | string;
      document: EpcisEvent;
    }>(sql.text, sql.params);
    const page = rows.slice(0, query.perPage);
    const last = page.at(-1);
    const nextPageToken =
      rows.length > query.perPage && last
        ? encodePageToken(query, visibleTo, new Date(last.sort_value).toISOString(), last.seq_text)
        : undefined;
    return { events: page.map((row) => row.document), nextPageToken };
  }

  async findOne(eventId: string, reader: Participant): Promise<EpcisEvent> {
    const visibleTo = visibleGlns(reader);
    const rows = await this.database.sql.query<{ document: EpcisEvent }>(
      `select document from epcis_events where (event_id = $1 or event_hash = $1)
         and ($2::text[] is null or parties && $2::text[])`,
      [eventId, visibleTo ?? null],
    );
    const event = rows[0]?.document;
    if (!event) throw HttpProblem.notFound('NO_SUCH_EVENT', `no event ${eventId} that you may see`);
    return event;
  }
}
