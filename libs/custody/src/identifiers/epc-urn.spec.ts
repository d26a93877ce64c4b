import {
  cbvShortName,
  decommissionForBizStep,
  decommissionForDisposition,
  dispositionFor,
} from './cbv-vocabulary';
import { DECOMMISSION_STATUSES } from '../model/pack-state';
import { gs1CheckDigit, locationGln, parseSerialisedUrn, partyGln, sameLocation, sgtinUrn } from './epc-urn';

describe('EPC URNs', () => {
  it('computes GS1 check digits', () => {
    expect(gs1CheckDigit('400638133393')).toBe('1'); // GTIN-13 4006381333931
    expect(gs1CheckDigit('03600029145')).toBe('2'); // UPC-A 036000291452
    expect(gs1CheckDigit('10614141234567890')).toBe('8'); // SSCC 106141412345678908
  });

  it('parses an SGTIN into company prefix, GTIN-14 and decoded serial', () => {
    expect(parseSerialisedUrn('urn:epc:id:sgtin:0614141.812345.6789%2FA')).toEqual({
      scheme: 'sgtin',
      companyPrefix: '0614141',
      gtin: '80614141123458',
      serial: '6789/A',
    });
  });

  it('parses an SSCC', () => {
    expect(parseSerialisedUrn('urn:epc:id:sscc:0614141.1234567890')).toEqual({
      scheme: 'sscc',
      companyPrefix: '0614141',
      sscc: '106141412345678908',
    });
  });

  it.each([
    'urn:epc:id:sgtin:0614141.81234.1',
    'urn:epc:id:sscc:0614141.123',
    'urn:epc:id:sgln:0614141.00001.0',
    'https://id.gs1.org/01/00614141123452/21/1',
    'urn:epc:id:sgtin:0614141.812345.%E0%A4%A',
  ])('rejects %s', (urn) => {
    expect(parseSerialisedUrn(urn)).toBeUndefined();
  });

  it('round-trips an SGTIN built from a GTIN', () => {
    const urn = sgtinUrn('80614141123458', 7, 'A/1');
    expect(urn).toBe('urn:epc:id:sgtin:0614141.812345.A%2F1');
    expect(parseSerialisedUrn(urn)).toMatchObject({ gtin: '80614141123458', serial: 'A/1' });
  });

  it('derives GLNs of parties and locations', () => {
    expect(partyGln('urn:epc:id:pgln:0614141.00001')).toBe('0614141000012');
    expect(partyGln('0614141000012')).toBe('0614141000012');
    expect(partyGln('urn:epc:id:pgln:0614141.1')).toBeUndefined();
    expect(locationGln('urn:epc:id:sgln:0614141.00001.0')).toBe('0614141000012');
  });

  it('compares premises ignoring the SGLN extension', () => {
    expect(sameLocation('urn:epc:id:sgln:0614141.00001.0', 'urn:epc:id:sgln:0614141.00001.till2')).toBe(true);
    expect(sameLocation('urn:epc:id:sgln:0614141.00001.0', 'urn:epc:id:sgln:0614141.00002.0')).toBe(false);
    expect(sameLocation(undefined, undefined)).toBe(true);
    expect(sameLocation('x', undefined)).toBe(false);
  });
});

describe('CBV vocabulary', () => {
  it('reads short names and the full URI forms alike', () => {
    expect(cbvShortName('https://ref.gs1.org/cbv/BizStep-shipping')).toBe('shipping');
    expect(cbvShortName('urn:epcglobal:cbv:disp:dispensed')).toBe('dispensed');
    expect(cbvShortName('https://ref.gs1.org/cbv/SDT-owning_party')).toBe('owning_party');
    expect(cbvShortName('gs1:Temperature')).toBe('Temperature');
    expect(cbvShortName('urn:pharmatrace:disp:locked')).toBe('urn:pharmatrace:disp:locked');
  });

  it('maps every decommission status to a disposition and back', () => {
    for (const status of DECOMMISSION_STATUSES) {
      expect(decommissionForDisposition(dispositionFor(status))).toBe(status);
    }
    expect(decommissionForDisposition('partially_dispensed')).toBe('dispensed');
    expect(decommissionForDisposition('in_transit')).toBeUndefined();
    expect(decommissionForBizStep('https://ref.gs1.org/cbv/BizStep-destroying')).toBe('destroyed');
  });
});
