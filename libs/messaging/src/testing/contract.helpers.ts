import type { ConsumedRecord, PublishRecord } from '../event-log.port';

/** Records a handler saw, in the order it saw them (duplicates included: delivery is at-least-once). */
export class Received {
  readonly records: ConsumedRecord[] = [];

  add(batch: ConsumedRecord[]): void {
    this.records.push(...batch);
  }

  get count(): number {
    return this.records.length;
  }

  get distinct(): number {
    return this.values().size;
  }

  values(): Set<string> {
    return new Set(this.records.map((r) => r.value));
  }

  /** `partition/offset` of every record seen. */
  positions(): Set<string> {
    return new Set(this.records.map((r) => `${r.partition}/${r.offset}`));
  }
}

/** `keys × perKey` records, interleaved by key, valued `<key>#<seq>` so order can be checked. */
export function keyedRecords(keys: number, perKey: number, padTo = 0): PublishRecord[] {
  const records: PublishRecord[] = [];
  for (let seq = 0; seq < perKey; seq++) {
    for (let k = 0; k < keys; k++) {
      const value = `key-${k}#${seq}`;
      records.push({ key: `key-${k}`, value: padTo > value.length ? value.padEnd(padTo, '.') : value });
    }
  }
  return records;
}

export function sequenceOf(value: string): number {
  return Number(/#(\d+)/.exec(value)?.[1] ?? NaN);
}

/**
 * Each key's records arrive in publish order. A redelivery (after a stop or a rebalance) may replay
 * a key from an earlier point, so order is checked on first sightings: each new record of a key must
 * be the next one, with nothing skipped.
 */
export function expectOrderedPerKey(
  records: ConsumedRecord[],
  keys: number,
  perKey: number,
  { complete = true }: { complete?: boolean } = {},
): void {
  const next = new Map<string, number>();
  const problems: string[] = [];
  for (const record of records) {
    const seq = sequenceOf(record.value);
    const expected = next.get(record.key);
    if (expected === undefined) {
      if (complete && seq !== 0) problems.push(`${record.key} started at ${seq}`);
      next.set(record.key, seq + 1);
    } else if (seq === expected) {
      next.set(record.key, seq + 1);
    } else if (seq > expected) {
      problems.push(`${record.key}: got #${seq} after #${expected - 1}`);
    }
  }
  if (complete) {
    for (let k = 0; k < keys; k++) {
      const reached = next.get(`key-${k}`) ?? 0;
      if (reached !== perKey) problems.push(`key-${k}: ${reached} of ${perKey}`);
    }
  }
  expect(problems.slice(0, 10)).toEqual([]);
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The error `work` throws synchronously (fails the test when it throws nothing). */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}
