import fc from 'fast-check';
import { averageMinor, ratePercent } from '../deal-metrics';

describe('ratePercent', () => {
  it.each<[number, number, string | null]>([
    [0, 0, null],
    [0, 5, '0.00'],
    [5, 5, '100.00'],
    [2, 3, '66.67'],
    [1, 3, '33.33'],
    [1, 8, '12.50'],
    [1, 200, '0.50'],
    [1, 20_000, '0.01'], // 0.005 → half up
    [1, 20_001, '0.00'],
    [7, 9, '77.78'],
  ])('%i / %i = %s', (n, d, expected) => {
    expect(ratePercent(n, d)).toBe(expected);
  });

  it('refuses negative counts', () => {
    expect(() => ratePercent(-1, 3)).toThrow(RangeError);
  });

  it('is within half a hundredth of the exact ratio and never outside 0–100 for n ≤ d', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (d, k) => {
        const n = k % (d + 1);
        const text = ratePercent(n, d)!;
        const hundredths = BigInt(text.replace('.', ''));
        // |hundredths/100 − n/d·100| ≤ 1/200  ⇔  |2·d·hundredths − 20000·n| ≤ d
        const diff = 2n * BigInt(d) * hundredths - 20_000n * BigInt(n);
        return (diff < 0n ? -diff : diff) <= BigInt(d) && hundredths >= 0n && hundredths <= 10_000n;
      }),
    );
  });
});

describe('averageMinor', () => {
  it.each<[bigint, number, bigint | null]>([
    [0n, 0, null],
    [1000n, 4, 250n],
    [1001n, 2, 501n], // 500.5 → 501
    [1000n, 3, 333n],
    [2000n, 3, 667n],
  ])('%s / %i = %s', (sum, count, expected) => {
    expect(averageMinor(sum, count)).toBe(expected);
  });

  it('times the count is within half the count of the sum', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 1, max: 10_000 }), (sum, count) => {
        const avg = averageMinor(sum, count)!;
        const diff = avg * BigInt(count) * 2n - sum * 2n;
        return (diff < 0n ? -diff : diff) <= BigInt(count);
      }),
    );
  });
});
