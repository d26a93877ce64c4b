import { applyEvent } from './state-machine';
import { packRequirement, requiredHandoffs, requiredPacks, requiredReferenceData } from './required-packs';
import { CustodyInputError } from '../model/custody-outcome';
import {
  CONTAINER,
  CustodyEventFactory,
  CustodyWorld,
  DEMO_GTIN,
  ITEM,
  demoNetwork,
  demoProducts,
} from '../testing';

describe('loading helpers', () => {
  const events = new CustodyEventFactory();
  const tree = new Map<string, string[]>([
    [CONTAINER(1), [CONTAINER(2), ITEM(3)]],
    [CONTAINER(2), [ITEM(1), ITEM(2)]],
  ]);
  const links = { childrenOf: (epc: string) => tree.get(epc) ?? [] };

  it('loads what an event names and everything packed in it', () => {
    const ship = events.ship([CONTAINER(1)], demoNetwork().wholesaler);
    expect(packRequirement(ship)).toEqual({ epcs: [CONTAINER(1)], withDescendants: [CONTAINER(1)] });
    expect(requiredPacks(ship, links)).toEqual(
      [ITEM(1), ITEM(2), ITEM(3), CONTAINER(1), CONTAINER(2)].sort(),
    );
  });

  it('loads the parent and the children’s subtrees for packing, nothing below for commissioning', () => {
    expect(requiredPacks(events.pack(CONTAINER(9), [CONTAINER(2)]), links)).toEqual(
      [CONTAINER(9), CONTAINER(2), ITEM(1), ITEM(2)].sort(),
    );
    expect(requiredPacks(events.commission([CONTAINER(1)]), links)).toEqual([CONTAINER(1)]);
    expect(requiredPacks(events.unpack(CONTAINER(2)), links)).toEqual(
      [ITEM(1), ITEM(2), CONTAINER(2)].sort(),
    );
  });

  it('names the handoffs and reference data to load once the packs are loaded', () => {
    const world = new CustodyWorld().commissioned([ITEM(1)]);
    world.shipped([ITEM(1)], world.mfr, world.net.wholesaler);
    const packs = new Map(world.store.packs);
    const [id] = [...world.store.handoffs.keys()];
    expect(requiredHandoffs(packs)).toEqual([id]);
    expect(requiredReferenceData(events.receive([ITEM(1)]), packs)).toEqual({
      gtins: [DEMO_GTIN],
      lots: [`${DEMO_GTIN}|LOT-A1`],
    });
  });

  it('throws CustodyInputError when a pack in transit comes without its handoff', () => {
    const world = new CustodyWorld().commissioned([ITEM(1)]);
    world.shipped([ITEM(1)], world.mfr, world.net.wholesaler);
    const input = {
      event: world.events.receive([ITEM(1)]),
      capturedBy: world.net.wholesaler.gln,
      packs: new Map(world.store.packs),
      lots: new Map(),
      products: new Map(demoProducts().map((product) => [product.gtin, product])),
      directory: world.net.directory,
    };
    expect(() => applyEvent(input)).toThrow(CustodyInputError);
  });
});
