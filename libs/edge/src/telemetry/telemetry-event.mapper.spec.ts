import { DEFAULT_PREFIX_TABLE } from '@pharmatrace/gs1';
import { normaliseEvent } from '@pharmatrace/epcis';
import { aDeviceWithRole } from '../testing/edge.factories';
import { judgeReading, mapTelemetryEvent, type TelemetryReading } from './telemetry-event.mapper';

const logger = aDeviceWithRole('cold-chain-logger', 'logger-1');
const reading = (temperature: number | undefined, humidity?: number): TelemetryReading => ({
  container: 'urn:epc:id:sscc:9506000.0001234567',
  temperature,
  humidity,
  time: { eventTime: '2025-03-01T09:00:00.000Z', eventTimeZoneOffset: '+00:00' },
});
const fridge = { minC: 2, maxC: 8 };

describe('telemetry readings', () => {
  it('judges a temperature against the storage range, bounds included', () => {
    expect(judgeReading(reading(9), fridge)).toBe('excursion');
    expect(judgeReading(reading(1.9), fridge)).toBe('excursion');
    expect(judgeReading(reading(8), fridge)).toBe('in-range');
    expect(judgeReading(reading(2), fridge)).toBe('in-range');
    expect(judgeReading(reading(9), undefined)).toBe('unchecked');
    expect(judgeReading(reading(undefined, 50), fridge)).toBe('unchecked');
  });

  it('maps an excursion to a sensor_reporting ObjectEvent on the container with ALARM_CONDITION', () => {
    const event = mapTelemetryEvent(logger, reading(9, 55), 'excursion');
    expect(event).toEqual({
      type: 'ObjectEvent',
      eventTime: '2025-03-01T09:00:00.000Z',
      eventTimeZoneOffset: '+00:00',
      epcList: ['urn:epc:id:sscc:9506000.0001234567'],
      action: 'OBSERVE',
      bizStep: 'sensor_reporting',
      sensorElementList: [
        {
          sensorMetadata: {
            time: '2025-03-01T09:00:00.000Z',
            deviceID: `urn:pharmatrace:device:${logger.participantGln}:logger-1`,
          },
          sensorReport: [
            { type: 'Temperature', value: 9, uom: 'CEL', exception: 'ALARM_CONDITION' },
            { type: 'RelativeHumidity', value: 55, uom: 'P1' },
          ],
        },
      ],
    });
  });

  it('is valid EPCIS 2.0 and keeps the alarm through normalisation', () => {
    const event = normaliseEvent(mapTelemetryEvent(logger, reading(9), 'excursion'), {
      prefixTable: DEFAULT_PREFIX_TABLE,
      recordTime: '2025-03-01T09:00:01.000Z',
    });
    expect(event.sensorElementList?.[0]?.sensorReport[0]).toMatchObject({
      exception: 'ALARM_CONDITION',
      value: 9,
    });
    expect(event.bizStep).toBe('sensor_reporting');
  });

  it('carries no exception for a reading that is not an excursion', () => {
    const event = mapTelemetryEvent(logger, reading(5), 'in-range');
    const [element] = event['sensorElementList'] as { sensorReport: Record<string, unknown>[] }[];
    expect(element?.sensorReport[0]).not.toHaveProperty('exception');
  });
});
