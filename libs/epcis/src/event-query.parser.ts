/**
 * The pure half of `GET /events`: EPCIS 2.0 SimpleEventQuery parameters (REST binding: pipe-delimited
 * lists, repeated parameters allowed) → a typed, normalised EventQuery. Bad or unknown parameters raise an
 * EpcisValidationError (EPCIS QueryParameterException) whose problem pointers are the parameter names.
 */
import type { PrefixTable } from '@pharmatrace/gs1';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './capture-limits';
import { normaliseVocabularyValue, type VocabularyKind } from './cbv-vocabulary';
import { canonicalTimestamp } from './date-time';
import { parseEpcPattern } from './epc-pattern';
import { EpcisErrorCode, EpcisProblemKind, ProblemCollector } from './epcis.error';
import { isEventType } from './event-fields';
import { identifierNormaliserFor, isAbsoluteUri, type IdentifierNormaliser } from './identifier.normaliser';
import type { EpcisAction } from './model/epcis-event';
import type { EventQuery, IdentifierMatch, TimeRange } from './model/event-query';

export type QueryParams = Record<string, string | string[] | undefined>;

export interface EventQueryOptions {
  /** Needed to turn GS1 Digital Links in MATCH_* / EQ_readPoint / EQ_bizLocation into EPC URNs. */
  prefixTable: PrefixTable;
}

type MatchKey =
  | 'matchEpc'
  | 'matchParentID'
  | 'matchInputEPC'
  | 'matchOutputEPC'
  | 'matchAnyEPC'
  | 'matchEpcClass'
  | 'matchInputEPCClass'
  | 'matchOutputEPCClass'
  | 'matchAnyEPCClass';

const MATCH_PARAMS: Readonly<Record<string, [MatchKey, boolean]>> = {
  MATCH_epc: ['matchEpc', false],
  MATCH_parentID: ['matchParentID', false],
  MATCH_inputEPC: ['matchInputEPC', false],
  MATCH_outputEPC: ['matchOutputEPC', false],
  MATCH_anyEPC: ['matchAnyEPC', false],
  MATCH_epcClass: ['matchEpcClass', true],
  MATCH_inputEPCClass: ['matchInputEPCClass', true],
  MATCH_outputEPCClass: ['matchOutputEPCClass', true],
  MATCH_anyEPCClass: ['matchAnyEPCClass', true],
};

const TIME_PARAMS: Readonly<Record<string, ['eventTime' | 'recordTime', 'ge' | 'lt']>> = {
  GE_eventTime: ['eventTime', 'ge'],
  LT_eventTime: ['eventTime', 'lt'],
  GE_recordTime: ['recordTime', 'ge'],
  LT_recordTime: ['recordTime', 'lt'],
};

const ACTIONS: ReadonlySet<string> = new Set(['ADD', 'OBSERVE', 'DELETE']);
const isAction = (v: string): v is EpcisAction => ACTIONS.has(v);

