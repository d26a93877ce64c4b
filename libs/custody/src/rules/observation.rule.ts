import type { SensorReport } from '@pharmatrace/epcis';
import { cbvShortName } from '../identifiers/cbv-vocabulary';
import { isFinalStatus } from '../model/pack-state';
import type { StorageRange } from '../model/reference-data';
import type { WorkingSet } from '../engine/working-set';
import { masterDataMismatch, requirePack, statedMasterData } from './pack-guard.rule';

/**
 * Observation (inspecting, storing, holding, sensor_reporting, …): changes nothing, but an unknown
 * serial, stated master data that differs, or a destroyed or stolen object seen again are reported,
 * for the named objects and everything packed in them.
 */
export function applyObservation(ws: WorkingSet, listed: readonly string[]): void {
  const listedSet = new Set(listed);
  const stated = statedMasterData(ws.event);
  for (const epc of ws.expand(listed)) {
    const pack = requirePack(ws, epc, false);
    if (!pack) continue;
    if (listedSet.has(epc)) masterDataMismatch(ws, pack, stated, false);
    if (isFinalStatus(pack.status)) {
      ws.alert({
        code: 'EVENT_ON_FINAL_STATE',
        epc,
        blocking: false,
        detail: `object is ${pack.status} yet was observed`,
      });
    }
  }
}

/**
 * Cold chain: a sensor report with an ALARM_CONDITION exception, or a value outside a storage range of
 * the pack's product, raises COLD_CHAIN_EXCURSION on every object named and packed inside them.
 */
export function checkColdChain(ws: WorkingSet, listed: readonly string[]): void {
  const reports = (ws.event.sensorElementList ?? []).flatMap((element) => element.sensorReport);
  if (reports.length === 0) return;
  const alarm = reports.some((report) => cbvShortName(report.exception) === 'ALARM_CONDITION');
  const byGtin = new Map<string, string | undefined>();
  for (const epc of ws.expand(listed)) {
    const pack = ws.pack(epc);
    if (!pack) continue;
    let reason: string | undefined = alarm ? 'a sensor reported ALARM_CONDITION' : undefined;
    if (reason === undefined && pack.kind === 'item') {
      if (!byGtin.has(pack.gtin))
        byGtin.set(pack.gtin, outOfRange(reports, ws.input.products.get(pack.gtin)?.storage));
      reason = byGtin.get(pack.gtin);
    }
    if (reason !== undefined)
      ws.alert({ code: 'COLD_CHAIN_EXCURSION', epc, blocking: false, detail: reason });
  }
}

function outOfRange(
  reports: readonly SensorReport[],
  ranges: readonly StorageRange[] | undefined,
): string | undefined {
  for (const range of ranges ?? []) {
    for (const report of reports) {
      if (report.type === undefined || cbvShortName(report.type) !== cbvShortName(range.type)) continue;
      if (range.uom !== undefined && report.uom !== undefined && range.uom !== report.uom) continue;
      for (const value of [report.value, report.minValue, report.maxValue, report.meanValue]) {
        if (value === undefined) continue;
        if (
          (range.min !== undefined && value < range.min) ||
          (range.max !== undefined && value > range.max)
        ) {
          return `${range.type} ${value}${report.uom ?? ''} outside ${range.min ?? '-∞'}..${range.max ?? '+∞'}`;
        }
      }
    }
  }
  return undefined;
}
