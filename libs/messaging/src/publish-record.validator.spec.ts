import { thrownBy } from './testing/contract.helpers';
import fc from 'fast-check';
import { MessagingErrorCode } from './messaging.error';
import {
  assertTopicName,
  chunkRecords,
  recordBytes,
  validatePublishRecords,
} from './publish-record.validator';

describe('assertTopicName', () => {
  it.each(['epcis.events', 'custody.alerts.dlq', 'a', 'A_b-9', 'x'.repeat(249)])('accepts %s', (topic) => {
    expect(() => assertTopicName(topic)).not.toThrow();
  });

  it.each(['', '.', '..', 'has space', 'slash/topic', 'ü', 'x'.repeat(250), 42, undefined])(
    'rejects %p',
    (topic) => {
      expect(thrownBy(() => assertTopicName(topic))).toMatchObject({ code: MessagingErrorCode.InvalidTopic });
    },
  );
});

describe('validatePublishRecords', () => {
  it('returns the byte size of each record, headers included', () => {
    expect(
      validatePublishRecords([
        { key: 'k', value: 'ééé', headers: { h: 'v' } },
        { key: 'kk', value: '' },
      ]),
    ).toEqual([9, 2]);
  });

  it.each([
    [[null], 'not an object'],
    [[{ key: '', value: 'v' }], 'key must be a non-empty string'],
    [[{ key: 1, value: 'v' }], 'key must be a non-empty string'],
    [[{ key: 'k', value: Buffer.from('v') }], 'value must be a string'],
    [[{ key: 'k', value: 'v', headers: [] }], 'headers must be an object of strings'],
    [[{ key: 'k', value: 'v', headers: { n: 1 } }], 'header "n" must be a string'],
  ])('rejects %j', (records, reason) => {
    expect(thrownBy(() => validatePublishRecords(records))).toMatchObject({
      code: MessagingErrorCode.InvalidRecord,
      message: expect.stringContaining(reason) as unknown,
    });
  });

  it('rejects a record over the size limit', () => {
    expect(() => validatePublishRecords([{ key: 'k', value: 'x'.repeat(100) }], 50)).toThrow(
      /101 bytes exceeds the limit of 50/,
    );
  });

  it('rejects something that is not an array', () => {
    expect(thrownBy(() => validatePublishRecords('nope'))).toMatchObject({
      code: MessagingErrorCode.InvalidRecord,
    });
  });
});

describe('chunkRecords', () => {
  it('keeps order, and every chunk within both limits unless one record alone exceeds the bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 200 }),
        (values, maxRecords, maxBytes) => {
          const records = values.map((value, i) => ({ key: `k${i}`, value }));
          const sizes = records.map(recordBytes);
          const chunks = chunkRecords(records, sizes, { maxRecords, maxBytes });
          expect(chunks.flat()).toEqual(records);
          for (const chunk of chunks) {
            expect(chunk.length).toBeGreaterThan(0);
            expect(chunk.length).toBeLessThanOrEqual(maxRecords);
            const bytes = chunk.reduce((sum, r) => sum + recordBytes(r), 0);
            if (chunk.length > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
          }
        },
      ),
    );
  });
});
