import { DomainError } from '@prm/domain/common';
import {
  type AmountTier,
  type CountTier,
  type PeriodKind,
  type RebateMode,
  type Reward,
  type SpifCampaign,
  type SpifTierMode,
  type StatementStatus,
} from '@prm/domain/incentives';
import { formatPercent, type Percent, percentFromUnits, requireDecimal, rescale } from '@prm/domain/money';

export const PLAN_KINDS = ['SPIF', 'REBATE', 'ACTIVITY', 'TRAINING', 'RETENTION', 'REFERRAL'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
/** The plan kinds the server can configure and accrue today. */
export const SUPPORTED_PLAN_KINDS: readonly PlanKind[] = ['SPIF', 'REBATE', 'ACTIVITY', 'TRAINING', 'RETENTION', 'REFERRAL'];
export const PLAN_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const LINE_KINDS = ['ACCRUAL', 'ADJUSTMENT', 'CLAWBACK'] as const;
export type LineKind = (typeof LINE_KINDS)[number];
export const PAYMENT_METHODS = ['CASH', 'CREDIT_NOTE', 'POINTS'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const REWARD_KINDS = ['GIFT_VOUCHER', 'SERVICE_CREDIT', 'EVENT_TICKET', 'TRAINING_SEAT'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const REDEMPTION_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED', 'FULFILLED'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
/**
 * What an accrual line can point at: a won deal, a partner's rebate volume for a period, a logged
 * activity, a course completion, a subscription movement (expansion), a renewal, a partner's NRR for a
 * period, a referred customer's month of MRR. The database CHECK lists the same values.
 */
export const SOURCE_TYPES = ['DEAL', 'REBATE_VOLUME', 'ACTIVITY', 'COURSE_COMPLETION', 'MRR_MOVEMENT', 'RENEWAL', 'NRR_PERIOD', 'REFERRAL_MRR'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

// ---- stored rules (jsonb): amounts as minor-unit strings, rates as canonical percent text ----

export type StoredReward = { kind: 'FIXED'; amountMinor: string } | { kind: 'PERCENT'; ratePct: string };

export interface SpifRules {
  kind: 'SPIF';
  startsOn: string;
  endsOn: string;
  filter: { productIds: string[]; programIds: string[]; partnerTiers: string[]; countries: string[]; minValueMinor: string | null };
  payout: StoredReward | { kind: 'TIERED'; mode: SpifTierMode; tiers: { fromCount: number; toCount: number | null; reward: StoredReward }[] };
  repCapMinor: string | null;
  budgetMinor: string | null;
}

export interface RebateRules {
  kind: 'REBATE';
  /**
   * What the rebate is a percentage of: won deal value (MRR × 12 + one-time) closed in the period, or
   * NEW_ARR — NEW movement MRR × 12 of the partner's customers in the period (revenue ledger, base currency).
   */
  measure: 'WON_VALUE' | 'NEW_ARR';
  /** When true, the first tier's rate (the base rate) is the partner's tier benefit `rebateRate` in the plan's program. */
  baseRateFromTier?: boolean;
  mode: RebateMode;
  tiers: { fromMinor: string; toMinor: string | null; ratePct: string }[];
}

/** Per activity type: a fixed reward in the plan's unit (points or minor units) and an optional cap per beneficiary and period. */
export interface ActivityRules {
  kind: 'ACTIVITY';
  activities: { activityTypeId: string; amountMinor: string; capPerPeriodMinor: string | null }[];
}

/** Per listed course: a fixed reward in the plan's unit for every completion. */
export interface TrainingRules {
  kind: 'TRAINING';
  courses: { courseId: string; amountMinor: string }[];
}

/** Rewards for recurring-revenue outcomes (revenue ledger, base currency); each part optional. */
export interface RetentionRules {
  kind: 'RETENTION';
  /** Trailing-12-month NRR at the period's last month at or above the threshold earns the reward. */
  nrr: { thresholdPct: string; reward: StoredReward } | null;
  /** Expansion MRR × this rate, per movement. */
  expansionRatePct: string | null;
  /** A fixed amount per early renewal (recorded 90+ days before the term ends). */
  earlyRenewalRewardMinor: string | null;
  /** A customer churning 0..n days after a rewarded expansion or early renewal claws it back; null = never. */
  clawbackDays: number | null;
}

/** Commission on referred customers' MRR for affiliate partners. */
export interface ReferralRules {
  kind: 'REFERRAL';
  ratePct: string;
  /** Months from the sign-up month; null = the customer's lifetime. */
  months: number | null;
  /** A referred customer churning 0..n days after its sign-up claws back every commission month; null = never. */
  clawbackDays: number | null;
}

export type PlanRules = SpifRules | RebateRules | ActivityRules | TrainingRules | RetentionRules | ReferralRules;

export const percentUnits = (text: string): Percent => rescale(requireDecimal(text), 4) as Percent;

export function toReward(stored: StoredReward): Reward {
  return stored.kind === 'FIXED' ? { kind: 'FIXED', amountMinor: BigInt(stored.amountMinor) } : { kind: 'PERCENT', ratePct: percentUnits(stored.ratePct) };
}

export function fromReward(reward: Reward): StoredReward {
  return reward.kind === 'FIXED' ? { kind: 'FIXED', amountMinor: reward.amountMinor.toString() } : { kind: 'PERCENT', ratePct: formatPercent(percentFromUnits(reward.ratePct)) };
}

export function spifCampaignOf(rules: SpifRules, currency: string): SpifCampaign {
  const payout = rules.payout;
  return {
    currency,
    startsOn: rules.startsOn,
    endsOn: rules.endsOn,
    filter: {
      productIds: rules.filter.productIds,
      programIds: rules.filter.programIds,
      partnerTiers: rules.filter.partnerTiers,
      countries: rules.filter.countries,
      ...(rules.filter.minValueMinor === null ? {} : { minValueMinor: BigInt(rules.filter.minValueMinor) }),
    },
    payout:
      payout.kind === 'TIERED'
        ? { kind: 'TIERED', mode: payout.mode, tiers: payout.tiers.map((t): CountTier => ({ fromCount: t.fromCount, toCount: t.toCount, reward: toReward(t.reward) })) }
        : toReward(payout),
    repCapMinor: rules.repCapMinor === null ? null : BigInt(rules.repCapMinor),
    budgetMinor: rules.budgetMinor === null ? null : BigInt(rules.budgetMinor),
  };
}

export function rebateTiersOf(rules: RebateRules): AmountTier[] {
  return rules.tiers.map((t) => ({ fromMinor: BigInt(t.fromMinor), toMinor: t.toMinor === null ? null : BigInt(t.toMinor), ratePct: percentUnits(t.ratePct) }));
}

// ---- rows ----

export interface PlanRow {
  id: string;
  name: string;
  kind: PlanKind;
  programId: string | null;
  periodKind: PeriodKind;
  currency: string;
  status: PlanStatus;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface VersionRow {
  id: string;
  planId: string;
  version: number;
  effectiveFrom: string;
  rules: PlanRules;
  createdAt: Date;
}

export interface LineRow {
  id: string;
  planId: string;
  planVersionId: string;
  organisationId: string;
  userId: string | null;
  rule: string;
  eventPeriodKey: string;
  periodKey: string;
  eventDate: string;
  sourceType: SourceType;
  sourceId: string;
  sourceLabel: string;
  unit: string;
  baseMinor: bigint | null;
  ratePct: string | null;
  amountMinor: bigint;
  cappedBy: string | null;
  kind: LineKind;
  reason: string | null;
  statementId: string | null;
  createdAt: Date;
}

export interface StatementRow {
  id: string;
  planId: string;
  periodKey: string;
  periodEnd: string;
  organisationId: string;
  userId: string | null;
  unit: string;
  totalMinor: bigint;
  lineCount: number;
  status: StatementStatus;
  createdAt: Date;
  approvedAt: Date | null;
  paidAt: Date | null;
  paymentMethod: PaymentMethod | null;
  paymentKey: string | null;
  pointsAwarded: bigint | null;
}

export interface CloseRow {
  id: string;
  planId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  closedAt: Date;
  statementCount: number;
}

export interface PointsAccountRow {
  id: string;
  organisationId: string;
  userId: string | null;
  balance: bigint;
}

export interface PointsEntryRow {
  id: string;
  accountId: string;
  kind: 'EARN' | 'REDEEM' | 'EXPIRE' | 'ADJUST';
  counterAccount: string;
  amount: bigint;
  sourceType: string;
  sourceId: string;
  at: Date;
}

export interface RewardRow {
  id: string;
  name: string;
  kind: RewardKind;
  pointsPrice: bigint;
  stock: number | null;
  eligibleTierIds: string[];
  requiresApproval: boolean;
  active: boolean;
  createdAt: Date;
}

export interface RedemptionRow {
  id: string;
  rewardId: string;
  accountId: string;
  organisationId: string;
  userId: string | null;
  points: bigint;
  status: RedemptionStatus;
  requestedAt: Date;
  decidedAt: Date | null;
}

export const PLAN_COLUMNS = `p.id, p.name, p.kind, p.program_id AS "programId", p.period_kind AS "periodKind", p.currency, p.status, p.created_at AS "createdAt", p.published_at AS "publishedAt"`;
export const VERSION_COLUMNS = `v.id, v.plan_id AS "planId", v.version, to_char(v.effective_from, 'YYYY-MM-DD') AS "effectiveFrom", v.rules, v.created_at AS "createdAt"`;
/**
 * The lines of statement `s`: those of its plan, period, beneficiary (organisation, and rep or none) and
 * unit. A close makes the statements of a period from its lines and nothing writes to a closed period, so
 * membership needs no column on the (million) lines; the join uses incentive_statements_one one way and
 * incentive_accrual_lines_beneficiary the other.
 */
export const LINES_OF_STATEMENT = `s.plan_id = l.plan_id AND s.period_key = l.period_key AND s.organisation_id = l.organisation_id
  AND COALESCE(s.user_id, '00000000-0000-0000-0000-000000000000'::uuid) = COALESCE(l.user_id, '00000000-0000-0000-0000-000000000000'::uuid) AND s.unit = l.unit`;

export const LINE_COLUMNS = `l.id, l.plan_id AS "planId", l.plan_version_id AS "planVersionId", l.organisation_id AS "organisationId", l.user_id AS "userId", l.rule,
  l.event_period_key AS "eventPeriodKey", l.period_key AS "periodKey", to_char(l.event_date, 'YYYY-MM-DD') AS "eventDate", l.source_type AS "sourceType",
  l.source_id AS "sourceId", l.source_label AS "sourceLabel", l.unit, l.base_minor AS "baseMinor", l.rate_pct::text AS "ratePct", l.amount_minor AS "amountMinor",
  l.capped_by AS "cappedBy", l.kind, l.reason, (SELECT s.id FROM incentive_statements s WHERE ${LINES_OF_STATEMENT}) AS "statementId", l.created_at AS "createdAt"`;
export const STATEMENT_COLUMNS = `s.id, s.plan_id AS "planId", s.period_key AS "periodKey", to_char(s.period_end, 'YYYY-MM-DD') AS "periodEnd", s.organisation_id AS "organisationId",
  s.user_id AS "userId", s.unit, s.total_minor AS "totalMinor", s.line_count AS "lineCount", s.status, s.created_at AS "createdAt", s.approved_at AS "approvedAt",
  s.paid_at AS "paidAt", s.payment_method AS "paymentMethod", s.payment_key AS "paymentKey", s.points_awarded AS "pointsAwarded"`;
export const CLOSE_COLUMNS = `c.id, c.plan_id AS "planId", c.period_key AS "periodKey", to_char(c.period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(c.period_end, 'YYYY-MM-DD') AS "periodEnd", c.closed_at AS "closedAt", c.statement_count AS "statementCount"`;
export const ACCOUNT_COLUMNS = `a.id, a.organisation_id AS "organisationId", a.user_id AS "userId", a.balance`;
export const ENTRY_COLUMNS = `e.id, e.account_id AS "accountId", e.kind, e.counter_account AS "counterAccount", e.amount, e.source_type AS "sourceType", e.source_id AS "sourceId", e.at`;
export const REWARD_COLUMNS = `w.id, w.name, w.kind, w.points_price AS "pointsPrice", w.stock, w.eligible_tier_ids::text[] AS "eligibleTierIds", w.requires_approval AS "requiresApproval", w.active, w.created_at AS "createdAt"`;
export const REDEMPTION_COLUMNS = `d.id, d.reward_id AS "rewardId", d.account_id AS "accountId", d.organisation_id AS "organisationId", d.user_id AS "userId", d.points, d.status,
  d.requested_at AS "requestedAt", d.decided_at AS "decidedAt"`;

type Raw = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(v as string | number);
const bigOrNull = (v: unknown): bigint | null => (v === null || v === undefined ? null : big(v));

export const toPlan = (r: Raw): PlanRow => r as unknown as PlanRow;
export const toVersion = (r: Raw): VersionRow => ({ ...(r as unknown as VersionRow), version: Number(r['version']) });
export const toLine = (r: Raw): LineRow => ({ ...(r as unknown as LineRow), baseMinor: bigOrNull(r['baseMinor']), amountMinor: big(r['amountMinor']) });
export const toStatement = (r: Raw): StatementRow => ({
  ...(r as unknown as StatementRow),
  totalMinor: big(r['totalMinor']),
  lineCount: Number(r['lineCount']),
  pointsAwarded: bigOrNull(r['pointsAwarded']),
});
export const toClose = (r: Raw): CloseRow => ({ ...(r as unknown as CloseRow), statementCount: Number(r['statementCount']) });
export const toAccount = (r: Raw): PointsAccountRow => ({ ...(r as unknown as PointsAccountRow), balance: big(r['balance']) });
export const toEntry = (r: Raw): PointsEntryRow => ({ ...(r as unknown as PointsEntryRow), amount: big(r['amount']) });
export const toRewardRow = (r: Raw): RewardRow => ({ ...(r as unknown as RewardRow), pointsPrice: big(r['pointsPrice']), stock: r['stock'] === null ? null : Number(r['stock']) });
export const toRedemption = (r: Raw): RedemptionRow => ({ ...(r as unknown as RedemptionRow), points: big(r['points']) });

export function assertRules(kind: PlanKind, rules: PlanRules): void {
  if (rules.kind !== kind) throw new DomainError('BAD_USER_INPUT', `The rules are not ${kind} rules.`, { rules: [`Give ${kind.toLowerCase()} rules for a ${kind} plan.`] });
}
