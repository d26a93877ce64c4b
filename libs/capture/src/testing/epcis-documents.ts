/** Realistic EPCIS 2.0 documents for tests and benchmarks (manufacturer 0614141, GLN 0614141000012). */
export const MANUFACTURER_GLN = '0614141000012';
export const MANUFACTURER_SGLN = 'urn:epc:id:sgln:0614141.00001.0';
export const MANUFACTURER_PREFIX = '0614141';

export function commissioningEvent(
  serial: string,
  options: { lot?: string; expiry?: string; itemRef?: string } = {},
) {
  return {
    type: 'ObjectEvent',
    eventTime: '2026-03-01T09:00:00.000+01:00',
    eventTimeZoneOffset: '+01:00',
    epcList: [`urn:epc:id:sgtin:0614141.${options.itemRef ?? '107346'}.${serial}`],
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    readPoint: { id: MANUFACTURER_SGLN },
    bizLocation: { id: MANUFACTURER_SGLN },
    ilmd: {
      'cbvmda:lotNumber': options.lot ?? 'LOT-A1',
      'cbvmda:itemExpirationDate': options.expiry ?? '2028-01-31',
    },
  };
}

export function epcisDocument(eventList: unknown[]) {
  return {
    '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-03-01T09:00:00.000Z',
    epcisBody: { eventList },
  };
}

/** `count` commissioning events with serials S000001…, one pack each. */
export function commissioningDocument(count: number, serialPrefix = 'S') {
  const events = Array.from({ length: count }, (_, i) =>
    commissioningEvent(`${serialPrefix}${String(i + 1).padStart(6, '0')}`),
  );
  return epcisDocument(events);
}
