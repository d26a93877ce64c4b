import { allValidEvents, document, ids, options, shipping, type Json } from './__fixtures__/pharma-events';
import { MAX_EVENTS_PER_CAPTURE } from './capture-limits';
import { normaliseDocument, normaliseDocumentPartial } from './document.normaliser';
import { EpcisErrorCode, EpcisProblemKind, EpcisValidationError, MAX_REPORTED_PROBLEMS } from './epcis.error';

function errorOf(run: () => unknown): EpcisValidationError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof EpcisValidationError) return error;
    throw error;
  }
  throw new Error('expected an EpcisValidationError');
}

describe('normaliseDocument', () => {
  it('normalises every event of a valid pharma document, in order', () => {
    const result = normaliseDocument(document(allValidEvents()), options);
    expect(result.schemaVersion).toBe('2.0');
    expect(result.creationDate).toBe('2024-03-02T05:05:00.000Z');
    expect(result.events.map((e) => e.bizStep)).toEqual([
      'commissioning',
      'packing',
      'installing',
      'shipping',
      'shipping',
      'sensor_reporting',
      'receiving',
      'repackaging',
      'dispensing',
      'shipping',
    ]);
    expect(new Set(result.events.map((e) => e.eventHash)).size).toBe(9); // the error declaration repeats the shipment
  });

  it('points into the event list: /epcisBody/eventList/3/epcList/0', () => {
    const events = allValidEvents();
    events[3] = { ...shipping(), epcList: ['urn:epc:id:sscc:4012345.12'] };
    const error = errorOf(() => normaliseDocument(document(events), options));
    expect(error.code).toBe(EpcisErrorCode.InvalidDocument);
    expect(error.problems).toEqual([
      {
        kind: EpcisProblemKind.Identifier,
        pointer: '/epcisBody/eventList/3/epcList/0',
        reason: expect.stringContaining(
          'not a valid EPC URN or GS1 Digital Link: "urn:epc:id:sscc:4012345.12"',
        ),
      },
    ]);
  });

  it('reports the problems of all events, not just the first', () => {
    const events = [
      { ...shipping(), bizStep: 'teleport' },
      shipping(),
      { ...shipping(), disposition: 'lost' },
    ];
    const error = errorOf(() => normaliseDocument(document(events), options));
    expect(error.problems.map((p) => p.pointer)).toEqual([
      '/epcisBody/eventList/0/bizStep',
      '/epcisBody/eventList/2/disposition',
    ]);
  });

  it(`caps the report at ${MAX_REPORTED_PROBLEMS} problems but says how many there were`, () => {
    const events = Array.from({ length: 150 }, () => ({ ...shipping(), bizStep: 'teleport' }));
    const error = errorOf(() => normaliseDocument(document(events), options));
    expect(error.problems).toHaveLength(MAX_REPORTED_PROBLEMS);
    expect(error.problemCount).toBeGreaterThanOrEqual(MAX_REPORTED_PROBLEMS);
    expect(error.message).toMatch(/and \d+ more/);
  });

  it('rejects a broken envelope, naming each field', () => {
    const error = errorOf(() =>
      normaliseDocument(
        { type: 'EPCISQueryDocument', schemaVersion: '1.2', epcisBody: {}, colour: 'red' },
        options,
      ),
    );
    expect(new Map(error.problems.map((p) => [p.pointer, p.kind]))).toEqual(
      new Map([
        ['/type', EpcisProblemKind.Vocabulary],
        ['/@context', EpcisProblemKind.Required],
        ['/creationDate', EpcisProblemKind.Required],
        ['/schemaVersion', EpcisProblemKind.Format],
        ['/colour', EpcisProblemKind.UnknownField],
        ['/epcisBody/eventList', EpcisProblemKind.Required],
      ]),
    );
  });

  it(`refuses more than ${MAX_EVENTS_PER_CAPTURE} events without reading them`, () => {
    const events = new Array<unknown>(MAX_EVENTS_PER_CAPTURE + 1).fill(null);
    const error = errorOf(() => normaliseDocument(document(events), options));
    expect(error.problems).toEqual([
      {
        kind: EpcisProblemKind.Limit,
        pointer: '/epcisBody/eventList',
        reason: expect.stringContaining('capture limit'),
      },
    ]);
  });

  it('keeps namespaced envelope fields and reads master data, normalising its identifiers', () => {
    const input = document([shipping()], {
      'example:batchRun': 'R-7',
      epcisHeader: {
        epcisMasterData: {
          vocabularyList: [
            {
              type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
              vocabularyElementList: [
                {
                  id: 'https://id.gs1.org/414/4012345000016',
                  attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'PharmaCo plant 1' }],
                },
              ],
            },
          ],
        },
      },
    });
    const result = normaliseDocument(input, options);
    expect(result.masterData).toEqual([
      {
        type: 'urn:epcglobal:epcis:vtype:BusinessLocation',
        vocabularyElementList: [
          {
            id: ids.plant,
            attributes: [{ id: 'urn:epcglobal:cbv:mda#name', attribute: 'PharmaCo plant 1' }],
          },
        ],
      },
    ]);
  });

  it('lets an event use a prefix declared in the document @context', () => {
    const result = normaliseDocument(
      document([{ ...shipping(), 'example:temperatureZone': 'cold' }]),
      options,
    );
    expect(result.events[0]?.extensions).toEqual({ 'example:temperatureZone': 'cold' });
    expect(result.events[0]?.namespaces).toEqual({ example: 'https://ns.example.com/epcis/' });
  });

  it('refuses to redefine a prefix of the EPCIS context', () => {
    const input: Json = { ...document([shipping()]), '@context': [{ cbvmda: 'https://example.com/mda/' }] };
    const error = errorOf(() => normaliseDocument(input, options));
    expect(error.problems[0]).toMatchObject({ pointer: '/@context/0/cbvmda', kind: EpcisProblemKind.Rule });
  });
});

describe('normaliseDocumentPartial (capture error behaviour "proceed")', () => {
  it('keeps the valid events and reports each rejected one by index', () => {
    const events = [shipping(), { ...shipping(), action: 'MOVE' }, shipping()];
    const { document: result, rejected } = normaliseDocumentPartial(document(events), options);
    expect(result.events).toHaveLength(2);
    expect(rejected).toEqual([
      { index: 1, problems: [expect.objectContaining({ pointer: '/epcisBody/eventList/1/action' })] },
    ]);
  });

  it('still throws when the envelope itself is invalid', () => {
    expect(() => normaliseDocumentPartial({ type: 'EPCISDocument' }, options)).toThrow(EpcisValidationError);
  });
});
