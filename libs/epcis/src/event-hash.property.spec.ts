import { epcUrnToDigitalLink } from '@pharmatrace/gs1';
import fc from 'fast-check';
import { ids, options, type Json } from './__fixtures__/pharma-events';
import { normaliseEvent } from './event.normaliser';

const SERIAL = fc.stringMatching(/^[A-Z0-9]{4,12}$/);
const BIZ_STEPS = ['shipping', 'receiving', 'dispensing', 'inspecting', 'storing', 'holding'] as const;
const DISPOSITIONS = [
  'in_transit',
  'in_progress',
  'active',
  'dispensed',
  'recalled',
  'sellable_accessible',
] as const;
const OFFSET_MINUTES = fc.integer({ min: -14 * 60, max: 14 * 60 }).map((m) => m - (m % 15));

interface Scenario {
  serials: string[];
  bizStep: (typeof BIZ_STEPS)[number];
  disposition: (typeof DISPOSITIONS)[number];
  epochMs: number;
  offset: number;
  lot: string;
  temperature: number;
  note: string;
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  serials: fc.uniqueArray(SERIAL, { minLength: 1, maxLength: 4 }),
  bizStep: fc.constantFrom(...BIZ_STEPS),
  disposition: fc.constantFrom(...DISPOSITIONS),
  epochMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
  offset: OFFSET_MINUTES,
  lot: fc.stringMatching(/^[A-Z0-9]{3,10}$/),
  temperature: fc.double({ min: -30, max: 40, noNaN: true }),
  note: fc.string({ maxLength: 20 }),
});

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The local wall-clock rendering of an instant at an offset: same instant, different text. */
function localTime(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  return `${local}${offsetText(offsetMinutes)}`;
}

const epc = (serial: string): string => `urn:epc:id:sgtin:4012345.012345.${serial}`;

function build(s: Scenario, style: { dl: boolean; vocab: 'short' | 'web' | 'urn'; utc: boolean }): Json {
  const step = {
    short: s.bizStep,
    web: `https://ref.gs1.org/cbv/BizStep-${s.bizStep}`,
    urn: `urn:epcglobal:cbv:bizstep:${s.bizStep}`,
  };
  const disp = {
    short: s.disposition,
    web: `https://ref.gs1.org/cbv/Disp-${s.disposition}`,
    urn: `urn:epcglobal:cbv:disp:${s.disposition}`,
  };
  return {
    type: 'ObjectEvent',
    eventTime: style.utc ? new Date(s.epochMs).toISOString() : localTime(s.epochMs, s.offset),
    eventTimeZoneOffset: offsetText(s.offset),
    epcList: s.serials.map((serial) => (style.dl ? epcUrnToDigitalLink(epc(serial)) : epc(serial))),
    action: 'OBSERVE',
    bizStep: step[style.vocab],
    disposition: disp[style.vocab],
    readPoint: { id: style.dl ? 'https://id.gs1.org/414/4012345000016' : ids.plant },
    sourceList: [
      {
        type: style.vocab === 'short' ? 'owning_party' : 'urn:epcglobal:cbv:sdt:owning_party',
        source: ids.manufacturer,
      },
    ],
    sensorElementList: [{ sensorReport: [{ type: 'Temperature', value: s.temperature, uom: 'CEL' }] }],
    'example:note': s.note,
    '@context': { example: 'https://ns.example.com/epcis/' },
  };
}

/** Rebuilds every object with its keys in a random order (JSON key order carries no meaning). */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, random));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j] as [string, unknown], entries[i] as [string, unknown]];
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, random)]));
}

const hashOf = (input: unknown): string => normaliseEvent(input, options).eventHash;

describe('event hash properties', () => {
  it('is invariant under key order, list order, identifier form, vocabulary spelling and offset rendering', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.boolean(),
        fc.constantFrom('short' as const, 'web' as const, 'urn' as const),
        fc.boolean(),
        fc.infiniteStream(fc.double({ min: 0, max: 0.999999, noNaN: true })),
        (s, dl, vocab, utc, stream) => {
          const reference = hashOf(build(s, { dl: false, vocab: 'short', utc: true }));
          const it = stream[Symbol.iterator]();
          const random = (): number => it.next().value as number;
          const variant = build({ ...s, serials: [...s.serials].reverse() }, { dl, vocab, utc });
          expect(hashOf(shuffleKeys(variant, random))).toBe(reference);
        },
      ),
      { numRuns: 150 },
    );
  });

  const mutations: Array<[string, (e: Json, s: Scenario) => void]> = [
    ['eventTime +1 ms', (e, s) => (e['eventTime'] = new Date(s.epochMs + 1).toISOString())],
    ['eventTimeZoneOffset', (e, s) => (e['eventTimeZoneOffset'] = offsetText(s.offset === 60 ? 120 : 60))],
    ['an EPC', (e, s) => (e['epcList'] = [epc(`${s.serials[0] ?? ''}X`), ...s.serials.slice(1).map(epc)])],
    ['one EPC more', (e, s) => (e['epcList'] = [...s.serials.map(epc), epc('EXTRA000')])],
    ['action', (e) => (e['action'] = 'DELETE')],
    ['bizStep', (e, s) => (e['bizStep'] = s.bizStep === 'shipping' ? 'receiving' : 'shipping')],
    ['disposition', (e, s) => (e['disposition'] = s.disposition === 'recalled' ? 'active' : 'recalled')],
    ['disposition removed', (e) => delete e['disposition']],
    ['readPoint', (e) => (e['readPoint'] = { id: ids.packingLine })],
    ['bizLocation added', (e) => (e['bizLocation'] = { id: ids.plant })],
    ['source type', (e) => (e['sourceList'] = [{ type: 'possessing_party', source: ids.manufacturer }])],
    [
      'destination added',
      (e) => (e['destinationList'] = [{ type: 'owning_party', destination: ids.wholesaler }]),
    ],
    [
      'sensor value',
      (e, s) =>
        (e['sensorElementList'] = [
          { sensorReport: [{ type: 'Temperature', value: s.temperature + 0.5, uom: 'CEL' }] },
        ]),
    ],
    [
      'sensor uom',
      (e, s) =>
        (e['sensorElementList'] = [
          { sensorReport: [{ type: 'Temperature', value: s.temperature, uom: 'FAH' }] },
        ]),
    ],
    ['extension value', (e, s) => (e['example:note'] = `${s.note}!`)],
    ['extension added', (e) => (e['example:other'] = 1)],
    ['certificationInfo added', (e) => (e['certificationInfo'] = 'https://gdp.example.org/cert/1')],
    ['persistentDisposition added', (e) => (e['persistentDisposition'] = { set: ['recalled'] })],
    [
      'bizTransaction added',
      (e) =>
        (e['bizTransactionList'] = [
          { type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO-1' },
        ]),
    ],
  ];

  it.each(mutations)('changes when %s changes', (_name, mutate) => {
    fc.assert(
      fc.property(scenario, (s) => {
        const original = build(s, { dl: false, vocab: 'short', utc: true });
        const changed = build(s, { dl: false, vocab: 'short', utc: true });
        mutate(changed, s);
        expect(hashOf(changed)).not.toBe(hashOf(original));
      }),
      { numRuns: 25 },
    );
  });
});
