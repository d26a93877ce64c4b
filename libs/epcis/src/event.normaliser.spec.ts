import { DEFAULT_PREFIX_TABLE } from '@pharmatrace/gs1';
import {
  association,
  commissioning,
  dispensing,
  errorDeclaration,
  ids,
  options,
  packing,
  receiving,
  sensorAlarm,
  shipping,
  transaction,
  transformation,
  type Json,
} from './__fixtures__/pharma-events';
import { computeEventHash } from './event-hash';
import { normaliseEvent } from './event.normaliser';

const HASH = /^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/;

describe('normaliseEvent: a valid example of each event type', () => {
  it('ObjectEvent ADD commissioning with lot and expiry in ilmd', () => {
    const event = normaliseEvent(commissioning(), options);
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      eventTime: '2024-03-01T07:15:00.000Z',
      eventTimeZoneOffset: '+01:00',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      epcList: ids.packs,
      readPoint: ids.packingLine,
      bizLocation: ids.plant,
      ilmd: { 'cbvmda:lotNumber': 'LOT24A17', 'cbvmda:itemExpirationDate': '2026-09-30' },
    });
    expect(event.eventHash).toMatch(HASH);
    expect(event.eventID).toBe(event.eventHash);
  });

  it('AggregationEvent ADD packing into an SSCC', () => {
    const event = normaliseEvent(packing(), options);
    expect(event).toMatchObject({
      type: 'AggregationEvent',
      parentID: ids.pallet,
      childEPCs: ids.packs,
      action: 'ADD',
    });
  });

  it('ObjectEvent shipping with owning-party source and destination PGLNs', () => {
    const event = normaliseEvent(shipping(), options);
    expect(event.sourceList).toEqual([
      { type: 'owning_party', value: ids.manufacturer },
      { type: 'location', value: ids.plant },
    ]);
    expect(event.destinationList).toEqual([
      { type: 'owning_party', value: ids.wholesaler },
      { type: 'location', value: ids.distributionCentre },
    ]);
    expect(event.bizTransactionList?.[0]).toEqual({
      type: 'po',
      bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO-2024-0815',
    });
  });

  it('ObjectEvent receiving at the wholesaler', () => {
    expect(normaliseEvent(receiving(), options)).toMatchObject({
      bizStep: 'receiving',
      readPoint: ids.distributionCentre,
    });
  });

  it('ObjectEvent dispensing at the pharmacy', () => {
    expect(normaliseEvent(dispensing(), options)).toMatchObject({
      bizStep: 'dispensing',
      disposition: 'dispensed',
    });
  });

  it('sensor_reporting with an ALARM_CONDITION temperature excursion', () => {
    const event = normaliseEvent(sensorAlarm(), options);
    const element = event.sensorElementList?.[0];
    expect(element?.sensorMetadata).toEqual({
      time: '2024-03-02T09:58:00.000Z',
      startTime: '2024-03-02T05:00:00.000Z',
      endTime: '2024-03-02T09:58:00.000Z',
      deviceID: ids.logger,
    });
    expect(element?.sensorReport[0]).toEqual({
      type: 'Temperature',
      exception: 'ALARM_CONDITION',
      value: 9.4,
      minValue: 2.1,
      maxValue: 9.4,
      uom: 'CEL',
    });
  });

  it('an event carrying an errorDeclaration keeps the sender eventID', () => {
    const event = normaliseEvent(errorDeclaration(), options);
    expect(event.eventID).toBe('urn:uuid:6b2a7f08-0f6c-4d5e-9a63-3c1d2b7e4f10');
    expect(event.errorDeclaration).toEqual({
      declarationTime: '2024-03-02T08:00:00.000Z',
      reason: 'incorrect_data',
      correctiveEventIDs: ['urn:uuid:0f6c1a8e-52c3-4b70-8e1d-1f2a3b4c5d6e'],
    });
    // errorDeclaration and eventID are not hashed: the declaration names the same event as the original.
    expect(event.eventHash).toBe(normaliseEvent(shipping(), options).eventHash);
  });

  it('TransactionEvent ADD linking the pallet to a purchase order', () => {
    expect(normaliseEvent(transaction(), options)).toMatchObject({ type: 'TransactionEvent', action: 'ADD' });
  });

  it('TransformationEvent without action, with ilmd on the outputs', () => {
    const event = normaliseEvent(transformation(), options);
    expect(event.action).toBeUndefined();
    expect(event.outputEPCList).toEqual(['urn:epc:id:sgtin:4012345.054321.R8N2KD5V1Q']);
  });

  it('AssociationEvent attaching a data logger (GIAI, passed through) to the pallet', () => {
    expect(normaliseEvent(association(), options)).toMatchObject({
      parentID: ids.pallet,
      childEPCs: [ids.logger],
    });
  });
});

