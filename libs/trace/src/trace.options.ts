export const TRACE_OPTIONS = Symbol('TraceOptions');

/** Knobs of the trace library; defaults suit production, tests shorten the delays. */
export interface TraceOptions {
  /** How often the webhook dispatcher looks for due deliveries when nobody pokes it. */
  webhookPollMs: number;
  /** Deadline of one delivery attempt (connect + response headers). */
  webhookTimeoutMs: number;
  /** Delay after the first failed attempt; doubles with each further failure. */
  webhookBackoffBaseMs: number;
  webhookBackoffMaxMs: number;
  /** Attempts before a delivery is given up as failed. */
  webhookMaxAttempts: number;
  /** Deliveries claimed (and sent concurrently) per round. */
  webhookBatchSize: number;
}

export const DEFAULT_TRACE_OPTIONS: TraceOptions = {
  webhookPollMs: 1_000,
  webhookTimeoutMs: 5_000,
  webhookBackoffBaseMs: 5_000,
  webhookBackoffMaxMs: 60 * 60_000,
  webhookMaxAttempts: 12,
  webhookBatchSize: 10,
};
