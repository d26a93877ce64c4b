import type { EpcisEvent } from '@pharmatrace/epcis';
import { applyCommand } from '../commands/command.handler';
import { requiredHandoffs, requiredPacks, requiredReferenceData } from '../engine/required-packs';
import { applyEvent } from '../engine/state-machine';
import type { Alert } from '../model/alert-codes';
import type { CustodyCommand } from '../model/custody-command';
import type { CorrectionRecord, CustodyOutcome } from '../model/custody-outcome';
import { correctionRecordOf } from '../model/custody-outcome';
import type { Handoff } from '../model/handoff';
import type { PackState } from '../model/pack-state';
import type { LotRecord, ProductRecord } from '../model/reference-data';
import type { ParticipantDirectory } from '../participants/participant-directory';

/**
 * What the custody processor does, in memory: load exactly what the helpers say, apply, write the
 * outcome, keep each event's correction record. For tests of this library and of its callers.
 */
export class InMemoryCustodyStore {
  readonly packs = new Map<string, PackState>();
  readonly handoffs = new Map<string, Handoff>();
  readonly lots = new Map<string, LotRecord>();
  readonly products = new Map<string, ProductRecord>();
  readonly alerts: Alert[] = [];
  private readonly childLinks = new Map<string, Set<string>>();
  private readonly corrections = new Map<string, CorrectionRecord>();

  private readonly loadOrder: 'sorted' | 'reversed';
  private readonly keepCorrections: boolean;

  /**
   * @param options.loadOrder `reversed` hands applyEvent its maps in reverse key order, to show the
   *   result does not depend on the order a database returns rows in.
   * @param options.keepCorrections false drops correction records (benchmarks: a processor writes them
   *   to its database instead of keeping them in memory).
   */
  constructor(
    readonly directory: ParticipantDirectory,
    products: readonly ProductRecord[] = [],
    options: { loadOrder?: 'sorted' | 'reversed'; keepCorrections?: boolean } = {},
  ) {
    for (const product of products) this.products.set(product.gtin, product);
    this.loadOrder = options.loadOrder ?? 'sorted';
    this.keepCorrections = options.keepCorrections ?? true;
  }

  apply(event: EpcisEvent, capturedBy: string): CustodyOutcome {
    const correction = event.errorDeclaration ? this.corrections.get(event.eventID) : undefined;
    const links = { childrenOf: (epc: string) => this.childLinks.get(epc) ?? [] };
    const packs = this.pick(this.packs, requiredPacks(event, links, correction));
    const handoffs = this.pick(this.handoffs, requiredHandoffs(packs, correction));
    const reference = requiredReferenceData(event, packs);
    const outcome = applyEvent({
      event,
      capturedBy,
      packs,
      handoffs,
      lots: this.pick(this.lots, reference.lots),
      products: this.pick(this.products, reference.gtins),
      directory: this.directory,
      ...(correction && { correction }),
    });
    this.write(outcome);
    if (this.keepCorrections && !event.errorDeclaration) {
      this.corrections.set(event.eventID, correctionRecordOf(outcome));
    }
    return outcome;
  }

  command(command: CustodyCommand, issuedBy: string): CustodyOutcome {
    const outcome = applyCommand({
      command,
      issuedBy,
      lots: this.lots,
      products: this.products,
      directory: this.directory,
    });
    this.write(outcome);
    return outcome;
  }

  pack(epc: string): PackState | undefined {
    return this.packs.get(epc);
  }

  childrenOf(epc: string): string[] {
    return [...(this.childLinks.get(epc) ?? [])].sort();
  }

  private write(outcome: CustodyOutcome): void {
    for (const change of outcome.packs) {
      if (change.after) this.packs.set(change.epc, change.after);
      else this.packs.delete(change.epc);
    }
    for (const link of outcome.links) {
      const children = this.childLinks.get(link.parent) ?? new Set<string>();
      if (link.change === 'added') children.add(link.child);
      else children.delete(link.child);
      if (children.size > 0) this.childLinks.set(link.parent, children);
      else this.childLinks.delete(link.parent);
    }
    for (const change of outcome.handoffs) {
      if (change.after) this.handoffs.set(change.id, change.after);
      else this.handoffs.delete(change.id);
    }
    for (const change of outcome.lots) this.lots.set(change.key, change.after);
    for (const change of outcome.products) this.products.set(change.gtin, change.after);
    this.alerts.push(...outcome.alerts);
  }

  private pick<T>(source: ReadonlyMap<string, T>, keys: readonly string[]): Map<string, T> {
    const picked = new Map<string, T>();
    const ordered = this.loadOrder === 'reversed' ? [...keys].reverse() : keys;
    for (const key of ordered) {
      const value = source.get(key);
      if (value !== undefined) picked.set(key, value);
    }
    return picked;
  }
}
