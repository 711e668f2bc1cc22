import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import {
  applyPercent,
  formatPercent,
  HUNDRED_PERCENT,
  isValidPercent,
  parsePercent,
  PERCENT_UNITS_PER_HUNDRED,
  percentFromUnits,
  ZERO_PERCENT,
  type Percent,
} from '../percent';
import { formatFixed } from '../decimal';
import { ROUNDING_MODES } from '../rounding';

describe('parsePercent / formatPercent', () => {
  it.each([
    ['0', 0n, '0'],
    ['0.0', 0n, '0'],
    ['100', 1_000_000n, '100'],
    ['100.0000', 1_000_000n, '100'],
    ['12.5', 125_000n, '12.5'],
    ['12.50', 125_000n, '12.5'],
    ['012.5', 125_000n, '12.5'],
    ['0.0001', 1n, '0.0001'],
    ['99.9999', 999_999n, '99.9999'],
    ['3.3333', 33_333n, '3.3333'],
    ['7', 70_000n, '7'],
  ])('%s → %p units → %s', (text, units, canonical) => {
    const percent = parsePercent(text);
    expect(percent).toBe(units);
    expect(isValidPercent(text)).toBe(true);
    expect(formatPercent(percent)).toBe(canonical);
  });

  it.each([
    ['', 'is not a number'],
    ['abc', 'is not a number'],
    ['1e2', 'is not a number'],
    ['.5', 'is not a number'],
    ['5.', 'is not a number'],
    ['+5', 'is not a number'],
    [' 5', 'is not a number'],
    ['12,5', 'is not a number'],
    ['5%', 'is not a number'],
    ['-1', 'must not be negative'],
    ['-0', 'must not be negative'],
    ['-0.0001', 'must not be negative'],
    ['100.0001', 'is above 100'],
    ['101', 'is above 100'],
    ['1000000', 'is above 100'],
    ['12.34567', 'has more than 4 decimals'],
    ['0.00001', 'has more than 4 decimals'],
    ['100.00000', 'has more than 4 decimals'],
  ])('rejects %j (%s)', (text, reason) => {
    expect(isValidPercent(text)).toBe(false);
    expect(() => parsePercent(text)).toThrow(reason);
    try {
      parsePercent(text, 'rate');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('BAD_USER_INPUT');
      expect((error as DomainError).fields?.['rate']?.[0]).toContain(reason);
    }
  });

  const percent = fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }).map((units) => percentFromUnits(units));

  it('format and parse are inverse on every representable percent', () => {
    fc.assert(
      fc.property(percent, (p) => {
        const text = formatPercent(p);
        expect(parsePercent(text)).toBe(p);
        expect(text).not.toMatch(/\.\d*0$/);
        // Padded to 4 decimals it is the same value.
        expect(parsePercent(formatFixed(p, 4))).toBe(p);
      }),
    );
  });

  it.each([[-1n], [1_000_001n]])('percentFromUnits rejects %p', (units) => {
    expect(() => percentFromUnits(units)).toThrow(DomainError);
  });
});

describe('applyPercent', () => {
  it.each<[bigint, string, 'HALF_UP' | 'HALF_EVEN' | 'DOWN' | undefined, bigint]>([
    [123450n, '12.5', undefined, 15431n], // 15431.25
    [5n, '10', undefined, 1n], // 0.5 → away from zero
    [5n, '10', 'HALF_EVEN', 0n],
    [15n, '10', 'HALF_EVEN', 2n], // 1.5 → 2
    [5n, '10', 'DOWN', 0n],
    [-5n, '10', undefined, -1n],
    [-5n, '10', 'HALF_EVEN', 0n],
    [-15n, '10', 'HALF_EVEN', -2n],
    [-19n, '10', 'DOWN', -1n],
    [1001n, '7.5', undefined, 75n], // 75.075
    [10000n, '3.3333', undefined, 333n], // 333.33
    [99999n, '12.3456', undefined, 12345n], // 12345.476544
    [1n, '50', undefined, 1n],
    [1n, '49.9999', undefined, 0n],
    [3n, '50', 'HALF_EVEN', 2n], // 1.5 → 2
    [9_223_372_036_854_775_807n, '100', undefined, 9_223_372_036_854_775_807n],
    [9_223_372_036_854_775_807n, '0.0001', undefined, 9_223_372_036_855n], // 9223372036854.775807
  ])('applyPercent(%p, %s, %s) = %p', (amount, rate, mode, expected) => {
    expect(applyPercent(amount, parsePercent(rate), mode)).toBe(expected);
  });

  const amount = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });
  const nonNegativeAmount = fc.bigInt({ min: 0n, max: 10n ** 18n });
  const percent = fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }).map((u) => u as Percent);
  const mode = fc.constantFrom(...ROUNDING_MODES);

  it('100 % is the identity and 0 % is zero', () => {
    fc.assert(
      fc.property(amount, mode, (x, m) => {
        expect(applyPercent(x, HUNDRED_PERCENT, m)).toBe(x);
        expect(applyPercent(x, ZERO_PERCENT, m)).toBe(0n);
      }),
    );
  });

  it('never exceeds the amount and never goes negative for non-negative amounts', () => {
    fc.assert(
      fc.property(nonNegativeAmount, percent, mode, (x, p, m) => {
        const result = applyPercent(x, p, m);
        expect(result <= x).toBe(true);
        expect(result >= 0n).toBe(true);
      }),
    );
  });

  it('is monotonic in the percentage', () => {
    fc.assert(
      fc.property(nonNegativeAmount, percent, percent, mode, (x, p, q, m) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        expect(applyPercent(x, low, m) <= applyPercent(x, high, m)).toBe(true);
      }),
    );
  });

  it('is sign-symmetric', () => {
    fc.assert(
      fc.property(amount, percent, mode, (x, p, m) => {
        expect(applyPercent(-x, p, m)).toBe(-applyPercent(x, p, m));
      }),
    );
  });

  it('HALF_UP is within half a minor unit of the exact value, ties away from zero', () => {
    fc.assert(
      fc.property(amount, percent, (x, p) => {
        const result = applyPercent(x, p);
        // Exact value is x·p / 10^6; compare everything scaled by 10^6.
        const residual = x * p - result * PERCENT_UNITS_PER_HUNDRED;
        const absResidual = residual < 0n ? -residual : residual;
        expect(absResidual * 2n <= PERCENT_UNITS_PER_HUNDRED).toBe(true);
        if (absResidual * 2n === PERCENT_UNITS_PER_HUNDRED) {
          expect(x >= 0n ? residual < 0n : residual > 0n).toBe(true);
        }
      }),
    );
  });
});
