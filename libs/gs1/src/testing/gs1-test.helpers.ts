import { Gs1Error, type Gs1ErrorCode } from '../errors/gs1.error';
import { checkDigitOf } from '../ai/check-digit';

/** Runs `action` and returns the Gs1Error it throws; fails the test on success or on any other error. */
export function gs1ErrorOf(action: () => unknown): Gs1Error {
  try {
    action();
  } catch (error) {
    if (error instanceof Gs1Error) return error;
    throw error;
  }
  throw new Error('expected a Gs1Error, but nothing was thrown');
}

export async function gs1ErrorOfAsync(action: () => Promise<unknown>): Promise<Gs1Error> {
  try {
    await action();
  } catch (error) {
    if (error instanceof Gs1Error) return error;
    throw error;
  }
  throw new Error('expected a Gs1Error, but nothing was thrown');
}

export interface ExpectedError {
  readonly code: Gs1ErrorCode;
  readonly position: number;
  readonly reason?: RegExp;
}

/** Asserts code, position and (optionally) reason, and that the message names the position. */
export function expectGs1Error(action: () => unknown, expected: ExpectedError): void {
  const error = gs1ErrorOf(action);
  expect({ code: error.code, position: error.position }).toEqual({
    code: expected.code,
    position: expected.position,
  });
  if (expected.reason) expect(error.reason).toMatch(expected.reason);
  expect(error.message).toBe(`position ${expected.position}: ${error.reason}`);
}

/** Appends the GS1 check digit to a digit string. */
export function withCheck(digits: string): string {
  return digits + String(checkDigitOf(digits));
}
