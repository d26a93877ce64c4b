/**
 * Rules between fields that the standard states per event type (EPCIS 2.0 section 7.4 and the anyOf
 * branches of its JSON schema). Runs on the raw input (for presence and list sizes) and the partly built
 * canonical event (for the type and action).
 */
import { EpcisProblemKind, type ProblemCollector } from './epcis.error';
import { pointerTo } from './json-pointer';
import type { EpcisEvent } from './model/epcis-event';

export function checkEventRules(
  event: Partial<EpcisEvent>,
  input: Record<string, unknown>,
  at: string,
  problems: ProblemCollector,
): void {
  // Judged on the input, so an invalid list item (reported already) does not also trip "list is empty".
  const has = (key: string): boolean => input[key] !== undefined;
  const nonEmpty = (key: string): boolean => {
    const value = input[key];
    return Array.isArray(value) && value.length > 0;
  };
  const rule = (field: string, reason: string): void =>
    problems.add(EpcisProblemKind.Rule, field === '' ? at : pointerTo(at, field), reason);
  const required = (field: string, reason: string): void =>
    problems.add(EpcisProblemKind.Required, pointerTo(at, field), reason);

  if (!has('eventTime')) required('eventTime', 'eventTime is required');
  if (!has('eventTimeZoneOffset')) required('eventTimeZoneOffset', 'eventTimeZoneOffset is required');
  const type = event.type;
  if (type === undefined) return;
  if (type !== 'TransformationEvent' && !has('action')) {
    required('action', `action (ADD, OBSERVE or DELETE) is required on ${type}`);
  }
  const action = event.action;
  switch (type) {
    case 'ObjectEvent': {
      const sensorOnly = has('sensorElementList') && has('readPoint');
      if (!has('epcList') && !has('quantityList') && !sensorOnly) {
        rule('', 'an ObjectEvent needs epcList, quantityList, or a sensorElementList with a readPoint');
      }
      if ((action === 'ADD' || action === 'DELETE') && !nonEmpty('epcList') && !nonEmpty('quantityList')) {
        rule(
          'epcList',
          `an ObjectEvent with action ${action} must name at least one EPC or quantity element`,
        );
      }
      if (has('ilmd') && action !== undefined && action !== 'ADD') {
        rule(
          'ilmd',
          `ilmd is only allowed when action is ADD (the objects are being created), not ${action}`,
        );
      }
      break;
    }
    case 'AggregationEvent':
    case 'AssociationEvent': {
      const parentNeeded = type === 'AssociationEvent' || action === 'ADD' || action === 'DELETE';
      if (parentNeeded && !has('parentID')) {
        required(
          'parentID',
          type === 'AssociationEvent'
            ? 'parentID is required on an AssociationEvent'
            : `parentID is required when action is ${action ?? 'ADD or DELETE'}`,
        );
      }
      if (action !== 'DELETE' && !nonEmpty('childEPCs') && !nonEmpty('childQuantityList')) {
        rule('childEPCs', `a ${type} with action ${action ?? '(none)'} needs childEPCs or childQuantityList`);
      }
      break;
    }
    case 'TransactionEvent': {
      if (!has('bizTransactionList')) required('bizTransactionList', 'bizTransactionList is required');
      else if (Array.isArray(input['bizTransactionList']) && !nonEmpty('bizTransactionList')) {
        rule('bizTransactionList', 'bizTransactionList may not be empty');
      }
      if (action !== 'DELETE' && !has('epcList') && !nonEmpty('quantityList')) {
        rule('epcList', `a TransactionEvent with action ${action ?? '(none)'} needs epcList or quantityList`);
      }
      break;
    }
    case 'TransformationEvent': {
      const inputs = nonEmpty('inputEPCList') || nonEmpty('inputQuantityList');
      const outputs = nonEmpty('outputEPCList') || nonEmpty('outputQuantityList');
      if (!(inputs && outputs) && !((inputs || outputs) && has('transformationID'))) {
        rule(
          '',
          'a TransformationEvent needs both inputs and outputs, or a transformationID with inputs or outputs',
        );
      }
      break;
    }
  }
}
