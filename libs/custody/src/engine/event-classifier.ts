import type { EpcisEvent } from '@pharmatrace/epcis';
import {
  cbvShortName,
  decommissionForBizStep,
  decommissionForDisposition,
} from '../identifiers/cbv-vocabulary';
import type { DecommissionStatus } from '../model/pack-state';
import { sortedUnique } from '../util/sorted';

/**
 * What an event means for custody, decided once from its type, action, disposition and bizStep.
 * `epcs` are the objects the event names (sorted, unique), before aggregation inference.
 */
export type ClassifiedEvent =
  | { readonly op: 'commission'; readonly epcs: readonly string[] }
  | { readonly op: 'aggregate'; readonly parent: string | undefined; readonly children: readonly string[] }
  | {
      readonly op: 'disaggregate';
      readonly parent: string | undefined;
      /** Undefined: every child of the parent. */
      readonly children: readonly string[] | undefined;
    }
  | { readonly op: 'ship' | 'void_shipping' | 'receive' | 'observe'; readonly epcs: readonly string[] }
  | {
      readonly op: 'decommission' | 'undo';
      readonly status: DecommissionStatus;
      readonly epcs: readonly string[];
    }
  | { readonly op: 'correction' }
  | { readonly op: 'ignored'; readonly unsupported: string | undefined };

export function classifyEvent(event: EpcisEvent): ClassifiedEvent {
  if (event.errorDeclaration) return { op: 'correction' };
  switch (event.type) {
    case 'ObjectEvent':
      return classifyObjectLike(event, event.epcList ?? []);
    case 'AggregationEvent':
      return classifyAggregation(event);
    case 'TransactionEvent':
    case 'TransformationEvent':
    case 'AssociationEvent':
      return { op: 'ignored', unsupported: undefined };
  }
}

/** The objects named by an event, for cold-chain checks and loading. */
export function subjectEpcs(classified: ClassifiedEvent): readonly string[] {
  switch (classified.op) {
    case 'aggregate':
    case 'disaggregate':
      return sortedUnique([
        ...(classified.parent === undefined ? [] : [classified.parent]),
        ...(classified.children ?? []),
      ]);
    case 'correction':
    case 'ignored':
      return [];
    case 'commission':
    case 'ship':
    case 'void_shipping':
    case 'receive':
    case 'observe':
    case 'decommission':
    case 'undo':
      return classified.epcs;
  }
}

function classifyAggregation(event: EpcisEvent): ClassifiedEvent {
  const children = event.childEPCs ?? [];
  switch (event.action) {
    case 'ADD':
      return { op: 'aggregate', parent: event.parentID, children: sortedUnique(children) };
    case 'DELETE':
      return {
        op: 'disaggregate',
        parent: event.parentID,
        children: children.length > 0 ? sortedUnique(children) : undefined,
      };
    case 'OBSERVE':
    case undefined:
      // An observed aggregation (e.g. a pallet shipped with its content listed) acts on parent and children.
      return classifyObjectLike(event, [
        ...(event.parentID === undefined ? [] : [event.parentID]),
        ...children,
      ]);
  }
}

function classifyObjectLike(event: EpcisEvent, listed: readonly string[]): ClassifiedEvent {
  const epcs = sortedUnique(listed);
  const bizStep = cbvShortName(event.bizStep);
  if (event.type === 'ObjectEvent' && event.action === 'ADD') {
    if (bizStep === undefined || bizStep === 'commissioning') return { op: 'commission', epcs };
    return { op: 'ignored', unsupported: `ADD with bizStep ${bizStep} is not a commissioning` };
  }
  const undone = undoTarget(event);
  if (undone) return { op: 'undo', status: undone, epcs };
  const byDisposition = decommissionForDisposition(event.disposition);
  if (byDisposition) return { op: 'decommission', status: byDisposition, epcs };
  switch (bizStep) {
    case 'shipping':
      return { op: 'ship', epcs };
    case 'receiving':
      return { op: 'receive', epcs };
    case 'void_shipping':
      return { op: 'void_shipping', epcs };
    default:
      break;
  }
  const byBizStep = event.disposition === undefined ? decommissionForBizStep(bizStep) : undefined;
  if (byBizStep) return { op: 'decommission', status: byBizStep, epcs };
  if (event.action === 'DELETE') {
    return { op: 'ignored', unsupported: 'DELETE without a disposition naming the decommission' };
  }
  return { op: 'observe', epcs };
}

/**
 * The undo convention: disposition `active` and persistentDisposition.unset naming the decommission
 * disposition being reversed (`dispensed`, `urn:pharmatrace:disp:exported`, …).
 */
function undoTarget(event: EpcisEvent): DecommissionStatus | undefined {
  if (cbvShortName(event.disposition) !== 'active') return undefined;
  for (const value of event.persistentDisposition?.unset ?? []) {
    const status = decommissionForDisposition(value);
    if (status) return status;
  }
  return undefined;
}
