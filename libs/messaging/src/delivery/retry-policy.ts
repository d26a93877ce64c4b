import type { RetryPolicy } from '../event-log.port';
import { MessagingError, MessagingErrorCode } from '../messaging.error';

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { initialDelayMs: 100, maxDelayMs: 30_000 };

/** Delay before retry number `failures` (1-based): initial, doubling, capped. */
export function backoffDelay(policy: RetryPolicy, failures: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}

export function validateRetryPolicy(policy: RetryPolicy): RetryPolicy {
  const { initialDelayMs, maxDelayMs } = policy;
  if (!(Number.isFinite(initialDelayMs) && initialDelayMs >= 0 && Number.isFinite(maxDelayMs))) {
    throw new MessagingError(
      MessagingErrorCode.InvalidOptions,
      'retry delays must be finite and non-negative',
    );
  }
  if (maxDelayMs < initialDelayMs) {
    throw new MessagingError(
      MessagingErrorCode.InvalidOptions,
      'retry.maxDelayMs must be >= retry.initialDelayMs',
    );
  }
  return { initialDelayMs, maxDelayMs };
}

/** Waits `ms`, or less when `signal` aborts (stop must not wait out a 30 s backoff). Never rejects. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
