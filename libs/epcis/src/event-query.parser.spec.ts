import { ids, options } from './__fixtures__/pharma-events';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './capture-limits';
import { EpcisErrorCode, EpcisProblemKind, EpcisValidationError, type EpcisProblem } from './epcis.error';
import { parseEventQuery, type QueryParams } from './event-query.parser';

const parse = (params: QueryParams): ReturnType<typeof parseEventQuery> => parseEventQuery(params, options);

function problemsOf(params: QueryParams): EpcisProblem[] {
  try {
    parse(params);
  } catch (error: unknown) {
    if (!(error instanceof EpcisValidationError)) throw error;
    expect(error.code).toBe(EpcisErrorCode.InvalidQueryParameter);
    return [...error.problems];
  }
  throw new Error('expected the query to be rejected');
}

describe('parseEventQuery', () => {
  it('defaults: newest first, 30 per page, no filters', () => {
    expect(parse({})).toEqual({ orderDirection: 'DESC', perPage: DEFAULT_PER_PAGE });
  });

  it('reads the common filters, normalising times, vocabulary and identifiers', () => {
    const query = parse({
      eventType: 'ObjectEvent|AggregationEvent',
      GE_eventTime: '2024-03-01T00:00:00+01:00',
      LT_eventTime: '2024-04-01T00:00:00.000Z',
      GE_recordTime: '2024-03-01T00:00:00Z',
      LT_recordTime: '2024-03-02T00:00:00Z',
      EQ_action: ['ADD', 'OBSERVE'],
      EQ_bizStep: 'shipping|urn:epcglobal:cbv:bizstep:receiving',
      EQ_disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
      EQ_readPoint: 'https://id.gs1.org/414/4012345000016',
      EQ_bizLocation: ids.distributionCentre,
      EQ_eventID: 'ni:///sha-256;00ff?ver=CBV2.0',
      orderBy: 'eventTime',
      orderDirection: 'ASC',
      perPage: '100',
      nextPageToken: 'c2VlZDoxMjM0',
    });
    expect(query).toEqual({
      eventTypes: ['ObjectEvent', 'AggregationEvent'],
      eventTime: { ge: '2024-02-29T23:00:00.000Z', lt: '2024-04-01T00:00:00.000Z' },
      recordTime: { ge: '2024-03-01T00:00:00.000Z', lt: '2024-03-02T00:00:00.000Z' },
      actions: ['ADD', 'OBSERVE'],
      bizSteps: ['shipping', 'receiving'],
      dispositions: ['in_transit'],
      readPoints: [ids.plant],
      bizLocations: [ids.distributionCentre],
      eventIDs: ['ni:///sha-256;00ff?ver=CBV2.0'],
      orderBy: 'eventTime',
      orderDirection: 'ASC',
      perPage: 100,
      nextPageToken: 'c2VlZDoxMjM0',
    });
  });

  it('MATCH_*: exact EPCs (Digital Links converted) and wildcard patterns as URN prefixes', () => {
    const query = parse({
      MATCH_epc: `${ids.packs[0]}|https://id.gs1.org/01/04012345123456/21/P3HV8ZC21W`,
      MATCH_parentID: 'urn:epc:idpat:sscc:4012345.*',
      MATCH_anyEPC: 'urn:epc:idpat:sgtin:4012345.012345.*',
      MATCH_epcClass: ['urn:epc:idpat:sgtin:4012345.012345.*', ids.lot],
    });
    expect(query.matchEpc).toEqual([
      { kind: 'exact', value: ids.packs[0] },
      { kind: 'exact', value: ids.packs[1] },
    ]);
    expect(query.matchParentID).toEqual([{ kind: 'prefix', value: 'urn:epc:id:sscc:4012345.' }]);
    expect(query.matchAnyEPC).toEqual([{ kind: 'prefix', value: 'urn:epc:id:sgtin:4012345.012345.' }]);
    expect(query.matchEpcClass).toEqual([
      { kind: 'prefix', value: 'urn:epc:idpat:sgtin:4012345.012345.' },
      { kind: 'prefix', value: 'urn:epc:class:lgtin:4012345.012345.' },
      { kind: 'exact', value: ids.lot },
    ]);
  });

  it('repairs a "+" offset that arrived as a space (unencoded query string)', () => {
    expect(parse({ GE_eventTime: '2024-03-01T00:00:00 01:00' }).eventTime).toEqual({
      ge: '2024-02-29T23:00:00.000Z',
    });
  });

  it(`caps perPage at ${MAX_PER_PAGE}`, () => {
    expect(parse({ perPage: '5000' }).perPage).toBe(MAX_PER_PAGE);
  });

  it.each<[string, QueryParams, string, EpcisProblemKind, RegExp]>([
    [
      'an unknown parameter',
      { EQ_colour: 'red' },
      'EQ_colour',
      EpcisProblemKind.UnknownField,
      /unknown or unsupported/,
    ],
    [
      'an unknown event type',
      { eventType: 'QuantityEvent' },
      'eventType',
      EpcisProblemKind.Vocabulary,
      /unknown event type/,
    ],
    [
      'a time without zone',
      { GE_eventTime: '2024-03-01T00:00:00' },
      'GE_eventTime',
      EpcisProblemKind.Format,
      /time zone/,
    ],
    [
      'two values for a single-valued parameter',
      { LT_eventTime: ['2024-03-01T00:00:00Z', '2024-03-02T00:00:00Z'] },
      'LT_eventTime',
      EpcisProblemKind.Format,
      /single value/,
    ],
    [
      'an unknown action',
      { EQ_action: 'MOVE' },
      'EQ_action',
      EpcisProblemKind.Vocabulary,
      /ADD, OBSERVE or DELETE/,
    ],
    [
      'a misspelt bizStep',
      { EQ_bizStep: 'shiping' },
      'EQ_bizStep',
      EpcisProblemKind.Vocabulary,
      /not a CBV business step/,
    ],
    [
      'a bad EPC',
      { MATCH_epc: 'urn:epc:id:sgtin:123' },
      'MATCH_epc',
      EpcisProblemKind.Identifier,
      /not a valid EPC URN or GS1 Digital Link/,
    ],
    [
      'a class in MATCH_epc',
      { MATCH_epc: ids.lot },
      'MATCH_epc',
      EpcisProblemKind.Identifier,
      /class, not an individual/,
    ],
    [
      'a pattern with a wildcard in the middle',
      { MATCH_epc: 'urn:epc:idpat:sgtin:4012345.*.123' },
      'MATCH_epc',
      EpcisProblemKind.Identifier,
      /only trailing fields/,
    ],
    [
      'orderBy on an unsupported field',
      { orderBy: 'bizStep' },
      'orderBy',
      EpcisProblemKind.Vocabulary,
      /eventTime or recordTime/,
    ],
    [
      'a bad orderDirection',
      { orderDirection: 'up' },
      'orderDirection',
      EpcisProblemKind.Vocabulary,
      /ASC or DESC/,
    ],
    ['perPage zero', { perPage: '0' }, 'perPage', EpcisProblemKind.Format, /whole number/],
    ['perPage not a number', { perPage: 'ten' }, 'perPage', EpcisProblemKind.Format, /whole number/],
    [
      'an empty value',
      { EQ_bizStep: 'shipping|' },
      'EQ_bizStep',
      EpcisProblemKind.Format,
      /may not be empty/,
    ],
    [
      'a token with spaces',
      { nextPageToken: 'a b' },
      'nextPageToken',
      EpcisProblemKind.Format,
      /printable ASCII/,
    ],
  ])('rejects %s, naming the parameter', (_name, params, pointer, kind, reason) => {
    const problems = problemsOf(params);
    expect(problems).toEqual([{ pointer, kind, reason: expect.stringMatching(reason) }]);
  });

  it('reports every bad parameter at once', () => {
    expect(problemsOf({ perPage: '-1', orderBy: 'x', foo: 'bar' }).map((p) => p.pointer)).toEqual([
      'perPage',
      'orderBy',
      'foo',
    ]);
  });
});