describe('normaliseEvent: normalisation', () => {
  const hashOf = (input: Json): string => normaliseEvent(input, options).eventHash;

  it('CBV short names, Web URIs and old URNs give the same canonical event and hash', () => {
    const short = normaliseEvent(shipping(), options);
    const web = normaliseEvent(
      {
        ...shipping(),
        bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
        disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
        sourceList: [
          { type: 'https://ref.gs1.org/cbv/SDT-owning_party', source: ids.manufacturer },
          { type: 'cbv:SDT-location', source: ids.plant },
        ],
      },
      options,
    );
    const urn = normaliseEvent(
      {
        ...shipping(),
        bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
        disposition: 'urn:epcglobal:cbv:disp:in_transit',
        bizTransactionList: [
          {
            type: 'urn:epcglobal:cbv:btt:po',
            bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO-2024-0815',
          },
          {
            type: 'urn:epcglobal:cbv:btt:desadv',
            bizTransaction: 'urn:epcglobal:cbv:bt:4012345000009:DA-77120',
          },
        ],
      },
      options,
    );
    expect(web).toEqual(short);
    expect(urn).toEqual(short);
  });

  it('an extension bizStep URI is kept as given and hashed as given', () => {
    const event = normaliseEvent(
      { ...shipping(), bizStep: 'https://pharma.example.com/bizstep/cold_check' },
      options,
    );
    expect(event.bizStep).toBe('https://pharma.example.com/bizstep/cold_check');
  });

  it('the same instant written with different offsets gives the same UTC eventTime and hash', () => {
    const utc = { ...dispensing(), eventTime: '2024-03-20T09:05:00Z' };
    const plusOne = { ...dispensing(), eventTime: '2024-03-20T10:05:00+01:00' };
    const minusFive = { ...dispensing(), eventTime: '2024-03-20T04:05:00.000-05:00' };
    expect(normaliseEvent(plusOne, options).eventTime).toBe('2024-03-20T09:05:00.000Z');
    expect(hashOf(utc)).toBe(hashOf(plusOne));
    expect(hashOf(minusFive)).toBe(hashOf(plusOne));
  });

  it('rounds sub-millisecond fractions as the hash rule says (4th decimal 5-9 rounds up)', () => {
    expect(
      normaliseEvent({ ...dispensing(), eventTime: '2024-03-20T09:05:00.1415Z' }, options).eventTime,
    ).toBe('2024-03-20T09:05:00.142Z');
    expect(
      normaliseEvent({ ...dispensing(), eventTime: '2024-03-20T09:05:59.9999Z' }, options).eventTime,
    ).toBe('2024-03-20T09:06:00.000Z');
  });

  it('GS1 Digital Links become EPC URNs, and hash like the URN form', () => {
    const urn = normaliseEvent(dispensing(), options);
    const link = normaliseEvent(
      {
        ...dispensing(),
        epcList: ['https://example.com/pack/01/04012345123456/21/7KQ2MX9P4T'],
        readPoint: { id: 'https://id.gs1.org/414/9506000000107' },
      },
      options,
    );
    expect(link.epcList).toEqual(urn.epcList);
    expect(link.readPoint).toBe(urn.readPoint);
    expect(link.eventHash).toBe(urn.eventHash);
  });

  it('recordTime from the options replaces the sender recordTime; neither changes the hash', () => {
    const sent = { ...dispensing(), recordTime: '2024-03-20T10:06:00+01:00' };
    const event = normaliseEvent(sent, { ...options, recordTime: '2024-03-20T09:07:00.5Z' });
    expect(event.recordTime).toBe('2024-03-20T09:07:00.500Z');
    expect(normaliseEvent(sent, options).recordTime).toBe('2024-03-20T09:06:00.000Z');
    expect(event.eventHash).toBe(normaliseEvent(dispensing(), options).eventHash);
  });

  it('keeps namespaced extensions verbatim and records their declared namespaces', () => {
    const input = {
      ...dispensing(),
      '@context': { pt: 'https://pharmatrace.example/epcis/' },
      'pt:prescriptionRef': 'RX-2024-99812',
      'pt:pharmacist': { 'pt:badge': 'PH-12', 'pt:shift': 2 },
      readPoint: { id: ids.pharmacy, 'pt:counter': 'C3' },
    };
    const event = normaliseEvent(input, options);
    expect(event.extensions).toEqual({
      'pt:prescriptionRef': 'RX-2024-99812',
      'pt:pharmacist': { 'pt:badge': 'PH-12', 'pt:shift': 2 },
    });
    expect(event.readPointExtensions).toEqual({ 'pt:counter': 'C3' });
    expect(event.namespaces).toEqual({ pt: 'https://pharmatrace.example/epcis/' });
  });

  it('absent optional fields stay absent (no nulls, no empty arrays)', () => {
    const event = normaliseEvent({ ...sensorAlarm(), epcList: [] }, options);
    expect('epcList' in event).toBe(false);
    expect(Object.values(event).includes(null)).toBe(false);
  });

  it('the default prefix table is only needed for Digital Links', () => {
    expect(() => normaliseEvent(commissioning(), { prefixTable: DEFAULT_PREFIX_TABLE })).not.toThrow();
  });

  it('eventHash equals computeEventHash of the canonical event', () => {
    const event = normaliseEvent(sensorAlarm(), options);
    expect(computeEventHash(event)).toBe(event.eventHash);
  });
});
