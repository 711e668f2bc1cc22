import { DomainError } from '@prm/domain/common';

/**
 * Splits amountMinor in proportion to weights so the parts sum exactly to the amount
 * (largest-remainder method): every part gets floor(share), then the leftover minor units go
 * one each to the largest fractional remainders, ties to the earlier index. A negative amount is
 * split as its absolute value and negated, so allocation is sign-symmetric.
 */
export function allocate(amountMinor: bigint, weights: readonly bigint[]): bigint[] {
  if (weights.length === 0) throw new DomainError('BAD_USER_INPUT', 'Allocation needs at least one weight.');
  if (weights.some((weight) => weight < 0n)) {
    throw new DomainError('BAD_USER_INPUT', 'Allocation weights must not be negative.');
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n) throw new DomainError('BAD_USER_INPUT', 'Allocation weights must not all be zero.');

  if (amountMinor < 0n) return allocate(-amountMinor, weights).map((part) => -part);

  const parts = weights.map((weight) => (amountMinor * weight) / total);
  const remainders = weights.map((weight, index) => ({ index, remainder: (amountMinor * weight) % total }));
  let leftover = amountMinor - parts.reduce((sum, part) => sum + part, 0n);

  // leftover < number of non-zero remainders, so zero-weight parts can never receive a unit.
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts;
}
