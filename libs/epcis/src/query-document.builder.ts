/**
 * Canonical events back to EPCIS 2.0 JSON-LD: single events (`toEpcisJson`) and query results
 * (`toQueryDocument`, an EPCISQueryDocument as the REST binding returns from `GET /events`).
 */
import { EPCIS_CONTEXT_URI } from './json-ld-context';
import type { EpcisEvent } from './model/epcis-event';

export interface EpcisJsonOptions {
  /**
   * Rewrites identifier values (EPCs, classes, locations, parties) on the way out, e.g. to GS1 Digital
   * Links when the client sent `GS1-EPC-Format: Always_GS1_Digital_Link`. Default: EPC URNs as stored.
   */
  identifier?: (urn: string) => string;
}

export interface QueryDocumentOptions extends EpcisJsonOptions {
  /** Defaults to `SimpleEventQuery`, the query behind `GET /events`. */
  queryName?: string;
  subscriptionID?: string;
  /** The document's creationDate; pass the clock's reading in (this library reads no clock). */
  creationDate?: string;
}

export type EpcisJson = Record<string, unknown>;

export interface EpcisQueryDocument {
  '@context': unknown[];
  type: 'EPCISQueryDocument';
  schemaVersion: '2.0';
  creationDate?: string;
  epcisBody: {
    queryResults: {
      queryName: string;
      subscriptionID?: string;
      resultsBody: { eventList: EpcisJson[] };
    };
  };
}

const same = (value: string): string => value;

export function toEpcisJson(event: EpcisEvent, options: EpcisJsonOptions = {}): EpcisJson {
  const id = options.identifier ?? same;
  const ids = (list: string[] | undefined): string[] | undefined => list?.map(id);
  const quantities = (list: EpcisEvent['quantityList']): EpcisJson[] | undefined =>
    list?.map((q) => ({ ...q, epcClass: id(q.epcClass) }));
  const json: EpcisJson = {};
  if (event.namespaces !== undefined && Object.keys(event.namespaces).length > 0) {
    json['@context'] = [{ ...event.namespaces }];
  }
  json['type'] = event.type;
  json['eventID'] = event.eventID;
  json['eventTime'] = event.eventTime;
  json['eventTimeZoneOffset'] = event.eventTimeZoneOffset;
  const fields: Array<[string, unknown]> = [
    ['recordTime', event.recordTime],
    ['certificationInfo', event.certificationInfo],
    ['errorDeclaration', event.errorDeclaration],
    ['epcList', ids(event.epcList)],
    ['parentID', event.parentID === undefined ? undefined : id(event.parentID)],
    ['childEPCs', ids(event.childEPCs)],
    ['quantityList', quantities(event.quantityList)],
    ['childQuantityList', quantities(event.childQuantityList)],
    ['inputEPCList', ids(event.inputEPCList)],
    ['inputQuantityList', quantities(event.inputQuantityList)],
    ['outputEPCList', ids(event.outputEPCList)],
    ['outputQuantityList', quantities(event.outputQuantityList)],
    ['transformationID', event.transformationID],
    ['action', event.action],
    ['bizStep', event.bizStep],
    ['disposition', event.disposition],
    ['persistentDisposition', event.persistentDisposition],
    ['readPoint', location(event.readPoint, event.readPointExtensions, id)],
    ['bizLocation', location(event.bizLocation, event.bizLocationExtensions, id)],
    ['bizTransactionList', event.bizTransactionList],
    ['sourceList', event.sourceList?.map((s) => ({ type: s.type, source: id(s.value) }))],
    ['destinationList', event.destinationList?.map((d) => ({ type: d.type, destination: id(d.value) }))],
    ['sensorElementList', event.sensorElementList],
    ['ilmd', event.ilmd],
  ];
  for (const [key, value] of fields) if (value !== undefined) json[key] = value;
  if (event.extensions !== undefined) Object.assign(json, event.extensions);
  return json;
}

function location(
  value: string | undefined,
  extensions: Record<string, unknown> | undefined,
  id: (urn: string) => string,
): EpcisJson | undefined {
  if (value === undefined) return undefined;
  return extensions === undefined ? { id: id(value) } : { id: id(value), ...extensions };
}

export function toQueryDocument(
  events: readonly EpcisEvent[],
  options: QueryDocumentOptions = {},
): EpcisQueryDocument {
  const queryResults: EpcisQueryDocument['epcisBody']['queryResults'] = {
    queryName: options.queryName ?? 'SimpleEventQuery',
    resultsBody: { eventList: events.map((event) => toEpcisJson(event, options)) },
  };
  if (options.subscriptionID !== undefined) queryResults.subscriptionID = options.subscriptionID;
  const document: EpcisQueryDocument = {
    '@context': [EPCIS_CONTEXT_URI],
    type: 'EPCISQueryDocument',
    schemaVersion: '2.0',
    epcisBody: { queryResults },
  };
  if (options.creationDate !== undefined) document.creationDate = options.creationDate;
  return document;
}

/**
 * The REST binding pages with a `Link: <…>; rel="next"` header, not inside the document: this builds that
 * header from the request URL, replacing any previous `nextPageToken`.
 */
export function nextPageLink(requestUrl: string, nextPageToken: string): string {
  const url = new URL(requestUrl, 'http://placeholder.invalid');
  url.searchParams.set('nextPageToken', nextPageToken);
  const relative = !/^[a-z][a-z0-9+.-]*:/i.test(requestUrl);
  const target = relative ? `${url.pathname}${url.search}` : url.toString();
  return `<${target}>; rel="next"`;
}
