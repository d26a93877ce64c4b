import {
  association,
  commissioning,
  options,
  packing,
  shipping,
  transaction,
  transformation,
} from './__fixtures__/pharma-events';
import { rejects, without } from './__fixtures__/rejections';
import { EpcisProblemKind } from './epcis.error';
import { normaliseEvent } from './event.normaliser';

describe('normaliseEvent rejects what the standard requires or forbids per event type', () => {
  it('a missing eventTime', () => {
    rejects(
      without(shipping(), 'eventTime'),
      '/eventTime',
      EpcisProblemKind.Required,
      /eventTime is required/,
    );
  });

  it('a missing eventTimeZoneOffset', () => {
    rejects(
      without(shipping(), 'eventTimeZoneOffset'),
      '/eventTimeZoneOffset',
      EpcisProblemKind.Required,
      /required/,
    );
  });

  it('an offset not of the form ±HH:MM', () => {
    rejects(
      { ...shipping(), eventTimeZoneOffset: '+1:00' },
      '/eventTimeZoneOffset',
      EpcisProblemKind.Format,
      /±HH:MM/,
    );
    rejects(
      { ...shipping(), eventTimeZoneOffset: '+14:30' },
      '/eventTimeZoneOffset',
      EpcisProblemKind.Format,
      /±HH:MM/,
    );
  });

  it('an eventTime without a time zone, or not a date-time at all', () => {
    rejects(
      { ...shipping(), eventTime: '2024-03-02T06:00:00' },
      '/eventTime',
      EpcisProblemKind.Format,
      /time zone/,
    );
    rejects(
      { ...shipping(), eventTime: '2024-02-30T06:00:00Z' },
      '/eventTime',
      EpcisProblemKind.Format,
      /ISO 8601/,
    );
    rejects(
      { ...shipping(), eventTime: 1709359200000 },
      '/eventTime',
      EpcisProblemKind.Type,
      /date-time string, got number/,
    );
  });

  it('a missing type, or an event type that is not one of the five', () => {
    rejects(without(shipping(), 'type'), '/type', EpcisProblemKind.Required, /type/);
    rejects(
      { ...shipping(), type: 'QuantityEvent' },
      '/type',
      EpcisProblemKind.Vocabulary,
      /unsupported event type/,
    );
  });

  it('a missing action on an ObjectEvent', () => {
    rejects(
      without(shipping(), 'action'),
      '/action',
      EpcisProblemKind.Required,
      /action .* is required on ObjectEvent/,
    );
  });

  it('an action that is not ADD, OBSERVE or DELETE', () => {
    rejects(
      { ...shipping(), action: 'observe' },
      '/action',
      EpcisProblemKind.Vocabulary,
      /ADD, OBSERVE or DELETE/,
    );
  });

  it('an action on a TransformationEvent', () => {
    rejects(
      { ...transformation(), action: 'ADD' },
      '/action',
      EpcisProblemKind.Forbidden,
      /not allowed on TransformationEvent/,
    );
  });

  it('ilmd on an AggregationEvent', () => {
    rejects(
      { ...packing(), ilmd: {} },
      '/ilmd',
      EpcisProblemKind.Forbidden,
      /not allowed on AggregationEvent/,
    );
  });

  it('ilmd on an ObjectEvent whose action is not ADD', () => {
    rejects(
      { ...commissioning(), action: 'OBSERVE' },
      '/ilmd',
      EpcisProblemKind.Rule,
      /only allowed when action is ADD/,
    );
  });

  it('an ObjectEvent ADD that names no object', () => {
    rejects(
      { ...commissioning(), epcList: [] },
      '/epcList',
      EpcisProblemKind.Rule,
      /at least one EPC or quantity/,
    );
  });

  it('an ObjectEvent with neither epcList, quantityList nor sensor data', () => {
    rejects(without(shipping(), 'epcList'), '', EpcisProblemKind.Rule, /needs epcList, quantityList/);
  });

  it('an AggregationEvent ADD or DELETE without parentID', () => {
    rejects(
      without(packing(), 'parentID'),
      '/parentID',
      EpcisProblemKind.Required,
      /required when action is ADD/,
    );
    rejects(
      { ...without(packing(), 'parentID'), action: 'DELETE' },
      '/parentID',
      EpcisProblemKind.Required,
      /DELETE/,
    );
    expect(() =>
      normaliseEvent({ ...without(packing(), 'parentID'), action: 'OBSERVE' }, options),
    ).not.toThrow();
  });

  it('an AggregationEvent ADD without children', () => {
    rejects(
      without(packing(), 'childEPCs'),
      '/childEPCs',
      EpcisProblemKind.Rule,
      /needs childEPCs or childQuantityList/,
    );
  });

  it('an AssociationEvent without parentID, whatever the action', () => {
    rejects(
      { ...without(association(), 'parentID'), action: 'OBSERVE' },
      '/parentID',
      EpcisProblemKind.Required,
      /AssociationEvent/,
    );
  });

  it('a TransactionEvent without bizTransactionList', () => {
    rejects(
      without(transaction(), 'bizTransactionList'),
      '/bizTransactionList',
      EpcisProblemKind.Required,
      /required/,
    );
  });

  it('a TransformationEvent with inputs only and no transformationID', () => {
    rejects(without(transformation(), 'outputEPCList'), '', EpcisProblemKind.Rule, /both inputs and outputs/);
  });
});
