import type { EpcisEvent } from '@pharmatrace/epcis';
import { parseSerialisedUrn } from '../identifiers/epc-urn';
import type { CorrectionRecord } from '../model/custody-outcome';
import type { PackState } from '../model/pack-state';
import { lotKey } from '../model/reference-data';
import { sortedUnique } from '../util/sorted';
import { classifyEvent } from './event-classifier';

/**
 * What the caller must load before applyEvent, declaratively: `epcs` themselves, plus every descendant
 * of `withDescendants` in the aggregation tree (a recursive query on the link table).
 */
export interface PackRequirement {
  readonly epcs: readonly string[];
  readonly withDescendants: readonly string[];
}

export function packRequirement(event: EpcisEvent, correction?: CorrectionRecord): PackRequirement {
  const classified = classifyEvent(event);
  switch (classified.op) {
    case 'correction': {
      // The restored objects, their former parents (to re-link) and their descendants (to unlink).
      const restored = (correction?.packs ?? []).map((change) => change.epc);
      const parents = (correction?.packs ?? []).flatMap((change) => change.before?.parent ?? []);
      return { epcs: sortedUnique([...restored, ...parents]), withDescendants: sortedUnique(restored) };
    }
    case 'commission':
      return { epcs: classified.epcs, withDescendants: [] };
    case 'aggregate': {
      const parent = classified.parent === undefined ? [] : [classified.parent];
      // The children's subtrees: packing a child into its own descendant would make a cycle.
      return {
        epcs: sortedUnique([...parent, ...classified.children]),
        withDescendants: classified.children,
      };
    }
    case 'disaggregate': {
      const parent = classified.parent === undefined ? [] : [classified.parent];
      if (classified.children)
        return { epcs: sortedUnique([...parent, ...classified.children]), withDescendants: [] };
      return { epcs: parent, withDescendants: parent };
    }
    case 'ship':
    case 'void_shipping':
    case 'receive':
    case 'decommission':
    case 'undo':
    case 'observe':
      return { epcs: classified.epcs, withDescendants: classified.epcs };
    case 'ignored':
      return { epcs: [], withDescendants: [] };
  }
}

/** Read access to the stored aggregation links. */
export interface AggregationLinkReader {
  childrenOf(epc: string): Iterable<string>;
}

/** The full, sorted set of EPCs to load, resolving descendants through `links`. */
export function requiredPacks(
  event: EpcisEvent,
  links: AggregationLinkReader,
  correction?: CorrectionRecord,
): string[] {
  const requirement = packRequirement(event, correction);
  const required = new Set<string>(requirement.epcs);
  const queue = [...requirement.withDescendants];
  const expanded = new Set<string>(queue);
  for (let i = 0; i < queue.length; i++) {
    for (const child of links.childrenOf(queue[i] as string)) {
      required.add(child);
      if (expanded.has(child)) continue;
      expanded.add(child);
      queue.push(child);
    }
  }
  return sortedUnique(required);
}

/** Handoffs to load once the packs are loaded: those the packs are in transit under, and a correction's. */
export function requiredHandoffs(
  packs: ReadonlyMap<string, PackState>,
  correction?: CorrectionRecord,
): string[] {
  const ids: string[] = [];
  for (const pack of packs.values()) if (pack.inTransit) ids.push(pack.inTransit.shipmentEventId);
  for (const change of correction?.handoffs ?? []) ids.push(change.id);
  return sortedUnique(ids);
}

/** Products (GTIN-14) and lots (lotKey) to load: those of the loaded items and of SGTINs the event names. */
export function requiredReferenceData(
  event: EpcisEvent,
  packs: ReadonlyMap<string, PackState>,
): { readonly gtins: readonly string[]; readonly lots: readonly string[] } {
  const gtins: string[] = [];
  const lots: string[] = [];
  for (const pack of packs.values()) {
    if (pack.kind !== 'item') continue;
    gtins.push(pack.gtin);
    lots.push(lotKey(pack.gtin, pack.lot));
  }
  for (const epc of [...(event.epcList ?? []), ...(event.childEPCs ?? [])]) {
    const id = parseSerialisedUrn(epc);
    if (id?.scheme === 'sgtin') gtins.push(id.gtin);
  }
  return { gtins: sortedUnique(gtins), lots: sortedUnique(lots) };
}
