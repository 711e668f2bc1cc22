export { isMetricKey, METRICS } from './tier-model';
export type {
  MetricKey,
  MetricsSnapshot,
  NextTierProgress,
  QualificationResult,
  QualificationRule,
  RuleResult,
  TierDefinition,
  TierEvaluation,
} from './tier-model';
export { RULE_MIN_MAX_FRACTION_DIGITS, RULE_MIN_MAX_INTEGER_DIGITS, validateRules, validateTierLadder } from './tier-rules';
export { evaluateQualification, evaluateTier, nextTierProgress } from './tier-qualification';
export { decideTierChange, demotionDue, MAX_GRACE_DAYS, MS_PER_DAY } from './tier-change';
export type { PendingDemotion, TierChangeInput, TierDecision } from './tier-change';
