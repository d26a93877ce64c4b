/**
 * sensorElementList in the pre-hash string: per element its sensorMetadata fields in canonical order,
 * then its sensorReports (each rendered in canonical order, then sorted among themselves), then element
 * extensions; user extensions inside metadata/report come after that object's standard fields.
 */
import type { VocabularyKind } from '../cbv-vocabulary';
import type { Namespaces } from '../json-ld-context';
import type { SensorElement } from '../model/epcis-event';
import { renderObject } from './extension-pre-hash';
import { preHashNumber, preHashTime, sortedJoin, type PreHashValues } from './pre-hash-values';

type Rendering = 'time' | 'text' | 'number' | 'boolean' | VocabularyKind;

/** Canonical property order of CBV 2.0 for sensorMetadata. */
const METADATA_ORDER: ReadonlyArray<[string, Rendering]> = [
  ['time', 'time'],
  ['startTime', 'time'],
  ['endTime', 'time'],
  ['deviceID', 'text'],
  ['deviceMetadata', 'text'],
  ['rawData', 'text'],
  ['dataProcessingMethod', 'text'],
  ['bizRules', 'text'],
];

/**
 * Canonical property order of CBV 2.0 for sensorReport. `bizRules` is allowed on a report by the EPCIS
 * JSON schema but missing from the CBV order; it is appended last so that it still changes the hash.
 */
const REPORT_ORDER: ReadonlyArray<[string, Rendering]> = [
  ['type', 'measurementType'],
  ['exception', 'sensorAlertType'],
  ['deviceID', 'text'],
  ['deviceMetadata', 'text'],
  ['rawData', 'text'],
  ['dataProcessingMethod', 'text'],
  ['time', 'time'],
  ['microorganism', 'text'],
  ['chemicalSubstance', 'text'],
  ['value', 'number'],
  ['component', 'component'],
  ['stringValue', 'text'],
  ['booleanValue', 'boolean'],
  ['hexBinaryValue', 'text'],
  ['uriValue', 'text'],
  ['minValue', 'number'],
  ['maxValue', 'number'],
  ['meanValue', 'number'],
  ['sDev', 'number'],
  ['percRank', 'number'],
  ['percValue', 'number'],
  ['uom', 'text'],
  ['coordinateReferenceSystem', 'text'],
  ['bizRules', 'text'],
];

const METADATA_KEYS = new Set(METADATA_ORDER.map(([k]) => k));
const REPORT_KEYS = new Set(REPORT_ORDER.map(([k]) => k));
const ELEMENT_KEYS = new Set(['sensorMetadata', 'sensorReport']);

function render(value: unknown, how: Rendering, v: PreHashValues): string | undefined {
  switch (how) {
    case 'time':
      return typeof value === 'string' ? preHashTime(value) : undefined;
    case 'number':
      return typeof value === 'number' ? preHashNumber(value) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'text':
      return typeof value === 'string' ? v.text(value) : undefined;
    default:
      return typeof value === 'string' ? v.vocabulary(how, value) : undefined;
  }
}

function renderOrdered(
  obj: Record<string, unknown>,
  order: ReadonlyArray<[string, Rendering]>,
  standard: ReadonlySet<string>,
  v: PreHashValues,
  ns: Namespaces | undefined,
): string {
  let text = '';
  for (const [key, how] of order) {
    const rendered = render(obj[key], how, v);
    if (rendered !== undefined) text += `${key}=${rendered}`;
  }
  return text + renderObject(obj, v, ns, (key) => !standard.has(key));
}

export function sensorElementListPreHash(
  list: SensorElement[],
  v: PreHashValues,
  ns: Namespaces | undefined,
): string {
  const elements = list.map((element) => {
    let text = 'sensorElement';
    if (element.sensorMetadata !== undefined) {
      const meta = renderOrdered(element.sensorMetadata, METADATA_ORDER, METADATA_KEYS, v, ns);
      if (meta !== '') text += `sensorMetadata${meta}`;
    }
    const reports = element.sensorReport.map(
      (report) => `sensorReport${renderOrdered(report, REPORT_ORDER, REPORT_KEYS, v, ns)}`,
    );
    text += sortedJoin(reports);
    return text + renderObject(element, v, ns, (key) => !ELEMENT_KEYS.has(key));
  });
  return `sensorElementList${sortedJoin(elements)}`;
}
