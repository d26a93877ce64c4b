import { commissioning, ids, sensorAlarm, shipping, type Json } from '../__fixtures__/pharma-events';
import { problemsOf, rejects, without } from '../__fixtures__/rejections';
import { EpcisProblemKind } from '../epcis.error';

describe('normaliseEvent rejects bad field values, naming the field', () => {
  it('an unknown field without a namespace', () => {
    rejects({ ...shipping(), carrier: 'DHL' }, '/carrier', EpcisProblemKind.UnknownField, /need a namespace/);
  });

  it('an EPC that is neither an EPC URN nor a GS1 Digital Link', () => {
    const input = { ...shipping(), epcList: [ids.pallet, 'urn:epc:id:sgtin:4012345.12345.1'] };
    rejects(
      input,
      '/epcList/1',
      EpcisProblemKind.Identifier,
      /^not a valid EPC URN or GS1 Digital Link: "urn:epc:id:sgtin/,
    );
  });

  it('a GS1 element string or bare GTIN and serial (valid GS1 data, but not a URI)', () => {
    const input = { ...shipping(), epcList: ['(01)04012345123456(21)7KQ2MX9P4T'] };
    rejects(input, '/epcList/0', EpcisProblemKind.Identifier, /not a valid EPC URN or GS1 Digital Link/);
  });

  it('a class identifier in epcList', () => {
    rejects(
      { ...shipping(), epcList: [ids.lot] },
      '/epcList/0',
      EpcisProblemKind.Identifier,
      /class, not an individual/,
    );
  });

  it('the same EPC twice, also when once as a URN and once as a Digital Link', () => {
    const input = {
      ...commissioning(),
      epcList: [ids.packs[0], 'https://id.gs1.org/01/04012345123456/21/7KQ2MX9P4T'],
    };
    rejects(input, '/epcList/1', EpcisProblemKind.Rule, /duplicate EPC/);
  });

  it('a bare word that is not a CBV business step', () => {
    rejects(
      { ...shipping(), bizStep: 'shiping' },
      '/bizStep',
      EpcisProblemKind.Vocabulary,
      /not a CBV business step/,
    );
  });

  it('a CBV-namespace URI that names no standard term', () => {
    rejects(
      { ...shipping(), bizStep: 'urn:epcglobal:cbv:bizstep:teleporting' },
      '/bizStep',
      EpcisProblemKind.Vocabulary,
      /names no CBV/,
    );
    rejects(
      { ...shipping(), disposition: 'https://ref.gs1.org/cbv/Disp-lost' },
      '/disposition',
      EpcisProblemKind.Vocabulary,
      /names no CBV/,
    );
  });

  it('a quantity that is not a number, negative, or fractional without a unit', () => {
    const element = (q: unknown): Json => ({
      ...commissioning(),
      epcList: undefined,
      quantityList: [{ epcClass: ids.lot, ...(q as Json) }],
    });
    rejects(
      element({ quantity: '10' }),
      '/quantityList/0/quantity',
      EpcisProblemKind.Type,
      /expected a number/,
    );
    rejects(element({ quantity: -1 }), '/quantityList/0/quantity', EpcisProblemKind.Rule, /negative/);
    rejects(element({ quantity: 2.5 }), '/quantityList/0/quantity', EpcisProblemKind.Rule, /whole number/);
    rejects(
      element({ quantity: 2.5, uom: 'kg' }),
      '/quantityList/0/uom',
      EpcisProblemKind.Format,
      /unit code/,
    );
  });

  it('a sensor report without a measurement type', () => {
    const input = sensorAlarm();
    const element = (input['sensorElementList'] as Json[])[0] as Json;
    element['sensorReport'] = [{ value: 9.4, uom: 'CEL' }];
    rejects(input, '/sensorElementList/0/sensorReport/0/type', EpcisProblemKind.Required, /measurement type/);
  });

  it('sensor report fields of the wrong type or syntax', () => {
    const withReport = (report: Json): Json => {
      const input = sensorAlarm();
      ((input['sensorElementList'] as Json[])[0] as Json)['sensorReport'] = [
        { type: 'Temperature', ...report },
      ];
      return input;
    };
    const at = '/sensorElementList/0/sensorReport/0';
    rejects(withReport({ booleanValue: 'true' }), `${at}/booleanValue`, EpcisProblemKind.Type, /boolean/);
    rejects(
      withReport({ hexBinaryValue: 'xyz' }),
      `${at}/hexBinaryValue`,
      EpcisProblemKind.Format,
      /hexBinary/,
    );
    rejects(
      withReport({ exception: 'FIRE' }),
      `${at}/exception`,
      EpcisProblemKind.Vocabulary,
      /sensor alert type/,
    );
    rejects(
      withReport({ minValue: 9, maxValue: 2 }),
      `${at}/minValue`,
      EpcisProblemKind.Rule,
      /greater than maxValue/,
    );
  });

  it('a sensor attribute stated both in sensorMetadata and a sensorReport', () => {
    const input = sensorAlarm();
    const element = (input['sensorElementList'] as Json[])[0] as Json;
    element['sensorReport'] = [{ type: 'Temperature', value: 5, uom: 'CEL', deviceID: ids.logger }];
    rejects(input, '/sensorElementList/0/sensorReport/0/deviceID', EpcisProblemKind.Rule, /one place only/);
  });

  it('an errorDeclaration without declarationTime or with an unknown reason', () => {
    rejects(
      { ...shipping(), errorDeclaration: { reason: 'incorrect_data' } },
      '/errorDeclaration/declarationTime',
      EpcisProblemKind.Required,
      /required/,
    );
    rejects(
      { ...shipping(), errorDeclaration: { declarationTime: '2024-03-03T00:00:00Z', reason: 'oops' } },
      '/errorDeclaration/reason',
      EpcisProblemKind.Vocabulary,
      /not a CBV error reason/,
    );
  });

  it('a source without its type', () => {
    rejects(
      { ...shipping(), sourceList: [{ source: ids.manufacturer }] },
      '/sourceList/0/type',
      EpcisProblemKind.Required,
      /type is required/,
    );
  });

  it('a persistentDisposition with neither set nor unset', () => {
    rejects(
      { ...shipping(), persistentDisposition: {} },
      '/persistentDisposition',
      EpcisProblemKind.Required,
      /set or unset/,
    );
  });

  it('an eventID or certificationInfo that is not a URI', () => {
    rejects({ ...shipping(), eventID: 'shipment 42' }, '/eventID', EpcisProblemKind.Format, /absolute URI/);
    rejects(
      { ...shipping(), certificationInfo: ['GDP cert'] },
      '/certificationInfo/0',
      EpcisProblemKind.Format,
      /absolute URI/,
    );
  });

  it('a readPoint given as a bare string instead of { id }', () => {
    rejects(
      { ...shipping(), readPoint: ids.shippingDock },
      '/readPoint',
      EpcisProblemKind.Type,
      /object with an id/,
    );
  });

  it('an input that is not an object at all', () => {
    rejects([shipping()], '', EpcisProblemKind.Type, /an event object, got array/);
  });

  it('reports every problem of an event, not just the first', () => {
    const problems = problemsOf({
      ...without(shipping(), 'eventTime'),
      bizStep: 'x',
      epcList: ['nope'],
      carrier: 1,
    });
    expect(problems.map((p) => p.pointer).sort()).toEqual([
      '/bizStep',
      '/carrier',
      '/epcList/0',
      '/eventTime',
    ]);
  });
});
