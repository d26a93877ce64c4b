import { DEFAULT_PREFIX_TABLE, parseScan } from '@pharmatrace/gs1';
import { normaliseEvent } from '@pharmatrace/epcis';
import { EdgeErrorCode } from '../edge.error';
import { aDevice, aDeviceWithRole, anSscc, packBarcode, TEST_SGLN } from '../testing/edge.factories';
import { mapScanEvent } from './scan-event.mapper';

const time = { eventTime: '2025-03-01T09:00:00.000Z', eventTimeZoneOffset: '+01:00' };
const decode = (raw: string) => parseScan(raw, { prefixTable: DEFAULT_PREFIX_TABLE });
const normalise = (raw: unknown) =>
  normaliseEvent(raw, { prefixTable: DEFAULT_PREFIX_TABLE, recordTime: '2025-03-01T09:00:01.000Z' });

describe('mapScanEvent', () => {
  it('commissions a pack at a line: ADD, commissioning, active, lot and expiry as ilmd', () => {
    const event = mapScanEvent(aDevice(), decode(packBarcode('S1')), time);
    expect(event).toEqual({
      type: 'ObjectEvent',
      eventTime: time.eventTime,
      eventTimeZoneOffset: '+01:00',
      epcList: ['urn:epc:id:sgtin:9506000.013435.S1'],
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      readPoint: { id: TEST_SGLN },
      bizLocation: { id: TEST_SGLN },
      ilmd: { 'cbvmda:lotNumber': 'LOT42', 'cbvmda:itemExpirationDate': '2026-12-31' },
    });
  });

  it.each([
    ['shipping-dock', 'OBSERVE', 'shipping', 'in_transit', false],
    ['receiving-dock', 'OBSERVE', 'receiving', 'in_progress', true],
    ['dispensing-counter', 'OBSERVE', 'dispensing', 'dispensed', true],
  ] as const)('a %s scan is %s %s %s', (role, action, bizStep, disposition, withBizLocation) => {
    const event = mapScanEvent(aDeviceWithRole(role), decode(packBarcode('S2')), time);
    expect(event).toMatchObject({ action, bizStep, disposition, readPoint: { id: TEST_SGLN } });
    expect('bizLocation' in event).toBe(withBizLocation);
    expect(event['ilmd']).toBeUndefined();
  });

  it('puts a scanned SSCC itself in the epcList (descendants are the custody processor’s inference)', () => {
    const sscc = anSscc(1234567);
    const event = mapScanEvent(aDeviceWithRole('shipping-dock'), decode(`]C100${sscc}`), time);
    expect(event['epcList']).toEqual([`urn:epc:id:sscc:9506000.0${sscc.slice(8, 17)}`]);
  });

  it('falls back to the Digital Link when the company prefix is unknown here', () => {
    const scan = parseScan(']d2010400000000001321X9', { prefixTable: null });
    const event = mapScanEvent(aDeviceWithRole('receiving-dock'), scan, time);
    expect(event['epcList']).toEqual(['https://id.gs1.org/01/04000000000013/21/X9']);
  });

  it('refuses a GTIN without serial, a commissioning without lot, and any scan from a logger', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { code: string }).code;
      }
      return 'no error';
    };
    expect(
      code(() => mapScanEvent(aDeviceWithRole('shipping-dock'), decode('(01)09506000134352'), time)),
    ).toBe(EdgeErrorCode.NotAnItem);
    expect(code(() => mapScanEvent(aDevice(), decode('(01)09506000134352(21)S3'), time))).toBe(
      EdgeErrorCode.MissingCommissioningData,
    );
    expect(
      code(() => mapScanEvent(aDeviceWithRole('cold-chain-logger'), decode(packBarcode('S4')), time)),
    ).toBe(EdgeErrorCode.WrongChannelForRole);
  });

  it('makes valid EPCIS whose hash depends only on device, barcode and time (redelivery = same hash)', () => {
    const make = () => normalise(mapScanEvent(aDevice(), decode(packBarcode('S5')), time));
    const first = make();
    expect(first.bizStep).toBe('commissioning');
    expect(first.eventHash).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(make().eventHash).toBe(first.eventHash);
    const later = normalise(
      mapScanEvent(aDevice(), decode(packBarcode('S5')), { ...time, eventTime: '2025-03-01T09:00:00.001Z' }),
    );
    expect(later.eventHash).not.toBe(first.eventHash);
  });
});