export function parseEventQuery(params: QueryParams, options: EventQueryOptions): EventQuery {
  const problems = new ProblemCollector();
  const ids = identifierNormaliserFor(options.prefixTable);
  const query: EventQuery = { orderDirection: 'DESC', perPage: DEFAULT_PER_PAGE };
  const bad = (name: string, reason: string, kind = EpcisProblemKind.Format): void =>
    problems.add(kind, name, reason);

  for (const name of Object.keys(params)) {
    const raw = params[name];
    if (raw === undefined) continue;
    const values = splitValues(raw);
    if (values === undefined) {
      bad(name, 'a parameter value may not be empty');
      continue;
    }
    const single = (): string | undefined => {
      if (values.length === 1) return values[0];
      bad(name, `takes a single value, got ${values.length}`);
      return undefined;
    };
    const match = Object.prototype.hasOwnProperty.call(MATCH_PARAMS, name) ? MATCH_PARAMS[name] : undefined;
    const time = Object.prototype.hasOwnProperty.call(TIME_PARAMS, name) ? TIME_PARAMS[name] : undefined;
    if (match !== undefined) {
      const [key, forClasses] = match;
      const list = values.flatMap((v) =>
        identifierMatches(ids, v, forClasses, (r) => bad(name, r, EpcisProblemKind.Identifier)),
      );
      query[key] = [...(query[key] ?? []), ...list];
    } else if (time !== undefined) {
      const value = single();
      if (value === undefined) continue;
      const canonical = canonicalTimestamp(repairPlus(value));
      if (canonical === undefined) bad(name, `not an ISO 8601 date-time with a time zone: ${value}`);
      else {
        const [field, bound] = time;
        const range: TimeRange = (query[field] ??= {});
        range[bound] = canonical;
      }
    } else {
      switch (name) {
        case 'eventType':
          query.eventTypes = values.filter(isEventType);
          for (const v of values)
            if (!isEventType(v)) bad(name, `unknown event type: ${v}`, EpcisProblemKind.Vocabulary);
          break;
        case 'EQ_action':
          query.actions = values.filter(isAction);
          for (const v of values) {
            if (!isAction(v))
              bad(name, `action must be ADD, OBSERVE or DELETE: ${v}`, EpcisProblemKind.Vocabulary);
          }
          break;
        case 'EQ_bizStep':
          query.bizSteps = vocabulary('bizStep', values, (r) => bad(name, r, EpcisProblemKind.Vocabulary));
          break;
        case 'EQ_disposition':
          query.dispositions = vocabulary('disposition', values, (r) =>
            bad(name, r, EpcisProblemKind.Vocabulary),
          );
          break;
        case 'EQ_readPoint':
        case 'EQ_bizLocation':
        case 'EQ_transformationID': {
          const list = uris(
            values,
            (v) => ids.anyUri(v),
            (r) => bad(name, r),
          );
          if (name === 'EQ_readPoint') query.readPoints = list;
          else if (name === 'EQ_bizLocation') query.bizLocations = list;
          else query.transformationIDs = list;
          break;
        }
        case 'EQ_eventID':
          query.eventIDs = uris(
            values,
            (v) => (isAbsoluteUri(v) ? { ok: true, value: v } : { ok: false, reason: `not a URI: ${v}` }),
            (r) => bad(name, r),
          );
          break;
        case 'orderBy': {
          const value = single();
          if (value === 'eventTime' || value === 'recordTime') query.orderBy = value;
          else if (value !== undefined)
            bad(name, `orderBy supports eventTime or recordTime, got ${value}`, EpcisProblemKind.Vocabulary);
          break;
        }
        case 'orderDirection': {
          const value = single();
          if (value === 'ASC' || value === 'DESC') query.orderDirection = value;
          else if (value !== undefined)
            bad(name, `orderDirection must be ASC or DESC, got ${value}`, EpcisProblemKind.Vocabulary);
          break;
        }
        case 'perPage': {
          const value = single();
          if (value === undefined) break;
          const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
          if (!(n >= 1)) bad(name, `perPage must be a whole number from 1 to ${MAX_PER_PAGE}, got ${value}`);
          else query.perPage = Math.min(n, MAX_PER_PAGE); // the server's upper limit (REST binding allows it)
          break;
        }
        case 'nextPageToken': {
          const value = single();
          if (value !== undefined && /^[\x21-\x7e]{1,1024}$/.test(value)) query.nextPageToken = value;
          else if (value !== undefined) bad(name, 'nextPageToken must be 1–1024 printable ASCII characters');
          break;
        }
        default:
          bad(name, `unknown or unsupported query parameter ${name}`, EpcisProblemKind.UnknownField);
      }
    }
  }
  problems.throwIfAny(EpcisErrorCode.InvalidQueryParameter);
  return prune(query);
}

function splitValues(raw: string | string[]): string[] | undefined {
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split('|')).map((v) => v.trim());
  return parts.length === 0 || parts.some((v) => v === '') ? undefined : parts;
}

/** `+01:00` arrives as ` 01:00` when a client forgets to percent-encode `+` in a query string. */
function repairPlus(value: string): string {
  return /\s\d\d:\d\d$/.test(value) ? `${value.slice(0, -6)}+${value.slice(-5)}` : value;
}

function identifierMatches(
  ids: IdentifierNormaliser,
  value: string,
  forClasses: boolean,
  bad: (reason: string) => void,
): IdentifierMatch[] {
  const pattern = parseEpcPattern(value, forClasses);
  if (pattern !== undefined) {
    if (pattern.ok) return pattern.matches;
    bad(pattern.reason);
    return [];
  }
  const result = forClasses ? ids.epcClass(value) : ids.epc(value);
  if (result.ok) {
    const asPattern = parseEpcPattern(result.value, forClasses); // a Digital Link with a GTIN only
    return asPattern?.ok ? asPattern.matches : [{ kind: 'exact', value: result.value }];
  }
  bad(result.reason);
  return [];
}

function vocabulary(kind: VocabularyKind, values: string[], bad: (reason: string) => void): string[] {
  const out: string[] = [];
  for (const value of values) {
    const result = normaliseVocabularyValue(kind, value);
    if (result.ok) out.push(result.value);
    else bad(result.reason);
  }
  return out;
}

function uris(
  values: string[],
  convert: (v: string) => { ok: true; value: string } | { ok: false; reason: string },
  bad: (reason: string) => void,
): string[] {
  const out: string[] = [];
  for (const value of values) {
    const result = convert(value);
    if (result.ok) out.push(result.value);
    else bad(result.reason);
  }
  return out;
}

function prune(query: EventQuery): EventQuery {
  for (const key of Object.keys(query) as Array<keyof EventQuery>) {
    const value = query[key];
    if (Array.isArray(value) && value.length === 0) delete query[key];
  }
  return query;
}
