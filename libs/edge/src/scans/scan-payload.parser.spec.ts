import { EdgeErrorCode } from '../edge.error';
import { parseDeviceTimestamp } from '../shared/event-time';
import { parseScanPayload } from './scan-payload.parser';

const buf = (text: string) => Buffer.from(text, 'utf8');
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('scan payloads', () => {
  it('takes a bare barcode as it is, GS included, dropping the scanner’s CR/LF suffix', () => {
    expect(parseScanPayload(buf(']d20109506000134352\x1d21A\r\n'))).toEqual({
      barcode: ']d20109506000134352\x1d21A',
      time: undefined,
      batchId: undefined,
    });
  });

  it('reads the JSON form with its timestamp and batch id', () => {
    const payload = {
      barcode: '(01)09506000134352(21)A',
      timestamp: '2025-03-01T10:00:00.5+01:00',
      batchId: 'pallet-7',
    };
    expect(parseScanPayload(buf(JSON.stringify(payload)))).toEqual({
      barcode: payload.barcode,
      time: { eventTime: '2025-03-01T09:00:00.500Z', eventTimeZoneOffset: '+01:00' },
      batchId: 'pallet-7',
    });
  });

  it.each([
    ['empty', ''],
    ['blank barcode', '  \r\n'],
    ['malformed JSON', '{"barcode": '],
    ['JSON without barcode', '{"timestamp": 1}'],
    ['JSON without timestamp', '{"barcode": "x"}'],
    ['bad batch id', '{"barcode": "x", "timestamp": 1, "batchId": "a b"}'],
  ])('refuses %s as INVALID_PAYLOAD', (_name, text) => {
    expect(codeOf(() => parseScanPayload(buf(text)))).toBe(EdgeErrorCode.InvalidPayload);
  });

  it('refuses payloads over 4 KiB', () => {
    expect(codeOf(() => parseScanPayload(Buffer.alloc(5000, 0x41)))).toBe(EdgeErrorCode.InvalidPayload);
  });
});

describe('device timestamps', () => {
  it('reads epoch milliseconds and ISO 8601 with Z or an offset', () => {
    expect(parseDeviceTimestamp(0, '/t')).toEqual({
      eventTime: '1970-01-01T00:00:00.000Z',
      eventTimeZoneOffset: '+00:00',
    });
    expect(parseDeviceTimestamp('2025-03-01T10:00:00Z', '/t').eventTimeZoneOffset).toBe('+00:00');
    expect(parseDeviceTimestamp('2025-03-01T10:00:00-05:30', '/t')).toEqual({
      eventTime: '2025-03-01T15:30:00.000Z',
      eventTimeZoneOffset: '-05:30',
    });
  });

  it.each([
    ['2025-03-01T10:00:00'],
    ['2025-02-30T10:00:00Z'],
    ['yesterday'],
    [-1],
    [1.5],
    [true],
    ['2025-03-01T10:00:00+15:00'],
  ])('refuses %p', (value) => {
    expect(codeOf(() => parseDeviceTimestamp(value, '/t'))).toBe(EdgeErrorCode.InvalidTimestamp);
  });
});
