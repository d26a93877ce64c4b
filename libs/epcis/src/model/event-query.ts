import type { EpcisAction, EpcisEventType } from './epcis-event';

/**
 * How one MATCH_* value matches stored identifiers (EPCIS 2.0 section 8.2.7.1.1): an exact EPC URN, or
 * a pattern URI (`urn:epc:idpat:sgtin:0614141.112345.*`) turned into the URN prefix it stands for
 * (`urn:epc:id:sgtin:0614141.112345.`), so the SQL side can use `=` or `LIKE prefix || '%'`.
 */
export type IdentifierMatch = { kind: 'exact'; value: string } | { kind: 'prefix'; value: string };

/** Half-open time window: `ge` ≤ t < `lt`, both canonical UTC with milliseconds. */
export interface TimeRange {
  ge?: string;
  lt?: string;
}

/** A parsed, normalised EPCIS SimpleEventQuery (the query parameters of `GET /events`). */
export interface EventQuery {
  eventTypes?: EpcisEventType[];
  eventTime?: TimeRange;
  recordTime?: TimeRange;
  actions?: EpcisAction[];
  /** CBV short names or extension URIs, as stored. */
  bizSteps?: string[];
  dispositions?: string[];
  /** EPC URNs (Digital Links converted) or other URIs, as stored. */
  readPoints?: string[];
  bizLocations?: string[];
  transformationIDs?: string[];
  eventIDs?: string[];
  /** MATCH_epc: epcList or childEPCs. */
  matchEpc?: IdentifierMatch[];
  matchParentID?: IdentifierMatch[];
  matchInputEPC?: IdentifierMatch[];
  matchOutputEPC?: IdentifierMatch[];
  /** MATCH_anyEPC: epcList, childEPCs, inputEPCList, outputEPCList or parentID. */
  matchAnyEPC?: IdentifierMatch[];
  /** MATCH_epcClass: quantityList or childQuantityList. */
  matchEpcClass?: IdentifierMatch[];
  matchInputEPCClass?: IdentifierMatch[];
  matchOutputEPCClass?: IdentifierMatch[];
  /** MATCH_anyEPCClass: any quantity list. */
  matchAnyEPCClass?: IdentifierMatch[];
  orderBy?: 'eventTime' | 'recordTime';
  /** EPCIS default is DESC. */
  orderDirection: 'ASC' | 'DESC';
  /** 1…MAX_PER_PAGE, default DEFAULT_PER_PAGE. */
  perPage: number;
  nextPageToken?: string;
}
