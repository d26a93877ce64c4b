import { parseEpcUrn } from '@pharmatrace/gs1';
import type { CapturedEvent } from '@pharmatrace/epcis';

/** The GLN behind a PGLN or SGLN URN, or undefined for anything else. */
export function glnOf(urn: string): string | undefined {
  if (!urn.startsWith('urn:epc:id:pgln:') && !urn.startsWith('urn:epc:id:sgln:')) return undefined;
  try {
    const parsed = parseEpcUrn(urn);
    return parsed.kind === 'pgln' || parsed.kind === 'sgln' ? parsed.gln : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every GLN an event concerns: who captured it, the parties and locations in its source and
 * destination lists, its read point and business location. A participant sees the events in which
 * its own GLN or one of its locations' GLNs appears.
 */
export function eventParties(captured: CapturedEvent): string[] {
  const { event } = captured;
  const glns = new Set<string>([captured.capturedBy]);
  const add = (urn: string | undefined) => {
    const gln = urn ? glnOf(urn) : undefined;
    if (gln) glns.add(gln);
  };
  add(event.readPoint);
  add(event.bizLocation);
  for (const entry of event.sourceList ?? []) add(entry.value);
  for (const entry of event.destinationList ?? []) add(entry.value);
  return [...glns].sort();
}
