import { epcUrnToDigitalLink } from '@pharmatrace/gs1';
import { allValidEvents, dispensing, ids, options, shipping } from './__fixtures__/pharma-events';
import { normaliseDocument } from './document.normaliser';
import { normaliseEvent } from './event.normaliser';
import { EPCIS_CONTEXT_URI } from './json-ld-context';
import { nextPageLink, toEpcisJson, toQueryDocument } from './query-document.builder';

describe('toEpcisJson', () => {
  it('round-trips: normalising the JSON of a canonical event gives the same event', () => {
    for (const input of allValidEvents()) {
      const event = normaliseEvent(input, options);
      expect(normaliseEvent(toEpcisJson(event), options)).toEqual(event);
    }
  });

  it('re-inlines extensions, location extensions and their @context', () => {
    const event = normaliseEvent(
      {
        ...dispensing(),
        '@context': { pt: 'https://pharmatrace.example/epcis/' },
        'pt:prescriptionRef': 'RX-1',
        readPoint: { id: ids.pharmacy, 'pt:counter': 'C3' },
      },
      options,
    );
    const json = toEpcisJson(event);
    expect(json).toMatchObject({
      '@context': [{ pt: 'https://pharmatrace.example/epcis/' }],
      'pt:prescriptionRef': 'RX-1',
      readPoint: { id: ids.pharmacy, 'pt:counter': 'C3' },
    });
    expect(json).not.toHaveProperty('eventHash');
    expect(json).not.toHaveProperty('extensions');
  });

  it('writes sources and destinations back with their EPCIS key names', () => {
    const json = toEpcisJson(normaliseEvent(shipping(), options));
    expect(json['sourceList']).toEqual([
      { type: 'owning_party', source: ids.manufacturer },
      { type: 'location', source: ids.plant },
    ]);
  });

  it('can render identifiers as Digital Links for GS1-EPC-Format: Always_GS1_Digital_Link', () => {
    const json = toEpcisJson(normaliseEvent(dispensing(), options), {
      identifier: (urn) => epcUrnToDigitalLink(urn),
    });
    expect(json['epcList']).toEqual(['https://id.gs1.org/01/04012345123456/21/7KQ2MX9P4T']);
    expect(json['readPoint']).toEqual({ id: 'https://id.gs1.org/414/9506000000107' });
  });
});

describe('toQueryDocument', () => {
  it('wraps events in an EPCISQueryDocument for SimpleEventQuery', () => {
    const events = normaliseDocument({ ...docOf([shipping(), dispensing()]) }, options).events;
    const doc = toQueryDocument(events, { creationDate: '2024-03-21T00:00:00.000Z' });
    expect(doc).toEqual({
      '@context': [EPCIS_CONTEXT_URI],
      type: 'EPCISQueryDocument',
      schemaVersion: '2.0',
      creationDate: '2024-03-21T00:00:00.000Z',
      epcisBody: {
        queryResults: {
          queryName: 'SimpleEventQuery',
          resultsBody: { eventList: events.map((e) => toEpcisJson(e)) },
        },
      },
    });
  });

  it('names the query and subscription when given', () => {
    const doc = toQueryDocument([], { queryName: 'recalledLots', subscriptionID: 'sub-7' });
    expect(doc.epcisBody.queryResults).toEqual({
      queryName: 'recalledLots',
      subscriptionID: 'sub-7',
      resultsBody: { eventList: [] },
    });
  });

  it('pages through a Link header, as the REST binding does', () => {
    expect(nextPageLink('/epcis/events?perPage=2&nextPageToken=old', 'n3xt')).toBe(
      '</epcis/events?perPage=2&nextPageToken=n3xt>; rel="next"',
    );
    expect(nextPageLink('https://pt.example/epcis/events?EQ_bizStep=shipping', 'abc')).toBe(
      '<https://pt.example/epcis/events?EQ_bizStep=shipping&nextPageToken=abc>; rel="next"',
    );
  });
});

function docOf(events: unknown[]): Record<string, unknown> {
  return {
    '@context': EPCIS_CONTEXT_URI,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2024-03-21T00:00:00Z',
    epcisBody: { eventList: events },
  };
}
