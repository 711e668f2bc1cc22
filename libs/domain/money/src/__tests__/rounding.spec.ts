import fc from 'fast-check';
import { divRound, ROUNDING_MODES, type RoundingMode } from '../rounding';

describe('divRound', () => {
  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [5n, 2n, 'HALF_UP', 3n],
    [5n, 2n, 'HALF_EVEN', 2n],
    [5n, 2n, 'DOWN', 2n],
    [7n, 2n, 'HALF_EVEN', 4n],
    [-5n, 2n, 'HALF_UP', -3n],
    [-5n, 2n, 'HALF_EVEN', -2n],
    [-5n, 2n, 'DOWN', -2n],
    [-7n, 2n, 'HALF_EVEN', -4n],
    [14n, 10n, 'HALF_UP', 1n],
    [15n, 10n, 'HALF_UP', 2n],
    [16n, 10n, 'DOWN', 1n],
    [-16n, 10n, 'HALF_UP', -2n],
    [-14n, 10n, 'HALF_UP', -1n],
    [25n, 10n, 'HALF_EVEN', 2n],
    [35n, 10n, 'HALF_EVEN', 4n],
    [0n, 7n, 'HALF_UP', 0n],
    [9n, 3n, 'HALF_EVEN', 3n],
    [5n, -2n, 'HALF_UP', -3n],
  ])('divRound(%p, %p, %s) = %p', (numerator, denominator, mode, expected) => {
    expect(divRound(numerator, denominator, mode)).toBe(expected);
  });

  it('defaults to HALF_UP', () => {
    expect(divRound(1n, 2n)).toBe(1n);
    expect(divRound(-1n, 2n)).toBe(-1n);
  });

  it('rejects a zero denominator', () => {
    expect(() => divRound(1n, 0n)).toThrow(RangeError);
  });

  const numerator = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
  const denominator = fc.bigInt({ min: 1n, max: 10n ** 12n });

  it('is within half a unit (HALF_*) or below one unit towards zero (DOWN)', () => {
    fc.assert(
      fc.property(numerator, denominator, fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        const q = divRound(n, d, mode);
        const error = n - q * d; // exact residual, scaled by d
        const absError = error < 0n ? -error : error;
        if (mode === 'DOWN') {
          expect(absError < d).toBe(true);
          // Truncation never moves away from zero.
          expect(n >= 0n ? error >= 0n : error <= 0n).toBe(true);
        } else {
          expect(absError * 2n <= d).toBe(true);
        }
        if (absError * 2n === d) {
          if (mode === 'HALF_UP') expect(n >= 0n ? q * d > n : q * d < n).toBe(true);
          if (mode === 'HALF_EVEN') expect(q % 2n).toBe(0n);
        }
      }),
    );
  });

  it('is sign-symmetric in every mode', () => {
    fc.assert(
      fc.property(numerator, denominator, fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        expect(divRound(-n, d, mode)).toBe(-divRound(n, d, mode));
      }),
    );
  });
});
