/**
 * Whatever arrives on the capture or query path, the library answers with a canonical result or an
 * EpcisValidationError — never a TypeError, RangeError or stack overflow that would become a 500.
 */
import fc from 'fast-check';
import { allValidEvents, document, options, type Json } from './__fixtures__/pharma-events';
import { normaliseDocument } from './document.normaliser';
import { EpcisValidationError } from './epcis.error';
import { parseEventQuery } from './event-query.parser';
import { normaliseEvent } from './event.normaliser';

function onlyValidationErrors(run: () => unknown): void {
  try {
    run();
  } catch (error: unknown) {
    if (!(error instanceof EpcisValidationError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
  }
}

const FIELD_NAMES = [
  'type',
  'eventTime',
  'eventTimeZoneOffset',
  'recordTime',
  'eventID',
  'action',
  'epcList',
  'parentID',
  'childEPCs',
  'quantityList',
  'childQuantityList',
  'inputEPCList',
  'outputEPCList',
  'inputQuantityList',
  'outputQuantityList',
  'transformationID',
  'bizStep',
  'disposition',
  'persistentDisposition',
  'readPoint',
  'bizLocation',
  'bizTransactionList',
  'sourceList',
  'destinationList',
  'sensorElementList',
  'ilmd',
  'errorDeclaration',
  'certificationInfo',
  '@context',
  'example:ext',
  '__proto__',
  'constructor',
];

/** Valid events with one field replaced by, or set to, arbitrary JSON: the interesting near misses. */
const nearMiss: fc.Arbitrary<Json> = fc
  .tuple(fc.constantFrom(...allValidEvents()), fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 4 }))
  .map(([event, field, value]) => {
    const copy: Json = JSON.parse(JSON.stringify(event)) as Json;
    Object.defineProperty(copy, field, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });

/** A sensor element or quantity element with one field replaced: reaches the nested readers. */
const nestedMiss: fc.Arbitrary<Json> = fc
  .tuple(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('sensorMetadata', 'sensorReport', 'quantity', 'epcClass', 'uom'),
  )
  .map(([value, field]) => {
    const base = allValidEvents()[5] as Json; // sensor alarm
    const element = (base['sensorElementList'] as Json[])[0] as Json;
    if (field === 'sensorMetadata' || field === 'sensorReport') element[field] = value;
    else base['quantityList'] = [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.L1', [field]: value }];
    return base;
  });

describe('fuzz: nothing but EpcisValidationError escapes', () => {
  it('normaliseEvent on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => onlyValidationErrors(() => normaliseEvent(value, options))),
      {
        numRuns: 500,
      },
    );
  });

  it('normaliseEvent on arbitrary JS values (objects, arrays, odd keys)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => onlyValidationErrors(() => normaliseEvent(value, options))),
      {
        numRuns: 300,
      },
    );
  });

  it('normaliseEvent on near-miss events', () => {
    fc.assert(
      fc.property(fc.oneof(nearMiss, nestedMiss), (value) =>
        onlyValidationErrors(() => normaliseEvent(value, options)),
      ),
      { numRuns: 800 },
    );
  });

  it('normaliseDocument on documents of arbitrary and near-miss events', () => {
    const events = fc.array(fc.oneof(nearMiss, fc.jsonValue({ maxDepth: 3 })), { maxLength: 5 });
    fc.assert(
      fc.property(events, (list) => onlyValidationErrors(() => normaliseDocument(document(list), options))),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => onlyValidationErrors(() => normaliseDocument(value, options))),
      {
        numRuns: 200,
      },
    );
  });

  it('does not overflow the stack on deeply nested extension values', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { 'example:n': deep };
    onlyValidationErrors(() => normaliseEvent({ ...allValidEvents()[0], 'example:deep': deep }, options));
  });

  it('treats prototype property names as ordinary (unknown) names', () => {
    const event: Json = {
      ...allValidEvents()[0],
      '@context': { constructor: 'https://ns.example.com/c/', toString: 'urn:x:' },
      'constructor:a': 1,
      'toString:b': 2,
      'valueOf:c': 3,
    };
    const result = normaliseEvent(event, options);
    expect(result.namespaces).toEqual({ constructor: 'https://ns.example.com/c/', toString: 'urn:x:' });
    expect(() => parseEventQuery({ constructor: 'x' }, options)).toThrow(EpcisValidationError);
  });

  it('parseEventQuery on arbitrary parameter maps', () => {
    const names = fc.oneof(
      fc.constantFrom(
        'eventType',
        'GE_eventTime',
        'LT_recordTime',
        'EQ_bizStep',
        'MATCH_epc',
        'MATCH_epcClass',
        'perPage',
        'orderBy',
        'nextPageToken',
      ),
      fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty'),
      fc.string(),
    );
    const values = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(names, values), (params) =>
        onlyValidationErrors(() => parseEventQuery(params, options)),
      ),
      { numRuns: 500 },
    );
  });
});
