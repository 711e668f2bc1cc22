/**
 * HALF_UP: half away from zero (the portal default, what finance teams expect on invoices).
 * HALF_EVEN: banker's rounding, for callers that must avoid a systematic upward bias.
 * DOWN: towards zero (truncation), e.g. for caps that must never be exceeded.
 */
export const ROUNDING_MODES = ['HALF_UP', 'HALF_EVEN', 'DOWN'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** numerator / denominator rounded to an integer; exact for any bigint size. */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode = 'HALF_UP'): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  // Normalise to a positive denominator so "away from zero" follows the numerator's sign only.
  if (denominator < 0n) return divRound(-numerator, -denominator, mode);

  const quotient = numerator / denominator; // bigint division truncates towards zero
  const remainder = numerator % denominator; // carries the numerator's sign
  if (remainder === 0n || mode === 'DOWN') return quotient;

  const step = numerator < 0n ? -1n : 1n;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder > denominator) return quotient + step;
  if (twiceRemainder < denominator) return quotient;
  if (mode === 'HALF_UP') return quotient + step;
  return quotient % 2n === 0n ? quotient : quotient + step;
}
