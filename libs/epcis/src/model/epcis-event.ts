/**
 * The canonical (normalised) form of an EPCIS 2.0 event, as stored and as passed between services.
 *
 * Normalisation rules (applied by the validator in this library):
 * - identifiers are EPC URNs (`urn:epc:id:sgtin:…`, `urn:epc:id:sscc:…`, `urn:epc:id:sgln:…`,
 *   `urn:epc:class:lgtin:…`), never Digital Links;
 * - bizStep, disposition, bizTransaction/source/destination types and sensor types are the CBV short
 *   names ("shipping", "in_transit", "owning_party") when the term is a standard CBV term, else the full
 *   URI as given;
 * - eventTime and recordTime are ISO 8601 UTC with milliseconds (`2024-03-01T10:00:00.000Z`), and the
 *   original offset is kept in eventTimeZoneOffset (`+01:00`);
 * - optional fields absent from the input are absent here (never null, never empty arrays);
 * - extension fields (namespaced keys such as `example:temperature`) are kept verbatim in `extensions`.
 */
export type EpcisEventType =
  'ObjectEvent' | 'AggregationEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AssociationEvent';

export type EpcisAction = 'ADD' | 'OBSERVE' | 'DELETE';

export interface QuantityElement {
  epcClass: string;
  quantity?: number;
  uom?: string;
}

export interface BizTransaction {
  type?: string;
  bizTransaction: string;
}

export interface SourceOrDestination {
  /** owning_party | possessing_party | location (short names) or a URI. */
  type: string;
  /** A PGLN or SGLN URN, or any URI. */
  value: string;
}

export interface PersistentDisposition {
  set?: string[];
  unset?: string[];
}

export interface SensorMetadata {
  time?: string;
  startTime?: string;
  endTime?: string;
  deviceID?: string;
  deviceMetadata?: string;
  rawData?: string;
  dataProcessingMethod?: string;
  bizRules?: string;
  [extension: string]: unknown;
}

export interface SensorReport {
  type?: string;
  exception?: string;
  deviceID?: string;
  deviceMetadata?: string;
  rawData?: string;
  dataProcessingMethod?: string;
  time?: string;
  microorganism?: string;
  chemicalSubstance?: string;
  value?: number;
  component?: string;
  stringValue?: string;
  booleanValue?: boolean;
  hexBinaryValue?: string;
  uriValue?: string;
  minValue?: number;
  maxValue?: number;
  meanValue?: number;
  sDev?: number;
  percRank?: number;
  percValue?: number;
  uom?: string;
  coordinateReferenceSystem?: string;
  [extension: string]: unknown;
}

export interface SensorElement {
  sensorMetadata?: SensorMetadata;
  sensorReport: SensorReport[];
  [extension: string]: unknown;
}

export interface ErrorDeclaration {
  declarationTime: string;
  /** did_not_occur | incorrect_data (short names) or a URI. */
  reason?: string;
  correctiveEventIDs?: string[];
  [extension: string]: unknown;
}

/** Instance/lot master data: keys are kept as given (`cbvmda:lotNumber`, `cbvmda:itemExpirationDate`). */
export type Ilmd = Record<string, unknown>;

export interface EpcisEvent {
  type: EpcisEventType;
  /** Always present once normalised: the sender's eventID, or the CBV 2.0 event hash ID. */
  eventID: string;
  /** The CBV 2.0 event hash (`ni:///sha-256;…?ver=CBV2.0`), the idempotency key. */
  eventHash: string;
  eventTime: string;
  eventTimeZoneOffset: string;
  recordTime?: string;
  certificationInfo?: string | string[];
  errorDeclaration?: ErrorDeclaration;

  // What
  epcList?: string[];
  parentID?: string;
  childEPCs?: string[];
  quantityList?: QuantityElement[];
  childQuantityList?: QuantityElement[];
  inputEPCList?: string[];
  inputQuantityList?: QuantityElement[];
  outputEPCList?: string[];
  outputQuantityList?: QuantityElement[];
  transformationID?: string;

  // How / why / where
  action?: EpcisAction;
  bizStep?: string;
  disposition?: string;
  persistentDisposition?: PersistentDisposition;
  readPoint?: string;
  /** Namespaced extension fields given inside the `readPoint` object, verbatim. */
  readPointExtensions?: Record<string, unknown>;
  bizLocation?: string;
  /** Namespaced extension fields given inside the `bizLocation` object, verbatim. */
  bizLocationExtensions?: Record<string, unknown>;
  bizTransactionList?: BizTransaction[];
  sourceList?: SourceOrDestination[];
  destinationList?: SourceOrDestination[];
  sensorElementList?: SensorElement[];
  ilmd?: Ilmd;

  /** Namespaced extension fields, verbatim. */
  extensions?: Record<string, unknown>;
  /**
   * Prefix → namespace IRI for the non-standard CURIE prefixes used by this event's extension keys
   * (`extensions`, `ilmd`, sensor and location extensions), taken from the document's `@context`, so the
   * event stays self-describing (event hash, re-export) once separated from its document.
   */
  namespaces?: Record<string, string>;
}

/**
 * An event as it travels on the event log: the canonical event plus who captured it (the
 * authenticated participant), so consumers can apply authority rules without trusting the payload.
 */
export interface CapturedEvent {
  event: EpcisEvent;
  /** GLN of the authenticated participant that captured the event. */
  capturedBy: string;
  /** Capture job id, for tracing a document's events. */
  captureId: string;
  /** ISO UTC time the platform accepted the event (EPCIS recordTime). */
  recordTime: string;
}

/**
 * The key under which consumers apply an event once. The CBV event hash leaves errorDeclaration out, so
 * an error declaration hashes like the event it declares erroneous; it gets a key of its own.
 */
export function eventIdempotencyKey(event: Pick<EpcisEvent, 'eventHash' | 'errorDeclaration'>): string {
  return event.errorDeclaration ? `${event.eventHash}#error-declaration` : event.eventHash;
}
