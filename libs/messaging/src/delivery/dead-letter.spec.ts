import { PermanentMessageError } from '../messaging.error';
import { DeadLetterHeader, deadLetterRecord, defaultDeadLetterTopic } from './dead-letter';

describe('dead letters', () => {
  it('names the dead-letter topic after its topic', () => {
    expect(defaultDeadLetterTopic('epcis.events')).toBe('epcis.events.dlq');
  });

  it('keeps key, value and headers and adds where the record came from and why it failed', () => {
    const record = {
      topic: 'epcis.events',
      partition: 4,
      offset: '9007199254740993',
      key: 'urn:epc:id:sgtin:0614141.107346.2017',
      value: '{"broken"',
      headers: { 'trace-id': 'abc' },
      timestamp: 1_700_000_000_000,
    };
    const letter = deadLetterRecord(
      { record, error: new PermanentMessageError('x'.repeat(5_000)), attempts: 3 },
      'custody-processor',
      new Date('2024-05-01T10:00:00Z'),
    );
    expect(letter).toEqual({
      key: record.key,
      value: record.value,
      headers: {
        'trace-id': 'abc',
        [DeadLetterHeader.OriginalTopic]: 'epcis.events',
        [DeadLetterHeader.OriginalPartition]: '4',
        [DeadLetterHeader.OriginalOffset]: '9007199254740993',
        [DeadLetterHeader.OriginalTimestamp]: '1700000000000',
        [DeadLetterHeader.GroupId]: 'custody-processor',
        [DeadLetterHeader.Error]: 'x'.repeat(2_000),
        [DeadLetterHeader.Attempts]: '3',
        [DeadLetterHeader.FailedAt]: '2024-05-01T10:00:00.000Z',
      },
    });
  });
});
