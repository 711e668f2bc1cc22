import { divRound, minorUnitDigits, parseDecimal } from '@prm/domain/money';

/** Exchange rates have at most 10 decimals: base units per one unit of the other currency. */
export const RATE_MAX_FRACTION_DIGITS = 10;

/**
 * Converts an amount in `currency` minor units to the base currency's minor units at `rate`
 * (base major units per one major unit), rounded once, half away from zero — the same rule as
 * Postgres `round(numeric)`, which the rollups use.
 */
export function convertMinor(amountMinor: bigint, currency: string, rate: string, baseCurrency: string): bigint {
  const parsed = parseDecimal(rate);
  if (!parsed || parsed.units <= 0n) throw new RangeError(`not a positive rate: ${rate}`);
  const shift = minorUnitDigits(baseCurrency) - minorUnitDigits(currency);
  const numerator = amountMinor * parsed.units * (shift > 0 ? 10n ** BigInt(shift) : 1n);
  const denominator = 10n ** BigInt(parsed.scale) * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  return divRound(numerator, denominator, 'HALF_UP');
}
