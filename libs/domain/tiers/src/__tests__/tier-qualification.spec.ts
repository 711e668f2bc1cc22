import fc from 'fast-check';
import { DomainError } from '@prm/domain/common';
import { compareDecimal, formatFixed, subtractDecimal } from '@prm/domain/money';
import { evaluateQualification, evaluateTier, nextTierProgress } from '../tier-qualification';
import type { MetricsSnapshot, RuleResult, TierDefinition } from '../tier-model';
import { decimalText, LADDER, ladderArb, metricArb, metricsArb } from './tier-test-data';

describe('evaluateQualification on the sample ladder', () => {
  it.each<[string, MetricsSnapshot, string, boolean[]]>([
    ['nothing known', {}, 'registered', [true, false, false, false]],
    ['just below silver', { WON_DEALS: '4', CERTIFIED_PEOPLE: '2' }, 'registered', [true, false, false, false]],
    ['exactly silver', { WON_DEALS: '5', CERTIFIED_PEOPLE: '2.0' }, 'silver', [true, true, false, false]],
    [
      'gold by one cent',
      { WON_DEALS: '20', CERTIFIED_PEOPLE: '5', T12M_ARR_SOLD: '500000.00' },
      'gold',
      [true, true, true, false],
    ],
    [
      'gold minus one cent of ARR',
      { WON_DEALS: '20', CERTIFIED_PEOPLE: '5', T12M_ARR_SOLD: '499999.99' },
      'silver',
      [true, true, false, false],
    ],
    [
      'platinum',
      { WON_DEALS: '80', CERTIFIED_PEOPLE: '12', T12M_ARR_SOLD: '2000000', NRR_PCT: '95.5' },
      'platinum',
      [true, true, true, true],
    ],
    [
      'platinum except NRR unknown',
      { WON_DEALS: '80', CERTIFIED_PEOPLE: '12', T12M_ARR_SOLD: '2000000' },
      'gold',
      [true, true, true, false],
    ],
    [
      'NRR a hair short',
      { WON_DEALS: '80', CERTIFIED_PEOPLE: '12', T12M_ARR_SOLD: '2000000', NRR_PCT: '95.4999' },
      'gold',
      [true, true, true, false],
    ],
    [
      'platinum metrics but too few certified people for silver too',
      { WON_DEALS: '80', CERTIFIED_PEOPLE: '1', T12M_ARR_SOLD: '2000000', NRR_PCT: '99' },
      'registered',
      [true, false, false, false],
    ],
  ])('%s → %s', (_label, metrics, expectedTier, expectedQualifies) => {
    const result = evaluateQualification(LADDER, metrics);
    expect(result.qualifiedTier.id).toBe(expectedTier);
    expect(result.evaluations.map((e) => e.rank)).toEqual([0, 1, 2, 3]);
    expect(result.evaluations.map((e) => e.qualifies)).toEqual(expectedQualifies);
  });

  it('reports current, target and missing per rule', () => {
    const result = evaluateQualification(LADDER, { WON_DEALS: '23', CERTIFIED_PEOPLE: '4.50', T12M_ARR_SOLD: '123456.78' });
    expect(result.evaluations[2]).toEqual({
      tierId: 'gold',
      name: 'Gold',
      rank: 2,
      qualifies: false,
      rules: [
        { metric: 'WON_DEALS', current: '23', target: '20', met: true, missing: '0' },
        { metric: 'CERTIFIED_PEOPLE', current: '4.5', target: '5', met: false, missing: '0.5' },
        { metric: 'T12M_ARR_SOLD', current: '123456.78', target: '500000', met: false, missing: '376543.22' },
      ],
    });
    expect(result.evaluations[3]?.rules[3]).toEqual({
      metric: 'NRR_PCT',
      current: null,
      target: '95.5',
      met: false,
      missing: '95.5',
    });
  });

  it('lets a higher tier qualify even when a lower one does not', () => {
    const tiers: TierDefinition[] = [
      { id: 'a', name: 'A', rank: 0, rules: [] },
      { id: 'b', name: 'B', rank: 1, rules: [{ metric: 'NRR_PCT', min: '90' }] },
      { id: 'c', name: 'C', rank: 2, rules: [{ metric: 'WON_DEALS', min: '1' }] },
    ];
    expect(evaluateQualification(tiers, { WON_DEALS: '1' }).qualifiedTier.id).toBe('c');
  });

  it('falls back to the lowest tier when even rank 0 has unmet rules', () => {
    const tiers: TierDefinition[] = [
      { id: 'base', name: 'Base', rank: 0, rules: [{ metric: 'WON_DEALS', min: '1' }] },
      { id: 'top', name: 'Top', rank: 1, rules: [{ metric: 'WON_DEALS', min: '10' }] },
    ];
    const result = evaluateQualification(tiers, {});
    expect(result.qualifiedTier.id).toBe('base');
    expect(result.evaluations.every((e) => !e.qualifies)).toBe(true);
  });

  it.each<[MetricsSnapshot, string]>([
    [{ WON_DEALS: 'lots' }, 'metrics.WON_DEALS'],
    [{ NRR_PCT: '1e2' }, 'metrics.NRR_PCT'],
    [{ T12M_ARR_SOLD: 12 as unknown as string }, 'metrics.T12M_ARR_SOLD'],
  ])('rejects malformed metric %j', (metrics, field) => {
    try {
      evaluateQualification(LADDER, metrics);
      throw new Error('expected a DomainError');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(Object.keys((error as DomainError).fields ?? {})).toEqual([field]);
    }
  });

  it('treats a negative metric as below any rule and a null one as unknown', () => {
    const metrics = { WON_DEALS: '-3', CERTIFIED_PEOPLE: null as unknown as string };
    const silver = evaluateQualification(LADDER, metrics).evaluations[1];
    expect(silver?.rules).toEqual([
      { metric: 'WON_DEALS', current: '-3', target: '5', met: false, missing: '8' },
      { metric: 'CERTIFIED_PEOPLE', current: null, target: '2', met: false, missing: '2' },
    ]);
  });

  it('rejects an invalid ladder', () => {
    expect(() => evaluateQualification([], {})).toThrow(DomainError);
  });
});

