import { DomainError } from '@prm/domain/common';
import { assertCurrencyCode, minorUnitDigits } from './currency';
import { formatFixed, parseDecimal, rescale } from './decimal';

/** An amount in the currency's minor unit (cents for EUR, yen for JPY) — never a float. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

/** Largest |amountMinor| accepted: the Postgres `bigint` range, so every Money fits a bigint column. */
export const MAX_AMOUNT_MINOR = 9_223_372_036_854_775_807n;

export function money(amountMinor: bigint, currency: string): Money {
  assertCurrencyCode(currency);
  assertInRange(amountMinor);
  return { amountMinor, currency };
}

/**
 * '1234.5' EUR → 123450n. Exact: more decimals than the currency has is an error, not a rounding.
 * Throws BAD_USER_INPUT (keyed by `field` when given).
 */
export function parseMoney(text: string, currency: string, field?: string): Money {
  assertCurrencyCode(currency, field);
  const fail = (message: string): never => {
    throw new DomainError('BAD_USER_INPUT', message, field === undefined ? undefined : { [field]: [message] });
  };
  const shown = `"${String(text).slice(0, 40)}"`;
  const parsed = parseDecimal(text);
  if (parsed === null) return fail(`Amount ${shown} is not a number.`);
  const digits = minorUnitDigits(currency);
  if (parsed.scale > digits) {
    return fail(`Amount ${shown} has more than ${digits} decimal${digits === 1 ? '' : 's'} for ${currency}.`);
  }
  const amountMinor = rescale(parsed, digits);
  if (amountMinor > MAX_AMOUNT_MINOR || amountMinor < -MAX_AMOUNT_MINOR) return fail(`Amount ${shown} is too large.`);
  return { amountMinor, currency };
}

/** Plain decimal text with exactly the currency's digits: '1234.50', '-0.05', '1234' (JPY). No grouping, no symbol. */
export function formatMoneyPlain(value: Money): string {
  return formatFixed(value.amountMinor, minorUnitDigits(value.currency));
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: assertInRange(a.amountMinor + b.amountMinor), currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: assertInRange(a.amountMinor - b.amountMinor), currency: a.currency };
}

function assertSameCurrency(a: Money, b: Money): void {
  // Mixing currencies silently is the classic money bug; conversion is an explicit, separate step.
  if (a.currency !== b.currency) {
    throw new DomainError('BAD_USER_INPUT', `Cannot combine ${a.currency} with ${b.currency}.`);
  }
}

function assertInRange(amountMinor: bigint): bigint {
  if (amountMinor > MAX_AMOUNT_MINOR || amountMinor < -MAX_AMOUNT_MINOR) {
    throw new DomainError('BAD_USER_INPUT', 'Amount is out of range.');
  }
  return amountMinor;
}
