import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import { parseMoney } from '@prm/domain/money';
import { formatMoneyText, insufficientFundsMessage } from '../money-text';

describe('formatMoneyText', () => {
  it.each<[bigint, string, string]>([
    [123_450n, 'EUR', '€1,234.50'],
    [5n, 'USD', '$0.05'],
    [1_000n, 'GBP', '£10.00'],
    [1_200n, 'CHF', 'CHF 12.00'],
    [1_001n, 'JPY', 'JPY 1,001'],
    [-500n, 'EUR', '-€5.00'],
    [-1_200n, 'CHF', '-CHF 12.00'],
    [0n, 'EUR', '€0.00'],
    [0n, 'JPY', 'JPY 0'],
    [1n, 'EUR', '€0.01'],
    [99_999n, 'EUR', '€999.99'],
    [100_000n, 'EUR', '€1,000.00'],
    [123_456_789n, 'USD', '$1,234,567.89'],
    [100_000_000_000n, 'EUR', '€1,000,000,000.00'],
    [999n, 'JPY', 'JPY 999'],
    [1_000_000n, 'KRW', 'KRW 1,000,000'],
    [1_234_567n, 'KWD', 'KWD 1,234.567'],
    [5n, 'KWD', 'KWD 0.005'],
    [12_345n, 'CLF', 'CLF 1.2345'],
    [-123_456_789n, 'GBP', '-£1,234,567.89'],
    [9_223_372_036_854_775_807n, 'EUR', '€92,233,720,368,547,758.07'],
  ])('%p %s → %s', (amount, currency, text) => {
    expect(formatMoneyText(amount, currency)).toBe(text);
  });

  it('refuses a malformed currency code', () => {
    expect(() => formatMoneyText(1n, 'eur')).toThrow(DomainError);
  });

  it('property: removing the symbol and commas gives back the exact amount (round trip through parseMoney)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.constantFrom('EUR', 'USD', 'GBP', 'CHF', 'JPY', 'KWD', 'CLF'), (amount, currency) => {
        const text = formatMoneyText(amount, currency);
        const plain = text.replace(/[€$£,]/g, '').replace(`${currency} `, '');
        expect(parseMoney(plain, currency).amountMinor).toBe(amount);
        // Groups of exactly three digits after the first comma.
        expect(text).toMatch(/^-?(€|\$|£|[A-Z]{3} )\d{1,3}(,\d{3})*(\.\d+)?$/);
      }),
    );
  });
});

describe('insufficientFundsMessage', () => {
  it.each<[bigint, string, string]>([
    [123_450n, 'EUR', 'insufficient funds: €1,234.50 available'],
    [1_200n, 'CHF', 'insufficient funds: CHF 12.00 available'],
    [0n, 'USD', 'insufficient funds: $0.00 available'],
    [1_001n, 'JPY', 'insufficient funds: JPY 1,001 available'],
    [250_000n, 'GBP', 'insufficient funds: £2,500.00 available'],
  ])('%p %s', (available, currency, message) => {
    expect(insufficientFundsMessage(available, currency)).toBe(message);
  });
});
