import { DomainError } from '@prm/domain/common';
import type { MetricsSnapshot, TierDefinition } from './tier-model';
import { evaluateQualification } from './tier-qualification';
import { unknownRankError } from './tier-rules';

export const MS_PER_DAY = 86_400_000;
/** Upper bound on a grace period; keeps effectiveAfter far inside the Date range. */
export const MAX_GRACE_DAYS = 3650;

export interface PendingDemotion {
  toRank: number;
  proposedAt: Date;
}

export interface TierChangeInput {
  tiers: readonly TierDefinition[];
  currentRank: number;
  metrics: MetricsSnapshot;
  pendingDemotion: PendingDemotion | null;
  graceDays: number;
  now: Date;
}

export type TierDecision =
  | { kind: 'NONE' }
  /** Qualified above the current tier: promote straight to the qualified rank (may skip tiers). */
  | { kind: 'PROMOTE'; toRank: number }
  /** Qualified below and nothing pending: propose a demotion that takes effect once the grace period ends. */
  | { kind: 'DEMOTE'; toRank: number; effectiveAfter: Date }
  /** Still below and a demotion is already pending: keep it as is (its grace period is not restarted). */
  | { kind: 'KEEP_PENDING_DEMOTION' }
  /** Back at the current tier's level while a demotion was pending: drop the pending demotion. */
  | { kind: 'CANCEL_PENDING_DEMOTION' };

/**
 * Decides what to do with a partner's tier after a metrics refresh. Promotions are immediate;
 * demotions wait `graceDays` so a partner can recover from a temporary dip. On PROMOTE the caller
 * should also cancel any pending demotion.
 */
export function decideTierChange(input: TierChangeInput): TierDecision {
  const { tiers, currentRank, metrics, pendingDemotion, graceDays, now } = input;
  assertValidDate(now, 'now');
  if (!Number.isSafeInteger(graceDays) || graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
    const message = `Grace period must be a whole number of days from 0 to ${MAX_GRACE_DAYS}.`;
    throw new DomainError('BAD_USER_INPUT', message, { graceDays: [message] });
  }

  const { qualifiedTier, evaluations } = evaluateQualification(tiers, metrics);
  if (!evaluations.some((evaluation) => evaluation.rank === currentRank)) throw unknownRankError(currentRank, 'currentRank');
  const qualifiedRank = qualifiedTier.rank;

  if (qualifiedRank > currentRank) return { kind: 'PROMOTE', toRank: qualifiedRank };
  if (qualifiedRank === currentRank) return pendingDemotion ? { kind: 'CANCEL_PENDING_DEMOTION' } : { kind: 'NONE' };
  if (pendingDemotion) return { kind: 'KEEP_PENDING_DEMOTION' };
  // UTC days have no DST shifts, so a day is exactly 86 400 000 ms.
  return { kind: 'DEMOTE', toRank: qualifiedRank, effectiveAfter: new Date(now.getTime() + graceDays * MS_PER_DAY) };
}

/** A pending demotion may be applied once its grace period has fully elapsed (now ≥ effectiveAfter). */
export function demotionDue(effectiveAfter: Date, now: Date): boolean {
  assertValidDate(effectiveAfter, 'effectiveAfter');
  assertValidDate(now, 'now');
  return now.getTime() >= effectiveAfter.getTime();
}

function assertValidDate(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    const message = `${field} must be a valid date.`;
    throw new DomainError('BAD_USER_INPUT', message, { [field]: [message] });
  }
}
