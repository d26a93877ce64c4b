import type { EventIntake } from '@pharmatrace/capture';
import { EpcisErrorCode, EpcisProblemKind, EpcisValidationError, type EpcisEvent } from '@pharmatrace/epcis';
import { EventLogUnavailableError } from '@pharmatrace/messaging';
import { BatcherStoppedError, IntakeBatcher, type BatcherOptions, type IntakeItem } from './intake-batcher';

type Call = { capturedBy: string; events: unknown[]; captureId: string | undefined };

/** An intake double: records calls; refuses batches holding a `bad` event; fails `outages` times first. */
function fakeIntake(outages = 0): EventIntake & { calls: Call[] } {
  const calls: Call[] = [];
  let failures = outages;
  return {
    calls,
    submit(
      capturedBy: string,
      events: readonly unknown[],
      options?: { captureId?: string },
    ): Promise<EpcisEvent[]> {
      calls.push({ capturedBy, events: [...events], captureId: options?.captureId });
      if (failures-- > 0) return Promise.reject(new EventLogUnavailableError('broker down'));
      if (events.some((e) => (e as { bad?: boolean }).bad)) {
        const problem = { kind: EpcisProblemKind.Identifier, pointer: '/0/epcList', reason: 'bad' };
        return Promise.reject(new EpcisValidationError(EpcisErrorCode.InvalidEvent, [problem]));
      }
      return Promise.resolve([]);
    },
  };
}

const options = (overrides: Partial<BatcherOptions> = {}): BatcherOptions => ({
  maxBatch: 100,
  lingerMs: 5,
  producers: 3,
  retry: { initialDelayMs: 1, maxDelayMs: 2 },
  ...overrides,
});
const item = (n: number, overrides: Partial<IntakeItem> = {}): IntakeItem => ({
  capturedBy: 'A',
  captureId: undefined,
  event: { n },
  ...overrides,
});

describe('IntakeBatcher', () => {
  it('sends the events of all producers in one intake call once every producer is waiting', async () => {
    const intake = fakeIntake();
    const batcher = new IntakeBatcher(intake, options({ lingerMs: 10_000 }));
    const outcomes = await Promise.all([
      batcher.submit(item(1)),
      batcher.submit(item(2)),
      batcher.submit(item(3)),
    ]);
    expect(outcomes).toEqual([{ accepted: true }, { accepted: true }, { accepted: true }]);
    expect(intake.calls).toEqual([
      { capturedBy: 'A', events: [{ n: 1 }, { n: 2 }, { n: 3 }], captureId: undefined },
    ]);
  });

  it('sends a lone event after the linger time, and one call per participant and capture', async () => {
    const intake = fakeIntake();
    const batcher = new IntakeBatcher(intake, options({ producers: 10 }));
    await Promise.all([
      batcher.submit(item(1)),
      batcher.submit(item(2, { capturedBy: 'B' })),
      batcher.submit(item(3, { captureId: 'c1' })),
    ]);
    expect(intake.calls.map((c) => [c.capturedBy, c.captureId, c.events.length])).toEqual([
      ['A', undefined, 1],
      ['B', undefined, 1],
      ['A', 'c1', 1],
    ]);
  });

  it('retries a refused batch event by event, so only the invalid one is refused', async () => {
    const intake = fakeIntake();
    const batcher = new IntakeBatcher(intake, options());
    const outcomes = await Promise.all([
      batcher.submit(item(1)),
      batcher.submit({ ...item(2), event: { n: 2, bad: true } }),
      batcher.submit(item(3)),
    ]);
    expect(outcomes[0]).toEqual({ accepted: true });
    expect(outcomes[1]).toMatchObject({ accepted: false, reason: expect.stringContaining('bad') });
    expect(outcomes[2]).toEqual({ accepted: true });
  });

  it('resends the same events while the event log is unavailable', async () => {
    const intake = fakeIntake(2);
    const failures: number[] = [];
    const batcher = new IntakeBatcher(
      intake,
      options({ producers: 1, onTransientFailure: (_e, n) => failures.push(n) }),
    );
    await expect(batcher.submit(item(1))).resolves.toEqual({ accepted: true });
    expect(failures).toEqual([0, 1]);
    expect(intake.calls.map((c) => c.events)).toEqual([[{ n: 1 }], [{ n: 1 }], [{ n: 1 }]]);
  });

  it('rejects waiting producers when stopped, so nothing is acknowledged', async () => {
    const batcher = new IntakeBatcher(
      fakeIntake(1_000),
      options({ producers: 1, retry: { initialDelayMs: 50, maxDelayMs: 50 } }),
    );
    const pending = batcher.submit(item(1));
    await new Promise((resolve) => setTimeout(resolve, 10));
    batcher.stop();
    await expect(pending).rejects.toBeInstanceOf(BatcherStoppedError);
    await expect(batcher.submit(item(2))).rejects.toBeInstanceOf(BatcherStoppedError);
  });
});
