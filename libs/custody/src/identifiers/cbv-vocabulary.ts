import type { DecommissionStatus } from '../model/pack-state';

/**
 * CBV terms as this library reads them. The EPCIS library normalises standard terms to short names;
 * the full forms are still accepted here so a value that slipped through un-normalised means the same.
 */
const CBV_PREFIXES = [
  'https://ref.gs1.org/cbv/BizStep-',
  'https://ref.gs1.org/cbv/Disp-',
  'urn:epcglobal:cbv:bizstep:',
  'urn:epcglobal:cbv:disp:',
  'https://ref.gs1.org/cbv/SDT-',
  'urn:epcglobal:cbv:sdt:',
  'https://gs1.org/voc/SensorAlertType-',
  'https://gs1.org/voc/',
  'gs1:SensorAlertType-',
  'gs1:',
];

export function cbvShortName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  for (const prefix of CBV_PREFIXES) {
    if (value.startsWith(prefix)) return value.slice(prefix.length);
  }
  return value;
}

/**
 * Dispositions for the NMVS states CBV 2.0 has no term for. They are URIs, so the normaliser keeps
 * them verbatim.
 */
export const PHARMATRACE_DISPOSITIONS = {
  exported: 'urn:pharmatrace:disp:exported',
  sample: 'urn:pharmatrace:disp:sample',
  free_sample: 'urn:pharmatrace:disp:free_sample',
  locked: 'urn:pharmatrace:disp:locked',
} as const;

/** Disposition → the decommission it means. Checked before the bizStep. */
const DISPOSITION_DECOMMISSION: ReadonlyMap<string, DecommissionStatus> = new Map<string, DecommissionStatus>(
  [
    ['dispensed', 'dispensed'],
    ['partially_dispensed', 'dispensed'],
    ['destroyed', 'destroyed'],
    ['stolen', 'stolen'],
    [PHARMATRACE_DISPOSITIONS.exported, 'exported'],
    [PHARMATRACE_DISPOSITIONS.sample, 'sample'],
    [PHARMATRACE_DISPOSITIONS.free_sample, 'free_sample'],
    [PHARMATRACE_DISPOSITIONS.locked, 'locked'],
  ],
);

/** BizStep → decommission, used only when the event has no disposition at all. */
const BIZSTEP_DECOMMISSION: ReadonlyMap<string, DecommissionStatus> = new Map<string, DecommissionStatus>([
  ['dispensing', 'dispensed'],
  ['destroying', 'destroyed'],
  ['sampling', 'sample'],
]);

export function decommissionForDisposition(disposition: string | undefined): DecommissionStatus | undefined {
  const short = cbvShortName(disposition);
  return short === undefined ? undefined : DISPOSITION_DECOMMISSION.get(short);
}

export function decommissionForBizStep(bizStep: string | undefined): DecommissionStatus | undefined {
  const short = cbvShortName(bizStep);
  return short === undefined ? undefined : BIZSTEP_DECOMMISSION.get(short);
}

/** The disposition a decommission status is written with (the inverse of the table, for event builders). */
export function dispositionFor(status: DecommissionStatus): string {
  switch (status) {
    case 'dispensed':
    case 'destroyed':
    case 'stolen':
      return status;
    case 'exported':
    case 'sample':
    case 'free_sample':
    case 'locked':
      return PHARMATRACE_DISPOSITIONS[status];
  }
}

/** The bizStep a decommission is written with (the step CBV names for it, else `decommissioning`). */
export function bizStepFor(status: DecommissionStatus): string {
  switch (status) {
    case 'dispensed':
      return 'dispensing';
    case 'destroyed':
      return 'destroying';
    case 'sample':
      return 'sampling';
    case 'stolen':
    case 'exported':
    case 'free_sample':
    case 'locked':
      return 'decommissioning';
  }
}