describe('nextTierProgress', () => {
  it.each<[number, MetricsSnapshot, string | null, Array<Pick<RuleResult, 'metric' | 'missing'>>]>([
    [0, {}, 'silver', [
      { metric: 'WON_DEALS', missing: '5' },
      { metric: 'CERTIFIED_PEOPLE', missing: '2' },
    ]],
    [1, { WON_DEALS: '20', CERTIFIED_PEOPLE: '3', T12M_ARR_SOLD: '450000.50' }, 'gold', [
      { metric: 'CERTIFIED_PEOPLE', missing: '2' },
      { metric: 'T12M_ARR_SOLD', missing: '49999.5' },
    ]],
    [1, { WON_DEALS: '20', CERTIFIED_PEOPLE: '5', T12M_ARR_SOLD: '500000' }, 'gold', []],
    [2, { WON_DEALS: '49', CERTIFIED_PEOPLE: '10', T12M_ARR_SOLD: '1500000', NRR_PCT: '95.25' }, 'platinum', [
      { metric: 'WON_DEALS', missing: '1' },
      { metric: 'NRR_PCT', missing: '0.25' },
    ]],
    [3, {}, null, []],
  ])('from rank %p with %j → %s', (rank, metrics, expectedNext, expectedUnmet) => {
    const progress = nextTierProgress(LADDER, rank, metrics);
    expect(progress.nextTier?.tierId ?? null).toBe(expectedNext);
    expect(progress.unmet.map(({ metric, missing }) => ({ metric, missing }))).toEqual(expectedUnmet);
  });

  it.each([[-1], [4], [0.5]])('rejects current rank %p', (rank) => {
    expect(() => nextTierProgress(LADDER, rank, {})).toThrow('is not on this program');
  });
});

describe('evaluateTier', () => {
  it('evaluates a single tier', () => {
    const silver = LADDER.find((t) => t.id === 'silver') as TierDefinition;
    expect(evaluateTier(silver, { WON_DEALS: '5', CERTIFIED_PEOPLE: '2' }).qualifies).toBe(true);
    expect(evaluateTier(silver, { WON_DEALS: '5' }).qualifies).toBe(false);
  });
});

