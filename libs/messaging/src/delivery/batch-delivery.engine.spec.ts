import type { ConsumedRecord } from '../event-log.port';
import { PermanentMessageError } from '../messaging.error';
import { silentLogger } from '../messaging.logger';
import { BatchDeliveryEngine, type BatchDeliveryOptions } from './batch-delivery.engine';
import type { DeadLetter } from './dead-letter';
import type { Sleep } from './retry-policy';

function records(count: number, poison: number[] = []): ConsumedRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    topic: 'epcis.events',
    partition: 2,
    offset: String(100 + i),
    key: `key-${i % 3}`,
    value: poison.includes(i) ? 'poison' : `value-${i}`,
    headers: {},
    timestamp: 0,
  }));
}

/** An engine whose sleeps return at once and are recorded; `onSleep` may act (e.g. abort). */
function engine(
  handleBatch: BatchDeliveryOptions['handleBatch'],
  overrides: Partial<BatchDeliveryOptions> & { onSleep?: (ms: number) => void } = {},
) {
  const delays: number[] = [];
  const deadLetters: DeadLetter[] = [];
  const sleep: Sleep = (ms) => {
    delays.push(ms);
    overrides.onSleep?.(ms);
    return Promise.resolve();
  };
  const instance = new BatchDeliveryEngine({
    groupId: 'custody',
    topic: 'epcis.events',
    handleBatch,
    publishDeadLetter: (letter) => {
      deadLetters.push(letter);
      return Promise.resolve();
    },
    retry: { initialDelayMs: 100, maxDelayMs: 1_000 },
    logger: silentLogger,
    sleep,
    ...overrides,
  });
  return { instance, delays, deadLetters };
}

const offsets = (batch: ConsumedRecord[]) => batch.map((r) => r.offset);
const rejectPoison = (batch: ConsumedRecord[]) =>
  batch.some((r) => r.value === 'poison')
    ? Promise.reject(new PermanentMessageError('bad payload'))
    : Promise.resolve();

