import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import { canonicalDecimal, parseDecimal } from '@prm/domain/money';
import { isMetricKey, METRICS, type QualificationRule, type TierDefinition } from './tier-model';

/** Bounds on a rule's min so every valid value fits a Postgres numeric(22,4) column. */
export const RULE_MIN_MAX_INTEGER_DIGITS = 18;
export const RULE_MIN_MAX_FRACTION_DIGITS = 4;

const MIN_PATTERN = new RegExp(`^\\d{1,${RULE_MIN_MAX_INTEGER_DIGITS}}(?:\\.\\d{1,${RULE_MIN_MAX_FRACTION_DIGITS}})?$`);

/**
 * Checks untrusted rule data (e.g. an admin's JSON) and returns it typed, with each min in canonical
 * form ('1500000.00' → '1500000'). Reports every problem at once as BAD_USER_INPUT with field paths
 * like `rules[1].min`; `field` sets the prefix.
 */
export function validateRules(rules: unknown, field = 'rules'): QualificationRule[] {
  const errors = new FieldErrorCollector();
  collectRuleErrors(rules, field, errors);
  errors.throwIfAny('Some qualification rules are not valid.');
  return (rules as readonly QualificationRule[]).map((rule) => ({ metric: rule.metric, min: canonicalDecimal(rule.min) }));
}

/**
 * Checks a program's tier ladder — ranks unique and contiguous from 0, ids unique, rules valid — and
 * returns the tiers sorted by rank (rules canonicalised), so evaluation can index by rank.
 */
export function validateTierLadder(tiers: readonly TierDefinition[], field = 'tiers'): TierDefinition[] {
  // Cast to unknown so Array.isArray does not widen the typed ladder to any[].
  if (!Array.isArray(tiers as unknown) || tiers.length === 0) {
    const message = 'A program needs at least one tier.';
    throw new DomainError('BAD_USER_INPUT', 'The tier ladder is not valid.', { [field]: [message] });
  }
  const errors = new FieldErrorCollector();

  const firstIndexByRank = new Map<number, number>();
  const firstIndexById = new Map<string, number>();
  tiers.forEach((tier, index) => {
    const path = `${field}[${index}]`;
    if (!Number.isSafeInteger(tier.rank) || tier.rank < 0) {
      errors.add(`${path}.rank`, 'Rank must be a whole number from 0.');
    } else if (firstIndexByRank.has(tier.rank)) {
      errors.add(`${path}.rank`, `Rank ${tier.rank} is already used by ${field}[${firstIndexByRank.get(tier.rank)}].`);
    } else {
      firstIndexByRank.set(tier.rank, index);
    }
    if (firstIndexById.has(tier.id)) {
      errors.add(`${path}.id`, `Tier id "${tier.id}" is already used by ${field}[${firstIndexById.get(tier.id)}].`);
    } else {
      firstIndexById.set(tier.id, index);
    }
    collectRuleErrors(tier.rules, `${path}.rules`, errors);
  });

  // Only meaningful once every rank is individually valid and unique.
  if (errors.isEmpty) {
    const missing: number[] = [];
    for (let rank = 0; rank < tiers.length; rank++) if (!firstIndexByRank.has(rank)) missing.push(rank);
    if (missing.length > 0) {
      errors.add(field, `Ranks must run from 0 to ${tiers.length - 1} without gaps; missing ${missing.join(', ')}.`);
    }
  }
  errors.throwIfAny('The tier ladder is not valid.');

  return [...tiers]
    .sort((a, b) => a.rank - b.rank)
    .map((tier) => ({
      ...tier,
      rules: tier.rules.map((rule) => ({ metric: rule.metric, min: canonicalDecimal(rule.min) })),
    }));
}

function collectRuleErrors(rules: unknown, field: string, errors: FieldErrorCollector): void {
  if (!Array.isArray(rules)) {
    errors.add(field, 'Rules must be a list.');
    return;
  }
  const seen = new Map<string, number>();
  (rules as unknown[]).forEach((rule, index) => {
    const path = `${field}[${index}]`;
    if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
      errors.add(path, 'Each rule needs a metric and a min.');
      return;
    }
    const { metric, min } = rule as { metric?: unknown; min?: unknown };
    if (!isMetricKey(metric)) {
      errors.add(`${path}.metric`, `Unknown metric ${describe(metric)}; expected one of ${METRICS.join(', ')}.`);
    } else if (seen.has(metric)) {
      errors.add(`${path}.metric`, `Metric ${metric} is already used by ${field}[${seen.get(metric)}].`);
    } else {
      seen.set(metric, index);
    }
    const minProblem = checkMin(min);
    if (minProblem !== null) errors.add(`${path}.min`, minProblem);
  });
}

function checkMin(min: unknown): string | null {
  if (typeof min !== 'string' || parseDecimal(min) === null) {
    return `Minimum ${describe(min)} must be a decimal number such as "10" or "95.5".`;
  }
  if (min.startsWith('-')) return `Minimum ${describe(min)} must not be negative.`;
  if (!MIN_PATTERN.test(min)) {
    return `Minimum ${describe(min)} must have at most ${RULE_MIN_MAX_INTEGER_DIGITS} digits before and ${RULE_MIN_MAX_FRACTION_DIGITS} after the decimal point.`;
  }
  return null;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  if (value === undefined) return '(missing)';
  // Numbers are refused on purpose: a float would already have lost precision.
  return typeof value === 'object' ? (value === null ? 'null' : 'object') : String(value);
}

/** Thrown by evaluation helpers when the caller passes a rank that is not on the ladder. */
export function unknownRankError(rank: number, field: string): DomainError {
  const message = `Rank ${rank} is not on this program's tier ladder.`;
  return new DomainError('BAD_USER_INPUT', message, { [field]: [message] });
}
