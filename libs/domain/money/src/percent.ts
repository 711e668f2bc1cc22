import { DomainError } from '@prm/domain/common';
import { formatCanonical, parseDecimal, rescale } from './decimal';
import { divRound, type RoundingMode } from './rounding';

/**
 * A percentage 0..100 stored as an integer count of 0.0001 % (a hundredth of a basis point),
 * so '12.5' is 125_000n and '100' is 1_000_000n. The brand stops raw bigints sneaking in.
 * Matches a Postgres numeric(7,4) column holding the percent value as written.
 */
export type Percent = bigint & { readonly __brand: 'Percent' };

/** Fraction digits a percent may carry. */
export const PERCENT_SCALE = 4;
/** Units in 100 %: 100 × 10^4. */
export const PERCENT_UNITS_PER_HUNDRED = 1_000_000n;

export const ZERO_PERCENT = 0n as Percent;
export const HUNDRED_PERCENT = PERCENT_UNITS_PER_HUNDRED as Percent;

/** Parses '12.5', '0', '100.0000'; throws BAD_USER_INPUT (keyed by `field` when given) otherwise. */
export function parsePercent(text: string, field?: string): Percent {
  const checked = checkPercent(text);
  if (typeof checked === 'string') {
    throw new DomainError('BAD_USER_INPUT', checked, field === undefined ? undefined : { [field]: [checked] });
  }
  return checked;
}

export function isValidPercent(text: string): boolean {
  return typeof checkPercent(text) !== 'string';
}

/** Wraps an integer count of 0.0001 % (e.g. a value read back from storage) after range-checking it. */
export function percentFromUnits(units: bigint): Percent {
  if (units < 0n || units > PERCENT_UNITS_PER_HUNDRED) {
    throw new DomainError('BAD_USER_INPUT', `Percent units ${units} are outside 0..${PERCENT_UNITS_PER_HUNDRED}.`);
  }
  return units as Percent;
}

/** Canonical text: '12.5', '0', '100', '0.0001'. */
export function formatPercent(percent: Percent): string {
  return formatCanonical({ units: percent, scale: PERCENT_SCALE });
}

/**
 * amountMinor × percent, rounded once at the minor unit (default: half away from zero).
 * Exact: the product is formed in bigint before the single division.
 */
export function applyPercent(amountMinor: bigint, percent: Percent, rounding: RoundingMode = 'HALF_UP'): bigint {
  return divRound(amountMinor * percent, PERCENT_UNITS_PER_HUNDRED, rounding);
}

// Returns the parsed value or a user-facing reason, so parse and isValid share one rule set.
function checkPercent(text: string): Percent | string {
  const shown = `"${String(text).slice(0, 40)}"`;
  const parsed = typeof text === 'string' ? parseDecimal(text) : null;
  if (parsed === null) return `Percentage ${shown} is not a number.`;
  // Checked on the text so '-0' is refused too: rates are entered as non-negative values.
  if (text.startsWith('-')) return `Percentage ${shown} must not be negative.`;
  if (parsed.scale > PERCENT_SCALE) return `Percentage ${shown} has more than ${PERCENT_SCALE} decimals.`;
  const units = rescale(parsed, PERCENT_SCALE);
  if (units > PERCENT_UNITS_PER_HUNDRED) return `Percentage ${shown} is above 100.`;
  return units as Percent;
}
