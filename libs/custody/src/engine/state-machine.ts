import type { ApplyEventInput, CustodyOutcome, EventOperation } from '../model/custody-outcome';
import { applyPacking, applyUnpacking } from '../rules/aggregation.rule';
import { applyCommissioning } from '../rules/commissioning.rule';
import { keepContainmentConsistent } from '../rules/containment.rule';
import { applyCorrection } from '../rules/correction.rule';
import { applyDecommission } from '../rules/decommission.rule';
import { applyShipping, applyVoidShipping } from '../rules/handoff.rule';
import { applyObservation, checkColdChain } from '../rules/observation.rule';
import { applyReceiving } from '../rules/receiving.rule';
import { applyUndo } from '../rules/undo.rule';
import type { ClassifiedEvent } from './event-classifier';
import { classifyEvent, subjectEpcs } from './event-classifier';
import { buildOutcome } from './outcome.builder';
import { WorkingSet } from './working-set';

/**
 * Applies one EPCIS event to the custody state. Pure and deterministic: the result depends only on the
 * input, which the caller loads beforehand (requiredPacks, requiredHandoffs, requiredReferenceData)
 * and then writes back in one transaction. Alerts never stop other objects of the same event: each
 * object either makes its transition or stays as it was with a blocking alert.
 *
 * @throws CustodyInputError only when the input breaks the loading contract.
 */
export function applyEvent(input: ApplyEventInput): CustodyOutcome {
  const ws = new WorkingSet(input);
  const classified = classifyEvent(input.event);
  const operation: EventOperation = classified.op;
  if (!input.directory.participant(input.capturedBy)) {
    ws.alert({
      code: 'NOT_AUTHORISED',
      blocking: true,
      detail: `${input.capturedBy} is not a known participant`,
    });
    return buildOutcome(ws, operation);
  }
  if (recordsCustodyAtLocation(classified) && locationOfAnother(ws)) return buildOutcome(ws, operation);
  dispatch(ws, classified);
  keepContainmentConsistent(ws);
  if (input.event.sensorElementList !== undefined) checkColdChain(ws, subjectEpcs(classified));
  return buildOutcome(ws, operation);
}

function dispatch(ws: WorkingSet, classified: ClassifiedEvent): void {
  switch (classified.op) {
    case 'commission':
      return applyCommissioning(ws, classified.epcs);
    case 'aggregate':
      return applyPacking(ws, classified.parent, classified.children);
    case 'disaggregate':
      return applyUnpacking(ws, classified.parent, classified.children);
    case 'ship':
      return applyShipping(ws, classified.epcs);
    case 'void_shipping':
      return applyVoidShipping(ws, classified.epcs);
    case 'receive':
      return applyReceiving(ws, classified.epcs);
    case 'decommission':
      return applyDecommission(ws, classified.epcs, classified.status);
    case 'undo':
      return applyUndo(ws, classified.epcs, classified.status);
    case 'observe':
      return applyObservation(ws, classified.epcs);
    case 'correction':
      return applyCorrection(ws);
    case 'ignored':
      if (classified.unsupported !== undefined) {
        ws.alert({ code: 'UNSUPPORTED_EVENT', blocking: false, detail: classified.unsupported });
      }
      return;
  }
}

/** Operations that record where the participant is: that place must not belong to someone else. */
function recordsCustodyAtLocation(classified: ClassifiedEvent): boolean {
  switch (classified.op) {
    case 'commission':
    case 'receive':
    case 'decommission':
    case 'undo':
      return true;
    case 'aggregate':
    case 'disaggregate':
    case 'ship':
    case 'void_shipping':
    case 'observe':
    case 'correction':
    case 'ignored':
      return false;
  }
}

/** LOCATION_NOT_OWNED when the directory says the event's location is another participant's. */
function locationOfAnother(ws: WorkingSet): boolean {
  if (ws.location === undefined) return false;
  const owner = ws.directory.ownerOfLocation(ws.location);
  if (!owner || owner.gln === ws.capturedBy) return false;
  ws.alert({
    code: 'LOCATION_NOT_OWNED',
    blocking: true,
    detail: `${ws.location} belongs to ${owner.gln}, not to ${ws.capturedBy}`,
  });
  return true;
}
