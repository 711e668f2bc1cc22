import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import {
  type AccrualLine,
  bookLine,
  clawbackLine,
  nextPeriod,
  type Period,
  periodOf,
  progressToNextTier,
  rebate,
  type SpifDeal,
  type SpifLine,
  spifLines,
  tierIndexReached,
  type TierProgress,
} from '@prm/domain/incentives';
import { divRound, formatFixed, formatMoneyPlain, formatPercent, money, type Percent, percentFromUnits } from '@prm/domain/money';
import { type Connection, parseCursor, RequestContext, Role, toConnection } from '@prm/server/core';
import { DealRegistrationsService, type WonDealFact } from '@prm/server/deals';
import { AuditService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { RevenueFactsService } from '@prm/server/revenue';
import type { EntityManager } from 'typeorm';
import { newArrByPartner, tierRebateRates } from './incentive-facts.helpers';
import { IncentivesStore, periodFromKey } from './incentives-store.service';
import {
  CLOSE_COLUMNS,
  type CloseRow,
  LINE_COLUMNS,
  LINES_OF_STATEMENT,
  type LineKind,
  type LineRow,
  type PlanKind,
  type PlanRow,
  rebateTiersOf,
  spifCampaignOf,
  type SourceType,
  toClose,
  toLine,
  type VersionRow,
} from './incentives.types';

/** One line the facts call for: what the plan owes for one source and rule (before booking). */
export interface DesiredLine {
  planVersionId: string;
  organisationId: string;
  userId: string | null;
  rule: string;
  eventDate: string;
  sourceType: SourceType;
  sourceId: string;
  sourceLabel: string;
  baseMinor: bigint | null;
  ratePct: Percent | null;
  amountMinor: bigint;
  cappedBy: string | null;
  /**
   * This plan's own reversal of the source (a customer churning inside the plan's clawback window):
   * whatever was booked for it is clawed back and nothing more accrues. Plan-local, unlike a reversal
   * recorded for a source (a deal reversed, an activity rejected), which holds for every plan.
   */
  reversal?: Reversal | null;
}

/** A won deal with the partner's tier in the deal's program (a SPIF can filter on it). */
type WonDeal = WonDealFact & { partnerTier: string };

export interface Reversal {
  reason: string;
  /** The day the source was reversed: the clawback is booked in that day's period (or the next open one). */
  on: string;
}

/** A provider of desired lines for one plan kind (see `registerSource`). */
export interface IncentiveSource {
  readonly kind: PlanKind;
  /** Lines for every fact up to the end of `upTo`, each by the version in force in its period; reversed sources left out (they are clawed back). */
  desired(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]>;
}

const REVERSAL_LABEL: Partial<Record<SourceType, string>> = { DEAL: 'Deal reversed' };

export interface AccrualResult {
  /** Lines written or changed by this run. */
  changed: number;
  periodKey: string;
}

export interface LineFilter {
  planId?: string;
  periodKey?: string;
  organisationId?: string;
}

// A plan looks back at most this many periods when it recomputes (a rebate plan recomputes each).
const MAX_PERIODS = 60;

const key = (sourceType: string, sourceId: string, rule: string): string => `${sourceType}\u0000${sourceId}\u0000${rule}`;

/** A line `l` whose period is still open (no close row): the only lines a recompute may change. */
const PERIOD_OPEN = `NOT EXISTS (SELECT 1 FROM incentive_period_closes c WHERE c.plan_id = l.plan_id AND c.period_key = l.period_key)`;

/** Lines written per statement when a plan is brought up to date (a quarter can hold a million). */
const WRITE_BATCH = 5000;

/** A booked line as the comparison with the facts sees it. */
interface BookedLine {
  id: string;
  sourceType: SourceType;
  sourceId: string;
  rule: string;
  kind: LineKind;
  periodKey: string;
  amountMinor: bigint;
  baseMinor: bigint | null;
  cappedBy: string | null;
  planVersionId: string;
}

/** One line to insert or update: what it is for, where it is booked and its amount. */
interface LineWrite {
  d: DesiredLine;
  kind: LineKind;
  periodKey: string;
  eventPeriodKey: string;
  amountMinor: bigint;
  reason: string | null;
}

/**
 * Accrual from facts and period close. Facts (won deals) are read through the deals services; the
 * domain calculators turn them into the lines the plan owes; `reconcile` books the difference
 * between what is owed and what is already booked — into the fact's own period while it is open,
 * otherwise as an ADJUSTMENT in the next open period — so re-running adds nothing, closed periods are
 * never rewritten, and a reversed source gets an explicit CLAWBACK line with its reason.
 */
@Injectable()
export class IncentiveAccrualsService {
  private readonly sources = new Map<PlanKind, IncentiveSource>();

  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly deals: DealRegistrationsService,
    private readonly programs: ProgramsService,
    private readonly revenue: RevenueFactsService,
  ) {}

  // ---- reads ----

  async lines(ctx: RequestContext, filter: LineFilter, first: number, after?: string): Promise<Connection<LineRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    if (filter.planId) await this.store.plan(ctx, filter.planId);
    const cursor = parseCursor(after, ['text', 'timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.beneficiaryScope(ctx, 'l', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.planId) where.push(`l.plan_id = ${p(filter.planId)}`);
    if (filter.periodKey) where.push(`l.period_key = ${p(filter.periodKey)}`);
    if (filter.organisationId) where.push(`l.organisation_id = ${p(filter.organisationId)}`);
    if (cursor) where.push(`(l.period_key, l.created_at, l.id) < (${p(cursor[0])}, ${p(cursor[1])}::timestamptz, ${p(cursor[2])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${LINE_COLUMNS} FROM incentive_accrual_lines l WHERE ${where.join(' AND ')} ORDER BY l.period_key DESC, l.created_at DESC, l.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toLine), first, (l: LineRow) => [l.periodKey, new Date(l.createdAt).toISOString(), l.id]);
  }

  /** Lines of statements the caller already holds (authorised when the statement was read). */
  async linesOfStatements(statementIds: readonly string[]): Promise<LineRow[]> {
    if (statementIds.length === 0) return [];
    const rows = await this.store.dataSource.query(
      `SELECT ${LINE_COLUMNS} FROM incentive_statements s JOIN incentive_accrual_lines l ON ${LINES_OF_STATEMENT}
        WHERE s.id = ANY($1::uuid[]) ORDER BY s.id, l.unit, l.source_type, l.source_id, l.rule, l.kind, l.id`,
      [statementIds],
    );
    return rows.map(toLine);
  }

  async closes(planIds: readonly string[]): Promise<CloseRow[]> {
    if (planIds.length === 0) return [];
    const rows = await this.store.dataSource.query(`SELECT ${CLOSE_COLUMNS} FROM incentive_period_closes c WHERE c.plan_id = ANY($1::uuid[]) ORDER BY c.plan_id, c.period_key`, [planIds]);
    return rows.map(toClose);
  }

  // ---- accrual ----

  /** Recomputes a plan's lines for every fact up to the end of `periodKey` (default: the current period). */
  async recompute(ctx: RequestContext, planId: string, periodKey?: string | null): Promise<AccrualResult> {
    const plan = await this.store.plan(ctx, planId);
    if (plan.status === 'DRAFT') throw new DomainError('CONFLICT', 'Publish the plan before it accrues.');
    const period = periodKey ? periodFromKey(periodKey, plan.periodKind) : periodOf(this.store.today(), plan.periodKind);
    const desired = await this.desired(plan, period);
    const changed = await this.store.write(async (em) => {
      await this.store.lockPlan(em, plan.id);
      return this.reconcile(em, plan, period, desired);
    });
    return { changed, periodKey: period.key };
  }

  /** The scheduled run: every published plan up to its current period. */
  async recomputeAll(planId?: string): Promise<number> {
    const ids: { id: string }[] = await this.store.dataSource.query(`SELECT id FROM incentive_plans WHERE status = 'PUBLISHED' ${planId ? 'AND id = $1' : ''} ORDER BY id`, planId ? [planId] : []);
    let changed = 0;
    for (const { id } of ids) changed += (await this.recompute(RequestContext.system('system:incentives-accrue'), id)).changed;
    return changed;
  }

  /**
   * Closes a period once: the lines are brought up to date, then one DRAFT statement per beneficiary
   * sums the lines booked in the period. Closing again returns the same close; a concurrent close
   * waits on the plan lock and then finds the close row.
   */
  async close(ctx: RequestContext, planId: string, periodKey: string): Promise<CloseRow> {
    const plan = await this.store.plan(ctx, planId);
    if (plan.status === 'DRAFT') throw new DomainError('CONFLICT', 'A draft plan has no periods to close.');
    const period = periodFromKey(periodKey, plan.periodKind);
    if (period.end >= this.store.today()) throw new DomainError('CONFLICT', `Period ${period.key} is not over yet (it ends on ${period.end}).`);
    const existing = await this.closeRow(this.store.q(), plan.id, period.key);
    if (existing) return existing;
    const desired = await this.desired(plan, period);
    return this.store.write(async (em) => {
      await this.store.lockPlan(em, plan.id);
      const again = await this.closeRow(em, plan.id, period.key);
      if (again) return again;
      await this.reconcile(em, plan, period, desired);
      // One statement per beneficiary and unit: the sum of its lines booked in the period, one set-based
      // statement (a quarter can hold a million lines). A statement holds the lines of its plan, period,
      // beneficiary and unit (LINES_OF_STATEMENT); once the period is closed, no line of it changes.
      const now = this.store.now();
      const [made]: { statements: number }[] = await em.query(
        `WITH made AS (
           INSERT INTO incentive_statements (plan_id, period_key, period_end, organisation_id, user_id, unit, total_minor, line_count, created_at)
           SELECT $1, $2, $3, l.organisation_id, l.user_id, l.unit, sum(l.amount_minor), count(*), $4
             FROM incentive_accrual_lines l WHERE l.plan_id = $1 AND l.period_key = $2
            GROUP BY l.organisation_id, l.user_id, l.unit
           RETURNING 1)
         SELECT count(*)::int AS statements FROM made`,
        [plan.id, period.key, period.end, now],
      );
      const statements = made!.statements;
      const [row] = await em.query(
        `INSERT INTO incentive_period_closes (plan_id, period_key, period_start, period_end, closed_at, closed_by_user_id, statement_count)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [plan.id, period.key, period.start, period.end, now, ctx.actor?.userId ?? null, statements],
      );
      await this.audit.record(em, ctx, {
        operation: 'closeIncentivePeriod',
        entityType: 'IncentivePeriodClose',
        entityId: (row as { id: string }).id,
        before: null,
        after: { planId: plan.id, periodKey: period.key, statements },
      });
      return (await this.closeRow(em, plan.id, period.key)) as CloseRow;
    });
  }

  /** Records that a won deal was reversed and brings the plans it counts for up to date: a CLAWBACK for what was paid on it, adjustments for volumes it was part of. */
  async reverseDeal(ctx: RequestContext, dealId: string, reason: string): Promise<number> {
    const deal = await this.deals.get(RequestContext.system(), dealId).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') throw new DomainError('NOT_FOUND', 'Deal registration not found.');
      throw err;
    });
    if (deal.status !== 'WON') throw new DomainError('CONFLICT', 'Only a won deal can be reversed.');
    await this.store.write(async (em) => {
      const rows: unknown[] = await em.query(
        `INSERT INTO incentive_source_reversals (source_type, source_id, reason, reversed_on, reversed_by_user_id) VALUES ('DEAL', $1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING source_id`,
        [dealId, reason, this.store.today(), ctx.actor?.userId ?? null],
      );
      if (rows.length === 0) return;
      await this.audit.record(em, ctx, { operation: 'reverseIncentiveDeal', entityType: 'DealRegistration', entityId: dealId, before: null, after: { reversed: true, reason } });
    });
    // Every published plan the deal can count for: SPIFs that paid for it, rebates whose volume held it.
    const plans: { plan_id: string }[] = await this.store.dataSource.query(
      `SELECT p.id AS plan_id FROM incentive_plans p WHERE p.status = 'PUBLISHED' AND (p.program_id IS NULL OR p.program_id = $1) AND p.currency = $2 ORDER BY p.id`,
      [deal.programId, deal.currency],
    );
    for (const { plan_id } of plans) await this.recompute(RequestContext.system('system:reversal'), plan_id);
    const [count] = await this.store.dataSource.query(
      `SELECT count(*)::int AS n FROM incentive_accrual_lines WHERE plan_id = ANY($2::uuid[]) AND source_type = 'DEAL' AND source_id = $1 AND kind = 'CLAWBACK'`,
      [dealId, plans.map((p) => p.plan_id)],
    );
    return (count as { n: number }).n;
  }

  /** How far a partner (or a rep, for a SPIF) is in the current period: the measure so far and the next threshold. */
  async progress(ctx: RequestContext, planId: string, organisationIdArg?: string | null): Promise<{ plan: PlanRow; periodKey: string; organisationId: string; measure: string; unit: string; progress: TierProgress | null; accruedMinor: bigint }> {
    const plan = await this.store.plan(ctx, planId);
    const organisationId = organisationIdArg ?? ctx.partnerScope;
    if (!organisationId) throw new DomainError('BAD_USER_INPUT', 'Name the partner.', { organisationId: ['Choose the partner whose progress to show.'] });
    ctx.assertCanSeeOrganisation(organisationId, 'Organisation');
    const period = periodOf(this.store.today(), plan.periodKind);
    const version = versionFor(await this.store.versions([plan.id]), period.start);
    const scope = this.store.beneficiaryScope(ctx, 'l', 3);
    const [accrued] = await this.store.dataSource.query(
      `SELECT COALESCE(sum(l.amount_minor), 0)::text AS total FROM incentive_accrual_lines l WHERE l.plan_id = $1 AND l.period_key = $2 AND l.organisation_id = $3 AND ${scope.sql}`,
      [plan.id, period.key, organisationId, ...scope.params],
    );
    const accruedMinor = BigInt((accrued as { total: string }).total);
    const base = { plan, periodKey: period.key, organisationId, accruedMinor };
    if (!version) return { ...base, measure: '0', unit: plan.currency, progress: null };
    // Plans of other kinds have no threshold to progress towards: what is accrued so far.
    if (version.rules.kind !== 'SPIF' && version.rules.kind !== 'REBATE') return { ...base, measure: '0', unit: plan.currency, progress: null };
    if (version.rules.kind === 'REBATE') {
      const deals = version.rules.measure === 'NEW_ARR' ? [] : await this.wonDeals(plan, period.start, period.end, { organisationId });
      const volume =
        version.rules.measure === 'NEW_ARR'
          ? ((await newArrByPartner(this.revenue, this.programs, plan, period.start, period.end)).get(organisationId)?.volume ?? 0n)
          : deals.reduce((sum, d) => sum + d.valueMinor, 0n);
      const tiers = rebateTiersOf(version.rules);
      const baseRate = version.rules.baseRateFromTier ? (await tierRebateRates(this.programs, plan, [organisationId])).get(organisationId) : undefined;
      if (baseRate !== undefined && tiers[0]) tiers[0] = { ...tiers[0], ratePct: baseRate };
      return { ...base, measure: formatMoneyPlain(money(volume, plan.currency)), unit: plan.currency, progress: progressToNextTier(volume, tiers) };
    }
    // SPIF: the caller's (a rep's) or the organisation's qualifying deals in the campaign, against the count tiers.
    const campaign = spifCampaignOf(version.rules, plan.currency);
    const rep = ctx.hasRole(Role.PARTNER_REP) ? (ctx.actor?.userId ?? null) : null;
    // A rep's count (and so its tier) depends on its own deals only; caps cut amounts, not lines.
    const own = await this.wonDeals(plan, campaign.startsOn, campaign.endsOn, { organisationId, withProducts: (campaign.filter.productIds?.length ?? 0) > 0 });
    const mine = spifLines(campaign, own.map(toSpifDeal)).filter((l) => rep === null || l.repId === rep);
    const count = BigInt(mine.length);
    const payout = campaign.payout;
    if (payout.kind !== 'TIERED') return { ...base, measure: count.toString(), unit: 'DEALS', progress: null };
    const froms = payout.tiers.map((t) => BigInt(t.fromCount));
    const reached = tierIndexReached(count, froms);
    const next = payout.tiers[reached + 1];
    return {
      ...base,
      measure: count.toString(),
      unit: 'DEALS',
      progress: {
        tierIndex: reached < 0 ? null : reached,
        nextTierIndex: next ? reached + 1 : null,
        nextThresholdMinor: next ? BigInt(next.fromCount) : null,
        missingMinor: next ? BigInt(next.fromCount) - count : null,
        percentOfNext: next ? formatFixed(divRound(count * 10_000n, BigInt(next.fromCount), 'DOWN'), 2) : null,
      },
    };
  }

  // ---- facts → desired lines ----

  /**
   * Other contexts' facts (activities, course completions, revenue movements, referrals) come in through
   * a source registered for the plan kind; SPIF and REBATE read won deals here.
   */
  registerSource(source: IncentiveSource): void {
    this.sources.set(source.kind, source);
  }

  /** What the plan owes for every fact up to the end of `upTo` (the plan preview uses this on a draft too). */
  async desired(plan: PlanRow, upTo: Period): Promise<DesiredLine[]> {
    const versions = await this.store.versions([plan.id]);
    if (versions.length === 0) return [];
    if (plan.kind === 'SPIF') return this.desiredSpif(plan, versions, upTo);
    if (plan.kind === 'REBATE') return this.desiredRebate(plan, versions, upTo);
    const source = this.sources.get(plan.kind);
    return source ? source.desired(plan, versions, upTo) : [];
  }

  /** Each deal is paid by the version in force in its period; caps and counts run over the whole campaign. */
  private async desiredSpif(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]> {
    const reversed = await this.reversedDeals();
    const out: DesiredLine[] = [];
    for (const version of versions) {
      if (version.rules.kind !== 'SPIF') continue;
      const campaign = spifCampaignOf(version.rules, plan.currency);
      const to = campaign.endsOn < upTo.end ? campaign.endsOn : upTo.end;
      if (to < campaign.startsOn) continue;
      const deals = (await this.wonDeals(plan, campaign.startsOn, to, { withProducts: (campaign.filter.productIds?.length ?? 0) > 0 })).filter((d) => !reversed.has(d.id));
      const byId = new Map(deals.map((d) => [d.id, d]));
      // A quarter's million deals fall on some ninety days and a few tiers: the version of each day and each rule's name are worked out once.
      const versionOfDay = new Map<string, string | undefined>();
      const inForce = (day: string): string | undefined => {
        if (!versionOfDay.has(day)) versionOfDay.set(day, versionFor(versions, periodOf(day, plan.periodKind).start)?.id);
        return versionOfDay.get(day);
      };
      const ruleNames = new Map<string, string>();
      const ruleOf = (line: SpifLine): string => {
        if (line.tierIndex === null) return line.rule;
        const k = `${line.tierIndex}:${line.rule}`;
        let name = ruleNames.get(k);
        if (name === undefined) ruleNames.set(k, (name = `TIER_${line.tierIndex + 1}_${line.rule}`));
        return name;
      };
      for (const line of spifLines(campaign, deals.map(toSpifDeal))) {
        const deal = byId.get(line.dealId)!;
        if (inForce(deal.closeDate) !== version.id) continue;
        out.push({
          planVersionId: version.id,
          organisationId: deal.organisationId,
          userId: deal.repUserId,
          rule: ruleOf(line),
          eventDate: deal.closeDate,
          sourceType: 'DEAL',
          sourceId: deal.id,
          sourceLabel: dealLabel(deal),
          baseMinor: line.baseMinor,
          ratePct: line.ratePct,
          amountMinor: line.amountMinor,
          cappedBy: line.cappedBy,
        });
      }
    }
    return out;
  }

  /** Per partner and period: the period's won value through the version in force at the period's start. */
  private async desiredRebate(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]> {
    const first = periodOf(versions[0]!.effectiveFrom, plan.periodKind);
    const periods: Period[] = [];
    for (let p = first; p.start <= upTo.start && periods.length < MAX_PERIODS; p = nextPeriod(p)) periods.push(p);
    if (periods.length === 0) return [];
    const reversed = await this.reversedDeals();
    const deals = (await this.wonDeals(plan, periods[0]!.start, upTo.end)).filter((d) => !reversed.has(d.id));
    const out: DesiredLine[] = [];
    for (const period of periods) {
      const version = versionFor(versions, period.start);
      if (!version || version.rules.kind !== 'REBATE') continue;
      const planTiers = rebateTiersOf(version.rules);
      const newArr = version.rules.measure === 'NEW_ARR';
      let volumes = new Map<string, { volume: bigint; count: number }>();
      if (newArr) volumes = await newArrByPartner(this.revenue, this.programs, plan, period.start, period.end);
      for (const d of newArr ? [] : deals) {
        if (d.closeDate < period.start || d.closeDate > period.end) continue;
        const v = volumes.get(d.organisationId) ?? { volume: 0n, count: 0 };
        volumes.set(d.organisationId, { volume: v.volume + d.valueMinor, count: v.count + 1 });
      }
      // The base rate (first tier) from the partner's tier benefit, when the plan says so and the partner has a tier in its program.
      const baseRates = version.rules.baseRateFromTier ? await tierRebateRates(this.programs, plan, volumes.keys()) : new Map<string, Percent>();
      for (const [organisationId, { volume, count }] of volumes) {
        const baseRate = baseRates.get(organisationId);
        const tiers = baseRate === undefined || !planTiers[0] ? planTiers : [{ ...planTiers[0], ratePct: baseRate }, ...planTiers.slice(1)];
        const result = rebate(version.rules.mode, volume, tiers);
        const amount = `${plan.currency} ${formatMoneyPlain(money(volume, plan.currency))}`;
        const label = newArr
          ? `New ARR ${period.key}: ${amount} (new MRR × 12 of ${count} new customer${count === 1 ? '' : 's'})`
          : `Won deal value ${period.key}: ${amount} (${count} deal${count === 1 ? '' : 's'})`;
        for (const line of result.lines) {
          out.push({
            planVersionId: version.id,
            organisationId,
            userId: null,
            rule: `${result.mode}_TIER_${line.tierIndex + 1}`,
            eventDate: period.end,
            sourceType: 'REBATE_VOLUME',
            sourceId: `${organisationId}:${period.key}`,
            sourceLabel: label,
            baseMinor: line.baseMinor,
            ratePct: line.ratePct,
            amountMinor: line.amountMinor,
            cappedBy: null,
          });
        }
      }
    }
    return out;
  }

  private async reversedDeals(em?: EntityManager): Promise<Map<string, Reversal>> {
    return this.reversedSources('DEAL', em);
  }

  /** Sources of one type that were reversed (a deal reversed, a customer churned soon after its reward, an activity withdrawn), by source id. */
  async reversedSources(sourceType: SourceType, em?: EntityManager): Promise<Map<string, Reversal>> {
    const rows: { source_id: string; reason: string; on: string }[] = await this.store.q(em).query(
      `SELECT source_id, reason, to_char(reversed_on, 'YYYY-MM-DD') AS on FROM incentive_source_reversals WHERE source_type = $1`,
      [sourceType],
    );
    return new Map(rows.map((r) => [r.source_id, { reason: r.reason, on: r.on }]));
  }

  private async allReversals(em: EntityManager): Promise<Map<string, Reversal>> {
    const rows: { source_type: string; source_id: string; reason: string; on: string }[] = await em.query(
      `SELECT source_type, source_id, reason, to_char(reversed_on, 'YYYY-MM-DD') AS on FROM incentive_source_reversals`,
    );
    return new Map(rows.map((r) => [`${r.source_type}:${r.source_id}`, { reason: r.reason, on: r.on }]));
  }

  /**
   * Won deals closed in [from, to] in the plan's currency and program (and organisation), with the facts a
   * SPIF filters on: the partner's tier in the deal's program, and the products when `withProducts`.
   */
  private async wonDeals(plan: PlanRow, from: string, to: string, options: { organisationId?: string; withProducts?: boolean } = {}): Promise<WonDeal[]> {
    const facts = await this.deals.wonDealFacts(from, to, plan.currency, { programId: plan.programId, organisationId: options.organisationId, withProducts: options.withProducts ?? false });
    if (facts.length === 0) return [];
    const enrolments = await this.programs.enrolmentsOf(RequestContext.system(), [...new Set(facts.map((r) => r.organisationId))]);
    const tierNames = new Map((await this.programs.tiersByIds([...new Set(enrolments.map((e) => e.tierId))])).map((t) => [t.id, t.name]));
    const tierOf = new Map(enrolments.map((e) => [`${e.organisationId}:${e.programId}`, tierNames.get(e.tierId) ?? '']));
    // Built field by field (a spread of each of a million rows cost seconds).
    return facts.map(
      (r): WonDeal => ({
        id: r.id,
        number: r.number,
        organisationId: r.organisationId,
        programId: r.programId,
        repUserId: r.repUserId,
        customerName: r.customerName,
        country: r.country,
        currency: r.currency,
        closeDate: r.closeDate,
        valueMinor: r.valueMinor,
        productIds: r.productIds,
        partnerTier: tierOf.get(`${r.organisationId}:${r.programId}`) ?? '',
      }),
    );
  }

  // ---- booking ----

  /**
   * Books, per (source, rule), the difference between what the facts call for and what is booked:
   * in the fact's own period while open (the ACCRUAL line is kept equal to it), else as an ADJUSTMENT
   * in the next open period; a reversed deal gets a CLAWBACK of everything booked for it.
   */
  private async reconcile(em: EntityManager, plan: PlanRow, upTo: Period, desired: DesiredLine[]): Promise<number> {
    const closed = await this.store.closedKeys(plan.id, em);
    const closedSet = new Set(closed);
    // What the comparison needs of each booked line (a quarter can hold a million); the rest is read for the few lines no fact calls for any more.
    const existing: BookedLine[] = await em.query(
      `SELECT l.id, l.source_type AS "sourceType", l.source_id AS "sourceId", l.rule, l.kind, l.period_key AS "periodKey", l.amount_minor::text AS "amountMinor",
              l.base_minor::text AS "baseMinor", l.capped_by AS "cappedBy", l.plan_version_id AS "planVersionId"
         FROM incentive_accrual_lines l WHERE l.plan_id = $1 AND l.event_period_key <= $2`,
      [plan.id, upTo.key],
    );
    const booked = new Map<string, BookedLine[]>();
    for (const line of existing) {
      line.amountMinor = BigInt(line.amountMinor);
      line.baseMinor = line.baseMinor === null ? null : BigInt(line.baseMinor);
      const k = key(line.sourceType, line.sourceId, line.rule);
      const lines = booked.get(k);
      if (lines) lines.push(line);
      else booked.set(k, [line]);
    }
    const wanted = new Map(desired.map((d) => [key(d.sourceType, d.sourceId, d.rule), d]));
    const orphanIds: string[] = [];
    for (const [k, lines] of booked) if (!wanted.has(k)) orphanIds.push(lines[0]!.id);
    const orphans = new Map<string, LineRow>();
    for (let i = 0; i < orphanIds.length; i += WRITE_BATCH) {
      const rows: LineRow[] = (await em.query(`SELECT ${LINE_COLUMNS} FROM incentive_accrual_lines l WHERE l.id = ANY($1::uuid[])`, [orphanIds.slice(i, i + WRITE_BATCH)])).map(toLine);
      for (const row of rows) orphans.set(row.id, row);
    }
    // Inside the transaction: on the embedded engine a read outside it would wait for the connection it holds.
    const reversed = await this.allReversals(em);
    const writes: LineWrite[] = [];
    const removals: string[] = [];
    const ownKeys = new Map<string, string>();
    const ownKeyOf = (date: string): string => {
      let k = ownKeys.get(date);
      if (k === undefined) ownKeys.set(date, (k = periodOf(date, plan.periodKind).key));
      return k;
    };
    // Every key the facts call for, then the booked ones they no longer do (no combined set of two million keys).
    const keys = function* (): Generator<string> {
      yield* wanted.keys();
      for (const k of booked.keys()) if (!wanted.has(k)) yield k;
    };
    const none: BookedLine[] = [];
    for (const k of keys()) {
      const lines = booked.get(k) ?? none;
      const want = wanted.get(k);
      const sample = want ?? toDesired(orphans.get(lines[0]!.id)!);
      const reversal = want?.reversal ?? (reversed.size > 0 ? reversed.get(`${sample.sourceType}:${sample.sourceId}`) : undefined);
      let total = 0n;
      for (const l of lines) total += l.amountMinor;
      const ownKey = ownKeyOf(sample.eventDate);
      if (reversal) {
        if (total === 0n) continue;
        const original: AccrualLine = { ...accrualOf(sample, plan.currency), amountMinor: total, baseMinor: null };
        const claw = bookLine(clawbackLine(original, `${REVERSAL_LABEL[sample.sourceType] ?? 'Source reversed'}: ${reversal.reason}`), reversal.on, plan.periodKind, closed);
        writes.push({ d: sample, kind: 'CLAWBACK', periodKey: claw.periodKey as string, eventPeriodKey: ownKey, amountMinor: claw.amountMinor, reason: claw.reason });
        continue;
      }
      // The fact's own period while it is open (the common case needs no booking rule), else the next open one.
      const booking = closedSet.has(ownKey) ? bookLine(accrualOf(sample, plan.currency), sample.eventDate, plan.periodKind, closed) : null;
      const target = booking ? (booking.periodKey as string) : ownKey;
      const kind: LineKind = target === ownKey ? 'ACCRUAL' : 'ADJUSTMENT';
      const current = lines.find((l) => l.periodKey === target && l.kind === kind);
      const delta = (want?.amountMinor ?? 0n) - total;
      if (!want && current && !closedSet.has(target) && delta + current.amountMinor === 0n && lines.length === 1) {
        // A line the facts no longer call for (e.g. a tier that moved), still in an open period: removed.
        removals.push(current.id);
        continue;
      }
      const amount = (current?.amountMinor ?? 0n) + delta;
      const detailChanged = kind === 'ACCRUAL' && want && current && (current.baseMinor !== want.baseMinor || current.cappedBy !== want.cappedBy || current.planVersionId !== want.planVersionId);
      if (delta === 0n && (current || !want || kind !== 'ACCRUAL') && !detailChanged) continue;
      writes.push({ d: sample, kind, periodKey: target, eventPeriodKey: ownKey, amountMinor: amount, reason: kind === 'ACCRUAL' ? null : (booking?.reason ?? null) });
    }
    let changed = 0;
    for (let i = 0; i < removals.length; i += WRITE_BATCH) {
      const gone: unknown[] = await em.query(`DELETE FROM incentive_accrual_lines l WHERE l.id = ANY($1::uuid[]) AND ${PERIOD_OPEN} RETURNING l.id`, [
        removals.slice(i, i + WRITE_BATCH),
      ]);
      changed += gone.length;
    }
    const now = this.store.now();
    for (let i = 0; i < writes.length; i += WRITE_BATCH) changed += await this.upsert(em, plan, writes.slice(i, i + WRITE_BATCH), now);
    return changed;
  }

  /** Writes lines in one statement; a line of a closed period (on a statement) is left as it is: closed periods are never rewritten. */
  private async upsert(em: EntityManager, plan: PlanRow, writes: readonly LineWrite[], now: Date): Promise<number> {
    if (writes.length === 0) return 0;
    const column = <T>(f: (w: LineWrite) => T): T[] => writes.map(f);
    // CLAWBACK lines add up in their period (a second reversal run adds nothing: the total is then 0).
    const rows: unknown[] = await em.query(
      `INSERT INTO incentive_accrual_lines (plan_id, plan_version_id, organisation_id, user_id, rule, event_period_key, period_key, event_date, source_type, source_id,
         source_label, unit, base_minor, rate_pct, amount_minor, capped_by, kind, reason, created_at, updated_at)
       SELECT $1, t.v, t.o, t.u, t.r, t.ep, t.pk, t.ed, t.st, t.si, t.sl, $2, t.b, t.rp, t.a, t.cb, t.k, t.re, $3, $3
         FROM unnest($4::uuid[], $5::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[], $12::text[], $13::text[],
                     $14::bigint[], $15::numeric[], $16::bigint[], $17::text[], $18::text[], $19::text[]) AS t (v, o, u, r, ep, pk, ed, st, si, sl, b, rp, a, cb, k, re)
       ON CONFLICT (plan_id, source_type, source_id, rule, kind, period_key) DO UPDATE SET
         amount_minor = CASE WHEN EXCLUDED.kind = 'CLAWBACK' THEN incentive_accrual_lines.amount_minor + EXCLUDED.amount_minor ELSE EXCLUDED.amount_minor END,
         base_minor = EXCLUDED.base_minor, rate_pct = EXCLUDED.rate_pct, capped_by = EXCLUDED.capped_by, plan_version_id = EXCLUDED.plan_version_id,
         source_label = EXCLUDED.source_label, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at
       WHERE NOT EXISTS (SELECT 1 FROM incentive_period_closes c WHERE c.plan_id = incentive_accrual_lines.plan_id AND c.period_key = incentive_accrual_lines.period_key)
       RETURNING id`,
      [
        plan.id,
        plan.currency,
        now,
        column((w) => w.d.planVersionId),
        column((w) => w.d.organisationId),
        column((w) => w.d.userId),
        column((w) => w.d.rule),
        column((w) => w.eventPeriodKey),
        column((w) => w.periodKey),
        column((w) => w.d.eventDate),
        column((w) => w.d.sourceType),
        column((w) => w.d.sourceId),
        column((w) => w.d.sourceLabel),
        column((w) => (w.kind === 'CLAWBACK' ? null : (w.d.baseMinor?.toString() ?? null))),
        column((w) => (w.d.ratePct === null ? null : formatPercent(percentFromUnits(w.d.ratePct)))),
        column((w) => w.amountMinor.toString()),
        column((w) => (w.kind === 'ACCRUAL' ? w.d.cappedBy : null)),
        column((w) => w.kind),
        column((w) => w.reason),
      ],
    );
    return rows.length;
  }

  private async closeRow(em: EntityManager, planId: string, periodKey: string): Promise<CloseRow | null> {
    const [row] = await em.query(`SELECT ${CLOSE_COLUMNS} FROM incentive_period_closes c WHERE c.plan_id = $1 AND c.period_key = $2`, [planId, periodKey]);
    return row ? toClose(row) : null;
  }
}

