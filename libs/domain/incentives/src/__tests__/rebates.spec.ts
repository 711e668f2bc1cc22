import fc from 'fast-check';
import { applyPercent, formatFixed, minorUnitDigits, type Percent, PERCENT_UNITS_PER_HUNDRED } from '@prm/domain/money';
import { progressToNextTier, rebate, rebateIncremental, rebateRetroactive, type RebateResult } from '../rebates';
import { type AmountTier } from '../tiers';
import { expectError, pct, sum } from './helpers';

const tier = (fromMinor: bigint, toMinor: bigint | null, rate: string | bigint): AmountTier => ({
  fromMinor,
  toMinor,
  ratePct: (typeof rate === 'string' ? pct(rate) : rate) as Percent,
});

// EUR: 2 % up to 100,000.00, 3 % up to 250,000.00, 4 % above.
const EUR_TIERS = [tier(0n, 10_000_000n, '2'), tier(10_000_000n, 25_000_000n, '3'), tier(25_000_000n, null, '4')];
// Odd rates so lines round: 1.25 % up to 50,000.00, 2.75 % above.
const ODD_TIERS = [tier(0n, 5_000_000n, '1.25'), tier(5_000_000n, null, '2.75')];
// JPY (0 digits): 1.5 % up to ¥1,000,000, 2.5 % above.
const JPY_TIERS = [tier(0n, 1_000_000n, '1.5'), tier(1_000_000n, null, '2.5')];
// KWD (3 digits, fils): 3.3333 % up to KWD 10,000.000, 5 % above.
const KWD_TIERS = [tier(0n, 10_000_000n, '3.3333'), tier(10_000_000n, null, '5')];
// A gap between 10,000.00 and 20,000.00 (allowed by the calculator: nothing is paid inside it).
const GAP_TIERS = [tier(0n, 1_000_000n, '1'), tier(2_000_000n, null, '2')];
// Nothing below 10,000.00, then 5 %.
const THRESHOLD_TIERS = [tier(1_000_000n, null, '5')];

const text = (amountMinor: bigint, currency: string): string => formatFixed(amountMinor, minorUnitDigits(currency));

