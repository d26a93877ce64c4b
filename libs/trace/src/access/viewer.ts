import type { Participant } from '@pharmatrace/auth';
import { locationGln, parseSerialisedUrn } from '@pharmatrace/custody';

/**
 * Who is reading, reduced to what the access rules need: the GLNs that stand for the participant (its
 * own and its premises'), its role and the company prefixes it owns.
 */
export interface Viewer {
  readonly gln: string;
  readonly role: Participant['role'];
  /** The participant's GLN and the GLNs of its locations: an event or handoff naming one is "theirs". */
  readonly glns: readonly string[];
  readonly companyPrefixes: readonly string[];
}

/**
 * - `full`: everything (regulators; a manufacturer for the objects of its own company prefixes);
 * - `partial`: only the events the participant is party to, the handoffs it is in, and current state
 *   while it holds the object (or it is on its way to it).
 */
export type AccessScope = 'full' | 'partial';

export function viewerOf(participant: Participant): Viewer {
  const locations = participant.locations
    .map((location) => locationGln(location.sgln))
    .filter((gln): gln is string => gln !== undefined);
  return {
    gln: participant.gln,
    role: participant.role,
    glns: [...new Set([participant.gln, ...locations])].sort(),
    companyPrefixes: participant.companyPrefixes,
  };
}

/** Company prefix of an SGTIN or SSCC URN (the brand owner's for a pack, the packer's for a case). */
export function companyPrefixOf(epc: string): string | undefined {
  return parseSerialisedUrn(epc)?.companyPrefix;
}

/** A GTIN-14's company prefix belongs to the viewer when any of its prefixes starts the GTIN body. */
export function ownsGtin(viewer: Viewer, gtin: string): boolean {
  return viewer.companyPrefixes.some((prefix) => gtin.slice(1, 1 + prefix.length) === prefix);
}

export function traceScope(viewer: Viewer, epc: string): AccessScope {
  if (viewer.role === 'regulator') return 'full';
  const prefix = companyPrefixOf(epc);
  if (viewer.role === 'manufacturer' && prefix !== undefined && viewer.companyPrefixes.includes(prefix)) {
    return 'full';
  }
  return 'partial';
}

export function recallScope(viewer: Viewer, gtin: string): AccessScope {
  if (viewer.role === 'regulator') return 'full';
  return viewer.role === 'manufacturer' && ownsGtin(viewer, gtin) ? 'full' : 'partial';
}

/** Whether any of `glns` is the viewer's. */
export function concerns(viewer: Viewer, ...glns: readonly (string | null | undefined)[]): boolean {
  return glns.some((gln) => gln !== null && gln !== undefined && viewer.glns.includes(gln));
}
