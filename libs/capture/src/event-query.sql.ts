import { createHash } from 'node:crypto';
import type { EventQuery, IdentifierMatch } from '@pharmatrace/epcis';

/** A parameterised WHERE/ORDER/LIMIT built from an EPCIS query; values never enter the SQL text. */
export interface EventQuerySql {
  text: string;
  params: unknown[];
  sortColumn: 'event_time' | 'record_time';
}

export class InvalidPageTokenError extends Error {}

interface PageToken {
  /** sort value (ISO time) and seq of the last row of the previous page */
  t: string;
  s: string;
  /** fingerprint of the query the token belongs to */
  f: string;
}

function fingerprint(query: EventQuery, visibleTo: readonly string[] | undefined): string {
  const { nextPageToken: _ignored, ...rest } = query;
  return createHash('sha256')
    .update(JSON.stringify([rest, visibleTo ?? null]))
    .digest('base64url')
    .slice(0, 16);
}

export function encodePageToken(
  query: EventQuery,
  visibleTo: readonly string[] | undefined,
  t: string,
  s: string,
): string {
  const token: PageToken = { t, s, f: fingerprint(query, visibleTo) };
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodePageToken(
  token: string,
  query: EventQuery,
  visibleTo: readonly string[] | undefined,
): PageToken {
  let parsed: Partial<PageToken>;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<PageToken>;
  } catch {
    throw new InvalidPageTokenError('nextPageToken is not a token this server issued');
  }
  if (typeof parsed.t !== 'string' || typeof parsed.s !== 'string' || !/^\d+$/.test(parsed.s)) {
    throw new InvalidPageTokenError('nextPageToken is not a token this server issued');
  }
  if (parsed.f !== fingerprint(query, visibleTo)) {
    throw new InvalidPageTokenError('nextPageToken belongs to a different query: repeat the same parameters');
  }
  return parsed as PageToken;
}

/**
 * @param visibleTo GLNs whose events the caller may see (its own and its locations'); undefined = all.
 */
export function buildEventQuerySql(
  query: EventQuery,
  visibleTo: readonly string[] | undefined,
): EventQuerySql {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values?.length) where.push(`${column} = any(${param(values)}::text[])`);
  };
  const matchArray = (column: string, matches: readonly IdentifierMatch[] | undefined, scalar?: string) => {
    if (!matches?.length) return;
    const alternatives = matches.map((m) => {
      if (m.kind === 'exact') {
        const p = param(m.value);
        return scalar
          ? `(${column} @> array[${p}::text] or ${scalar} = ${p})`
          : `${column} @> array[${p}::text]`;
      }
      const p = param(`${m.value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const inArray = `exists (select 1 from unnest(${column}) as item where item like ${p})`;
      return scalar ? `(${inArray} or ${scalar} like ${p})` : inArray;
    });
    where.push(`(${alternatives.join(' or ')})`);
  };

  anyOf('event_type', query.eventTypes);
  anyOf('action', query.actions);
  anyOf('biz_step', query.bizSteps);
  anyOf('disposition', query.dispositions);
  anyOf('read_point', query.readPoints);
  anyOf('biz_location', query.bizLocations);
  anyOf('event_id', query.eventIDs);
  anyOf(`document->>'transformationID'`, query.transformationIDs);
  if (query.eventTime?.ge) where.push(`event_time >= ${param(query.eventTime.ge)}::timestamptz`);
  if (query.eventTime?.lt) where.push(`event_time < ${param(query.eventTime.lt)}::timestamptz`);
  if (query.recordTime?.ge) where.push(`record_time >= ${param(query.recordTime.ge)}::timestamptz`);
  if (query.recordTime?.lt) where.push(`record_time < ${param(query.recordTime.lt)}::timestamptz`);
  // epcs holds epcList, childEPCs, inputEPCList and outputEPCList together.
  matchArray('epcs', query.matchEpc);
  matchArray('epcs', query.matchInputEPC);
  matchArray('epcs', query.matchOutputEPC);
  matchArray('epcs', query.matchAnyEPC, 'parent_id');
  matchArray('array[parent_id]', query.matchParentID);
  matchArray('epc_classes', query.matchEpcClass);
  matchArray('epc_classes', query.matchInputEPCClass);
  matchArray('epc_classes', query.matchOutputEPCClass);
  matchArray('epc_classes', query.matchAnyEPCClass);
  if (visibleTo) where.push(`parties && ${param(visibleTo)}::text[]`);

  const sortColumn = query.orderBy === 'recordTime' ? 'record_time' : 'event_time';
  const direction = query.orderDirection === 'ASC' ? 'asc' : 'desc';
  if (query.nextPageToken) {
    const token = decodePageToken(query.nextPageToken, query, visibleTo);
    const comparator = direction === 'asc' ? '>' : '<';
    where.push(
      `(${sortColumn}, seq) ${comparator} (${param(token.t)}::timestamptz, ${param(token.s)}::bigint)`,
    );
  }
  const text =
    `select seq::text as seq_text, ${sortColumn} as sort_value, document from epcis_events` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    ` order by ${sortColumn} ${direction}, seq ${direction} limit ${param(query.perPage + 1)}`;
  return { text, params, sortColumn };
}