describe('rebateRetroactive vs rebateIncremental (golden cases)', () => {
  it.each<[string, AmountTier[], string, bigint, string, string, string[]]>([
    // name, tiers, currency, volume, retroactive total, incremental total, incremental line amounts
    ['EUR 300,000.00 (top tier)', EUR_TIERS, 'EUR', 30_000_000n, '12000.00', '8500.00', ['2000.00', '4500.00', '2000.00']],
    ['EUR 250,000.00 (exactly on the top threshold)', EUR_TIERS, 'EUR', 25_000_000n, '10000.00', '6500.00', ['2000.00', '4500.00']],
    ['EUR 249,999.99 (one cent below it)', EUR_TIERS, 'EUR', 24_999_999n, '7500.00', '6500.00', ['2000.00', '4500.00']],
    ['EUR 123,456.78', EUR_TIERS, 'EUR', 12_345_678n, '3703.70', '2703.70', ['2000.00', '703.70']],
    ['EUR 100,000.00 (exactly on the second threshold)', EUR_TIERS, 'EUR', 10_000_000n, '3000.00', '2000.00', ['2000.00']],
    ['EUR 99,999.99', EUR_TIERS, 'EUR', 9_999_999n, '2000.00', '2000.00', ['2000.00']],
    ['EUR 0.25 (2 % is exactly half a cent: rounds up)', EUR_TIERS, 'EUR', 25n, '0.01', '0.01', ['0.01']],
    ['EUR 0.24', EUR_TIERS, 'EUR', 24n, '0.00', '0.00', ['0.00']],
    ['EUR 0.01', EUR_TIERS, 'EUR', 1n, '0.00', '0.00', ['0.00']],
    ['EUR 0.00', EUR_TIERS, 'EUR', 0n, '0.00', '0.00', []],
    ['EUR 77,777.77 at odd rates', ODD_TIERS, 'EUR', 7_777_777n, '2138.89', '1388.89', ['625.00', '763.89']],
    ['EUR 50,000.00 at odd rates', ODD_TIERS, 'EUR', 5_000_000n, '1375.00', '625.00', ['625.00']],
    ['JPY 1,234,567', JPY_TIERS, 'JPY', 1_234_567n, '30864', '20864', ['15000', '5864']],
    ['JPY 999,999', JPY_TIERS, 'JPY', 999_999n, '15000', '15000', ['15000']],
    ['JPY 1,000,020 (20 yen × 2.5 % is exactly half a yen → 1; retroactive 25,000.5 → 25,001)', JPY_TIERS, 'JPY', 1_000_020n, '25001', '15001', ['15000', '1']],
    ['KWD 12,345.678', KWD_TIERS, 'KWD', 12_345_678n, '617.284', '450.614', ['333.330', '117.284']],
    ['KWD 0.010 (3.3333 % of 10 fils = 0.33 fils)', KWD_TIERS, 'KWD', 10n, '0.000', '0.000', ['0.000']],
    ['KWD 0.015 (0.499995 fils rounds down)', KWD_TIERS, 'KWD', 15n, '0.000', '0.000', ['0.000']],
    ['KWD 0.016 (0.533 fils rounds up)', KWD_TIERS, 'KWD', 16n, '0.001', '0.001', ['0.001']],
    ['EUR 15,000.00 inside a gap: retroactive keeps the tier below', GAP_TIERS, 'EUR', 1_500_000n, '150.00', '100.00', ['100.00']],
    ['EUR 30,000.00 above a gap', GAP_TIERS, 'EUR', 3_000_000n, '600.00', '300.00', ['100.00', '200.00']],
    ['EUR 9,999.99 below the first threshold', THRESHOLD_TIERS, 'EUR', 999_999n, '0.00', '0.00', []],
    ['EUR 10,000.00 on the first threshold: back to dollar one vs nothing above it', THRESHOLD_TIERS, 'EUR', 1_000_000n, '500.00', '0.00', []],
    ['EUR 20,000.00 above the first threshold', THRESHOLD_TIERS, 'EUR', 2_000_000n, '1000.00', '500.00', ['500.00']],
  ])('%s', (_case, tiers, currency, volume, retroactive, incremental, incrementalLines) => {
    const retro = rebateRetroactive(volume, tiers);
    const incr = rebateIncremental(volume, tiers);
    expect(text(retro.totalMinor, currency)).toBe(retroactive);
    expect(text(incr.totalMinor, currency)).toBe(incremental);
    expect(incr.lines.map((line) => text(line.amountMinor, currency))).toEqual(incrementalLines);
    expect(retro.lines.length).toBeLessThanOrEqual(1);
    expect(retro.mode).toBe('RETROACTIVE');
    expect(incr.mode).toBe('INCREMENTAL');
  });

  it('explains every cent: band, base, rate and amount per line', () => {
    expect(rebateIncremental(30_000_000n, EUR_TIERS).lines).toEqual([
      { tierIndex: 0, fromMinor: 0n, toMinor: 10_000_000n, baseMinor: 10_000_000n, ratePct: pct('2'), amountMinor: 200_000n },
      { tierIndex: 1, fromMinor: 10_000_000n, toMinor: 25_000_000n, baseMinor: 15_000_000n, ratePct: pct('3'), amountMinor: 450_000n },
      { tierIndex: 2, fromMinor: 25_000_000n, toMinor: null, baseMinor: 5_000_000n, ratePct: pct('4'), amountMinor: 200_000n },
    ]);
    expect(rebateRetroactive(30_000_000n, EUR_TIERS)).toEqual({
      mode: 'RETROACTIVE',
      volumeMinor: 30_000_000n,
      lines: [{ tierIndex: 2, fromMinor: 25_000_000n, toMinor: null, baseMinor: 30_000_000n, ratePct: pct('4'), amountMinor: 1_200_000n }],
      totalMinor: 1_200_000n,
    });
  });

  it('rounds each band once, so per-line rounding can add a cent the whole-volume line does not have', () => {
    // Two bands at the same 5 %: each 0.10 × 5 % = half a cent → 0.01; one line of 0.20 × 5 % = 0.01.
    const tiers = [tier(0n, 10n, '5'), tier(10n, null, '5')];
    expect(rebateIncremental(20n, tiers).lines.map((line) => line.amountMinor)).toEqual([1n, 1n]);
    expect(rebateIncremental(20n, tiers).totalMinor).toBe(2n);
    expect(rebateRetroactive(20n, tiers).totalMinor).toBe(1n);
  });

  it('rebate(mode) dispatches', () => {
    expect(rebate('RETROACTIVE', 30_000_000n, EUR_TIERS)).toEqual(rebateRetroactive(30_000_000n, EUR_TIERS));
    expect(rebate('INCREMENTAL', 30_000_000n, EUR_TIERS)).toEqual(rebateIncremental(30_000_000n, EUR_TIERS));
    expectError(() => rebate('FLAT' as never, 1n, EUR_TIERS), 'BAD_USER_INPUT', /Unknown rebate mode "FLAT"/);
  });

  it.each<[string, () => unknown]>([
    ['a negative volume (retroactive)', () => rebateRetroactive(-1n, EUR_TIERS)],
    ['a negative volume (incremental)', () => rebateIncremental(-1n, EUR_TIERS)],
    ['a negative volume (progress)', () => progressToNextTier(-1n, EUR_TIERS)],
    ['an empty table', () => rebateRetroactive(1n, [])],
    ['overlapping tiers', () => rebateIncremental(1n, [tier(0n, 100n, '1'), tier(50n, null, '2')])],
    ['a rate above 100 %', () => rebateRetroactive(1n, [tier(0n, null, PERCENT_UNITS_PER_HUNDRED + 1n)])],
  ])('refuses %s', (_case, run) => {
    expectError(run, 'BAD_USER_INPUT');
  });
});

