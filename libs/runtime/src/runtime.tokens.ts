/** Injection tokens for the I/O ports every service shares. Adapters are chosen once, at boot. */
export const DATABASE = Symbol('Database');
export const EVENT_LOG = Symbol('EventLog');
export const CLOCK = Symbol('Clock');

/** Time is a port too: rules and tests must not read the wall clock directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const TUNING = Symbol('Tuning');

/** Knobs operators turn without code changes. */
export interface Tuning {
  /** Most records a consumer handles in one transaction. */
  consumerBatchSize: number;
}

export const DEFAULT_TUNING: Tuning = { consumerBatchSize: 1000 };
