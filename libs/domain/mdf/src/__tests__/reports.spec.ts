import fc from 'fast-check';
import { medianSeconds, perThousand, pipelinePerUnit, roiPercent, spentMinor, utilisationPercent } from '../reports';

/** '104.17' → 10417n: the exact hundredths a 2-decimal string stands for. */
const hundredths = (text: string): bigint => BigInt(text.replace('.', ''));
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

describe('spentMinor', () => {
  it.each<[bigint, bigint, bigint]>([
    [0n, 0n, 0n],
    [30_000n, 0n, 30_000n],
    [0n, 45_000n, 45_000n],
    [30_000n, 45_001n, 75_001n],
  ])('approved %p + paid %p = %p', (approved, paid, spent) => {
    expect(spentMinor(approved, paid)).toBe(spent);
  });
});

describe('utilisationPercent', () => {
  it.each<[bigint, bigint, string | null]>([
    [0n, 0n, null], // no budget: undefined, not 0 % or 100 %
    [5_000n, 0n, null],
    [0n, 1_000_000n, '0.00'],
    [625_000n, 1_000_000n, '62.50'],
    [1_000_000n, 1_000_000n, '100.00'],
    [1n, 3n, '33.33'],
    [2n, 3n, '66.67'],
    [1n, 20_000n, '0.01'], // 0.005 % rounds half up
    [1n, 20_001n, '0.00'],
    [123_457n, 100_000n, '123.46'], // over-committed after an accrual drop
  ])('%p of %p → %p', (spent, budget, expected) => {
    expect(utilisationPercent(spent, budget)).toBe(expected);
  });

  it('refuses negative amounts', () => {
    expect(() => utilisationPercent(-1n, 100n)).toThrow(RangeError);
  });
});

describe('roiPercent', () => {
  it.each<[bigint, bigint, string | null]>([
    [0n, 0n, null], // nothing spent: undefined
    [1_000_000n, 0n, null],
    [500_000n, 100_000n, '400.00'], // €5,000 influenced on €1,000: (5000 − 1000) ÷ 1000
    [100_000n, 100_000n, '0.00'],
    [0n, 100_000n, '-100.00'], // nothing influenced: the whole spend is lost
    [50_000n, 100_000n, '-50.00'],
    [100_001n, 100_000n, '0.00'], // 0.001 %
    [100_005n, 100_000n, '0.01'], // 0.005 % rounds half away from zero
    [99_995n, 100_000n, '-0.01'], // −0.005 % too
    [99_996n, 100_000n, '0.00'], // never '-0.00'
    [400_000n, 300_000n, '33.33'],
    [500_000n, 300_000n, '66.67'],
    [1n, 3n, '-66.67'],
  ])('influenced %p on spend %p → %p', (influenced, spend, expected) => {
    expect(roiPercent(influenced, spend)).toBe(expected);
  });

  it('refuses a negative spend', () => {
    expect(() => roiPercent(100n, -1n)).toThrow(RangeError);
  });

  it('property: within half a hundredth of the exact ROI, and ≥ −100 % for non-negative influence', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 1n, max: 10n ** 11n }), (influenced, spend) => {
        const h = hundredths(roiPercent(influenced, spend)!);
        // |h/100 − 100·(i − s)/s| ≤ 1/200  ⇔  |2·s·h − 20000·(i − s)| ≤ s
        expect(abs(2n * spend * h - 20_000n * (influenced - spend)) <= spend).toBe(true);
        expect(h >= -10_000n).toBe(true);
      }),
    );
  });
});