// Random tier tables: contiguous, optionally gapped, rates optionally non-decreasing.
function tables(options: { nonDecreasing: boolean; grid?: boolean; gaps?: boolean }): fc.Arbitrary<AmountTier[]> {
  // grid: thresholds on whole hundreds of the currency (10,000 minor units) and rates with ≤ 2 decimals.
  const step = options.grid ? 10_000n : 1n;
  const rateStep = options.grid ? 100n : 1n;
  return fc
    .tuple(
      fc.bigInt({ min: 0n, max: 1_000n }),
      fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 100_000n }), fc.bigInt({ min: 0n, max: 10_000n }), fc.bigInt({ min: 0n, max: 50n })), { minLength: 1, maxLength: 6 }),
    )
    .map(([start, bands]) => {
      const rates = bands.map(([, rate]) => rate * rateStep > PERCENT_UNITS_PER_HUNDRED ? PERCENT_UNITS_PER_HUNDRED : rate * rateStep);
      if (options.nonDecreasing) rates.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let from = start * step;
      return bands.map(([width, , gap], index) => {
        const to = index === bands.length - 1 ? null : from + width * step;
        const t = tier(from, to, rates[index] as bigint);
        if (to !== null) from = to + (options.gaps ? gap * step : 0n);
        return t;
      });
    });
}
const volumes = fc.bigInt({ min: 0n, max: 10n ** 12n });
const exactUnits = (result: RebateResult): bigint => sum(result.lines.map((line) => line.baseMinor * line.ratePct));

