import { DomainError, type ErrorCode } from '@prm/domain/common';
import { type Percent, parsePercent } from '@prm/domain/money';

/** '12.5' → the Percent 125_000n. */
export const pct = (text: string): Percent => parsePercent(text);

export function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

export function expectError(run: () => unknown, code: ErrorCode, message?: RegExp): DomainError {
  const error = errorOf(run);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

export const sum = (values: readonly bigint[]): bigint => values.reduce((total, value) => total + value, 0n);
