import type { EpcisEvent } from '@pharmatrace/epcis';
import type { Alert, AlertSpec } from '../model/alert-codes';
import { buildAlert } from '../model/alert-codes';
import type { ApplyEventInput } from '../model/custody-outcome';
import { CustodyInputError } from '../model/custody-outcome';
import type { Handoff } from '../model/handoff';
import type { EventRef, PackPatch, PackState } from '../model/pack-state';
import { buildPackState } from '../model/pack-state';
import { lotKey } from '../model/reference-data';
import type { ParticipantDirectory } from '../participants/participant-directory';
import { eventLocalDate } from '../policy/event-time';
import type { Refusal } from '../policy/status.policy';
import type { PackFlags } from '../policy/verdict-status';
import { packFlags } from '../policy/verdict-status';
import { sortStrings } from '../util/sorted';

export function patchPack(pack: PackState, patch: PackPatch): PackState {
  return buildPackState(pack, patch);
}

/**
 * The draft of one event's application: reads fall through to the input, writes stay here until the
 * outcome is built. Rules never touch the input maps directly.
 */
export class WorkingSet {
  readonly event: EpcisEvent;
  readonly capturedBy: string;
  readonly directory: ParticipantDirectory;
  readonly eventRef: EventRef;
  /** bizLocation, else readPoint: where custody is recorded and undo premises are compared. */
  readonly location: string | undefined;
  private localDate: string | undefined;

  private readonly packDraft = new Map<string, PackState | null>();
  private readonly handoffDraft = new Map<string, Handoff | null>();
  private readonly raised: Alert[] = [];
  private readonly raisedKeys = new Set<string>();
  private childIndex: Map<string, string[]> | undefined;

  constructor(readonly input: ApplyEventInput) {
    this.event = input.event;
    this.capturedBy = input.capturedBy;
    this.directory = input.directory;
    this.eventRef = { id: input.event.eventID, hash: input.event.eventHash, time: input.event.eventTime };
    this.location = input.event.bizLocation ?? input.event.readPoint;
  }

  /** The event's calendar date at its own offset, for expiry (computed on first use). */
  get eventDate(): string {
    this.localDate ??= eventLocalDate(this.event.eventTime, this.event.eventTimeZoneOffset);
    return this.localDate;
  }

  pack(epc: string): PackState | undefined {
    const draft = this.packDraft.get(epc);
    if (draft !== undefined) return draft ?? undefined;
    return this.input.packs.get(epc);
  }

  putPack(pack: PackState): void {
    this.packDraft.set(pack.epc, pack);
  }

  removePack(epc: string): void {
    this.packDraft.set(epc, null);
  }

  handoff(id: string): Handoff | undefined {
    const draft = this.handoffDraft.get(id);
    if (draft !== undefined) return draft ?? undefined;
    return this.input.handoffs?.get(id);
  }

  /** A handoff a loaded pack points at; its absence means the caller skipped requiredHandoffs. */
  requireHandoff(id: string): Handoff {
    const handoff = this.handoff(id);
    if (!handoff) throw new CustodyInputError(`handoff ${id} referenced by a loaded pack was not provided`);
    return handoff;
  }

  putHandoff(handoff: Handoff): void {
    this.handoffDraft.set(handoff.id, handoff);
  }

  removeHandoff(id: string): void {
    this.handoffDraft.set(id, null);
  }

  draftPacks(): ReadonlyMap<string, PackState | null> {
    return this.packDraft;
  }

  draftHandoffs(): ReadonlyMap<string, Handoff | null> {
    return this.handoffDraft;
  }

  alerts(): readonly Alert[] {
    return this.raised;
  }

  /** Raises an alert once per (code, EPC) per event; event-level alerts once per (code, detail). */
  alert(spec: AlertSpec): void {
    const key = spec.epc === undefined ? `${spec.code}||${spec.detail}` : `${spec.code}|${spec.epc}`;
    if (this.raisedKeys.has(key)) return;
    this.raisedKeys.add(key);
    this.raised.push(buildAlert(spec, this.eventRef.id, this.capturedBy));
  }

  refuse(epc: string | undefined, refusal: Refusal, blocking = true): void {
    this.alert({
      code: refusal.code,
      blocking,
      detail: refusal.detail,
      ...(epc !== undefined && { epc }),
      ...(refusal.nmvsCode !== undefined && { nmvsCode: refusal.nmvsCode }),
    });
  }

  flags(pack: PackState): PackFlags {
    if (pack.kind === 'container') return packFlags(pack, undefined, undefined, this.eventDate);
    return packFlags(
      pack,
      this.input.lots.get(lotKey(pack.gtin, pack.lot)),
      this.input.products.get(pack.gtin),
      this.eventDate,
    );
  }

  /** Children as loaded (the tree before this event), sorted. */
  children(epc: string): readonly string[] {
    return this.index().get(epc) ?? [];
  }

  /** `epcs` and all their loaded descendants, sorted and unique: aggregation inference. */
  expand(epcs: readonly string[]): string[] {
    const seen = new Set<string>(epcs);
    const queue = [...epcs];
    const index = this.index();
    for (let i = 0; i < queue.length; i++) {
      for (const child of index.get(queue[i] as string) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        queue.push(child);
      }
    }
    return sortStrings(seen);
  }

  /** True when `candidate` is `root` or lies in its loaded subtree. */
  inSubtree(root: string, candidate: string): boolean {
    if (root === candidate) return true;
    const seen = new Set<string>([root]);
    const queue = [root];
    const index = this.index();
    for (let i = 0; i < queue.length; i++) {
      for (const child of index.get(queue[i] as string) ?? []) {
        if (child === candidate) return true;
        if (seen.has(child)) continue;
        seen.add(child);
        queue.push(child);
      }
    }
    return false;
  }

  private index(): Map<string, string[]> {
    if (this.childIndex) return this.childIndex;
    const index = new Map<string, string[]>();
    for (const pack of this.input.packs.values()) {
      if (pack.parent === undefined) continue;
      const siblings = index.get(pack.parent);
      if (siblings) siblings.push(pack.epc);
      else index.set(pack.parent, [pack.epc]);
    }
    for (const [parent, siblings] of index) index.set(parent, sortStrings(siblings));
    this.childIndex = index;
    return index;
  }
}
