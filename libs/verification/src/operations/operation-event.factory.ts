import {
  bizStepFor,
  dispositionFor,
  EXPIRY_KEY,
  LOT_KEY,
  type DecommissionStatus,
} from '@pharmatrace/custody';

/** The decommissions `POST /v1/decommission` accepts (dispensing has its own endpoint). */
export const DECOMMISSION_REASONS = [
  'destroyed',
  'exported',
  'sample',
  'free_sample',
  'stolen',
  'locked',
] as const;
export type DecommissionReason = (typeof DECOMMISSION_REASONS)[number];

export type OperationKind = 'decommission' | 'undo';

/** A state change the verification API performs: decommission as `status`, or undo that decommission. */
export interface Operation {
  readonly kind: OperationKind;
  readonly status: DecommissionStatus;
}

export const DISPENSE: Operation = { kind: 'decommission', status: 'dispensed' };
export const UNDO_DISPENSE: Operation = { kind: 'undo', status: 'dispensed' };

export function operationName(operation: Operation): string {
  const base = operation.status === 'dispensed' ? 'dispense' : `decommission:${operation.status}`;
  return operation.kind === 'undo' ? `${base}:undo` : base;
}

export interface OperationEventInput {
  readonly operation: Operation;
  readonly epc: string;
  readonly eventId: string;
  /** ISO 8601 UTC, from the platform clock. */
  readonly eventTime: string;
  /** SGLN of the premises. */
  readonly location?: string;
  /** Lot and expiry read from the pack; the custody rules compare them with the commissioned ones. */
  readonly stated: { readonly lot?: string; readonly expiry?: string };
}

/**
 * The EPCIS 2.0 ObjectEvent for an operation, following the custody library's conventions: a
 * decommission carries the disposition of its status; an undo carries disposition `active` and
 * `persistentDisposition.unset` naming the decommission it reverses, so it can never reverse another.
 * Lot and expiry go as top-level extension fields (ILMD is for commissioning only).
 */
export function operationEvent(input: OperationEventInput): Record<string, unknown> {
  const { operation, location, stated } = input;
  const disposition = dispositionFor(operation.status);
  return {
    type: 'ObjectEvent',
    eventID: input.eventId,
    eventTime: input.eventTime,
    eventTimeZoneOffset: '+00:00',
    epcList: [input.epc],
    action: 'OBSERVE',
    bizStep: bizStepFor(operation.status),
    disposition: operation.kind === 'undo' ? 'active' : disposition,
    ...(operation.kind === 'undo' && { persistentDisposition: { unset: [disposition] } }),
    ...(location !== undefined && { readPoint: { id: location }, bizLocation: { id: location } }),
    ...(stated.lot !== undefined && { [LOT_KEY]: stated.lot }),
    ...(stated.expiry !== undefined && { [EXPIRY_KEY]: stated.expiry }),
  };
}
