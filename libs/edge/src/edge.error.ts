/**
 * Stable reasons for everything the edge refuses: a device message it cannot turn into an event, or a
 * registry request it cannot honour. Values are sent to devices on their error topic and stored in
 * alerts, so they are a public contract: add, never rename.
 */
export enum EdgeErrorCode {
  /** The MQTT topic is not `pharmatrace/{gln}/devices/{deviceId}/{scans|telemetry}`. */
  InvalidTopic = 'INVALID_TOPIC',
  /** No device with this id in the registry. */
  UnknownDevice = 'UNKNOWN_DEVICE',
  /** The device exists but is disabled. */
  DeviceDisabled = 'DEVICE_DISABLED',
  /** The topic names a participant the device does not belong to. */
  TopicNotOwned = 'TOPIC_NOT_OWNED',
  /** The payload is empty, too large, not UTF-8, or JSON of the wrong shape. */
  InvalidPayload = 'INVALID_PAYLOAD',
  /** The timestamp is not ISO 8601 with a zone, nor milliseconds since the epoch. */
  InvalidTimestamp = 'INVALID_TIMESTAMP',
  /** libs/gs1 could not decode the barcode. */
  InvalidBarcode = 'INVALID_BARCODE',
  /** The barcode is valid but names no serialised item (GTIN + serial) nor logistic unit (SSCC). */
  NotAnItem = 'NOT_AN_ITEM',
  /** A commissioning scan without lot (AI 10) or expiry (AI 17). */
  MissingCommissioningData = 'MISSING_COMMISSIONING_DATA',
  /** The device's role does not send this kind of message (a logger scanning, for instance). */
  WrongChannelForRole = 'WRONG_CHANNEL_FOR_ROLE',
  /** The event intake refused the event (EPCIS validation). */
  EventRejected = 'EVENT_REJECTED',
  /** A registry request with missing or malformed fields. */
  InvalidRequest = 'INVALID_REQUEST',
  /** The location is not one of the participant's. */
  LocationNotOwned = 'LOCATION_NOT_OWNED',
  /** A device with this id already exists. */
  DeviceExists = 'DEVICE_EXISTS',
  /** No device with this id belongs to the caller. */
  DeviceNotFound = 'DEVICE_NOT_FOUND',
  /** The MQTT broker did not accept or confirm the device's login in time. */
  ProvisioningFailed = 'PROVISIONING_FAILED',
}

export interface EdgeProblem {
  /** JSON pointer into the request body or the device payload. */
  pointer: string;
  reason: string;
}

/** The one error type of the edge library. */
export class EdgeError extends Error {
  override readonly name = 'EdgeError';
  readonly details: EdgeProblem[] | undefined;

  constructor(
    readonly code: EdgeErrorCode,
    message: string,
    options?: { cause?: unknown; details?: EdgeProblem[] },
  ) {
    super(message, options);
    this.details = options?.details;
  }
}

export function isEdgeError(error: unknown): error is EdgeError {
  return error instanceof EdgeError;
}
