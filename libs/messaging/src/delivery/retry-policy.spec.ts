import { thrownBy } from '../testing/contract.helpers';
import { MessagingErrorCode } from '../messaging.error';
import { abortableSleep, backoffDelay, validateRetryPolicy } from './retry-policy';

describe('backoffDelay', () => {
  it('doubles from the initial delay and stays at the cap', () => {
    const policy = { initialDelayMs: 50, maxDelayMs: 500 };
    expect([1, 2, 3, 4, 5, 6, 50, 5_000].map((n) => backoffDelay(policy, n))).toEqual([
      50, 100, 200, 400, 500, 500, 500, 500,
    ]);
  });

  it('treats a zero initial delay as "retry at once"', () => {
    expect(backoffDelay({ initialDelayMs: 0, maxDelayMs: 10 }, 9)).toBe(0);
  });
});

describe('validateRetryPolicy', () => {
  it.each([
    { initialDelayMs: -1, maxDelayMs: 10 },
    { initialDelayMs: 10, maxDelayMs: 5 },
    { initialDelayMs: Number.NaN, maxDelayMs: 5 },
    { initialDelayMs: 1, maxDelayMs: Number.POSITIVE_INFINITY },
  ])('rejects %o', (policy) => {
    expect(thrownBy(() => validateRetryPolicy(policy))).toMatchObject({
      code: MessagingErrorCode.InvalidOptions,
    });
  });
});

describe('abortableSleep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves after the delay', async () => {
    let done = false;
    const sleeping = abortableSleep(1_000, new AbortController().signal).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(done).toBe(true);
  });

  it('resolves as soon as the signal aborts, leaving no timer behind', async () => {
    const stop = new AbortController();
    const sleeping = abortableSleep(30_000, stop.signal);
    stop.abort();
    await sleeping;
    expect(jest.getTimerCount()).toBe(0);
  });

  it('returns at once for an aborted signal', async () => {
    const stop = new AbortController();
    stop.abort();
    await abortableSleep(30_000, stop.signal);
    expect(jest.getTimerCount()).toBe(0);
  });
});
