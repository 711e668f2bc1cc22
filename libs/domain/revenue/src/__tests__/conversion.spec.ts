import fc from 'fast-check';
import { minorUnitDigits } from '@prm/domain/money';
import { convertMinor, RATE_MAX_FRACTION_DIGITS } from '../conversion';

describe('minor-unit digits the conversion relies on', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['EUR', 2],
    ['USD', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
  ])('%s has %i', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});

describe('convertMinor', () => {
  it.each<[string, bigint, string, string, string, bigint]>([
    ['same currency at 1 is the identity', 123_456n, 'EUR', '1', 'EUR', 123_456n],
    ['zero stays zero', 0n, 'USD', '0.9216589862', 'EUR', 0n],
    ['EUR → USD: 100.00 × 1.0850', 10_000n, 'EUR', '1.0850', 'USD', 10_850n],
    ['USD → EUR with 10 rate decimals: 100.00 × 0.9216589862 = 92.16589862', 10_000n, 'USD', '0.9216589862', 'EUR', 9_217n],
    ['JPY (0 digits) → EUR (2): ¥1000 × 0.0061 = 6.10', 1_000n, 'JPY', '0.0061', 'EUR', 610n],
    ['EUR (2) → JPY (0): 12.34 × 163.5 = ¥2017.59', 1_234n, 'EUR', '163.5', 'JPY', 2_018n],
    ['EUR (2) → JPY (0), negative: −12.34 × 163.5', -1_234n, 'EUR', '163.5', 'JPY', -2_018n],
    ['KWD (3) → USD (2): 1.234 × 3.25 = 4.0105', 1_234n, 'KWD', '3.25', 'USD', 401n],
    ['USD (2) → KWD (3): 100.00 × 0.3077 = 30.770', 10_000n, 'USD', '0.3077', 'KWD', 30_770n],
    ['BHD (3) → JPY (0): 1.500 × 396.125 = ¥594.1875', 1_500n, 'BHD', '396.125', 'JPY', 594n],
    ['BHD (3) → JPY (0): 1.500 × 397 = ¥595.5, half up', 1_500n, 'BHD', '397', 'JPY', 596n],
    ['BHD (3) → JPY (0): −1.500 × 397 = −¥595.5, half away from zero', -1_500n, 'BHD', '397', 'JPY', -596n],
    ['JPY (0) → KWD (3): ¥1000 × 0.002 = 2.000', 1_000n, 'JPY', '0.002', 'KWD', 2_000n],
    ['JPY (0) → KWD (3): ¥1 × 0.0025 = 0.0025, half up', 1n, 'JPY', '0.0025', 'KWD', 3n],
    ['JPY (0) → KWD (3): −¥1 × 0.0025, half away from zero', -1n, 'JPY', '0.0025', 'KWD', -3n],
    ['KWD (3) → BHD (3): same digits', 1_000n, 'KWD', '1.2345', 'BHD', 1_235n],
    ['0.05 × 0.1 = 0.005 → 0.01', 5n, 'EUR', '0.1', 'USD', 1n],
    ['−0.05 × 0.1 = −0.005 → −0.01', -5n, 'EUR', '0.1', 'USD', -1n],
    ['0.25 × 0.1 = 0.025 → 0.03 (not banker’s 0.02)', 25n, 'EUR', '0.1', 'USD', 3n],
    ['−0.25 × 0.1 = −0.025 → −0.03', -25n, 'EUR', '0.1', 'USD', -3n],
    ['0.14 × 0.1 = 0.014 → 0.01', 14n, 'EUR', '0.1', 'USD', 1n],
    ['−0.16 × 0.1 = −0.016 → −0.02', -16n, 'EUR', '0.1', 'USD', -2n],
    ['the smallest rate keeps exact', 10_000_000_000n, 'USD', '0.0000000001', 'EUR', 1n],
    ['a trailing-zero rate is the same rate', 10_000n, 'EUR', '1.0850000000', 'USD', 10_850n],
    ['a leading-zero rate is the same rate', 10_000n, 'EUR', '01.085', 'USD', 10_850n],
    ['large amounts stay exact', 123_456_789_012_345_678n, 'EUR', '1.1', 'USD', 135_802_467_913_580_246n],
  ])('%s', (_name, amount, currency, rate, base, expected) => {
    expect(convertMinor(amount, currency, rate, base)).toBe(expected);
  });

  it.each(['0', '0.0', '0.0000000000', '-1', '-0.5', '', 'abc', '1e3', '1,5', ' 1.1', '1.1 ', '+1', '.5', '5.', 'NaN', 'Infinity', '1/2'])('refuses the rate %j', (rate) => {
    expect(() => convertMinor(1_000n, 'EUR', rate, 'USD')).toThrow(RangeError);
    expect(() => convertMinor(1_000n, 'EUR', rate, 'USD')).toThrow('not a positive rate');
  });

  it.each([
    ['eur', 'USD'],
    ['EUR', 'usd'],
    ['EURO', 'USD'],
    ['', 'USD'],
  ])('refuses a malformed currency code (%j → %j)', (currency, base) => {
    expect(() => convertMinor(1_000n, currency, '1.1', base)).toThrow('is not an ISO 4217 currency code');
  });

  it('documents rates with up to 10 decimals', () => {
    expect(RATE_MAX_FRACTION_DIGITS).toBe(10);
  });

  const currency = fc.constantFrom('JPY', 'EUR', 'USD', 'KWD', 'BHD');
  const rate = fc
    .record({ units: fc.bigInt({ min: 1n, max: 10n ** 14n }), scale: fc.integer({ min: 0, max: RATE_MAX_FRACTION_DIGITS }) })
    .map(({ units, scale }) => {
      const digits = units.toString().padStart(scale + 1, '0');
      return { units, scale, text: scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}` };
    });
  const amount = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });

  it('is within half a base minor unit of the exact value, rounding halves away from zero', () => {
    fc.assert(
      fc.property(amount, currency, rate, currency, (a, from, r, to) => {
        const result = convertMinor(a, from, r.text, to);
        // exact = a · units · 10^to / (10^scale · 10^from)  ⇒ compare result · den with num, scaled by 2.
        const num = a * r.units * 10n ** BigInt(minorUnitDigits(to));
        const den = 10n ** BigInt(r.scale + minorUnitDigits(from));
        const diff = 2n * result * den - 2n * num;
        const abs = diff < 0n ? -diff : diff;
        expect(abs <= den).toBe(true);
        if (abs === den) expect(a < 0n ? diff < 0n : diff > 0n).toBe(true);
      }),
    );
  });

  it('is symmetric in sign', () => {
    fc.assert(
      fc.property(amount, currency, rate, currency, (a, from, r, to) => {
        expect(convertMinor(-a, from, r.text, to)).toBe(-convertMinor(a, from, r.text, to));
      }),
    );
  });
});
