import {
  applyEvent,
  correctionRecordOf,
  lotKey,
  packRequirement,
  requiredHandoffs,
  requiredPacks,
  requiredReferenceData,
  type CorrectionRecord,
  type CustodyOutcome,
  type Handoff,
  type LotRecord,
  type PackState,
  type ParticipantDirectory,
  type ProductRecord,
} from '@pharmatrace/custody';
import type { CapturedEvent } from '@pharmatrace/epcis';
import type { CustodyStoreRepository } from './custody-store.repository';

/**
 * The state one batch of events works on: loaded from the database once, changed in memory event by
 * event (so later events in the batch see earlier ones), and written back in one transaction.
 */
export class CustodyWorkingSet {
  readonly packs = new Map<string, PackState>();
  readonly handoffs = new Map<string, Handoff>();
  readonly lots = new Map<string, LotRecord>();
  readonly products = new Map<string, ProductRecord>();
  /** Keys looked up and known not to exist. */
  private readonly absent = new Set<string>();
  private readonly subtreeLoaded = new Set<string>();
  private readonly children = new Map<string, Set<string>>();
  readonly outcomes: { captured: CapturedEvent; outcome: CustodyOutcome }[] = [];
  readonly corrections = new Map<string, CorrectionRecord>();

  constructor(
    private readonly store: CustodyStoreRepository,
    private readonly directory: ParticipantDirectory,
    storedCorrections: ReadonlyMap<string, CorrectionRecord>,
  ) {
    for (const [id, record] of storedCorrections) this.corrections.set(id, record);
  }

  /** One round trip for what the whole batch needs up front. */
  async prefetch(events: readonly CapturedEvent[]): Promise<void> {
    const epcs = new Set<string>();
    const roots = new Set<string>();
    for (const { event } of events) {
      const requirement = packRequirement(event, this.corrections.get(event.eventID));
      for (const epc of requirement.epcs) epcs.add(epc);
      for (const root of requirement.withDescendants) roots.add(root);
    }
    await this.loadSubtrees([...roots]);
    await this.loadPacks([...epcs]);
  }

  async apply(captured: CapturedEvent): Promise<CustodyOutcome> {
    const { event } = captured;
    const correction = event.errorDeclaration ? this.corrections.get(event.eventID) : undefined;
    const requirement = packRequirement(event, correction);
    await this.loadSubtrees(requirement.withDescendants);
    await this.loadPacks(requirement.epcs);
    const links = { childrenOf: (epc: string) => this.children.get(epc) ?? [] };
    const packs = pick(this.packs, requiredPacks(event, links, correction));
    await this.loadHandoffs(requiredHandoffs(packs, correction));
    const handoffs = pick(this.handoffs, requiredHandoffs(packs, correction));
    const reference = requiredReferenceData(event, packs);
    await this.loadReference(reference.gtins, reference.lots);
    const outcome = applyEvent({
      event,
      capturedBy: captured.capturedBy,
      packs,
      handoffs,
      lots: pick(this.lots, reference.lots),
      products: pick(this.products, reference.gtins),
      directory: this.directory,
      ...(correction && { correction }),
    });
    this.record(outcome);
    if (!event.errorDeclaration) this.corrections.set(event.eventID, correctionRecordOf(outcome));
    this.outcomes.push({ captured, outcome });
    return outcome;
  }

  private record(outcome: CustodyOutcome): void {
    for (const change of outcome.packs) {
      if (change.before?.parent) this.children.get(change.before.parent)?.delete(change.epc);
      if (change.after) {
        this.packs.set(change.epc, change.after);
        this.absent.delete(change.epc);
        if (change.after.parent) this.childSet(change.after.parent).add(change.epc);
      } else {
        this.packs.delete(change.epc);
        this.absent.add(change.epc);
      }
    }
    for (const change of outcome.handoffs) {
      if (change.after) this.handoffs.set(change.id, change.after);
      else this.handoffs.delete(change.id);
    }
    for (const change of outcome.lots) this.lots.set(change.key, change.after);
    for (const change of outcome.products) this.products.set(change.gtin, change.after);
  }

  private childSet(parent: string): Set<string> {
    let set = this.children.get(parent);
    if (!set) {
      set = new Set();
      this.children.set(parent, set);
    }
    return set;
  }

  private adopt(state: PackState): void {
    // A pack already in the set is newer than the database (changed earlier in this batch).
    if (this.packs.has(state.epc)) return;
    this.packs.set(state.epc, state);
    if (state.parent) this.childSet(state.parent).add(state.epc);
  }

  private async loadSubtrees(roots: readonly string[]): Promise<void> {
    const wanted = roots.filter((root) => !this.subtreeLoaded.has(root));
    if (wanted.length === 0) return;
    for (const state of await this.store.subtrees(wanted)) this.adopt(state);
    for (const root of wanted) {
      this.subtreeLoaded.add(root);
      if (!this.packs.has(root)) this.absent.add(root);
    }
  }

  private async loadPacks(epcs: readonly string[]): Promise<void> {
    const wanted = epcs.filter((epc) => !this.packs.has(epc) && !this.absent.has(epc));
    if (wanted.length === 0) return;
    for (const state of await this.store.packs(wanted)) this.adopt(state);
    for (const epc of wanted) if (!this.packs.has(epc)) this.absent.add(epc);
  }

  private async loadHandoffs(ids: readonly string[]): Promise<void> {
    const wanted = ids.filter((id) => !this.handoffs.has(id) && !this.absent.has(`handoff:${id}`));
    for (const handoff of await this.store.handoffs(wanted)) this.handoffs.set(handoff.id, handoff);
    for (const id of wanted) if (!this.handoffs.has(id)) this.absent.add(`handoff:${id}`);
  }

  private async loadReference(gtins: readonly string[], lots: readonly string[]): Promise<void> {
    const wantedGtins = gtins.filter((g) => !this.products.has(g) && !this.absent.has(`product:${g}`));
    for (const product of await this.store.products(wantedGtins)) this.products.set(product.gtin, product);
    for (const gtin of wantedGtins) if (!this.products.has(gtin)) this.absent.add(`product:${gtin}`);
    const wantedLots = lots.filter((k) => !this.lots.has(k) && !this.absent.has(`lot:${k}`));
    const keys = wantedLots.map((key) => {
      const [gtin = '', lot = ''] = key.split('|');
      return { gtin, lot };
    });
    for (const record of await this.store.lots(keys)) this.lots.set(lotKey(record.gtin, record.lot), record);
    for (const key of wantedLots) if (!this.lots.has(key)) this.absent.add(`lot:${key}`);
  }
}

function pick<T>(source: ReadonlyMap<string, T>, keys: readonly string[]): Map<string, T> {
  const picked = new Map<string, T>();
  for (const key of keys) {
    const value = source.get(key);
    if (value !== undefined) picked.set(key, value);
  }
  return picked;
}
