import fc from 'fast-check';
import { applyPercent, type Percent, PERCENT_UNITS_PER_HUNDRED } from '@prm/domain/money';
import { earlyRenewalRewards, expansionRewards, nrrReward, type NrrRewardInput } from '../retention';
import { type Reward } from '../reward';
import { expectError, pct, sum } from './helpers';

const FIXED_500: Reward = { kind: 'FIXED', amountMinor: 50_000n };
const input = (nrrPct: string | null, thresholdPct: string, reward: Reward, cohortMrrMinor = 1_234_567n): NrrRewardInput => ({ nrrPct, thresholdPct, reward, cohortMrrMinor, cohortId: 'cohort-2026' });

describe('nrrReward', () => {
  it.each<[string, NrrRewardInput, bigint | null, bigint | null]>([
    ['NRR 104.50 % ≥ 100 %: the fixed reward', input('104.50', '100', FIXED_500), 50_000n, null],
    ['NRR exactly at the threshold earns it', input('100.00', '100', FIXED_500), 50_000n, null],
    ['NRR 99.99 % misses it', input('99.99', '100', FIXED_500), null, null],
    ['a threshold with decimals', input('110.25', '110.25', FIXED_500), 50_000n, null],
    ['a negative NRR (cannot happen, still below)', input('-5.00', '0', FIXED_500), null, null],
    ['no cohort: no NRR, no reward', input(null, '100', FIXED_500), null, null],
    ['5 % of EUR 12,345.67 cohort MRR = 617.2835 → 617.28', input('120.00', '100', { kind: 'PERCENT', ratePct: pct('5') }), 61_728n, 1_234_567n],
    ['10 % of EUR 0.05 = half a cent → 0.01', input('101.00', '100', { kind: 'PERCENT', ratePct: pct('10') }, 5n), 1n, 5n],
    ['2.5 % of KWD 1,234.570 = 30.864250 → 30.864', input('101.00', '100', { kind: 'PERCENT', ratePct: pct('2.5') }, 1_234_570n), 30_864n, 1_234_570n],
  ])('%s', (_case, given, amount, base) => {
    const line = nrrReward(given);
    if (amount === null) {
      expect(line).toBeNull();
      return;
    }
    expect(line).toEqual({
      rule: 'NRR',
      sourceId: 'cohort-2026',
      baseMinor: base,
      ratePct: given.reward.kind === 'PERCENT' ? given.reward.ratePct : null,
      amountMinor: amount,
    });
  });

  it.each<[string, NrrRewardInput]>([
    ['a threshold that is not a number', input('100', 'abc', FIXED_500)],
    ['a negative threshold', input('100', '-1', FIXED_500)],
    ['an NRR that is not a number', input('lots', '100', FIXED_500)],
    ['a negative cohort MRR', input('100', '100', FIXED_500, -1n)],
  ])('refuses %s', (_case, given) => {
    expectError(() => nrrReward(given), 'BAD_USER_INPUT');
  });
});

describe('expansionRewards', () => {
  it('is expansion MRR × rate, one line per movement, each rounded once', () => {
    const lines = expansionRewards([{ id: 'm1', amountMinor: 12_345n }, { id: 'm2', amountMinor: 10_005n }], pct('10'));
    expect(lines).toEqual([
      { rule: 'EXPANSION', sourceId: 'm1', baseMinor: 12_345n, ratePct: pct('10'), amountMinor: 1_235n }, // 123.45 × 10 % = 12.345 → 12.35
      { rule: 'EXPANSION', sourceId: 'm2', baseMinor: 10_005n, ratePct: pct('10'), amountMinor: 1_001n }, // 100.05 × 10 % = 10.005 → 10.01
    ]);
    // 22.36 in total — one line of 223.50 × 10 % would give 22.35: totals are sums of rounded lines.
    expect(sum(lines.map((line) => line.amountMinor))).toBe(2_236n);
  });

  it('JPY expansion', () => {
    expect(expansionRewards([{ id: 'm', amountMinor: 9_999n }], pct('7.5'))[0]?.amountMinor).toBe(750n);
  });

  it('refuses a contraction passed as expansion', () => {
    expectError(() => expansionRewards([{ id: 'm', amountMinor: -1n }], pct('10')), 'BAD_USER_INPUT', /m is not an expansion/);
  });

  it('property: every line equals applyPercent(base, rate) and the total is at most the rate × the sum + half a unit per line', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { maxLength: 20 }), fc.bigInt({ min: 0n, max: PERCENT_UNITS_PER_HUNDRED }), (amounts, rate) => {
        const lines = expansionRewards(amounts.map((amountMinor, i) => ({ id: `m${i}`, amountMinor })), rate as Percent);
        lines.forEach((line, i) => expect(line.amountMinor).toBe(applyPercent(amounts[i] as bigint, rate as Percent)));
        const total = sum(lines.map((line) => line.amountMinor));
        const exact = sum(amounts) * rate;
        // |total·10⁶ − exact| ≤ lines × 10⁶ / 2
        const diff = total * PERCENT_UNITS_PER_HUNDRED - exact;
        expect((diff < 0n ? -diff : diff) * 2n <= BigInt(lines.length) * PERCENT_UNITS_PER_HUNDRED).toBe(true);
      }),
    );
  });
});

describe('earlyRenewalRewards', () => {
  const renewals = [
    { id: 'r1', recordedOn: '2026-01-01', termEndsOn: '2026-04-01', valueMinor: 1_000_000n }, // exactly 90 days
    { id: 'r2', recordedOn: '2026-01-02', termEndsOn: '2026-04-01', valueMinor: 1_000_000n }, // 89 days
    { id: 'r3', recordedOn: '2025-06-01', termEndsOn: '2026-06-01', valueMinor: 333_333n }, // a year early
    { id: 'r4', recordedOn: '2026-05-01', termEndsOn: '2026-04-01', valueMinor: 1_000_000n }, // after the term ended
  ];

  it.each<[string, Reward, [string, bigint | null, bigint][]]>([
    ['a fixed reward per early renewal', { kind: 'FIXED', amountMinor: 10_000n }, [['r1', null, 10_000n], ['r3', null, 10_000n]]],
    ['3 % of the renewed value', { kind: 'PERCENT', ratePct: pct('3') }, [['r1', 1_000_000n, 30_000n], ['r3', 333_333n, 10_000n]]], // 9,999.99 → 10,000
    ['1.5 % of the renewed value', { kind: 'PERCENT', ratePct: pct('1.5') }, [['r1', 1_000_000n, 15_000n], ['r3', 333_333n, 5_000n]]], // 4,999.995 → 5,000
  ])('%s', (_case, reward, expected) => {
    expect(earlyRenewalRewards(renewals, reward).map((line) => [line.sourceId, line.baseMinor, line.amountMinor])).toEqual(expected);
    expect(earlyRenewalRewards(renewals, reward).every((line) => line.rule === 'EARLY_RENEWAL')).toBe(true);
  });

  it('refuses a negative renewal value', () => {
    expectError(() => earlyRenewalRewards([{ ...renewals[0]!, valueMinor: -1n }], { kind: 'FIXED', amountMinor: 1n }), 'BAD_USER_INPUT');
  });
});
