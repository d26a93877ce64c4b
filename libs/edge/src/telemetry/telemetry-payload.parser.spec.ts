import { EdgeErrorCode } from '../edge.error';
import { parseTelemetryPayload } from './telemetry-payload.parser';

const buf = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('telemetry payloads', () => {
  it('reads container, temperature, humidity, GTIN (padded to 14) and time', () => {
    expect(
      parseTelemetryPayload(
        buf({
          container: '095060001234567893',
          temperature: 9,
          humidity: 40,
          gtin: '9506000134352',
          timestamp: 1000,
        }),
      ),
    ).toEqual({
      container: '095060001234567893',
      temperature: 9,
      humidity: 40,
      gtin: '09506000134352',
      time: { eventTime: '1970-01-01T00:00:01.000Z', eventTimeZoneOffset: '+00:00' },
      batchId: undefined,
    });
  });

  it.each([
    [{ temperature: 5, timestamp: 1 }],
    [{ container: 'x', timestamp: 1 }],
    [{ container: 'x', temperature: '5', timestamp: 1 }],
    [{ container: 'x', humidity: 120, timestamp: 1 }],
    [{ container: 'x', temperature: 5 }],
    [{ container: 'x', temperature: 5, timestamp: 1, gtin: 'abc' }],
  ])('refuses %j', (body) => {
    let code: unknown;
    try {
      parseTelemetryPayload(buf(body));
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe(EdgeErrorCode.InvalidPayload);
  });
});
