import { scanStepFor, type Device } from '../devices/device';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import type { EventTime } from '../shared/event-time';

/** The fields of a decoded barcode (libs/gs1 `ScanResult`) the mapper reads. */
export interface DecodedScan {
  readonly gtin?: string;
  readonly serial?: string;
  readonly lot?: string;
  /** ISO date YYYY-MM-DD. */
  readonly expiry?: string;
  readonly sscc?: string;
  /** SGTIN or SSCC URN when the company prefix is known. */
  readonly epc?: string;
  /** Canonical GS1 Digital Link, the fallback identifier when the prefix is not known here. */
  readonly digitalLink?: string;
}

/** An EPCIS 2.0 event as JSON, before the intake validates and normalises it. */
export type RawEpcisEvent = Record<string, unknown>;

/**
 * The one item a scan names: the logistic unit (SSCC) when there is one — the custody processor
 * applies it to everything packed inside — else the serialised pack (GTIN + serial). The EPC URN is
 * preferred; a Digital Link (which the intake converts) when the company prefix is unknown here.
 */
export function scannedItem(scan: DecodedScan): string {
  const [scheme, hasKey] = scan.sscc
    ? ['urn:epc:id:sscc:', true]
    : ['urn:epc:id:sgtin:', scan.gtin !== undefined && scan.serial !== undefined];
  if (!hasKey) {
    throw new EdgeError(
      EdgeErrorCode.NotAnItem,
      scan.gtin
        ? `the barcode has GTIN ${scan.gtin} but no serial number (AI 21): it names a product, not a pack`
        : 'the barcode names neither a serialised pack (AI 01 + 21) nor a logistic unit (AI 00)',
    );
  }
  if (scan.epc?.startsWith(scheme)) return scan.epc;
  if (scan.digitalLink) return scan.digitalLink;
  throw new EdgeError(
    EdgeErrorCode.NotAnItem,
    'the barcode could not be expressed as an EPC or a Digital Link',
  );
}

/**
 * Scan → EPCIS 2.0 ObjectEvent. Pure: the same device, scan and time always give the same event, so
 * a redelivered MQTT message gives the same event hash. The device's role fixes action, bizStep and
 * disposition (CBV 2.0); its location is the readPoint and, except when shipping, the bizLocation.
 */
export function mapScanEvent(device: Device, scan: DecodedScan, time: EventTime): RawEpcisEvent {
  const step = scanStepFor(device.role);
  if (!step) {
    throw new EdgeError(EdgeErrorCode.WrongChannelForRole, `a ${device.role} sends telemetry, not scans`);
  }
  const item = scannedItem(scan);
  const event: RawEpcisEvent = {
    type: 'ObjectEvent',
    eventTime: time.eventTime,
    eventTimeZoneOffset: time.eventTimeZoneOffset,
    epcList: [item],
    action: step.action,
    bizStep: step.bizStep,
    disposition: step.disposition,
    readPoint: { id: device.locationSgln },
  };
  if (step.withBizLocation) event['bizLocation'] = { id: device.locationSgln };
  if (step.withIlmd && !scan.sscc) {
    if (!scan.lot || !scan.expiry) {
      throw new EdgeError(
        EdgeErrorCode.MissingCommissioningData,
        'commissioning a pack needs its lot (AI 10) and expiry date (AI 17) in the barcode',
      );
    }
    event['ilmd'] = { 'cbvmda:lotNumber': scan.lot, 'cbvmda:itemExpirationDate': scan.expiry };
  }
  return event;
}
