export const METRICS = ['WON_DEALS', 'CERTIFIED_PEOPLE', 'T12M_ARR_SOLD', 'NRR_PCT', 'MDF_UTILISATION_PCT'] as const;
export type MetricKey = (typeof METRICS)[number];

/** Met when the metric's current value is >= min (exact decimal comparison). */
export interface QualificationRule {
  metric: MetricKey;
  /** Non-negative decimal string, e.g. '10', '1500000.00', '95.5'. */
  min: string;
}

export interface TierDefinition {
  id: string;
  name: string;
  /** 0 = lowest; a ladder's ranks are 0..n-1 without gaps. */
  rank: number;
  rules: readonly QualificationRule[];
}

/** Decimal strings; a missing metric is unknown and never meets a rule. */
export type MetricsSnapshot = Readonly<Partial<Record<MetricKey, string>>>;

export interface RuleResult {
  metric: MetricKey;
  /** Canonical decimal, or null when the metric is unknown. */
  current: string | null;
  /** Canonical decimal form of the rule's min. */
  target: string;
  met: boolean;
  /** max(target − current, 0) as a canonical decimal; equals target when current is null. */
  missing: string;
}

export interface TierEvaluation {
  tierId: string;
  name: string;
  rank: number;
  qualifies: boolean;
  rules: RuleResult[];
}

export interface QualificationResult {
  qualifiedTier: TierDefinition;
  /** One per tier, rank ascending. */
  evaluations: TierEvaluation[];
}

export interface NextTierProgress {
  /** Evaluation of the tier at currentRank + 1; null at the top of the ladder. */
  nextTier: TierEvaluation | null;
  /** That tier's rules that are not met yet (empty when nextTier is null or qualifies). */
  unmet: RuleResult[];
}

export function isMetricKey(value: unknown): value is MetricKey {
  return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}
