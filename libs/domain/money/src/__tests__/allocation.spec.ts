import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import { allocate } from '../allocation';

const sum = (values: readonly bigint[]): bigint => values.reduce((total, value) => total + value, 0n);

describe('allocate', () => {
  it.each<[bigint, bigint[], bigint[]]>([
    [10000n, [1n, 1n, 1n], [3334n, 3333n, 3333n]],
    [5n, [50n, 30n, 20n], [3n, 1n, 1n]],
    [100n, [1n], [100n]],
    [100n, [0n, 1n], [0n, 100n]],
    [1n, [1n, 1n], [1n, 0n]],
    [2n, [1n, 1n, 1n], [1n, 1n, 0n]],
    [7n, [1n, 2n, 4n], [1n, 2n, 4n]],
    [10n, [3n, 3n, 3n, 1n], [3n, 3n, 3n, 1n]],
    [11n, [1n, 0n, 3n], [3n, 0n, 8n]], // 2.75, 0, 8.25 → leftover goes to the .75
    [-10000n, [1n, 1n, 1n], [-3334n, -3333n, -3333n]],
    [0n, [2n, 5n], [0n, 0n]],
  ])('allocate(%p, %p) = %p', (amount, weights, expected) => {
    expect(allocate(amount, weights)).toEqual(expected);
  });

  it.each<[bigint[], string]>([
    [[], 'at least one weight'],
    [[1n, -1n], 'must not be negative'],
    [[0n, 0n], 'must not all be zero'],
  ])('rejects weights %p', (weights, reason) => {
    expect(() => allocate(100n, weights)).toThrow(DomainError);
    expect(() => allocate(100n, weights)).toThrow(reason);
  });

  const amount = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
  const weights = fc
    .array(fc.bigInt({ min: 0n, max: 10n ** 6n }), { minLength: 1, maxLength: 12 })
    .filter((ws) => sum(ws) > 0n);

  it('parts sum exactly to the amount and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(amount, weights, (x, ws) => {
        const parts = allocate(x, ws);
        const total = sum(ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts)).toBe(x);
        parts.forEach((part, i) => {
          // |part − x·w/W| < 1, scaled by W to stay in integers.
          const deviation = part * total - x * (ws[i] ?? 0n);
          expect((deviation < 0n ? -deviation : deviation) < total).toBe(true);
          if ((ws[i] ?? 0n) === 0n) expect(part).toBe(0n);
        });
      }),
    );
  });

  it('is sign-symmetric and scale-invariant in the weights', () => {
    fc.assert(
      fc.property(amount, weights, fc.bigInt({ min: 1n, max: 1000n }), (x, ws, k) => {
        expect(allocate(-x, ws)).toEqual(allocate(x, ws).map((p) => -p));
        expect(allocate(x, ws.map((w) => w * k))).toEqual(allocate(x, ws));
      }),
    );
  });

  it('gives a larger weight at least as much as a smaller one', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), weights, (x, ws) => {
        const parts = allocate(x, ws);
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < ws.length; j++) {
            if ((ws[i] ?? 0n) > (ws[j] ?? 0n)) expect((parts[i] ?? 0n) >= (parts[j] ?? 0n)).toBe(true);
          }
        }
      }),
    );
  });
});