describe('perThousand', () => {
  it.each<[bigint, bigint, string, string | null]>([
    [0n, 0n, 'EUR', null],
    [10n, 0n, 'EUR', null],
    [0n, 100_000n, 'EUR', '0.00'],
    [25n, 200_000n, 'EUR', '12.50'], // 25 leads on €2,000 → 12.5 per €1,000
    [1n, 300_000n, 'EUR', '0.33'], // 1 lead on €3,000
    [2n, 300_000n, 'EUR', '0.67'],
    [7n, 100_000n, 'USD', '7.00'], // 7 leads on $1,000
    [1n, 1n, 'EUR', '100000.00'], // 1 lead on €0.01
    [3n, 1_000n, 'JPY', '3.00'], // 3 leads on ¥1,000 (JPY has no minor unit)
    [10n, 3_000n, 'JPY', '3.33'],
    [5n, 1_000_000n, 'KWD', '5.00'], // 5 leads on KWD 1,000.000
    [1n, 200_000n, 'EUR', '0.50'],
    [1n, 200_000_000n, 'EUR', '0.00'], // 0.0005 per €1,000
    [1n, 40_000_000n, 'EUR', '0.00'], // 0.0025
    [1n, 20_000_000n, 'EUR', '0.01'], // 0.005 rounds half up
  ])('%p on %p %s → %p', (count, spend, currency, expected) => {
    expect(perThousand(count, spend, currency)).toBe(expected);
  });

  it('refuses negative counts and spend', () => {
    expect(() => perThousand(-1n, 100n, 'EUR')).toThrow(RangeError);
    expect(() => perThousand(1n, -100n, 'EUR')).toThrow(RangeError);
  });

  it('property: within half a hundredth of count × 1,000 ÷ spend in whole currency units', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (count, spend) => {
        const h = hundredths(perThousand(count, spend, 'EUR')!);
        // exact = count × 1000 × 100 ÷ spend per €1,000;  |h/100 − exact| ≤ 1/200  ⇔  |2·spend·h − 200·count·100000| ≤ spend
        expect(abs(2n * spend * h - 200n * count * 100_000n) <= spend).toBe(true);
      }),
    );
  });
});

describe('pipelinePerUnit', () => {
  it.each<[bigint, bigint, string | null]>([
    [0n, 0n, null],
    [1_000_000n, 0n, null],
    [0n, 100_000n, '0.00'],
    [725_000n, 100_000n, '7.25'], // €7,250 pipeline on €1,000 → €7.25 per €1
    [100_000n, 300_000n, '0.33'],
    [200_000n, 300_000n, '0.67'],
    [1n, 200n, '0.01'], // 0.005 rounds half up
    [1n, 201n, '0.00'],
    [123_456_789n, 1n, '123456789.00'], // €1,234,567.89 on €0.01
  ])('%p on %p → %p', (pipeline, spend, expected) => {
    expect(pipelinePerUnit(pipeline, spend)).toBe(expected);
  });

  it('refuses a negative spend', () => {
    expect(() => pipelinePerUnit(1n, -1n)).toThrow(RangeError);
  });

  it('property: within half a hundredth of pipeline ÷ spend', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (pipeline, spend) => {
        const h = hundredths(pipelinePerUnit(pipeline, spend)!);
        expect(abs(2n * spend * h - 200n * pipeline) <= spend).toBe(true);
      }),
    );
  });
});

describe('medianSeconds', () => {
  it.each<[string, (number | bigint)[], bigint | null]>([
    ['no values', [], null],
    ['one value', [86_400], 86_400n],
    ['odd count, unsorted', [300, 100, 200], 200n],
    ['even count, whole mean', [100, 300], 200n],
    ['even count, half rounds up', [100, 201], 151n], // 150.5
    ['even count, below half', [1, 2, 3, 4], 3n], // 2.5 → 3
    ['duplicates', [5, 5, 5, 9], 5n],
    ['bigints', [10n, 40n, 20n, 30n], 25n],
    ['zero durations', [0, 0], 0n],
    ['beyond 2^53 as bigints', [2n ** 60n, 2n ** 60n + 1n], 2n ** 60n + 1n],
  ])('%s → %p', (_case, values, median) => {
    expect(medianSeconds(values)).toBe(median);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p, which is not a whole number of seconds', (value) => {
    expect(() => medianSeconds([1, value])).toThrow(RangeError);
  });

  it('does not reorder its argument', () => {
    const values = [3, 1, 2];
    medianSeconds(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('property: at least half the values are ≤ the median and at least half ≥ it; order does not matter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 40 }), (values) => {
        const median = medianSeconds(values)!;
        const big = values.map(BigInt);
        expect(big.filter((v) => v <= median).length * 2 >= values.length).toBe(true);
        expect(big.filter((v) => v >= median).length * 2 >= values.length).toBe(true);
        expect(medianSeconds([...values].reverse())).toBe(median);
        expect(medianSeconds(big)).toBe(median);
      }),
    );
  });
});