describe('BatchDeliveryEngine', () => {
  it('hands the batch over once when the handler succeeds', async () => {
    const handle = jest.fn(() => Promise.resolve());
    const { instance, delays } = engine(handle);
    const batch = records(5);
    await expect(instance.deliver(batch, new AbortController().signal)).resolves.toEqual({ completed: 5 });
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle).toHaveBeenCalledWith(batch);
    expect(delays).toEqual([]);
  });

  it('retries the same batch with capped exponential backoff until the handler succeeds', async () => {
    const calls: string[][] = [];
    let failures = 6;
    const { instance, delays } = engine((batch) => {
      calls.push(offsets(batch));
      return failures-- > 0 ? Promise.reject(new Error('deadlock detected')) : Promise.resolve();
    });
    await expect(instance.deliver(records(4), new AbortController().signal)).resolves.toEqual({
      completed: 4,
    });
    expect(delays).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(calls).toHaveLength(7);
    expect(new Set(calls.map((c) => c.join()))).toEqual(new Set(['100,101,102,103']));
  });

  it('splits a batch with a poison record and dead-letters only that record, in order', async () => {
    const seen: string[][] = [];
    const { instance, deadLetters, delays } = engine((batch) => {
      seen.push(offsets(batch));
      return rejectPoison(batch);
    });
    await expect(instance.deliver(records(4, [2]), new AbortController().signal)).resolves.toEqual({
      completed: 4,
    });
    expect(seen).toEqual([['100', '101', '102', '103'], ['100'], ['101'], ['102'], ['103']]);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ record: { offset: '102' }, attempts: 2 });
    expect(deadLetters[0]?.error).toBeInstanceOf(PermanentMessageError);
    expect(delays).toEqual([]);
  });

  it('dead-letters a lone poison record without calling the handler again', async () => {
    const handle = jest.fn(rejectPoison);
    const { instance, deadLetters } = engine(handle);
    await expect(instance.deliver(records(1, [0]), new AbortController().signal)).resolves.toEqual({
      completed: 1,
    });
    expect(handle).toHaveBeenCalledTimes(1);
    expect(deadLetters.map((l) => l.attempts)).toEqual([1]);
  });

  it('counts transient attempts before the poison verdict', async () => {
    let transient = 2;
    const { instance, deadLetters } = engine((batch) =>
      transient-- > 0 ? Promise.reject(new Error('timeout')) : rejectPoison(batch),
    );
    await instance.deliver(records(1, [0]), new AbortController().signal);
    expect(deadLetters.map((l) => l.attempts)).toEqual([3]);
  });

  it('retries a single record that fails transiently while the batch is being split', async () => {
    let flaky = 1;
    const handled: string[] = [];
    const { instance, deadLetters, delays } = engine((batch) => {
      if (batch.length === 1 && batch[0]?.offset === '103' && flaky-- > 0)
        return Promise.reject(new Error('blip'));
      return rejectPoison(batch).then(() => void handled.push(...offsets(batch)));
    });
    await expect(instance.deliver(records(5, [1]), new AbortController().signal)).resolves.toEqual({
      completed: 5,
    });
    expect(handled).toEqual(['100', '102', '103', '104']);
    expect(deadLetters.map((l) => l.record.offset)).toEqual(['101']);
    expect(delays).toEqual([100]);
  });

  it('retries a failed dead-letter publish instead of skipping the record', async () => {
    let publishFailures = 2;
    const published: DeadLetter[] = [];
    const { instance, delays } = engine(rejectPoison, {
      publishDeadLetter: (letter) => {
        if (publishFailures-- > 0) return Promise.reject(new Error('log unavailable'));
        published.push(letter);
        return Promise.resolve();
      },
    });
    await expect(instance.deliver(records(1, [0]), new AbortController().signal)).resolves.toEqual({
      completed: 1,
    });
    expect(published).toHaveLength(1);
    expect(delays).toEqual([100, 200]);
  });

  it('gives up without completing anything when stopped during a backoff', async () => {
    const stop = new AbortController();
    const handle = jest.fn(() => Promise.reject(new Error('down')));
    const { instance } = engine(handle, { onSleep: () => stop.abort() });
    await expect(instance.deliver(records(3), stop.signal)).resolves.toEqual({ completed: 0 });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('reports the records finished so far when stopped while splitting a batch', async () => {
    const stop = new AbortController();
    let singles = 0;
    const { instance } = engine(
      (batch) => {
        if (batch.length > 1) return rejectPoison(batch);
        singles++;
        return singles === 2 ? Promise.reject(new Error('transient')) : Promise.resolve();
      },
      { onSleep: () => stop.abort() },
    );
    await expect(instance.deliver(records(4, [3]), stop.signal)).resolves.toEqual({ completed: 1 });
  });

  it('completes the batch whose handler was in flight when the stop came', async () => {
    const stop = new AbortController();
    const { instance } = engine(() => {
      stop.abort();
      return Promise.resolve();
    });
    await expect(instance.deliver(records(3), stop.signal)).resolves.toEqual({ completed: 3 });
  });

  it('does not call the handler once stopped, nor for an empty batch', async () => {
    const stop = new AbortController();
    stop.abort();
    const handle = jest.fn(() => Promise.resolve());
    const { instance } = engine(handle);
    await expect(instance.deliver(records(2), stop.signal)).resolves.toEqual({ completed: 0 });
    await expect(instance.deliver([], new AbortController().signal)).resolves.toEqual({ completed: 0 });
    expect(handle).not.toHaveBeenCalled();
  });

  it('treats a synchronous throw like any other transient failure', async () => {
    let throws = 1;
    const { instance, delays } = engine(() => {
      if (throws-- > 0) throw new Error('sync');
      return Promise.resolve();
    });
    await expect(instance.deliver(records(2), new AbortController().signal)).resolves.toEqual({
      completed: 2,
    });
    expect(delays).toEqual([100]);
  });
});
