/** sensorElementList: sensorMetadata and sensorReport objects (EPCIS 2.0 section 7.3.8). */
import type { VocabularyKind } from '../cbv-vocabulary';
import { EpcisProblemKind } from '../epcis.error';
import { isPlainObject, pointerTo, quote } from '../json-pointer';
import type { SensorElement, SensorMetadata, SensorReport } from '../model/epcis-event';
import { readExtensionField } from './extension-fields.reader';
import { readNumber, readTimestamp, readUri, readVocabulary } from './field-values.reader';
import { wrongType, type ReaderContext } from './reader-context';

type FieldKind = 'time' | 'uri' | 'number' | 'string' | 'boolean' | 'hex' | VocabularyKind;

export const SENSOR_METADATA_FIELDS: Readonly<Record<string, FieldKind>> = {
  time: 'time',
  startTime: 'time',
  endTime: 'time',
  deviceID: 'uri',
  deviceMetadata: 'uri',
  rawData: 'uri',
  dataProcessingMethod: 'uri',
  bizRules: 'uri',
};

export const SENSOR_REPORT_FIELDS: Readonly<Record<string, FieldKind>> = {
  type: 'measurementType',
  exception: 'sensorAlertType',
  deviceID: 'uri',
  deviceMetadata: 'uri',
  rawData: 'uri',
  dataProcessingMethod: 'uri',
  time: 'time',
  microorganism: 'uri',
  chemicalSubstance: 'uri',
  value: 'number',
  component: 'component',
  stringValue: 'string',
  booleanValue: 'boolean',
  hexBinaryValue: 'hex',
  uriValue: 'uri',
  minValue: 'number',
  maxValue: 'number',
  meanValue: 'number',
  sDev: 'number',
  percRank: 'number',
  percValue: 'number',
  uom: 'string',
  coordinateReferenceSystem: 'uri',
  bizRules: 'uri',
};

/** Fields that may be stated in the metadata or in a report of one element, but not in both (TCR-53). */
const SHARED_FIELDS = ['time', 'deviceID', 'deviceMetadata', 'rawData', 'dataProcessingMethod'] as const;

const HEX = /^[A-Fa-f0-9]+$/;

function readField(ctx: ReaderContext, kind: FieldKind, value: unknown, at: string): unknown {
  switch (kind) {
    case 'time':
      return readTimestamp(ctx, value, at);
    case 'uri':
      return readUri(ctx, value, at);
    case 'number':
      return readNumber(ctx, value, at);
    case 'string':
      if (typeof value === 'string') return value;
      wrongType(ctx, at, 'a string', value);
      return undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      wrongType(ctx, at, 'a boolean', value);
      return undefined;
    case 'hex':
      if (typeof value === 'string' && HEX.test(value)) return value;
      ctx.problems.add(EpcisProblemKind.Format, at, `not hexBinary: ${quote(value)}`);
      return undefined;
    default:
      return readVocabulary(ctx, kind, value, at);
  }
}

function readFields<T extends Record<string, unknown>>(
  ctx: ReaderContext,
  value: unknown,
  at: string,
  fields: Readonly<Record<string, FieldKind>>,
  where: string,
): T | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, `a ${where} object`, value);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  let extensions: Record<string, unknown> | undefined;
  for (const key in value) {
    const kind = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (kind === undefined) {
      extensions = readExtensionField(ctx, extensions, key, value[key], at, where);
      continue;
    }
    const read = readField(ctx, kind, value[key], pointerTo(at, key));
    if (read !== undefined) out[key] = read;
  }
  return (extensions === undefined ? out : Object.assign(out, extensions)) as T;
}

function readReport(ctx: ReaderContext, value: unknown, at: string): SensorReport | undefined {
  const report = readFields<SensorReport>(ctx, value, at, SENSOR_REPORT_FIELDS, 'sensorReport');
  if (report === undefined) return undefined;
  if (isPlainObject(value) && !('type' in value)) {
    ctx.problems.add(
      EpcisProblemKind.Required,
      pointerTo(at, 'type'),
      'type (the measurement type) is required',
    );
  }
  if (report.minValue !== undefined && report.maxValue !== undefined && report.minValue > report.maxValue) {
    ctx.problems.add(EpcisProblemKind.Rule, pointerTo(at, 'minValue'), 'minValue is greater than maxValue');
  }
  return report;
}

function readElement(ctx: ReaderContext, value: unknown, at: string): SensorElement | undefined {
  if (!isPlainObject(value)) {
    wrongType(ctx, at, 'a sensorElement object', value);
    return undefined;
  }
  let metadata: SensorMetadata | undefined;
  const reports: SensorReport[] = [];
  let extensions: Record<string, unknown> | undefined;
  for (const key in value) {
    const v = value[key];
    const keyAt = pointerTo(at, key);
    if (key === 'sensorMetadata') {
      metadata = readFields<SensorMetadata>(ctx, v, keyAt, SENSOR_METADATA_FIELDS, 'sensorMetadata');
    } else if (key === 'sensorReport') {
      if (!Array.isArray(v) || v.length === 0) {
        wrongType(ctx, keyAt, 'a non-empty array of sensorReport objects', v);
        continue;
      }
      for (let i = 0; i < v.length; i++) {
        const report = readReport(ctx, v[i], pointerTo(keyAt, i));
        if (report !== undefined) reports.push(report);
      }
    } else {
      extensions = readExtensionField(ctx, extensions, key, v, at, 'sensorElement');
    }
  }
  if (!('sensorReport' in value)) {
    ctx.problems.add(EpcisProblemKind.Required, pointerTo(at, 'sensorReport'), 'sensorReport is required');
  }
  if (metadata !== undefined) checkSharedFields(ctx, metadata, reports, at);
  if (reports.length === 0) return undefined;
  const element: SensorElement = { sensorReport: reports };
  if (metadata !== undefined && Object.keys(metadata).length > 0) element.sensorMetadata = metadata;
  return extensions === undefined ? element : Object.assign(element, extensions);
}

function checkSharedFields(
  ctx: ReaderContext,
  metadata: SensorMetadata,
  reports: SensorReport[],
  at: string,
): void {
  for (const field of SHARED_FIELDS) {
    if (metadata[field] === undefined) continue;
    const index = reports.findIndex((r) => r[field] !== undefined);
    if (index >= 0) {
      ctx.problems.add(
        EpcisProblemKind.Rule,
        pointerTo(pointerTo(pointerTo(at, 'sensorReport'), index), field),
        `${field} is given in sensorMetadata already; state it in one place only`,
      );
    }
  }
}

export function readSensorElementList(
  ctx: ReaderContext,
  value: unknown,
  at: string,
): SensorElement[] | undefined {
  if (!Array.isArray(value)) {
    wrongType(ctx, at, 'an array of sensorElement objects', value);
    return undefined;
  }
  const out: SensorElement[] = [];
  for (let i = 0; i < value.length; i++) {
    const element = readElement(ctx, value[i], pointerTo(at, i));
    if (element !== undefined) out.push(element);
  }
  return out.length > 0 ? out : undefined;
}
