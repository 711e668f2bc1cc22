import fc from 'fast-check';
import { formatFixed } from '@prm/domain/money';
import { METRICS, type MetricKey, type MetricsSnapshot, type QualificationRule, type TierDefinition } from '../tier-model';

/** A realistic four-step ladder, deliberately listed out of rank order. */
export const LADDER: readonly TierDefinition[] = [
  {
    id: 'gold',
    name: 'Gold',
    rank: 2,
    rules: [
      { metric: 'WON_DEALS', min: '20' },
      { metric: 'CERTIFIED_PEOPLE', min: '5' },
      { metric: 'T12M_ARR_SOLD', min: '500000.00' },
    ],
  },
  { id: 'registered', name: 'Registered', rank: 0, rules: [] },
  {
    id: 'platinum',
    name: 'Platinum',
    rank: 3,
    rules: [
      { metric: 'WON_DEALS', min: '50' },
      { metric: 'CERTIFIED_PEOPLE', min: '10' },
      { metric: 'T12M_ARR_SOLD', min: '1500000.00' },
      { metric: 'NRR_PCT', min: '95.5' },
    ],
  },
  {
    id: 'silver',
    name: 'Silver',
    rank: 1,
    rules: [
      { metric: 'WON_DEALS', min: '5' },
      { metric: 'CERTIFIED_PEOPLE', min: '2' },
    ],
  },
];

/** Non-negative decimal text with 0–2 decimals and value up to `max`. */
export function decimalText(maxWhole: number): fc.Arbitrary<string> {
  return fc
    .integer({ min: 0, max: 2 })
    .chain((scale) =>
      fc
        .bigInt({ min: 0n, max: BigInt(maxWhole) * 10n ** BigInt(scale) })
        .map((units) => formatFixed(units, scale)),
    );
}

const rulesArb: fc.Arbitrary<QualificationRule[]> = fc
  .subarray([...METRICS] as MetricKey[], { maxLength: 3 })
  .chain((metrics) =>
    fc
      .tuple(...metrics.map(() => decimalText(100)))
      .map((mins) => metrics.map((metric, i) => ({ metric, min: mins[i] ?? '0' }))),
  );

/** 1–5 tiers with random rules, ranks 0..n-1, delivered in a random order. */
export const ladderArb: fc.Arbitrary<TierDefinition[]> = fc
  .array(rulesArb, { minLength: 1, maxLength: 5 })
  .map((ruleSets) => ruleSets.map((rules, rank) => ({ id: `t${rank}`, name: `Tier ${rank}`, rank, rules })))
  .chain((tiers) => fc.shuffledSubarray(tiers, { minLength: tiers.length, maxLength: tiers.length }));

/** Any subset of metrics known, values 0..120 (so rules with mins up to 100 are met and unmet). */
export const metricsArb: fc.Arbitrary<MetricsSnapshot> = fc.record(
  {
    WON_DEALS: decimalText(120),
    CERTIFIED_PEOPLE: decimalText(120),
    T12M_ARR_SOLD: decimalText(120),
    NRR_PCT: decimalText(120),
    MDF_UTILISATION_PCT: decimalText(120),
  },
  { requiredKeys: [] },
);

export const metricArb: fc.Arbitrary<MetricKey> = fc.constantFrom(...METRICS);