describe('rebate properties', () => {
  it('sum of lines = total, and every line is its base × rate rounded once', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: false, gaps: true }), volumes, (tiers, volume) => {
        for (const result of [rebateRetroactive(volume, tiers), rebateIncremental(volume, tiers)]) {
          expect(sum(result.lines.map((line) => line.amountMinor))).toBe(result.totalMinor);
          for (const line of result.lines) {
            expect(line.amountMinor).toBe(applyPercent(line.baseMinor, line.ratePct));
            expect(line.baseMinor > 0n).toBe(true);
          }
        }
      }),
    );
  });

  it('zero volume → zero and no lines', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: false, gaps: true }), (tiers) => {
        expect(rebateRetroactive(0n, tiers)).toEqual({ mode: 'RETROACTIVE', volumeMinor: 0n, lines: [], totalMinor: 0n });
        expect(rebateIncremental(0n, tiers)).toEqual({ mode: 'INCREMENTAL', volumeMinor: 0n, lines: [], totalMinor: 0n });
      }),
    );
  });

  it('incremental ≤ retroactive before rounding, for non-decreasing rates (gaps included)', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: true, gaps: true }), volumes, (tiers, volume) => {
        expect(exactUnits(rebateIncremental(volume, tiers)) <= exactUnits(rebateRetroactive(volume, tiers))).toBe(true);
      }),
    );
  });

  it('incremental ≤ retroactive to the cent when thresholds are whole hundreds and rates have ≤ 2 decimals', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: true, grid: true, gaps: true }), volumes, (tiers, volume) => {
        expect(rebateIncremental(volume, tiers).totalMinor <= rebateRetroactive(volume, tiers).totalMinor).toBe(true);
      }),
    );
  });

  it('in general per-line rounding can put incremental above retroactive by at most ⌊lines ÷ 2⌋ minor units', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: true, gaps: true }), volumes, (tiers, volume) => {
        const incr = rebateIncremental(volume, tiers);
        expect(incr.totalMinor <= rebateRetroactive(volume, tiers).totalMinor + BigInt(Math.floor(incr.lines.length / 2))).toBe(true);
      }),
    );
  });

  it('incremental is monotonic in volume for any rates; retroactive for non-decreasing rates', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: false, gaps: true }), volumes, volumes, (tiers, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rebateIncremental(low, tiers).totalMinor <= rebateIncremental(high, tiers).totalMinor).toBe(true);
      }),
    );
    fc.assert(
      fc.property(tables({ nonDecreasing: true, gaps: true }), volumes, volumes, (tiers, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rebateRetroactive(low, tiers).totalMinor <= rebateRetroactive(high, tiers).totalMinor).toBe(true);
      }),
    );
  });

  it('incremental bases add up to the volume inside the bands (all of it for a gap-free table from 0)', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: false }), volumes, (tiers, volume) => {
        const start = tiers[0]?.fromMinor ?? 0n;
        const inside = volume > start ? volume - start : 0n;
        expect(sum(rebateIncremental(volume, tiers).lines.map((line) => line.baseMinor))).toBe(inside);
      }),
    );
  });

  it('with one tier from 0 both modes agree', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }), volumes, (rate, volume) => {
        const tiers = [tier(0n, null, rate)];
        expect(rebateIncremental(volume, tiers).totalMinor).toBe(rebateRetroactive(volume, tiers).totalMinor);
      }),
    );
  });
});

describe('progressToNextTier', () => {
  it.each<[string, AmountTier[], bigint, number | null, number | null, bigint | null, bigint | null, string | null]>([
    ['nothing yet', EUR_TIERS, 0n, 0, 1, 10_000_000n, 10_000_000n, '0.00'],
    ['three quarters of the way', EUR_TIERS, 7_500_000n, 0, 1, 10_000_000n, 2_500_000n, '75.00'],
    ['one cent short (rounded down, never 100.00 early)', EUR_TIERS, 9_999_999n, 0, 1, 10_000_000n, 1n, '99.99'],
    ['exactly on a threshold', EUR_TIERS, 10_000_000n, 1, 2, 25_000_000n, 15_000_000n, '40.00'],
    ['in the top tier', EUR_TIERS, 30_000_000n, 2, null, null, null, null],
    ['below a first threshold above 0', THRESHOLD_TIERS, 250_000n, null, 0, 1_000_000n, 750_000n, '25.00'],
    ['inside a gap', GAP_TIERS, 1_500_000n, 0, 1, 2_000_000n, 500_000n, '75.00'],
    ['a third', [tier(0n, 3n, '1'), tier(3n, null, '2')], 1n, 0, 1, 3n, 2n, '33.33'],
    ['two thirds rounded down', [tier(0n, 3n, '1'), tier(3n, null, '2')], 2n, 0, 1, 3n, 1n, '66.66'],
  ])('%s', (_case, tiers, volume, tierIndex, nextTierIndex, nextThresholdMinor, missingMinor, percentOfNext) => {
    expect(progressToNextTier(volume, tiers)).toEqual({ tierIndex, nextTierIndex, nextThresholdMinor, missingMinor, percentOfNext });
  });

  it('property: volume + missing = the next threshold, and the percentage is below 100 until it is reached', () => {
    fc.assert(
      fc.property(tables({ nonDecreasing: false, gaps: true }), volumes, (tiers, volume) => {
        const progress = progressToNextTier(volume, tiers);
        if (progress.nextThresholdMinor === null) {
          expect(progress.tierIndex).toBe(tiers.length - 1);
          return;
        }
        expect(volume + (progress.missingMinor as bigint)).toBe(progress.nextThresholdMinor);
        expect(progress.missingMinor! > 0n).toBe(true);
        expect(Number(progress.percentOfNext) < 100).toBe(true);
        expect(progress.nextTierIndex).toBe((progress.tierIndex ?? -1) + 1);
      }),
    );
  });
});
