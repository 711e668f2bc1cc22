import { formatFixed, minorUnitDigits } from '@prm/domain/money';

// Only the three currencies the portal's users read by symbol; any other code is printed as 'CHF 12.00'.
const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£' };

/** '€1,234.50', '$0.05', 'CHF 12.00', 'JPY 1,001', '-€5.00': for messages, not for the wire. */
export function formatMoneyText(amountMinor: bigint, currency: string): string {
  const negative = amountMinor < 0n;
  const fixed = formatFixed(negative ? -amountMinor : amountMinor, minorUnitDigits(currency));
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const prefix = SYMBOLS[currency] ?? `${currency} `;
  return `${negative ? '-' : ''}${prefix}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** The CONFLICT message of a reservation that does not fit, worded exactly as the brief decided. */
export function insufficientFundsMessage(availableMinor: bigint, currency: string): string {
  return `insufficient funds: ${formatMoneyText(availableMinor, currency)} available`;
}