describe('qualification properties', () => {
  it('qualified tier is the highest qualifying tier, or the lowest when none qualifies', () => {
    fc.assert(
      fc.property(ladderArb, metricsArb, (tiers, metrics) => {
        const { qualifiedTier, evaluations } = evaluateQualification(tiers, metrics);
        expect(evaluations.map((e) => e.rank)).toEqual(tiers.map((_, i) => i));
        const qualifying = evaluations.filter((e) => e.qualifies).map((e) => e.rank);
        const evaluation = evaluations[qualifiedTier.rank];
        expect(evaluation?.qualifies === true || qualifiedTier.rank === 0).toBe(true);
        expect(qualifiedTier.rank).toBe(qualifying.length > 0 ? Math.max(...qualifying) : 0);
      }),
    );
  });

  it('rule results are consistent: met ⇔ current ≥ target, missing = max(target − current, 0)', () => {
    fc.assert(
      fc.property(ladderArb, metricsArb, (tiers, metrics) => {
        for (const evaluation of evaluateQualification(tiers, metrics).evaluations) {
          expect(evaluation.qualifies).toBe(evaluation.rules.every((r) => r.met));
          for (const rule of evaluation.rules) {
            if (rule.current === null) {
              expect(rule.met).toBe(false);
              expect(rule.missing).toBe(rule.target);
            } else {
              expect(rule.met).toBe(compareDecimal(rule.current, rule.target) >= 0);
              const gap = subtractDecimal(rule.target, rule.current);
              expect(rule.missing).toBe(compareDecimal(gap, '0') > 0 ? gap : '0');
              // Only for a known value: an unknown metric against min '0' is unmet yet misses '0'.
              expect(rule.met).toBe(rule.missing === '0');
            }
          }
        }
      }),
    );
  });

  it('qualified rank never decreases when a metric increases (or becomes known)', () => {
    const increase = fc.tuple(fc.bigInt({ min: 1n, max: 5000n }), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(ladderArb, metricsArb, metricArb, increase, decimalText(120), (tiers, metrics, metric, [units, scale], fresh) => {
        const before = metrics[metric];
        const after = before === undefined ? fresh : subtractDecimal(before, formatFixed(-units, scale));
        const bumped: MetricsSnapshot = { ...metrics, [metric]: after };
        const rankBefore = evaluateQualification(tiers, metrics).qualifiedTier.rank;
        const rankAfter = evaluateQualification(tiers, bumped).qualifiedTier.rank;
        expect(rankAfter).toBeGreaterThanOrEqual(rankBefore);
      }),
    );
  });

  it('nextTierProgress.unmet is empty exactly when the next tier qualifies', () => {
    fc.assert(
      fc.property(
        ladderArb.chain((tiers) => fc.tuple(fc.constant(tiers), fc.integer({ min: 0, max: tiers.length - 1 }))),
        metricsArb,
        ([tiers, rank], metrics) => {
          const { nextTier, unmet } = nextTierProgress(tiers, rank, metrics);
          if (rank === tiers.length - 1) {
            expect(nextTier).toBeNull();
            expect(unmet).toEqual([]);
          } else {
            expect(nextTier?.rank).toBe(rank + 1);
            expect(unmet.length === 0).toBe(nextTier?.qualifies);
            expect(unmet.every((r) => !r.met)).toBe(true);
          }
        },
      ),
    );
  });
});

describe('unknown metrics', () => {
  it('never meet a rule, even one with min 0', () => {
    const tiers: TierDefinition[] = [
      { id: 'a', name: 'A', rank: 0, rules: [] },
      { id: 'b', name: 'B', rank: 1, rules: [{ metric: 'MDF_UTILISATION_PCT', min: '0' }] },
    ];
    const result = evaluateQualification(tiers, {});
    expect(result.qualifiedTier.id).toBe('a');
    expect(result.evaluations[1]?.rules[0]).toEqual({
      metric: 'MDF_UTILISATION_PCT',
      current: null,
      target: '0',
      met: false,
      missing: '0',
    });
    expect(evaluateQualification(tiers, { MDF_UTILISATION_PCT: '0' }).qualifiedTier.id).toBe('b');
  });
});
