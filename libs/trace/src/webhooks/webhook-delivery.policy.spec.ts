import { backoffDelayMs, nextStep } from './webhook-delivery.policy';

const options = { webhookBackoffBaseMs: 1_000, webhookBackoffMaxMs: 60_000, webhookMaxAttempts: 4 };

describe('webhook delivery policy', () => {
  it('doubles the delay after each failure, capped, with jitter of ±20 %', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 7, 40].map((n) => backoffDelayMs(n, options, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
    expect(backoffDelayMs(1, options, () => 0)).toBe(800);
    expect(backoffDelayMs(1, options, () => 1)).toBe(1_200);
  });

  it('records success, retries failures, and gives up after the last attempt', () => {
    expect(nextStep({ ok: true, statusCode: 204 }, 1, options)).toEqual({
      kind: 'delivered',
      statusCode: 204,
    });
    expect(nextStep({ ok: false, statusCode: 500, error: 'HTTP 500' }, 2, options, () => 0.5)).toEqual({
      kind: 'retry',
      delayMs: 2_000,
      statusCode: 500,
      error: 'HTTP 500',
    });
    expect(nextStep({ ok: false, statusCode: undefined, error: 'ECONNREFUSED' }, 4, options)).toEqual({
      kind: 'failed',
      statusCode: undefined,
      error: 'ECONNREFUSED',
    });
  });
});
