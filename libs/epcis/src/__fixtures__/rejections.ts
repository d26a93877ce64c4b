/** Helpers for the rejection specs: run the normaliser and return its problems. */
import { EpcisErrorCode, EpcisProblemKind, EpcisValidationError, type EpcisProblem } from '../epcis.error';
import { normaliseEvent } from '../event.normaliser';
import { options, type Json } from './pharma-events';

export function problemsOf(input: unknown): EpcisProblem[] {
  try {
    normaliseEvent(input, options);
  } catch (error: unknown) {
    if (!(error instanceof EpcisValidationError)) throw error;
    expect(error.code).toBe(EpcisErrorCode.InvalidEvent);
    return [...error.problems];
  }
  throw new Error('expected the event to be rejected');
}

/** Exactly one problem, at this pointer, of this kind, with a reason matching. */
export function rejects(input: unknown, pointer: string, kind: EpcisProblemKind, reason: RegExp): void {
  const problems = problemsOf(input);
  expect(problems).toHaveLength(1);
  expect(problems[0]?.pointer).toBe(pointer);
  expect(problems[0]?.kind).toBe(kind);
  expect(problems[0]?.reason).toMatch(reason);
}

export const without = (event: Json, key: string): Json => {
  const copy = { ...event };
  delete copy[key];
  return copy;
};
