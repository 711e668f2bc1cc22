import { DomainError } from '@prm/domain/common';

// ISO 4217 minor-unit exponents that differ from the usual 2; every other well-formed code gets 2.
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Three upper-case letters; case is not fixed up here so stored codes stay canonical. */
export function isCurrencyCode(code: string): boolean {
  return typeof code === 'string' && /^[A-Z]{3}$/.test(code);
}

export function assertCurrencyCode(code: string, field?: string): void {
  if (isCurrencyCode(code)) return;
  const message = `"${String(code).slice(0, 10)}" is not an ISO 4217 currency code.`;
  throw new DomainError('BAD_USER_INPUT', message, field === undefined ? undefined : { [field]: [message] });
}

/** Digits after the decimal point for the currency (EUR 2, JPY 0, KWD 3); throws on a malformed code. */
export function minorUnitDigits(currency: string): number {
  assertCurrencyCode(currency);
  return MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
}
