import { divRound } from '@prm/domain/money';

/**
 * `numerator ÷ denominator` as a percentage with 2 decimals ("66.67"), rounded half up; null when
 * the denominator is 0 (no decided registrations: the rate is undefined, not 0 % or 100 %).
 */
export function ratePercent(numerator: number | bigint, denominator: number | bigint): string | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return null;
  if (n < 0n || d < 0n) throw new RangeError('counts must be non-negative');
  const hundredths = divRound(n * 10_000n, d, 'HALF_UP');
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

/** Mean of amounts in minor units, rounded half up to the minor unit; null for no items. */
export function averageMinor(sumMinor: bigint, count: number | bigint): bigint | null {
  const c = BigInt(count);
  if (c === 0n) return null;
  return divRound(sumMinor, c, 'HALF_UP');
}
