import type { TraceOptions } from '../trace.options';

/**
 * Exponential backoff with ±20 % jitter (so receivers coming back are not hit by every sender at once):
 * base, 2·base, 4·base… capped at max. `attempt` is the number of attempts made so far (≥ 1).
 */
export function backoffDelayMs(
  attempt: number,
  options: Pick<TraceOptions, 'webhookBackoffBaseMs' | 'webhookBackoffMaxMs'>,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const nominal = Math.min(options.webhookBackoffMaxMs, options.webhookBackoffBaseMs * 2 ** exponent);
  return Math.round(nominal * (0.8 + 0.4 * random()));
}

export type AttemptResult =
  { ok: true; statusCode: number } | { ok: false; statusCode: number | undefined; error: string };

export type NextStep =
  | { kind: 'delivered'; statusCode: number }
  | { kind: 'retry'; delayMs: number; statusCode: number | undefined; error: string }
  | { kind: 'failed'; statusCode: number | undefined; error: string };

/** What to record after an attempt: delivered, retry later, or give up after the last attempt. */
export function nextStep(
  result: AttemptResult,
  attempts: number,
  options: Pick<TraceOptions, 'webhookBackoffBaseMs' | 'webhookBackoffMaxMs' | 'webhookMaxAttempts'>,
  random: () => number = Math.random,
): NextStep {
  if (result.ok) return { kind: 'delivered', statusCode: result.statusCode };
  if (attempts >= options.webhookMaxAttempts) {
    return { kind: 'failed', statusCode: result.statusCode, error: result.error };
  }
  return {
    kind: 'retry',
    delayMs: backoffDelayMs(attempts, options, random),
    statusCode: result.statusCode,
    error: result.error,
  };
}
