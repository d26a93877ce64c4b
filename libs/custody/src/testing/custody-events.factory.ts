import type { EpcisEvent, SensorReport } from '@pharmatrace/epcis';
import { bizStepFor, dispositionFor } from '../identifiers/cbv-vocabulary';
import type { DecommissionStatus } from '../model/pack-state';
import type { Participant } from '../participants/participant-directory';
import { EXPIRY_KEY, LOT_KEY } from '../rules/pack-guard.rule';
import { DEMO_EXPIRY, DEMO_LOT, pglnOf } from './custody.factories';

export interface EventOptions {
  readonly id?: string;
  /** Explicit time; otherwise the factory clock, which moves one minute per event. */
  readonly time?: string;
  readonly location?: string;
  readonly extra?: Partial<EpcisEvent>;
}

const MINUTE = 60_000;

/**
 * Builds canonical EPCIS events following this library's conventions. Ids and hashes come from a
 * counter and times from a clock the test moves, so a test's events are the same on every run.
 */
export class CustodyEventFactory {
  private seq = 0;
  private clock: number;

  constructor(start = '2025-03-03T08:00:00.000Z') {
    this.clock = Date.parse(start);
  }

  advanceDays(days: number): this {
    this.clock += days * 24 * 60 * MINUTE;
    return this;
  }

  now(): string {
    return new Date(this.clock).toISOString();
  }

  commission(
    epcs: readonly string[],
    options: EventOptions & { lot?: string; expiry?: string } = {},
  ): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      ilmd: { [LOT_KEY]: options.lot ?? DEMO_LOT, [EXPIRY_KEY]: options.expiry ?? DEMO_EXPIRY },
    });
  }

  pack(parent: string, children: readonly string[], options: EventOptions = {}): EpcisEvent {
    return this.event('AggregationEvent', options, {
      parentID: parent,
      childEPCs: [...children],
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
    });
  }

  unpack(parent: string, children?: readonly string[], options: EventOptions = {}): EpcisEvent {
    return this.event('AggregationEvent', options, {
      parentID: parent,
      ...(children && { childEPCs: [...children] }),
      action: 'DELETE',
      bizStep: 'unpacking',
    });
  }

  ship(epcs: readonly string[], to: Participant, options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      destinationList: [{ type: 'owning_party', value: pglnOf(to) }],
    });
  }

  receive(epcs: readonly string[], options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
    });
  }

  voidShipping(epcs: readonly string[], options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: 'void_shipping',
      disposition: 'active',
    });
  }

  decommission(epcs: readonly string[], status: DecommissionStatus, options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: bizStepFor(status),
      disposition: dispositionFor(status),
    });
  }

  dispense(epcs: readonly string[], options: EventOptions = {}): EpcisEvent {
    return this.decommission(epcs, 'dispensed', options);
  }

  /** The undo convention: disposition active, persistentDisposition.unset naming what is undone. */
  undo(epcs: readonly string[], status: DecommissionStatus, options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: bizStepFor(status),
      disposition: 'active',
      persistentDisposition: { unset: [dispositionFor(status)] },
    });
  }

  observe(epcs: readonly string[], options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: 'inspecting',
    });
  }

  sensor(epcs: readonly string[], reports: readonly SensorReport[], options: EventOptions = {}): EpcisEvent {
    return this.event('ObjectEvent', options, {
      epcList: [...epcs],
      action: 'OBSERVE',
      bizStep: 'sensor_reporting',
      sensorElementList: [{ sensorReport: [...reports] }],
    });
  }

  /** The EPCIS 2.0 error declaration of `original`: the same event with errorDeclaration added. */
  errorDeclaration(original: EpcisEvent, options: EventOptions = {}): EpcisEvent {
    return {
      ...original,
      errorDeclaration: { declarationTime: options.time ?? this.tick(), reason: 'did_not_occur' },
    };
  }

  event(type: EpcisEvent['type'], options: EventOptions, body: Partial<EpcisEvent>): EpcisEvent {
    this.seq += 1;
    const n = this.seq;
    return {
      type,
      eventID: options.id ?? `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      eventHash: `ni:///sha-256;${n.toString(16).padStart(64, '0')}?ver=CBV2.0`,
      eventTime: options.time ?? this.tick(),
      eventTimeZoneOffset: '+01:00',
      ...(options.location !== undefined && { bizLocation: options.location }),
      ...body,
      ...options.extra,
    };
  }

  private tick(): string {
    this.clock += MINUTE;
    return new Date(this.clock).toISOString();
  }
}
