import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import {
  budgetUsedPercent,
  costPerUnitMinor,
  gainPerCost,
  participationRate,
  paymentDelayDays,
  type Period,
  periodOf,
  type PointsEntry,
  programRoi,
  redemptionSpeedDaysOf,
} from '@prm/domain/incentives';
import { RequestContext, Role } from '@prm/server/core';
import { DealRegistrationsService } from '@prm/server/deals';
import { OrganisationsService, UsersService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { RevenueFactsService } from '@prm/server/revenue';
import { type DesiredLine, IncentiveAccrualsService, versionFor } from './incentive-accruals.service';
import { newArrByPartner } from './incentive-facts.helpers';
import { IncentivesStore, periodFromKey } from './incentives-store.service';
import { ENTRY_COLUMNS, PLAN_COLUMNS, type PlanKind, type PlanRow, STATEMENT_COLUMNS, type StatementRow, SUPPORTED_PLAN_KINDS, toEntry, toPlan, toStatement } from './incentives.types';

const DAY_MS = 86_400_000;
const PERIOD_FORMAT: Record<PlanRow['periodKind'], RegExp> = { MONTH: /^\d{4}-\d{2}$/, QUARTER: /^\d{4}-Q[1-4]$/, YEAR: /^\d{4}$/ };

/** The source type whose base is the plan's gain, for kinds measured from their own lines. */
const GAIN_SOURCE: Partial<Record<PlanKind, string>> = { RETENTION: 'MRR_MOVEMENT', REFERRAL: 'REFERRAL_MRR' };
const NO_MONEY_GAIN: Partial<Record<PlanKind, string>> = {
  ACTIVITY: 'Activity plans reward behaviour (webinars, demos, events), not revenue: there is no gain in money to set against the cost.',
  TRAINING: 'Training plans reward certifications, not revenue: there is no gain in money to set against the cost.',
};

export interface PlanPeriodMeasure {
  plan: PlanRow;
  periodKey: string;
  eligible: number;
  participants: number;
  participationRate: string | null;
  qualifyingUnits: number;
  costPerUnitMinor: bigint | null;
  gainPerCost: string | null;
  costAccruedMinor: bigint;
  costPaidMinor: bigint;
  gainMinor: bigint | null;
  gainNote: string | null;
  roi: string | null;
  budgetMinor: bigint | null;
  budgetUsed: string | null;
}

export interface PaymentDelay {
  plan: PlanRow;
  paidStatements: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface Measurement {
  periods: PlanPeriodMeasure[];
  paymentDelays: PaymentDelay[];
  redemptionSpeedDays: number | null;
  pointsRedeemed: bigint;
}

export interface PreviewLine extends DesiredLine {
  organisationName: string | null;
  repName: string | null;
}

export interface PreviewTotal {
  organisationId: string;
  organisationName: string | null;
  userId: string | null;
  repName: string | null;
  totalMinor: bigint;
  lineCount: number;
}

export interface Preview {
  plan: PlanRow;
  period: Period;
  totalMinor: bigint;
  totals: PreviewTotal[];
  lines: PreviewLine[];
}

export interface PayoutFilter {
  statementIds?: string[];
  planId?: string;
  periodKey?: string;
}

export interface PayoutRow {
  statement: StatementRow;
  planName: string;
  organisationName: string | null;
  repName: string | null;
}

interface BeneficiarySum {
  plan_id: string;
  period_key: string;
  organisation_id: string;
  user_id: string | null;
  total: string;
}

/**
 * Measurement of incentive plans (participation, conversion, cost, ROI, payment delay, redemption
 * speed), the plan preview (a run over real data that writes nothing) and the payout file's rows.
 * Read-only: nothing here writes. Facts of other contexts come through their services.
 */
@Injectable()
export class IncentiveMeasurementService {
  constructor(
    private readonly store: IncentivesStore,
    private readonly accruals: IncentiveAccrualsService,
    private readonly deals: DealRegistrationsService,
    private readonly programs: ProgramsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
    private readonly facts: RevenueFactsService,
  ) {}

  // ---- measurement ----

  async measure(ctx: RequestContext, planId?: string | null, periodKey?: string | null): Promise<Measurement> {
    let plans: PlanRow[];
    if (planId) {
      const plan = await this.store.plan(ctx, planId);
      if (periodKey) periodFromKey(periodKey, plan.periodKind, 'periodKey');
      plans = [plan];
    } else {
      plans = (await this.store.dataSource.query(`SELECT ${PLAN_COLUMNS} FROM incentive_plans p WHERE p.status <> 'DRAFT' ORDER BY p.name, p.id`)).map(toPlan);
      if (periodKey) plans = plans.filter((p) => PERIOD_FORMAT[p.periodKind].test(periodKey));
    }
    const ids = plans.map((p) => p.id);
    const sums: BeneficiarySum[] = ids.length
      ? await this.store.dataSource.query(
          `SELECT plan_id, period_key, organisation_id, user_id, sum(amount_minor)::text AS total FROM incentive_accrual_lines WHERE plan_id = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4`,
          [ids],
        )
      : [];
    const accrualSources: { plan_id: string; period_key: string; source_type: string; source_id: string; base: string | null }[] = ids.length
      ? await this.store.dataSource.query(
          `SELECT l.plan_id, l.period_key, l.source_type, l.source_id, sum(l.base_minor)::text AS base FROM incentive_accrual_lines l
            WHERE l.plan_id = ANY($1::uuid[]) AND l.kind = 'ACCRUAL'
              AND NOT EXISTS (SELECT 1 FROM incentive_accrual_lines c WHERE c.plan_id = l.plan_id AND c.source_type = l.source_type AND c.source_id = l.source_id AND c.kind = 'CLAWBACK')
            GROUP BY 1, 2, 3, 4`,
          [ids],
        )
      : [];
    const paid: StatementRow[] = ids.length
      ? (await this.store.dataSource.query(`SELECT ${STATEMENT_COLUMNS} FROM incentive_statements s WHERE s.plan_id = ANY($1::uuid[]) AND s.status = 'PAID'`, [ids])).map(toStatement)
      : [];
    const versions = await this.store.versions(ids);
    const eligibleCache = new Map<string, string[]>();
    const activePartners = await this.organisations.activePartnerIds();
    const enrolments = await this.programs.allEnrolments();

    const periods: PlanPeriodMeasure[] = [];
    const paymentDelays: PaymentDelay[] = [];
    for (const plan of plans) {
      const planSums = sums.filter((s) => s.plan_id === plan.id);
      const keys = periodKey ? [periodKey] : [...new Set([...planSums.map((s) => s.period_key), ...paid.filter((s) => s.planId === plan.id).map((s) => s.periodKey)])].sort().reverse();
      const perPeriod = keys.map((key) => periodFromKey(key, plan.periodKind, 'periodKey'));
      const eligible = await this.eligibleOf(plan, activePartners, enrolments, eligibleCache);
      const rebateDeals = plan.kind === 'REBATE' && perPeriod.length ? await this.wonDealsByPeriod(plan, perPeriod) : new Map<string, { count: number; valueMinor: bigint }>();
      const planVersions = versions.filter((v) => v.planId === plan.id);
      for (const period of perPeriod) {
        const inPeriod = planSums.filter((s) => s.period_key === period.key);
        const costAccrued = inPeriod.reduce((sum, s) => sum + BigInt(s.total), 0n);
        const earners = new Map<string, bigint>();
        for (const s of inPeriod) {
          const who = plan.kind === 'SPIF' ? (s.user_id ?? '') : s.organisation_id;
          earners.set(who, (earners.get(who) ?? 0n) + BigInt(s.total));
        }
        const earnerIds = [...earners].filter(([, total]) => total > 0n).map(([id]) => id);
        const participants = new Set(earnerIds.filter((id) => eligible.includes(id))).size;
        const costPaid = paid.filter((s) => s.planId === plan.id && s.periodKey === period.key).reduce((sum, s) => sum + s.totalMinor, 0n);
        const sources = accrualSources.filter((a) => a.plan_id === plan.id && a.period_key === period.key);
        const version = versionFor(planVersions, period.start) ?? planVersions[planVersions.length - 1];
        const { units, gain, note } =
          version?.rules.kind === 'REBATE' && version.rules.measure === 'NEW_ARR' ? await this.newArrGain(plan, period) : await this.gainOf(plan, period, sources, rebateDeals);
        const budget = version?.rules.kind === 'SPIF' && version.rules.budgetMinor !== null ? BigInt(version.rules.budgetMinor) : null;
        const accruedToDate = planSums.filter((s) => s.period_key <= period.key).reduce((sum, s) => sum + BigInt(s.total), 0n);
        const positiveCost = costAccrued < 0n ? 0n : costAccrued;
        periods.push({
          plan,
          periodKey: period.key,
          eligible: eligible.length,
          participants,
          participationRate: participationRate(eligible, earnerIds),
          qualifyingUnits: units,
          costPerUnitMinor: costPerUnitMinor(positiveCost, BigInt(units)),
          gainPerCost: gain === null ? null : gainPerCost(gain, positiveCost),
          costAccruedMinor: costAccrued,
          costPaidMinor: costPaid,
          gainMinor: gain,
          gainNote: note,
          roi: gain === null ? null : programRoi(gain, positiveCost),
          budgetMinor: budget,
          budgetUsed: budget === null ? null : budgetUsedPercent(accruedToDate < 0n ? 0n : accruedToDate, budget),
        });
      }
      const days = paid
        .filter((s) => s.planId === plan.id && (!periodKey || s.periodKey === periodKey) && s.paidAt)
        .map((s) => Math.max(0, Math.floor((new Date(s.paidAt as Date).getTime() - Date.parse(`${s.periodEnd}T00:00:00Z`)) / DAY_MS)));
      const delay = paymentDelayDays(days);
      paymentDelays.push({ plan, paidStatements: delay.count, medianDays: delay.median, p90Days: delay.p90 });
    }
    const speed = await this.redemptionSpeed();
    periods.sort((a, b) => (a.periodKey === b.periodKey ? a.plan.name.localeCompare(b.plan.name) : a.periodKey < b.periodKey ? 1 : -1));
    return { periods, paymentDelays, ...speed };
  }

  /** Partners in the plan's program (every active partner without one); for a SPIF the active reps of those partners. */
  private async eligibleOf(plan: PlanRow, active: string[], enrolments: { organisationId: string; programId: string }[], cache: Map<string, string[]>): Promise<string[]> {
    const key = `${plan.kind === 'SPIF' ? 'reps' : 'orgs'}:${plan.programId ?? '*'}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const activeSet = new Set(active);
    const orgs = plan.programId ? [...new Set(enrolments.filter((e) => e.programId === plan.programId && activeSet.has(e.organisationId)).map((e) => e.organisationId))] : active;
    const ids = plan.kind === 'SPIF' ? await this.users.activeIdsWithRole(orgs, Role.PARTNER_REP) : orgs;
    cache.set(key, ids);
    return ids;
  }

  /** Won deals of the plan's program and currency per period (rebates: the gain is the won value, whether or not a threshold was reached). */
  private async wonDealsByPeriod(plan: PlanRow, periods: Period[]): Promise<Map<string, { count: number; valueMinor: bigint }>> {
    const from = periods.reduce((min, p) => (p.start < min ? p.start : min), periods[0]!.start);
    const to = periods.reduce((max, p) => (p.end > max ? p.end : max), periods[0]!.end);
    const reversed = await this.accruals.reversedSources('DEAL');
    const out = new Map<string, { count: number; valueMinor: bigint }>();
    for (const r of await this.deals.wonDealFacts(from, to, plan.currency, { programId: plan.programId, withProducts: false })) {
      if (reversed.has(r.id)) continue;
      const key = periodOf(r.closeDate, plan.periodKind).key;
      const v = out.get(key) ?? { count: 0, valueMinor: 0n };
      out.set(key, { count: v.count + 1, valueMinor: v.valueMinor + r.valueMinor });
    }
    return out;
  }

  private async gainOf(
    plan: PlanRow,
    period: Period,
    sources: { source_type: string; source_id: string; base: string | null }[],
    rebateDeals: Map<string, { count: number; valueMinor: bigint }>,
  ): Promise<{ units: number; gain: bigint | null; note: string | null }> {
    if (plan.kind === 'SPIF') {
      const dealIds = [...new Set(sources.filter((s) => s.source_type === 'DEAL').map((s) => s.source_id))];
      const deals = dealIds.length ? await this.deals.byIds(RequestContext.system(), dealIds) : [];
      const gain = deals.reduce((sum, r) => sum + (r.actualMrrMinor ?? 0n) * 12n + (r.actualOneTimeMinor ?? 0n), 0n);
      return { units: dealIds.length, gain, note: null };
    }
    if (plan.kind === 'REBATE') {
      const won = rebateDeals.get(period.key) ?? { count: 0, valueMinor: 0n };
      return { units: won.count, gain: won.valueMinor, note: null };
    }
    const units = new Set(sources.map((s) => `${s.source_type}:${s.source_id}`)).size;
    const noMoney = NO_MONEY_GAIN[plan.kind];
    if (noMoney) return { units, gain: null, note: noMoney };
    if (!SUPPORTED_PLAN_KINDS.includes(plan.kind) && sources.length === 0) {
      return { units, gain: null, note: `${plan.kind} plans do not accrue yet: the gain (${plan.kind === 'RETENTION' ? 'expansion MRR' : 'referred customers’ MRR'}) is not measured.` };
    }
    const gainType = GAIN_SOURCE[plan.kind];
    const gain = sources.filter((s) => s.source_type === gainType).reduce((sum, s) => sum + BigInt(s.base ?? '0'), 0n);
    return { units, gain, note: null };
  }

  /** NEW_ARR rebates: the new ARR (NEW movement MRR × 12) of the plan's partners in the period; units are the new customers. */
  private async newArrGain(plan: PlanRow, period: Period): Promise<{ units: number; gain: bigint; note: null }> {
    const byPartner = await newArrByPartner(this.facts, this.programs, plan, period.start, period.end);
    let gain = 0n;
    let units = 0;
    for (const v of byPartner.values()) {
      gain += v.volume;
      units += v.count;
    }
    return { units, gain, note: null };
  }

  /** Median days from earning to redeeming over every wallet, and the points redeemed (rejected redemptions were refunded). */
  private async redemptionSpeed(): Promise<{ redemptionSpeedDays: number | null; pointsRedeemed: bigint }> {
    const rows = (
      // Only wallets that redeemed something: the others add no redemption age.
      await this.store.dataSource.query(
        `SELECT ${ENTRY_COLUMNS} FROM points_entries e WHERE e.account_id IN (SELECT r.account_id FROM points_entries r WHERE r.kind = 'REDEEM') ORDER BY e.account_id, e.at, e.id`,
      )
    ).map(toEntry);
    const rank = { EARN: 0, ADJUST: 1, REDEEM: 2, EXPIRE: 3 } as const;
    const ledgers = new Map<string, PointsEntry[]>();
    rows.sort(
      (a: ReturnType<typeof toEntry>, b: ReturnType<typeof toEntry>) =>
        (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0) || new Date(a.at).getTime() - new Date(b.at).getTime() || rank[a.kind] - rank[b.kind],
    );
    for (const e of rows as ReturnType<typeof toEntry>[]) {
      const list = ledgers.get(e.accountId) ?? [];
      list.push({ id: e.id, kind: e.kind, points: e.amount, on: new Date(e.at).toISOString().slice(0, 10), lotId: e.kind === 'EXPIRE' ? e.sourceId : null });
      ledgers.set(e.accountId, list);
    }
    const [redeemed] = await this.store.dataSource.query(`SELECT COALESCE(sum(points), 0)::text AS total FROM reward_redemptions WHERE status <> 'REJECTED'`);
    return { redemptionSpeedDays: redemptionSpeedDaysOf([...ledgers.values()]), pointsRedeemed: BigInt((redeemed as { total: string }).total) };
  }

  // ---- preview ----

  /** What the plan (draft or published) would produce over a period of real data (default: the last complete one); writes nothing. */
  async preview(ctx: RequestContext, planId: string, periodKey?: string | null): Promise<Preview> {
    const plan = await this.store.plan(ctx, planId);
    const period = periodKey ? periodFromKey(periodKey, plan.periodKind, 'periodKey') : lastComplete(this.store.today(), plan);
    // A source the plan reverses (a churn inside its clawback window) earns nothing: left out of the preview.
    const desired = (await this.accruals.desired(plan, period)).filter((l) => !l.reversal && l.eventDate >= period.start && l.eventDate <= period.end);
    const orgNames = new Map((await this.organisations.byIds(RequestContext.system(), [...new Set(desired.map((l) => l.organisationId))])).map((o) => [o.id, o.name]));
    const userIds = [...new Set(desired.map((l) => l.userId).filter((id): id is string => id !== null))];
    const repNames = new Map((await this.users.byIds(RequestContext.system(), userIds)).map((u) => [u.id, u.name]));
    const lines: PreviewLine[] = desired
      .map((l) => ({ ...l, organisationName: orgNames.get(l.organisationId) ?? null, repName: l.userId ? (repNames.get(l.userId) ?? null) : null }))
      .sort((a, b) => (a.organisationName ?? '').localeCompare(b.organisationName ?? '') || (a.repName ?? '').localeCompare(b.repName ?? '') || a.eventDate.localeCompare(b.eventDate) || a.sourceId.localeCompare(b.sourceId));
    const totals = new Map<string, PreviewTotal>();
    for (const l of lines) {
      const key = `${l.organisationId}:${l.userId ?? ''}`;
      const t = totals.get(key) ?? { organisationId: l.organisationId, organisationName: l.organisationName, userId: l.userId, repName: l.repName, totalMinor: 0n, lineCount: 0 };
      totals.set(key, { ...t, totalMinor: t.totalMinor + l.amountMinor, lineCount: t.lineCount + 1 });
    }
    return { plan, period, totalMinor: lines.reduce((sum, l) => sum + l.amountMinor, 0n), totals: [...totals.values()], lines };
  }

  // ---- payout file ----

  /** Approved, unpaid statements (or the ones named) with the names a payout file needs, in pages. */
  async *payoutRows(ctx: RequestContext, filter: PayoutFilter): AsyncIterable<PayoutRow[]> {
    if (ctx.partnerScope) throw new DomainError('FORBIDDEN', 'Only vendor staff export payout files.');
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.statementIds?.length) where.push(`s.id = ANY(${p(filter.statementIds)}::uuid[])`);
    else where.push(`s.status = 'APPROVED'`);
    if (filter.planId) where.push(`s.plan_id = ${p(filter.planId)}`);
    if (filter.periodKey) where.push(`s.period_key = ${p(filter.periodKey)}`);
    const rows: StatementRow[] = (
      await this.store.dataSource.query(`SELECT ${STATEMENT_COLUMNS} FROM incentive_statements s WHERE ${where.join(' AND ')} ORDER BY s.period_end, s.plan_id, s.organisation_id, s.user_id NULLS FIRST, s.id`, params)
    ).map(toStatement);
    for (let i = 0; i < rows.length; i += 500) {
      const batch = rows.slice(i, i + 500);
      const plans = new Map((await this.store.plansByIds(ctx, [...new Set(batch.map((s) => s.planId))])).map((pl) => [pl.id, pl.name]));
      const orgs = new Map((await this.organisations.byIds(ctx, [...new Set(batch.map((s) => s.organisationId))])).map((o) => [o.id, o.name]));
      const reps = new Map((await this.users.byIds(ctx, [...new Set(batch.map((s) => s.userId).filter((id): id is string => id !== null))])).map((u) => [u.id, u.name]));
      yield batch.map((statement) => ({
        statement,
        planName: plans.get(statement.planId) ?? '',
        organisationName: orgs.get(statement.organisationId) ?? null,
        repName: statement.userId ? (reps.get(statement.userId) ?? null) : null,
      }));
    }
  }
}

/** The last period of the plan's kind that is over on `today`. */
function lastComplete(today: string, plan: PlanRow): Period {
  const current = periodOf(today, plan.periodKind);
  const dayBefore = new Date(Date.parse(`${current.start}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return periodOf(dayBefore, plan.periodKind);
}
