/**
 * Test data: the EPCIS 2.0 JSON a manufacturer, a wholesaler and a pharmacy would capture for one lot of a
 * serialised medicine. Company prefixes are the GS1 example prefixes the gs1 library's default prefix
 * table knows: 4012345 (manufacturer), 0614141 (wholesaler), 9506000 (pharmacy).
 */
import { DEFAULT_PREFIX_TABLE } from '@pharmatrace/gs1';
import type { NormaliseOptions } from '../event.normaliser';

export type Json = Record<string, unknown>;

export const options: NormaliseOptions = { prefixTable: DEFAULT_PREFIX_TABLE };

export const ids = {
  packs: [
    'urn:epc:id:sgtin:4012345.012345.7KQ2MX9P4T',
    'urn:epc:id:sgtin:4012345.012345.P3HV8ZC21W',
    'urn:epc:id:sgtin:4012345.012345.X9D4RT7B6M',
  ],
  lot: 'urn:epc:class:lgtin:4012345.012345.LOT24A17',
  pallet: 'urn:epc:id:sscc:4012345.0000012345',
  logger: 'urn:epc:id:giai:4012345.LOGGER-0042',
  manufacturer: 'urn:epc:id:pgln:4012345.00000',
  plant: 'urn:epc:id:sgln:4012345.00001.0',
  packingLine: 'urn:epc:id:sgln:4012345.00001.101',
  shippingDock: 'urn:epc:id:sgln:4012345.00001.201',
  wholesaler: 'urn:epc:id:pgln:0614141.00000',
  distributionCentre: 'urn:epc:id:sgln:0614141.00002.0',
  pharmacyParty: 'urn:epc:id:pgln:9506000.00010',
  pharmacy: 'urn:epc:id:sgln:9506000.00010.0',
} as const;

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export function commissioning(): Json {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-03-01T08:15:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: [...ids.packs],
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    readPoint: { id: ids.packingLine },
    bizLocation: { id: ids.plant },
    ilmd: { 'cbvmda:lotNumber': 'LOT24A17', 'cbvmda:itemExpirationDate': '2026-09-30' },
  };
}

export function packing(): Json {
  return {
    type: 'AggregationEvent',
    eventTime: '2024-03-01T08:40:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    parentID: ids.pallet,
    childEPCs: [...ids.packs],
    action: 'ADD',
    bizStep: 'packing',
    disposition: 'in_progress',
    readPoint: { id: ids.packingLine },
    bizLocation: { id: ids.plant },
  };
}

export function shipping(): Json {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-03-02T06:00:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: [ids.pallet],
    action: 'OBSERVE',
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: ids.shippingDock },
    bizTransactionList: [
      { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO-2024-0815' },
      { type: 'desadv', bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:DA-77120' },
    ],
    sourceList: [
      { type: 'owning_party', source: ids.manufacturer },
      { type: 'location', source: ids.plant },
    ],
    destinationList: [
      { type: 'owning_party', destination: ids.wholesaler },
      { type: 'location', destination: ids.distributionCentre },
    ],
  };
}

export function receiving(): Json {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-03-02T14:30:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: [ids.pallet],
    action: 'OBSERVE',
    bizStep: 'receiving',
    disposition: 'in_progress',
    readPoint: { id: ids.distributionCentre },
    bizLocation: { id: ids.distributionCentre },
    sourceList: [{ type: 'owning_party', source: ids.manufacturer }],
    destinationList: [{ type: 'owning_party', destination: ids.wholesaler }],
  };
}

export function dispensing(): Json {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-03-20T10:05:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: [ids.packs[0]],
    action: 'OBSERVE',
    bizStep: 'dispensing',
    disposition: 'dispensed',
    readPoint: { id: ids.pharmacy },
    bizLocation: { id: ids.pharmacy },
  };
}

/** A cold-chain excursion reported by the pallet's data logger during transport. */
export function sensorAlarm(): Json {
  return {
    type: 'ObjectEvent',
    eventTime: '2024-03-02T11:00:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: [ids.pallet],
    action: 'OBSERVE',
    bizStep: 'sensor_reporting',
    readPoint: { id: ids.shippingDock },
    sensorElementList: [
      {
        sensorMetadata: {
          time: '2024-03-02T10:58:00.000+01:00',
          startTime: '2024-03-02T06:00:00.000+01:00',
          endTime: '2024-03-02T10:58:00.000+01:00',
          deviceID: ids.logger,
        },
        sensorReport: [
          {
            type: 'Temperature',
            exception: 'ALARM_CONDITION',
            value: 9.4,
            minValue: 2.1,
            maxValue: 9.4,
            uom: 'CEL',
          },
          { type: 'RelativeHumidity', value: 41, uom: 'P1' },
        ],
      },
    ],
  };
}

/** The shipping event declared wrong after the fact (EPCIS 2.0 error declaration). */
export function errorDeclaration(): Json {
  return {
    ...shipping(),
    eventID: 'urn:uuid:6b2a7f08-0f6c-4d5e-9a63-3c1d2b7e4f10',
    errorDeclaration: {
      declarationTime: '2024-03-02T09:00:00.000+01:00',
      reason: 'incorrect_data',
      correctiveEventIDs: ['urn:uuid:0f6c1a8e-52c3-4b70-8e1d-1f2a3b4c5d6e'],
    },
  };
}

export function transaction(): Json {
  return {
    type: 'TransactionEvent',
    eventTime: '2024-03-02T05:30:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO-2024-0815' }],
    epcList: [ids.pallet],
    action: 'ADD',
    bizStep: 'shipping',
    readPoint: { id: ids.shippingDock },
  };
}

/** Relabelling packs for another market: old serials go in, new ones come out with the same lot. */
export function transformation(): Json {
  return {
    type: 'TransformationEvent',
    eventTime: '2024-03-05T13:00:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    inputEPCList: [ids.packs[1]],
    outputEPCList: ['urn:epc:id:sgtin:4012345.054321.R8N2KD5V1Q'],
    bizStep: 'repackaging',
    disposition: 'active',
    readPoint: { id: ids.packingLine },
    ilmd: { 'cbvmda:lotNumber': 'LOT24A17', 'cbvmda:itemExpirationDate': '2026-09-30' },
  };
}

/** The data logger is attached to the pallet for the journey. */
export function association(): Json {
  return {
    type: 'AssociationEvent',
    eventTime: '2024-03-02T05:45:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    parentID: ids.pallet,
    childEPCs: [ids.logger],
    action: 'ADD',
    bizStep: 'installing',
    readPoint: { id: ids.shippingDock },
  };
}

export const allValidEvents = (): Json[] => [
  commissioning(),
  packing(),
  association(),
  transaction(),
  shipping(),
  sensorAlarm(),
  receiving(),
  transformation(),
  dispensing(),
  errorDeclaration(),
];

export function document(events: unknown[], extra: Json = {}): Json {
  return {
    '@context': [EPCIS_CONTEXT, { example: 'https://ns.example.com/epcis/' }],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-03-02T06:05:00.000+01:00',
    epcisBody: { eventList: events },
    ...extra,
  };
}
