// The worked examples in docs/money.md; if one of these changes, update the document too.
import { allocate } from '../allocation';
import { addMoney, formatMoneyPlain, parseMoney, type Money } from '../money';
import { applyPercent, parsePercent } from '../percent';
import type { RoundingMode } from '../rounding';

function commission(amount: string, currency: string, rate: string, rounding?: RoundingMode): string {
  const base = parseMoney(amount, currency);
  return formatMoneyPlain({ currency, amountMinor: applyPercent(base.amountMinor, parsePercent(rate), rounding) });
}

describe('docs/money.md worked examples', () => {
  it.each<[string, string, string, RoundingMode | undefined, string]>([
    // Example 1: an ordinary commission line.
    ['1234.50', 'EUR', '12.5', undefined, '154.31'],
    // Example 2: an exact half cent.
    ['0.05', 'USD', '10', undefined, '0.01'],
    ['-0.05', 'USD', '10', undefined, '-0.01'],
    ['0.05', 'USD', '10', 'HALF_EVEN', '0.00'],
    ['0.05', 'USD', '10', 'DOWN', '0.00'],
    // Example 3: currencies without / with more minor digits.
    ['1001', 'JPY', '7.5', undefined, '75'],
    ['10.000', 'KWD', '3.3333', undefined, '0.333'],
    // Example 4: full-precision rate vs a rate rounded too early.
    ['999.99', 'EUR', '12.3456', undefined, '123.45'],
    ['999.99', 'EUR', '12.35', undefined, '123.50'],
  ])('%s %s × %s %% (%s) = %s', (amount, currency, rate, rounding, expected) => {
    expect(commission(amount, currency, rate, rounding)).toBe(expected);
  });

  it('example 4: rounding is per line, so two half-cent lines make two cents', () => {
    const rate = parsePercent('5');
    const line = (amount: string): Money => {
      const base = parseMoney(amount, 'EUR');
      return { currency: 'EUR', amountMinor: applyPercent(base.amountMinor, rate) };
    };
    expect(formatMoneyPlain(addMoney(line('0.10'), line('0.10')))).toBe('0.02');
    expect(formatMoneyPlain(line('0.20'))).toBe('0.01');
  });

  it.each<[string, bigint[], string[]]>([
    // Example 5: allocation.
    ['100.00', [1n, 1n, 1n], ['33.34', '33.33', '33.33']],
    ['0.05', [50n, 30n, 20n], ['0.03', '0.01', '0.01']],
    ['-100.00', [1n, 1n, 1n], ['-33.34', '-33.33', '-33.33']],
  ])('allocates EUR %s by %p as %p', (amount, weights, expected) => {
    const parts = allocate(parseMoney(amount, 'EUR').amountMinor, weights);
    expect(parts.map((amountMinor) => formatMoneyPlain({ amountMinor, currency: 'EUR' }))).toEqual(expected);
  });
});
