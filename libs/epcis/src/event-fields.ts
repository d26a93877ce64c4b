/** Which standard fields each EPCIS 2.0 event type has (EPCIS 2.0 section 7.4 and its JSON schema). */
import type { EpcisEventType } from './model/epcis-event';

export const EVENT_TYPES: readonly EpcisEventType[] = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
];

export function isEventType(value: unknown): value is EpcisEventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

const COMMON = [
  '@context',
  'type',
  'eventTime',
  'recordTime',
  'eventTimeZoneOffset',
  'eventID',
  'certificationInfo',
  'errorDeclaration',
];

/**
 * The why/where/how fields every type has. persistentDisposition is in every type of the EPCIS 2.0 data
 * model and XSD; the JSON schema lists it for Object and Transformation events only, we follow the model.
 */
const SHARED = [
  'bizStep',
  'disposition',
  'persistentDisposition',
  'readPoint',
  'bizLocation',
  'bizTransactionList',
  'sourceList',
  'destinationList',
  'sensorElementList',
];

const fields = (...own: string[]): ReadonlySet<string> => new Set([...COMMON, ...SHARED, ...own]);

export const FIELDS_BY_TYPE: Readonly<Record<EpcisEventType, ReadonlySet<string>>> = {
  ObjectEvent: fields('action', 'epcList', 'quantityList', 'ilmd'),
  AggregationEvent: fields('action', 'parentID', 'childEPCs', 'childQuantityList'),
  TransactionEvent: fields('action', 'parentID', 'epcList', 'quantityList'),
  TransformationEvent: fields(
    'inputEPCList',
    'inputQuantityList',
    'outputEPCList',
    'outputQuantityList',
    'transformationID',
    'ilmd',
  ),
  AssociationEvent: fields('action', 'parentID', 'childEPCs', 'childQuantityList'),
};

/** Every standard event field name, of any type. */
export const ALL_EVENT_FIELDS: ReadonlySet<string> = new Set(
  Object.values(FIELDS_BY_TYPE).flatMap((set) => [...set]),
);
