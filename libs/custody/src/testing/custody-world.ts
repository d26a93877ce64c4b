import type { EpcisEvent } from '@pharmatrace/epcis';
import type { CustodyCommand } from '../model/custody-command';
import type { CustodyOutcome } from '../model/custody-outcome';
import type { DecommissionStatus, PackState, PackStatus } from '../model/pack-state';
import type { Participant } from '../participants/participant-directory';
import { CustodyEventFactory } from './custody-events.factory';
import type { DemoNetwork } from './custody.factories';
import { DEMO_GTIN, DEMO_LOT, demoNetwork, demoProducts, sgtinOf, siteOf, ssccOf } from './custody.factories';
import { InMemoryCustodyStore } from './custody-store.fake';

/** Fixed identifiers, so scenario tables can name their expectations statically. */
export const ITEM = (n: number): string => sgtinOf(`S${n}`);
export const CONTAINER = (n: number, companyPrefix = '4012345'): string => ssccOf(n, companyPrefix);

/**
 * The demo network with a store and an event factory, plus "given" steps that move packs to where a
 * test needs them. A given step throws if it raises any alert, so a broken setup cannot pass silently.
 */
export class CustodyWorld {
  readonly net: DemoNetwork = demoNetwork();
  readonly store: InMemoryCustodyStore;
  readonly events = new CustodyEventFactory();
  private counter = 0;

  constructor(options: { loadOrder?: 'sorted' | 'reversed' } = {}) {
    this.store = new InMemoryCustodyStore(this.net.directory, demoProducts(), options);
  }

  get mfr(): Participant {
    return this.net.manufacturer;
  }

  get pharmacySite(): string {
    return siteOf(this.net.pharmacy);
  }

  apply(event: EpcisEvent, by: Participant): CustodyOutcome {
    return this.store.apply(event, by.gln);
  }

  command(
    command: Omit<CustodyCommand, 'id' | 'time'> & Partial<CustodyCommand>,
    by: Participant,
  ): CustodyOutcome {
    this.counter += 1;
    const full = { id: `cmd-${this.counter}`, time: this.events.now(), ...command } as CustodyCommand;
    return this.store.command(full, by.gln);
  }

  /** Applies an event that must raise no alert. */
  given(event: EpcisEvent, by: Participant): this {
    const outcome = this.apply(event, by);
    if (outcome.alerts.length > 0) {
      throw new Error(`given step raised ${outcome.alerts.map((alert) => alert.message).join('; ')}`);
    }
    return this;
  }

  commissioned(epcs: readonly string[], options: { lot?: string; expiry?: string } = {}): this {
    return this.given(this.events.commission(epcs, { location: siteOf(this.mfr), ...options }), this.mfr);
  }

  packed(parent: string, children: readonly string[], by: Participant = this.mfr): this {
    return this.given(this.events.pack(parent, children), by);
  }

  shipped(epcs: readonly string[], from: Participant, to: Participant): this {
    return this.given(this.events.ship(epcs, to, { location: siteOf(from) }), from);
  }

  moved(epcs: readonly string[], from: Participant, to: Participant): this {
    this.shipped(epcs, from, to);
    return this.given(this.events.receive(epcs, { location: siteOf(to) }), to);
  }

  /** Commissioned at the manufacturer, then via the wholesaler to the pharmacy. */
  atPharmacy(epcs: readonly string[], options: { lot?: string; expiry?: string } = {}): this {
    this.commissioned(epcs, options);
    this.moved(epcs, this.mfr, this.net.wholesaler);
    return this.moved(epcs, this.net.wholesaler, this.net.pharmacy);
  }

  /** At the pharmacy and decommissioned there, at its first site. */
  decommissionedAtPharmacy(epcs: readonly string[], status: DecommissionStatus = 'dispensed'): this {
    this.atPharmacy(epcs);
    return this.given(
      this.events.decommission(epcs, status, { location: this.pharmacySite }),
      this.net.pharmacy,
    );
  }

  recalled(gtin = DEMO_GTIN, lot = DEMO_LOT): this {
    const outcome = this.command({ type: 'recall_lot', gtin, lot }, this.mfr);
    if (outcome.alerts.length > 0) throw new Error('recall raised alerts');
    return this;
  }

  withdrawn(gtin = DEMO_GTIN): this {
    const outcome = this.command({ type: 'withdraw_product', gtin }, this.mfr);
    if (outcome.alerts.length > 0) throw new Error('withdrawal raised alerts');
    return this;
  }

  pack(epc: string): PackState | undefined {
    return this.store.pack(epc);
  }

  status(epc: string): PackStatus | undefined {
    return this.store.pack(epc)?.status;
  }
}
