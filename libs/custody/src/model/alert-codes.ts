/**
 * Stable alert codes. The string values are a public contract (stored, filtered on, shown in the
 * console): never rename one, only add. Where the EU NMVS defines an equivalent, it is given alongside.
 */
export const ALERT_CODES = [
  'UNKNOWN_PRODUCT',
  'UNKNOWN_SERIAL',
  'LOT_MISMATCH',
  'EXPIRY_MISMATCH',
  'ALREADY_DECOMMISSIONED',
  'NOT_CUSTODIAN',
  'RECEIVE_WITHOUT_SHIPMENT',
  'RECEIVER_MISMATCH',
  'MISSING_ITEMS',
  'UNEXPECTED_ITEMS',
  'DUPLICATE_COMMISSIONING',
  'NOT_BRAND_OWNER',
  'RECALLED',
  'WITHDRAWN',
  'EXPIRED',
  'COLD_CHAIN_EXCURSION',
  'TAMPERED',
  'UNDO_WINDOW_EXPIRED',
  'UNDO_BY_OTHER_PARTICIPANT',
  'UNDO_AT_OTHER_LOCATION',
  'UNDO_NOT_ALLOWED',
  'EVENT_ON_FINAL_STATE',
  'CORRECTION_CONFLICT',
  'NOT_AUTHORISED',
  'LOCATION_NOT_OWNED',
  'UNKNOWN_DESTINATION',
  'AGGREGATION_CONFLICT',
  'AGGREGATION_CYCLE',
  'INVALID_TRANSITION',
  'INVALID_EVENT',
  'UNSUPPORTED_EVENT',
] as const;
export type AlertCode = (typeof ALERT_CODES)[number];

export type AlertSeverity = 'info' | 'warning' | 'error' | 'critical';

export interface AlertDefinition {
  readonly severity: AlertSeverity;
  /** The NMVS-style code with the same meaning, when there is one. */
  readonly nmvsCode?: string;
  readonly summary: string;
}

