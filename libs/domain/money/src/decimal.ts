import { DomainError } from '@prm/domain/common';

/** An exact decimal: value = units / 10^scale. Plain data so it never goes through a float. */
export interface ScaledDecimal {
  readonly units: bigint;
  readonly scale: number;
}

/** Longer strings are refused before any bigint work, so hostile input cannot cost much. */
export const MAX_DECIMAL_LENGTH = 64;

// Deliberately strict: no exponent, no '+', no '.5' or '5.', no whitespace — the API trims, not us.
const DECIMAL_PATTERN = /^(-?)(\d+)(?:\.(\d+))?$/;

export function parseDecimal(text: string): ScaledDecimal | null {
  if (typeof text !== 'string' || text.length > MAX_DECIMAL_LENGTH) return null;
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const magnitude = BigInt(whole + fraction);
  return { units: sign === '-' ? -magnitude : magnitude, scale: fraction.length };
}

export interface DecimalShape {
  /** Default true. */
  readonly allowNegative?: boolean;
  /** Default unlimited (up to MAX_DECIMAL_LENGTH). */
  readonly maxFractionDigits?: number;
}

export function isDecimalString(text: string, shape: DecimalShape = {}): boolean {
  const parsed = parseDecimal(text);
  if (parsed === null) return false;
  if (shape.allowNegative === false && text.startsWith('-')) return false;
  return shape.maxFractionDigits === undefined || parsed.scale <= shape.maxFractionDigits;
}

/** Parses or throws BAD_USER_INPUT (with `field` in the error's fields when given). */
export function requireDecimal(text: string, field?: string): ScaledDecimal {
  const parsed = parseDecimal(text);
  if (parsed === null) throw invalid(`"${String(text).slice(0, 40)}" is not a decimal number.`, field);
  return parsed;
}

/** Rescales to `scale` digits; only ever widens, so it is exact. */
export function rescale(value: ScaledDecimal, scale: number): bigint {
  if (scale < value.scale) throw new RangeError(`Cannot narrow scale ${value.scale} to ${scale} exactly`);
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function compareScaled(a: ScaledDecimal, b: ScaledDecimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact comparison of two decimal strings; throws BAD_USER_INPUT on malformed input. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  return compareScaled(requireDecimal(a), requireDecimal(b));
}

/** Exact a − b as a canonical decimal string. */
export function subtractDecimal(a: string, b: string): string {
  const x = requireDecimal(a);
  const y = requireDecimal(b);
  const scale = Math.max(x.scale, y.scale);
  return formatCanonical({ units: rescale(x, scale) - rescale(y, scale), scale });
}

/** Exactly `scale` fraction digits, e.g. (123450n, 2) → '1234.50'. */
export function formatFixed(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Canonical form: no leading zeros, no trailing fraction zeros, never '-0' (e.g. '012.500' → '12.5'). */
export function formatCanonical(value: ScaledDecimal): string {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return formatFixed(units, scale);
}

/** Canonical form of a decimal string; throws BAD_USER_INPUT on malformed input. */
export function canonicalDecimal(text: string, field?: string): string {
  return formatCanonical(requireDecimal(text, field));
}

function invalid(message: string, field?: string): DomainError {
  return new DomainError('BAD_USER_INPUT', message, field === undefined ? undefined : { [field]: [message] });
}
