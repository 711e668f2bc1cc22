import { coFundingCapMinor } from '@prm/domain/mdf';
import { formatMoneyPlain, isValidPercent, parseMoney, parsePercent } from '@prm/domain/money';

/**
 * The minor units of an amount as typed ("1250.5" EUR → 125050n), or null when it is not an exact
 * amount in the currency (more decimals than it has, not a number). Never goes through a float.
 */
export function amountMinor(text: string, currency: string): bigint | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    return parseMoney(trimmed, currency).amountMinor;
  } catch {
    return null;
  }
}

/** Minor units as the API's decimal string: 125050n EUR → "1250.50". */
export const plainAmount = (minor: bigint, currency: string): string => formatMoneyPlain({ amountMinor: minor, currency });

/**
 * The most a request may ask for while the planned cost is typed: the tier's co-funding % of it,
 * rounded down to the cent exactly as the API rounds it. Null while the cost is not a valid amount.
 */
export function coFundingCap(plannedCost: string, cofundingPct: string, currency: string): string | null {
  const cost = amountMinor(plannedCost, currency);
  if (cost === null || cost <= 0n || !isValidPercent(cofundingPct)) return null;
  return plainAmount(coFundingCapMinor(cost, parsePercent(cofundingPct)), currency);
}

/** Compares two decimal amounts of one currency exactly; null when either is not an amount. */
export function compareAmounts(a: string, b: string, currency: string): -1 | 0 | 1 | null {
  const x = amountMinor(a, currency);
  const y = amountMinor(b, currency);
  if (x === null || y === null) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}