/** One entry per code; the Record type makes a missing entry a compile error. */
export const ALERT_DEFINITIONS: Readonly<Record<AlertCode, AlertDefinition>> = {
  UNKNOWN_PRODUCT: {
    severity: 'error',
    nmvsCode: 'NMVS_NC_PC_01',
    summary: 'GTIN unknown to the product master',
  },
  UNKNOWN_SERIAL: {
    severity: 'critical',
    nmvsCode: 'NMVS_NC_PC_02',
    summary: 'serial number never commissioned',
  },
  LOT_MISMATCH: {
    severity: 'critical',
    nmvsCode: 'NMVS_FE_LOT_13',
    summary: 'lot differs from the commissioned one',
  },
  EXPIRY_MISMATCH: {
    severity: 'critical',
    nmvsCode: 'NMVS_FE_LOT_12',
    summary: 'expiry differs from the commissioned one',
  },
  ALREADY_DECOMMISSIONED: {
    severity: 'error',
    nmvsCode: 'NMVS_NC_PCK_19',
    summary: 'pack already decommissioned (PCK_19 same status, PCK_22 another inactive status)',
  },
  NOT_CUSTODIAN: { severity: 'error', summary: 'only the current custodian may do this' },
  RECEIVE_WITHOUT_SHIPMENT: { severity: 'warning', summary: 'receipt of a pack with no open shipment' },
  RECEIVER_MISMATCH: { severity: 'error', summary: 'pack was shipped to another participant' },
  MISSING_ITEMS: { severity: 'warning', summary: 'shipped pack not in the receipt' },
  UNEXPECTED_ITEMS: { severity: 'warning', summary: 'received pack was not in the shipment' },
  DUPLICATE_COMMISSIONING: { severity: 'critical', summary: 'serial number already commissioned' },
  NOT_BRAND_OWNER: { severity: 'critical', summary: 'only the brand owner may do this' },
  RECALLED: { severity: 'error', summary: 'the lot is recalled' },
  WITHDRAWN: { severity: 'error', summary: 'the product is withdrawn' },
  EXPIRED: { severity: 'error', summary: 'the pack is past its expiry date' },
  COLD_CHAIN_EXCURSION: { severity: 'warning', summary: 'storage condition out of range' },
  TAMPERED: { severity: 'critical', summary: 'off-chain record no longer matches its ledger hash' },
  UNDO_WINDOW_EXPIRED: {
    severity: 'error',
    nmvsCode: 'NMVS_NC_PCK_20',
    summary: 'undo more than 10 days after decommissioning',
  },
  UNDO_BY_OTHER_PARTICIPANT: {
    severity: 'error',
    nmvsCode: 'NMVS_NC_PCK_21',
    summary: 'undo by a participant other than the one who decommissioned',
  },
  UNDO_AT_OTHER_LOCATION: {
    severity: 'error',
    summary: 'undo at premises other than those of the decommissioning',
  },
  UNDO_NOT_ALLOWED: {
    severity: 'error',
    summary: 'undo refused: final, not decommissioned, or expired, recalled or withdrawn',
  },
  EVENT_ON_FINAL_STATE: {
    severity: 'critical',
    nmvsCode: 'NMVS_NC_PCK_22',
    summary: 'event on a destroyed or stolen pack',
  },
  CORRECTION_CONFLICT: {
    severity: 'error',
    summary: 'error declaration cannot be applied: a later event changed the state',
  },
  NOT_AUTHORISED: { severity: 'error', summary: 'participant unknown or not entitled' },
  LOCATION_NOT_OWNED: { severity: 'error', summary: 'event location belongs to another participant' },
  UNKNOWN_DESTINATION: {
    severity: 'error',
    summary: 'shipment destination cannot be resolved to a participant',
  },
  AGGREGATION_CONFLICT: { severity: 'error', summary: 'child is packed elsewhere or not in this parent' },
  AGGREGATION_CYCLE: { severity: 'error', summary: 'packing would make a container contain itself' },
  INVALID_TRANSITION: { severity: 'error', summary: 'operation not allowed in the current status' },
  INVALID_EVENT: { severity: 'error', summary: 'event lacks data the operation needs' },
  UNSUPPORTED_EVENT: { severity: 'info', summary: 'event not mapped to a custody operation' },
};

/**
 * A finding about one event. `blocking` means the change the event asked for was refused for `epc`
 * (or for the whole event when `epc` is absent); the event itself is still a stored fact.
 */
export interface Alert {
  readonly code: AlertCode;
  readonly nmvsCode?: string;
  readonly severity: AlertSeverity;
  readonly blocking: boolean;
  /** Human text naming the event id and, when there is one, the EPC. */
  readonly message: string;
  readonly epc?: string;
  /** The event (or command) id the alert is about. */
  readonly eventId: string;
  /** GLN of the participant whose event or command raised it. */
  readonly participant: string;
}

export interface AlertSpec {
  readonly code: AlertCode;
  readonly epc?: string;
  readonly blocking: boolean;
  /** What happened, without the ids: they are appended. */
  readonly detail: string;
  /** Overrides the code's default NMVS code (ALREADY_DECOMMISSIONED distinguishes PCK_19 and PCK_22). */
  readonly nmvsCode?: string;
}

export function buildAlert(spec: AlertSpec, eventId: string, participant: string): Alert {
  const definition = ALERT_DEFINITIONS[spec.code];
  const nmvsCode = spec.nmvsCode ?? definition.nmvsCode;
  const subject = spec.epc === undefined ? `event ${eventId}` : `event ${eventId}, ${spec.epc}`;
  return {
    code: spec.code,
    ...(nmvsCode !== undefined && { nmvsCode }),
    severity: definition.severity,
    blocking: spec.blocking,
    message: `${spec.detail} (${subject})`,
    ...(spec.epc !== undefined && { epc: spec.epc }),
    eventId,
    participant,
  };
}
