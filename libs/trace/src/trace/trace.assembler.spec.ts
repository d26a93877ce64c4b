import type { ItemState } from '@pharmatrace/custody';
import type { EpcisEvent } from '@pharmatrace/epcis';
import { viewerOf } from '../access/viewer';
import { MAKER, NAMES, PHARMACY, REGULATOR, WHOLESALER } from '../testing/trace.factories';
import { assembleTrace, type AssembleInput } from './trace.assembler';
import type { HandoffRow, TraceEventRow, TraceRows } from './trace.repository';

const PACK = 'urn:epc:id:sgtin:0614141.107346.P0001';
const CASE = 'urn:epc:id:sscc:0614141.1000000001';
const PALLET = 'urn:epc:id:sscc:0614141.2000000001';
const M = MAKER.gln;
const W = WHOLESALER.gln;
const P = PHARMACY.gln;

function eventRow(
  n: number,
  by: string,
  parties: string[],
  via?: string,
  bizStep = 'inspecting',
): TraceEventRow {
  const time = `2026-04-01T0${n}:00:00+00:00`;
  const document: EpcisEvent = {
    type: 'ObjectEvent',
    eventID: `urn:uuid:e${n}`,
    eventHash: `ni:///sha-256;${n}?ver=CBV2.0`,
    eventTime: new Date(time).toISOString(),
    eventTimeZoneOffset: '+00:00',
    epcList: [via ?? PACK],
    action: 'OBSERVE',
    bizStep,
  };
  return {
    eventId: document.eventID,
    eventHash: document.eventHash,
    eventType: 'ObjectEvent',
    eventTime: time,
    recordTime: time,
    bizStep,
    disposition: null,
    capturedBy: by,
    parties,
    via: via ?? null,
    document,
    receipt:
      n === 1
        ? {
            record_id: `${document.eventHash}#${PACK}`,
            subject: PACK,
            record_hash: 'abc',
            tx_id: 'tx1',
            block_number: '7',
            block_hash: 'bh',
            status: 'anchored',
            reason: null,
            anchored_at: '2026-04-01T01:00:05+00:00',
          }
        : null,
    correctionReceipt: null,
  };
}

function handoff(id: string, from: string, to: string, received: boolean): HandoffRow {
  return {
    state: {
      id,
      from,
      to,
      shippedAt: '2026-04-01T03:00:00.000Z',
      status: received ? 'verified' : 'open',
      version: 1,
    },
    outcome: received ? 'received' : 'pending',
  };
}

const state: ItemState = {
  epc: PACK,
  kind: 'item',
  gtin: '10614141073464',
  serial: 'P0001',
  lot: 'LOT-1',
  expiry: '2028-06-30',
  owner: M,
  status: 'active',
  custodian: P,
  custodianLocation: PHARMACY.locations[0]?.sgln ?? '',
  lastEvent: { id: 'urn:uuid:e7', hash: 'h7', time: '2026-04-01T07:00:00.000Z' },
  version: 7,
};

function rows(): TraceRows {
  return {
    pack: { kind: 'item', state, updatedAt: '2026-04-01T07:00:00+00:00' },
    lot: { status: 'recalled', setBy: M, setAt: '2026-04-02T00:00:00+00:00', reason: 'x', recallId: 'r1' },
    product: { status: 'active' },
    parents: [
      {
        parent: CASE,
        child: PACK,
        depth: 1,
        from: '2026-04-01T02:00:00+00:00',
        until: '2026-04-01T06:30:00+00:00',
        packedEventId: 'urn:uuid:e2',
        unpackedEventId: 'urn:uuid:e6',
      },
      {
        parent: PALLET,
        child: CASE,
        depth: 2,
        from: '2026-04-01T02:30:00+00:00',
        until: '2026-04-01T04:30:00+00:00',
        packedEventId: 'urn:uuid:pallet-pack',
        unpackedEventId: 'urn:uuid:e5',
      },
    ],
    contents: null,
    events: [
      eventRow(1, M, [M], undefined, 'commissioning'),
      eventRow(2, M, [M], undefined, 'packing'),
      eventRow(3, M, [M, W], PALLET, 'shipping'),
      eventRow(4, W, [W], PALLET, 'receiving'),
      eventRow(5, W, [W], CASE, 'shipping'),
      eventRow(6, P, [P], undefined, 'unpacking'),
      eventRow(7, P, [P], undefined, 'receiving'),
    ],
    handoffs: [handoff('urn:uuid:e3', M, W, true), handoff('urn:uuid:e5', W, P, true)],
    onward: null,
    alerts: [
      {
        id: 'a1',
        code: 'RECALLED',
        severity: 'error',
        message: 'lot recalled',
        eventId: 'c1',
        createdAt: '2026-04-02T00:00:00+00:00',
        status: 'open',
        involved: [M, P],
      },
    ],
  };
}

function input(reader: typeof MAKER, scope: 'full' | 'partial', data = rows()): AssembleInput {
  return {
    epc: PACK,
    kind: 'item',
    rows: data,
    scope,
    viewer: viewerOf(reader),
    names: NAMES,
    today: '2026-04-10',
  };
}