/** The version in force on `date`: the latest whose effective date is not after it. */
export function versionFor(versions: readonly VersionRow[], date: string): VersionRow | null {
  let found: VersionRow | null = null;
  for (const v of versions) if (v.effectiveFrom <= date && (!found || v.effectiveFrom > found.effectiveFrom)) found = v;
  return found;
}

const toSpifDeal = (d: WonDeal): SpifDeal => ({
  dealId: d.id,
  repId: d.repUserId,
  closedAt: `${d.closeDate}T12:00:00Z`,
  valueMinor: d.valueMinor,
  currency: d.currency,
  productIds: d.productIds,
  programId: d.programId,
  partnerTier: d.partnerTier,
  country: d.country,
});

const dealLabel = (d: WonDeal): string => `DR-${d.number} ${d.customerName} (${d.currency} ${formatMoneyPlain(money(d.valueMinor, d.currency))}, won ${d.closeDate})`;

function toDesired(line: LineRow): DesiredLine {
  return {
    planVersionId: line.planVersionId,
    organisationId: line.organisationId,
    userId: line.userId,
    rule: line.rule,
    eventDate: line.eventDate,
    sourceType: line.sourceType,
    sourceId: line.sourceId,
    sourceLabel: line.sourceLabel,
    baseMinor: line.baseMinor,
    ratePct: null,
    amountMinor: 0n,
    cappedBy: null,
  };
}

function accrualOf(d: DesiredLine, unit: string): AccrualLine {
  return { sourceType: d.sourceType, sourceId: d.sourceId, rule: d.rule, unit, baseMinor: d.baseMinor, ratePct: d.ratePct, amountMinor: d.amountMinor, reason: null, reverses: null, periodKey: null };
}
