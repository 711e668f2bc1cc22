import { DomainError } from '@prm/domain/common';
import { compareScaled, formatCanonical, parseDecimal, requireDecimal, rescale, type ScaledDecimal } from '@prm/domain/money';
import {
  METRICS,
  type MetricKey,
  type MetricsSnapshot,
  type NextTierProgress,
  type QualificationResult,
  type RuleResult,
  type TierDefinition,
  type TierEvaluation,
} from './tier-model';
import { unknownRankError, validateTierLadder } from './tier-rules';

type ParsedMetrics = ReadonlyMap<MetricKey, ScaledDecimal>;

/**
 * Evaluates every tier against the metrics. A tier qualifies when all its rules are met (no rules:
 * always). The qualified tier is the highest-ranked qualifying tier, or the lowest tier when none
 * qualifies — so a partner always has a tier. Throws BAD_USER_INPUT for an invalid ladder or metric.
 */
export function evaluateQualification(tiers: readonly TierDefinition[], metrics: MetricsSnapshot): QualificationResult {
  const ladder = validateTierLadder(tiers);
  const parsed = parseMetrics(metrics);
  const evaluations = ladder.map((tier) => evaluateTierWith(tier, parsed));
  let qualifiedIndex = 0;
  evaluations.forEach((evaluation, index) => {
    if (evaluation.qualifies) qualifiedIndex = index;
  });
  // validateTierLadder guarantees at least one tier, sorted by rank.
  const qualifiedTier = ladder[qualifiedIndex] as TierDefinition;
  return { qualifiedTier, evaluations };
}

/** "What is missing for the next tier": the tier at currentRank + 1 and its unmet rules. */
export function nextTierProgress(
  tiers: readonly TierDefinition[],
  currentRank: number,
  metrics: MetricsSnapshot,
): NextTierProgress {
  const { evaluations } = evaluateQualification(tiers, metrics);
  if (!evaluations.some((evaluation) => evaluation.rank === currentRank)) throw unknownRankError(currentRank, 'currentRank');
  const nextTier = evaluations.find((evaluation) => evaluation.rank === currentRank + 1) ?? null;
  return { nextTier, unmet: nextTier === null ? [] : nextTier.rules.filter((rule) => !rule.met) };
}

/** Evaluates one tier on its own (rules are validated by the ladder check, not here). */
export function evaluateTier(tier: TierDefinition, metrics: MetricsSnapshot): TierEvaluation {
  return evaluateTierWith(tier, parseMetrics(metrics));
}

function evaluateTierWith(tier: TierDefinition, metrics: ParsedMetrics): TierEvaluation {
  const rules = tier.rules.map((rule): RuleResult => {
    const target = requireDecimal(rule.min);
    const current = metrics.get(rule.metric) ?? null;
    const met = current !== null && compareScaled(current, target) >= 0;
    return {
      metric: rule.metric,
      current: current === null ? null : formatCanonical(current),
      target: formatCanonical(target),
      met,
      missing: met ? '0' : formatCanonical(current === null ? target : difference(target, current)),
    };
  });
  return { tierId: tier.id, name: tier.name, rank: tier.rank, qualifies: rules.every((rule) => rule.met), rules };
}

function difference(a: ScaledDecimal, b: ScaledDecimal): ScaledDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

// Metric values come from our own aggregation, but a malformed one must fail loudly, not count as 0.
function parseMetrics(metrics: MetricsSnapshot): ParsedMetrics {
  const parsed = new Map<MetricKey, ScaledDecimal>();
  const fields: Record<string, string[]> = {};
  for (const metric of METRICS) {
    const value: unknown = metrics[metric];
    if (value === undefined || value === null) continue;
    const decimal = typeof value === 'string' ? parseDecimal(value) : null;
    if (decimal === null) fields[`metrics.${metric}`] = [`Metric ${metric} is not a decimal number.`];
    else parsed.set(metric, decimal);
  }
  if (Object.keys(fields).length > 0) throw new DomainError('BAD_USER_INPUT', 'Some metric values are not valid.', fields);
  return parsed;
}