describe('trace assembly', () => {
  it('gives a full reader every event in order, with receipts, containers, handoffs and state', () => {
    const view = assembleTrace(input(REGULATOR, 'full'));
    expect(view?.events.map((e) => e.eventId)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `urn:uuid:e${n}`));
    expect(view?.events[2]).toMatchObject({
      via: PALLET,
      bizStep: 'shipping',
      capturedBy: { gln: M, name: 'Maker' },
    });
    expect(view?.events[0]?.receipt).toEqual({
      recordId: `ni:///sha-256;1?ver=CBV2.0#${PACK}`,
      status: 'anchored',
      recordHash: 'abc',
      txId: 'tx1',
      blockNumber: 7,
      blockHash: 'bh',
      anchoredAt: '2026-04-01T01:00:05.000Z',
      reason: undefined,
    });
    expect(view?.events[0]?.event).toMatchObject({ type: 'ObjectEvent', eventID: 'urn:uuid:e1' });
    expect(view?.aggregation.parents.map((p) => [p.parent, p.depth])).toEqual([
      [CASE, 1],
      [PALLET, 2],
    ]);
    expect(view?.handoffs.map((h) => [h.from.gln, h.to.gln, h.outcome])).toEqual([
      [M, W, 'received'],
      [W, P, 'received'],
    ]);
    expect(view?.current).toMatchObject({
      status: 'active',
      verdict: 'recalled',
      recalled: true,
      custodian: { gln: P, name: 'Pharmacy' },
      location: { sgln: PHARMACY.locations[0]?.sgln, name: 'Counter' },
      updatedAt: '2026-04-01T07:00:00.000Z',
    });
    expect(view?.alerts.map((a) => a.code)).toEqual(['RECALLED']);
  });

  it('shows a wholesaler only its part: its events, its handoffs, no current state once it let go', () => {
    const view = assembleTrace(input(WHOLESALER, 'partial'));
    expect(view?.events.map((e) => e.eventId)).toEqual(['urn:uuid:e3', 'urn:uuid:e4', 'urn:uuid:e5']);
    expect(view?.handoffs).toHaveLength(2);
    expect(view?.current).toBeUndefined();
    // It saw the pallet unpacked (e5 is its event) but not the case being packed at the plant.
    expect(view?.aggregation.parents.map((p) => p.parent)).toEqual([PALLET]);
    expect(view?.alerts).toEqual([]);
  });

  it('shows the pharmacy holding the pack its events, its handoff, the current state and its alerts', () => {
    const view = assembleTrace(input(PHARMACY, 'partial'));
    expect(view?.events.map((e) => e.eventId)).toEqual(['urn:uuid:e6', 'urn:uuid:e7']);
    expect(view?.handoffs.map((h) => h.id)).toEqual(['urn:uuid:e5']);
    expect(view?.current?.custodian.gln).toBe(P);
    expect(view?.alerts.map((a) => a.id)).toEqual(['a1']);
  });

  it('shows a participant on its way to receive the pack the current state (incoming)', () => {
    const data = rows();
    const inTransit: ItemState = {
      ...state,
      status: 'in_transit',
      custodian: W,
      inTransit: { from: W, to: P, shipmentEventId: 'urn:uuid:e5' },
    };
    data.pack = { kind: 'item', state: inTransit, updatedAt: '2026-04-01T05:00:00Z' };
    data.events = (data.events ?? []).slice(0, 5);
    data.handoffs = [handoff('urn:uuid:e3', M, W, true), handoff('urn:uuid:e5', W, P, false)];
    const view = assembleTrace(input(PHARMACY, 'partial', data));
    expect(view?.events).toEqual([]);
    expect(view?.handoffs.map((h) => h.outcome)).toEqual(['pending']);
    expect(view?.current?.inTransit).toMatchObject({ to: P, toParty: { gln: P, name: 'Pharmacy' } });
  });

  it('answers nothing to a participant with no part in the chain, and for an unknown object', () => {
    const stranger = { ...PHARMACY, gln: '9520002000019', locations: [] };
    expect(assembleTrace(input(stranger, 'partial'))).toBeUndefined();
    const empty: TraceRows = {
      pack: null,
      lot: null,
      product: null,
      parents: null,
      contents: null,
      events: null,
      handoffs: null,
      onward: null,
      alerts: null,
    };
    expect(assembleTrace(input(REGULATOR, 'full', empty))).toBeUndefined();
  });

  it('lists a container’s contents with their whereabouts, filtered for a partial reader', () => {
    const data: TraceRows = {
      ...rows(),
      pack: {
        kind: 'container',
        state: {
          epc: CASE,
          kind: 'container',
          owner: M,
          status: 'active',
          custodian: P,
          lastEvent: state.lastEvent,
          version: 3,
        },
        updatedAt: '2026-04-01T07:00:00Z',
      },
      parents: null,
      contents: [
        {
          epc: PACK,
          depth: 1,
          from: '2026-04-01T02:00:00Z',
          until: null,
          status: 'active',
          custodian: P,
          location: null,
          parent: CASE,
          inTransitTo: null,
        },
        {
          epc: `${PACK}2`,
          depth: 1,
          from: '2026-04-01T02:00:00Z',
          until: '2026-04-01T04:00:00Z',
          status: 'active',
          custodian: W,
          location: null,
          parent: null,
          inTransitTo: null,
        },
      ],
      onward: [
        {
          ...handoff('urn:uuid:e9', W, M, true),
          items: 1,
        },
      ],
    };
    const full = assembleTrace({ ...input(REGULATOR, 'full', data), epc: CASE, kind: 'container' });
    expect(full?.kind).toBe('container');
    expect(full?.aggregation.contents.map((c) => [c.epc, c.custodian?.gln, c.until])).toEqual([
      [PACK, P, undefined],
      [`${PACK}2`, W, '2026-04-01T04:00:00.000Z'],
    ]);
    expect(full?.onwardHandoffs).toEqual([expect.objectContaining({ id: 'urn:uuid:e9', items: 1 })]);
    expect(full?.onwardHandoffs[0]).not.toHaveProperty('outcome');
    const pharmacy = assembleTrace({ ...input(PHARMACY, 'partial', data), epc: CASE, kind: 'container' });
    expect(pharmacy?.aggregation.contents.map((c) => c.epc)).toEqual([PACK]);
    expect(pharmacy?.onwardHandoffs).toEqual([]);
  });
});
