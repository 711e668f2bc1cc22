import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import {
  accrualBudgetMinor,
  availableMinor,
  committedMinor,
  formatMoneyText,
  fundExpiry,
  type FundPeriodKind,
  fundPeriodOf,
} from '@prm/domain/mdf';
import { formatPercent, parsePercent, type Percent } from '@prm/domain/money';
import { addDays, addMonths, isIsoDate } from '@prm/domain/revenue';
import { type Connection, parseCursor, pgCode, RequestContext, Role, toConnection } from '@prm/server/core';
import { AuditService, OrganisationsService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { RevenueReportsService } from '@prm/server/revenue';
import type { EntityManager } from 'typeorm';
import { amount, MdfStore } from './mdf-store.service';
import { auditable, BUDGET_CHANGE_COLUMNS, type BudgetChangeRow, type BudgetKind, FUND_COLUMNS, type FundRow, type ProgramSettingsRow, toBudgetChange, toFund } from './mdf.types';

export interface FundFilter {
  organisationId?: string;
  programId?: string;
  status?: 'OPEN' | 'EXPIRED';
  periodStart?: string;
}

export interface CreateFundData {
  organisationId: string;
  programId: string;
  /** Any day of the period; the fund covers the whole period containing it. */
  periodStart: string;
  budgetKind: BudgetKind;
  /** FIXED: the allocation. */
  budget?: string | null;
  /** ACCRUAL: the revenue reference period (default: the period before the fund's). */
  referenceStart?: string | null;
  referenceEnd?: string | null;
  reason?: string | null;
}

export interface BulkCreateData extends Omit<CreateFundData, 'organisationId'> {
  tierId?: string | null;
}

export interface SettingsData {
  periodKind?: FundPeriodKind;
  claimDeadlineDays?: number;
  expiryGraceDays?: number;
  currency?: string;
}

/** Funds: program settings, fixed and accrual budgets (every change kept with its basis), bulk creation. */
@Injectable()
export class MdfFundsService {
  constructor(
    private readonly store: MdfStore,
    private readonly audit: AuditService,
    private readonly organisations: OrganisationsService,
    private readonly programs: ProgramsService,
    private readonly revenue: RevenueReportsService,
  ) {}

  // ---- program settings ----

  async settings(programId: string): Promise<ProgramSettingsRow> {
    await this.programs.get(programId);
    return this.store.settings(programId);
  }

  async setSettings(ctx: RequestContext, programId: string, input: SettingsData): Promise<ProgramSettingsRow> {
    await this.programs.get(programId);
    return this.store.write(async (em) => {
      const before = await this.store.settings(programId, em);
      const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) } as ProgramSettingsRow;
      await em.query(
        `INSERT INTO mdf_program_settings (program_id, period_kind, claim_deadline_days, expiry_grace_days, currency, updated_by_user_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (program_id) DO UPDATE SET period_kind = EXCLUDED.period_kind, claim_deadline_days = EXCLUDED.claim_deadline_days,
           expiry_grace_days = EXCLUDED.expiry_grace_days, currency = EXCLUDED.currency, updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = EXCLUDED.updated_at`,
        [programId, after.periodKind, after.claimDeadlineDays, after.expiryGraceDays, after.currency, ctx.actor?.userId ?? null, this.store.now()],
      );
      await this.audit.record(em, ctx, { operation: 'setMdfProgramSettings', entityType: 'MdfProgramSettings', entityId: programId, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  // ---- reads ----

  get(ctx: RequestContext, id: string): Promise<FundRow> {
    return this.store.fund(ctx, id);
  }

  async list(ctx: RequestContext, filter: FundFilter, first: number, after?: string): Promise<Connection<FundRow>> {
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Partner');
    const cursor = parseCursor(after, ['text', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = this.store.fundScope(ctx, 'f', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.organisationId) where.push(`f.organisation_id = ${p(filter.organisationId)}`);
    if (filter.programId) where.push(`f.program_id = ${p(filter.programId)}`);
    if (filter.status) where.push(`f.status = ${p(filter.status)}`);
    if (filter.periodStart) where.push(`f.period_start <= ${p(filter.periodStart)}::date AND f.period_end >= ${p(filter.periodStart)}::date`);
    if (cursor) where.push(`(f.period_start, f.id) < (${p(cursor[0])}::date, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE ${where.join(' AND ')} ORDER BY f.period_start DESC, f.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toFund), first, (f) => [f.periodStart, f.id]);
  }

  /** Open funds with money left that expire within `withinDays` days, soonest first. */
  async expiring(ctx: RequestContext, withinDays: number): Promise<FundRow[]> {
    const scope = this.store.fundScope(ctx, 'f', 2);
    const today = this.store.today();
    const rows = await this.store.dataSource.query(
      `SELECT ${FUND_COLUMNS} FROM mdf_funds f
        WHERE f.status = 'OPEN' AND f.expires_on BETWEEN $1 AND $2 AND f.budget_minor - f.reserved_minor - f.approved_minor - f.paid_minor > 0 AND ${scope.sql}
        ORDER BY f.expires_on, f.id LIMIT 500`,
      [today, addDays(today, withinDays), ...scope.params],
    );
    return rows.map(toFund);
  }

  async budgetChanges(fundIds: readonly string[]): Promise<BudgetChangeRow[]> {
    if (fundIds.length === 0) return [];
    const rows = await this.store.dataSource.query(
      `SELECT ${BUDGET_CHANGE_COLUMNS} FROM mdf_fund_budget_changes b WHERE b.fund_id = ANY($1::uuid[]) ORDER BY b.fund_id, b.sequence`,
      [fundIds],
    );
    return rows.map(toBudgetChange);
  }

  // ---- writes ----

  async create(ctx: RequestContext, input: CreateFundData): Promise<FundRow> {
    const errors = new FieldErrorCollector();
    const [org] = await this.organisations.byIds(RequestContext.system(), [input.organisationId]);
    if (!org || org.kind !== 'PARTNER') errors.add('organisationId', 'Unknown partner organisation.');
    const program = await this.programs.programsByIds([input.programId]);
    if (program.length === 0) errors.add('programId', 'Unknown program.');
    errors.throwIfAny('The fund is not valid.');
    const settings = await this.store.settings(input.programId);
    const plan = await this.plan(input, settings, errors);
    errors.throwIfAny('The fund is not valid.');
    const fund = await this.store.write(async (em) => {
      const created = await this.insert(em, ctx, input.organisationId, input.programId, settings, plan, input.reason ?? null);
      if (!created) {
        throw new DomainError('CONFLICT', `This partner already has a fund for ${plan.period.start} – ${plan.period.end} in this program.`, {
          periodStart: ['A fund for this period exists.'],
        });
      }
      return created;
    });
    return fund;
  }

  /** One fund per partner enrolled in the program (optionally only one tier) that has none for the period yet. */
  async bulkCreate(ctx: RequestContext, input: BulkCreateData): Promise<{ created: FundRow[]; skipped: number }> {
    const errors = new FieldErrorCollector();
    if ((await this.programs.programsByIds([input.programId])).length === 0) errors.add('programId', 'Unknown program.');
    if (input.tierId) {
      const [tier] = await this.programs.tiersByIds([input.tierId]);
      if (!tier || tier.programId !== input.programId) errors.add('tierId', 'This tier is not part of the program.');
    }
    errors.throwIfAny('The funds are not valid.');
    const settings = await this.store.settings(input.programId);
    const enrolments = (await this.programs.allEnrolments()).filter((e) => e.programId === input.programId && (!input.tierId || e.tierId === input.tierId));
    const partners = await this.organisations.byIds(RequestContext.system(), enrolments.map((e) => e.organisationId));
    const active = new Set(partners.filter((o) => o.kind === 'PARTNER' && o.status === 'ACTIVE').map((o) => o.id));
    const targets = enrolments.filter((e) => active.has(e.organisationId));
    const plans: { organisationId: string; plan: FundPlan }[] = [];
    for (const enrolment of targets) plans.push({ organisationId: enrolment.organisationId, plan: await this.plan({ ...input, organisationId: enrolment.organisationId }, settings, errors) });
    errors.throwIfAny('The funds are not valid.');
    return this.store.write(async (em) => {
      const created: FundRow[] = [];
      for (const { organisationId, plan } of plans) {
        const fund = await this.insert(em, ctx, organisationId, input.programId, settings, plan, input.reason ?? null);
        if (fund) created.push(fund);
      }
      return { created, skipped: plans.length - created.length };
    });
  }

  /** A FIXED fund's new allocation; never below what is already reserved, approved or paid. */
  async updateBudget(ctx: RequestContext, id: string, budgetText: string, reason: string): Promise<FundRow> {
    const fund = await this.store.fund(ctx, id);
    if (fund.budgetKind !== 'FIXED') throw new DomainError('CONFLICT', 'An accrual fund follows its revenue; recompute it instead of setting its budget.');
    const errors = new FieldErrorCollector();
    const budget = amount(budgetText, fund.currency, 'budget', errors);
    errors.throwIfAny('The budget is not valid.');
    return this.store.write(async (em) => {
      const updated = await this.setBudget(em, ctx, fund.id, budget!, { kind: 'ADJUSTMENT', reason });
      if (!updated) {
        const now = await this.store.lockFund(em, fund.id);
        throw new DomainError(
          'CONFLICT',
          `The budget cannot be lower than ${formatMoneyText(committedMinor(now), now.currency)}, the amount already reserved, approved or paid.`,
          { budget: [`At least ${formatMoneyText(committedMinor(now), now.currency)}.`] },
        );
      }
      return updated;
    });
  }

  /**
   * Recomputes ACCRUAL budgets from the partner's recognised revenue (open funds; one fund or all).
   * A budget that would fall below what is committed stops there, and the change says so.
   */
  async recomputeAccruals(ctx: RequestContext, fundId?: string | null): Promise<number> {
    if (fundId) await this.store.fund(ctx, fundId);
    const funds: FundRow[] = (
      await this.store.dataSource.query(
        `SELECT ${FUND_COLUMNS} FROM mdf_funds f WHERE f.budget_kind = 'ACCRUAL' AND f.status = 'OPEN' AND ($1::uuid IS NULL OR f.id = $1) ORDER BY f.id`,
        [fundId ?? null],
      )
    ).map(toFund);
    let changed = 0;
    for (const fund of funds) {
      const revenue = await this.revenue.recognisedRevenueMinor(fund.organisationId, fund.referenceStart!, fund.referenceEnd!);
      const target = accrualBudgetMinor(revenue.amountMinor, parsePercent(fund.accrualRate!));
      if (target === fund.budgetMinor) continue;
      const done = await this.store.write(async (em) => {
        const locked = await this.store.lockFund(em, fund.id);
        const floor = committedMinor(locked);
        const next = target < floor ? floor : target;
        if (next === locked.budgetMinor) return false;
        await this.setBudget(em, ctx, fund.id, next, {
          kind: 'ACCRUAL',
          reason: next === target ? 'Recognised revenue changed.' : `Recognised revenue changed; kept at ${formatMoneyText(floor, locked.currency)}, the amount already committed.`,
          revenueMinor: revenue.amountMinor,
          revenueCurrency: revenue.currency,
          rate: fund.accrualRate,
          referenceStart: fund.referenceStart,
          referenceEnd: fund.referenceEnd,
        });
        return true;
      });
      if (done) changed += 1;
    }
    return changed;
  }

  // ---- helpers ----

  private async plan(input: CreateFundData, settings: ProgramSettingsRow, errors: FieldErrorCollector): Promise<FundPlan> {
    for (const field of ['periodStart', 'referenceStart', 'referenceEnd'] as const) {
      const value = input[field];
      if (value !== undefined && value !== null && !isIsoDate(value)) errors.add(field, 'Enter a date as YYYY-MM-DD.');
    }
    errors.throwIfAny('The fund is not valid.');
    const period = fundPeriodOf(settings.periodKind, input.periodStart);
    let budgetMinor: bigint | null = null;
    let accrual: { rate: Percent; referenceStart: string; referenceEnd: string; revenueMinor: bigint; revenueCurrency: string } | null = null;
    if (input.budgetKind === 'FIXED') {
      if (input.budget === undefined || input.budget === null) errors.add('budget', 'Enter the allocation.');
      else budgetMinor = amount(input.budget, settings.currency, 'budget', errors);
    } else {
      const tier = await this.store.tierOf(input.organisationId, input.programId);
      if (!tier) errors.add('organisationId', 'The partner is not enrolled in this program.');
      if (settings.currency !== this.revenue.currency) {
        errors.add('budgetKind', `Accruals follow revenue in ${this.revenue.currency}; this program's MDF currency is ${settings.currency}.`);
      }
      const previous = fundPeriodOf(settings.periodKind, addMonths(period.start, -1));
      const referenceStart = input.referenceStart ?? previous.start;
      const referenceEnd = input.referenceEnd ?? (input.referenceStart ? fundPeriodOf(settings.periodKind, referenceStart).end : previous.end);
      if (referenceEnd < referenceStart) errors.add('referenceEnd', 'The reference period ends before it starts.');
      if (tier && errors.isEmpty) {
        const revenue = await this.revenue.recognisedRevenueMinor(input.organisationId, referenceStart, referenceEnd);
        budgetMinor = accrualBudgetMinor(revenue.amountMinor, tier.accrualRate);
        accrual = { rate: tier.accrualRate, referenceStart, referenceEnd, revenueMinor: revenue.amountMinor, revenueCurrency: revenue.currency };
      }
    }
    return { period, budgetMinor: budgetMinor ?? 0n, accrual };
  }

  private async insert(
    em: EntityManager,
    ctx: RequestContext,
    organisationId: string,
    programId: string,
    settings: ProgramSettingsRow,
    plan: FundPlan,
    reason: string | null,
  ): Promise<FundRow | null> {
    const expiresOn = fundExpiry(plan.period.end, settings.claimDeadlineDays, settings.expiryGraceDays);
    const [row] = await em.query(
      `INSERT INTO mdf_funds AS f (organisation_id, program_id, period_kind, period_start, period_end, currency, budget_kind, accrual_rate,
         reference_start, reference_end, budget_minor, claim_deadline_days, expires_on, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (organisation_id, program_id, period_start) DO NOTHING RETURNING ${FUND_COLUMNS}`,
      [
        organisationId,
        programId,
        settings.periodKind,
        plan.period.start,
        plan.period.end,
        settings.currency,
        plan.accrual ? 'ACCRUAL' : 'FIXED',
        plan.accrual ? formatPercent(plan.accrual.rate) : null,
        plan.accrual?.referenceStart ?? null,
        plan.accrual?.referenceEnd ?? null,
        plan.budgetMinor.toString(),
        settings.claimDeadlineDays,
        expiresOn,
        ctx.actor?.userId ?? null,
      ],
    );
    if (!row) return null;
    const fund = toFund(row);
    await this.recordChange(em, ctx, fund, 0n, fund.budgetMinor, {
      kind: 'ALLOCATION',
      reason,
      revenueMinor: plan.accrual?.revenueMinor ?? null,
      revenueCurrency: plan.accrual?.revenueCurrency ?? null,
      rate: plan.accrual ? formatPercent(plan.accrual.rate) : null,
      referenceStart: plan.accrual?.referenceStart ?? null,
      referenceEnd: plan.accrual?.referenceEnd ?? null,
    });
    await this.audit.record(em, ctx, { operation: 'createMdfFund', entityType: 'MdfFund', entityId: fund.id, before: null, after: auditable(fund) });
    return fund;
  }

  /** Sets the budget with a conditional UPDATE that keeps available ≥ 0; null when it would not. */
  private async setBudget(em: EntityManager, ctx: RequestContext, fundId: string, budgetMinor: bigint, basis: BudgetBasis): Promise<FundRow | null> {
    const before = await this.store.lockFund(em, fundId);
    let rows: Record<string, unknown>[];
    try {
      [rows] = await em.query(
        `UPDATE mdf_funds f SET budget_minor = $2, updated_at = now() WHERE f.id = $1 AND $2 - reserved_minor - approved_minor - paid_minor >= 0 RETURNING ${FUND_COLUMNS}`,
        [fundId, budgetMinor.toString()],
      );
    } catch (err) {
      if (pgCode(err) === '23514') return null;
      throw err;
    }
    if (rows.length === 0) return null;
    const after = toFund(rows[0]!);
    await this.recordChange(em, ctx, after, before.budgetMinor, after.budgetMinor, basis);
    await this.audit.record(em, ctx, {
      operation: basis.kind === 'ACCRUAL' ? 'recomputeMdfAccruals' : 'updateMdfFundBudget',
      entityType: 'MdfFund',
      entityId: fundId,
      before: { budgetMinor: before.budgetMinor.toString(), available: availableMinor(before).toString() },
      after: { budgetMinor: after.budgetMinor.toString(), available: availableMinor(after).toString() },
    });
    return after;
  }

  private async recordChange(em: EntityManager, ctx: RequestContext, fund: FundRow, beforeMinor: bigint, afterMinor: bigint, basis: BudgetBasis): Promise<void> {
    await em.query(
      `INSERT INTO mdf_fund_budget_changes (fund_id, at, kind, currency, before_minor, after_minor, revenue_minor, revenue_currency, rate, reference_start, reference_end, reason, actor_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        fund.id,
        this.store.now(),
        basis.kind,
        fund.currency,
        beforeMinor.toString(),
        afterMinor.toString(),
        basis.revenueMinor?.toString() ?? null,
        basis.revenueCurrency ?? null,
        basis.rate ?? null,
        basis.referenceStart ?? null,
        basis.referenceEnd ?? null,
        basis.reason ?? null,
        ctx.actor?.userId ?? null,
      ],
    );
  }
}

interface FundPlan {
  period: { start: string; end: string };
  budgetMinor: bigint;
  accrual: { rate: Percent; referenceStart: string; referenceEnd: string; revenueMinor: bigint; revenueCurrency: string } | null;
}

interface BudgetBasis {
  kind: BudgetChangeRow['kind'];
  reason?: string | null;
  revenueMinor?: bigint | null;
  revenueCurrency?: string | null;
  rate?: string | null;
  referenceStart?: string | null;
  referenceEnd?: string | null;
}

export const FUND_WRITERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
