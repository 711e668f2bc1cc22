import { Injectable } from '@nestjs/common';
import { DomainError, FieldErrorCollector } from '@prm/domain/common';
import { assertPeriodOpen, type PeriodKind, periodOf, type RebateMode, type SpifTierMode, validateSpifCampaign, validateTiers } from '@prm/domain/incentives';
import { formatPercent, parseMoney } from '@prm/domain/money';
import { AppConfig, type Connection, parseCursor, RequestContext, toConnection } from '@prm/server/core';
import { AuditService } from '@prm/server/identity';
import { ProgramsService } from '@prm/server/programs';
import { activityRules, type ActivityRulesData, checkRuleReferences, trainingRules, type TrainingRulesData } from './activity-training-rules';
import { IncentivesStore } from './incentives-store.service';
import { checkRevenueCurrency, referralRules, type ReferralRulesData, retentionRules, type RetentionRulesData } from './retention-referral.rules';
import {
  PLAN_COLUMNS,
  type PlanKind,
  type PlanRow,
  type PlanRules,
  type PlanStatus,
  percentUnits,
  type RebateRules,
  spifCampaignOf,
  type SpifRules,
  type StoredReward,
  SUPPORTED_PLAN_KINDS,
  toPlan,
  type VersionRow,
} from './incentives.types';

export interface RewardData {
  amount?: string | null;
  rate?: string | null;
}

export interface SpifRulesData {
  startsOn: string;
  endsOn: string;
  productIds?: string[] | null;
  programIds?: string[] | null;
  partnerTiers?: string[] | null;
  countries?: string[] | null;
  minValue?: string | null;
  payoutKind: 'FIXED' | 'PERCENT' | 'TIERED';
  amount?: string | null;
  rate?: string | null;
  tierMode?: SpifTierMode | null;
  countTiers?: ({ fromCount: number; toCount?: number | null } & RewardData)[] | null;
  repCap?: string | null;
  budget?: string | null;
}

export interface RebateRulesData {
  mode: RebateMode;
  tiers: { from: string; to?: string | null; rate: string }[];
  measure?: 'WON_VALUE' | 'NEW_ARR' | null;
  baseRateFromTier?: boolean | null;
}

export interface PlanRulesData {
  spif?: SpifRulesData | null;
  rebate?: RebateRulesData | null;
  activity?: ActivityRulesData | null;
  training?: TrainingRulesData | null;
  retention?: RetentionRulesData | null;
  referral?: ReferralRulesData | null;
}

export interface CreatePlanData {
  name: string;
  kind: PlanKind;
  programId?: string | null;
  periodKind?: PeriodKind | null;
  currency: string;
  effectiveFrom: string;
  rules: PlanRulesData;
}

export interface PlanFilter {
  kind?: PlanKind;
  status?: PlanStatus;
  programId?: string;
}

/** Plans and their versions: every change is a new version from the first day of an open period, validated by the domain. */
@Injectable()
export class IncentivePlansService {
  constructor(
    private readonly store: IncentivesStore,
    private readonly audit: AuditService,
    private readonly programs: ProgramsService,
    private readonly config: AppConfig,
  ) {}

  get(ctx: RequestContext, id: string): Promise<PlanRow> {
    return this.store.plan(ctx, id);
  }

  async list(ctx: RequestContext, filter: PlanFilter, first: number, after?: string): Promise<Connection<PlanRow>> {
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const params: unknown[] = [];
    const p = (value: unknown): string => `$${params.push(value)}`;
    const scope = await this.store.planScope(ctx, 'p', 0);
    params.push(...scope.params);
    const where = [scope.sql];
    if (filter.kind) where.push(`p.kind = ${p(filter.kind)}`);
    if (filter.status) where.push(`p.status = ${p(filter.status)}`);
    if (filter.programId) where.push(`p.program_id = ${p(filter.programId)}`);
    if (cursor) where.push(`(p.created_at, p.id) < (${p(cursor[0])}::timestamptz, ${p(cursor[1])}::uuid)`);
    const rows = await this.store.dataSource.query(
      `SELECT ${PLAN_COLUMNS} FROM incentive_plans p WHERE ${where.join(' AND ')} ORDER BY p.created_at DESC, p.id DESC LIMIT ${p(first + 1)}`,
      params,
    );
    return toConnection(rows.map(toPlan), first, (row: PlanRow) => [new Date(row.createdAt).toISOString(), row.id]);
  }

  byIds(ctx: RequestContext, ids: readonly string[]): Promise<PlanRow[]> {
    return this.store.plansByIds(ctx, ids);
  }

  versions(planIds: readonly string[]): Promise<VersionRow[]> {
    return this.store.versions(planIds);
  }

  async create(ctx: RequestContext, input: CreatePlanData): Promise<PlanRow> {
    const errors = new FieldErrorCollector();
    if (!SUPPORTED_PLAN_KINDS.includes(input.kind)) errors.add('kind', `${input.kind} plans cannot be configured yet; ${SUPPORTED_PLAN_KINDS.join(', ')} plans can.`);
    if (!input.periodKind) errors.add('periodKind', 'A plan needs a period: MONTH, QUARTER or YEAR.');
    if (input.programId && (await this.programs.programsByIds([input.programId])).length === 0) errors.add('programId', 'Unknown program.');
    if (input.currency === 'POINTS' && input.kind !== 'ACTIVITY' && input.kind !== 'TRAINING') errors.add('currency', 'Only activity and training plans can pay in POINTS.');
    errors.throwIfAny('The incentive plan is not valid.');
    const periodKind = input.periodKind as PeriodKind;
    const rules = this.rules(input.kind, input.currency, input.rules, errors);
    await checkRuleReferences(this.store.q(), rules, errors);
    this.checkEffectiveFrom(input.effectiveFrom, periodKind, errors);
    errors.throwIfAny('The incentive plan is not valid.');
    return this.store.write(async (em) => {
      const [row] = await em.query(
        `INSERT INTO incentive_plans (name, kind, program_id, period_kind, currency, created_by_user_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
        [input.name, input.kind, input.programId ?? null, periodKind, input.currency, ctx.actor?.userId ?? null, this.store.now()],
      );
      const id = (row as { id: string }).id;
      await em.query(`INSERT INTO incentive_plan_versions (plan_id, version, effective_from, rules, created_by_user_id, created_at) VALUES ($1, 1, $2, $3, $4, $5)`, [
        id,
        input.effectiveFrom,
        JSON.stringify(rules),
        ctx.actor?.userId ?? null,
        this.store.now(),
      ]);
      await this.audit.record(em, ctx, {
        operation: 'createIncentivePlan',
        entityType: 'IncentivePlan',
        entityId: id,
        before: null,
        after: { name: input.name, kind: input.kind, programId: input.programId ?? null, periodKind, currency: input.currency, effectiveFrom: input.effectiveFrom },
      });
      return this.store.plan(ctx, id, em);
    });
  }

  async publish(ctx: RequestContext, id: string): Promise<PlanRow> {
    await this.store.plan(ctx, id);
    return this.store.write(async (em) => {
      const [rows] = await em.query(`UPDATE incentive_plans SET status = 'PUBLISHED', published_at = $2, updated_at = $2 WHERE id = $1 AND status = 'DRAFT' RETURNING id`, [id, this.store.now()]);
      if (rows.length === 0) throw new DomainError('CONFLICT', 'Only a draft plan can be published.');
      await this.audit.record(em, ctx, { operation: 'publishIncentivePlan', entityType: 'IncentivePlan', entityId: id, before: { status: 'DRAFT' }, after: { status: 'PUBLISHED' } });
      return this.store.plan(ctx, id, em);
    });
  }

  /** A new version from the first day of a period; never inside or before a closed period, never before the current version. */
  async addVersion(ctx: RequestContext, planId: string, effectiveFrom: string, data: PlanRulesData): Promise<VersionRow> {
    const plan = await this.store.plan(ctx, planId);
    if (plan.status === 'RETIRED') throw new DomainError('CONFLICT', 'A retired plan cannot change.');
    const errors = new FieldErrorCollector();
    const rules = this.rules(plan.kind, plan.currency, data, errors);
    await checkRuleReferences(this.store.q(), rules, errors);
    this.checkEffectiveFrom(effectiveFrom, plan.periodKind, errors);
    errors.throwIfAny('The plan version is not valid.');
    return this.store.write(async (em) => {
      await this.store.lockPlan(em, planId);
      const closed = await this.store.closedKeys(planId, em);
      assertPeriodOpen(effectiveFrom, plan.periodKind, closed);
      const own = periodOf(effectiveFrom, plan.periodKind).key;
      const later = closed.find((key) => key > own);
      if (later) throw new DomainError('CONFLICT', `Period ${later} is closed; a change must apply after it.`);
      const [latest] = (await this.store.versions([planId], em)).slice(-1);
      if (latest && effectiveFrom <= latest.effectiveFrom) {
        throw new DomainError('BAD_USER_INPUT', 'The plan version is not valid.', { effectiveFrom: [`A new version must start after the current one (${latest.effectiveFrom}).`] });
      }
      const version = (latest?.version ?? 0) + 1;
      const [row] = await em.query(
        `INSERT INTO incentive_plan_versions (plan_id, version, effective_from, rules, created_by_user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [planId, version, effectiveFrom, JSON.stringify(rules), ctx.actor?.userId ?? null, this.store.now()],
      );
      await this.audit.record(em, ctx, {
        operation: 'addIncentivePlanVersion',
        entityType: 'IncentivePlan',
        entityId: planId,
        before: { version: latest?.version ?? null },
        after: { version, effectiveFrom },
      });
      return (await this.store.versions([planId], em)).find((v) => v.id === (row as { id: string }).id) as VersionRow;
    });
  }

  private checkEffectiveFrom(date: string, kind: PeriodKind, errors: FieldErrorCollector): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      errors.add('effectiveFrom', 'Enter a real date as YYYY-MM-DD.');
      return;
    }
    const period = periodOf(date, kind);
    if (period.start !== date) errors.add('effectiveFrom', `A version applies from the first day of a period (${period.start}).`);
  }

  /** The rules of the plan's kind, every problem collected as a field error under `rules.…`. */
  private rules(kind: PlanKind, currency: string, data: PlanRulesData, errors: FieldErrorCollector): PlanRules | null {
    if (kind === 'SPIF') {
      if (!data.spif) {
        errors.add('rules.spif', 'A SPIF plan needs SPIF rules.');
        return null;
      }
      return this.spifRules(data.spif, currency, errors);
    }
    if (kind === 'REBATE') {
      if (!data.rebate) {
        errors.add('rules.rebate', 'A rebate plan needs rebate rules.');
        return null;
      }
      return this.rebateRules(data.rebate, currency, errors);
    }
    if (kind === 'ACTIVITY') {
      if (!data.activity) {
        errors.add('rules.activity', 'An activity plan needs activity rules.');
        return null;
      }
      return activityRules(data.activity, currency, errors);
    }
    if (kind === 'TRAINING') {
      if (!data.training) {
        errors.add('rules.training', 'A training plan needs training rules.');
        return null;
      }
      return trainingRules(data.training, currency, errors);
    }
    if (kind === 'RETENTION' || kind === 'REFERRAL') {
      checkRevenueCurrency(currency, this.config.REVENUE_BASE_CURRENCY, errors);
      if (kind === 'RETENTION') {
        if (data.retention) return retentionRules(data.retention, currency, errors);
        errors.add('rules.retention', 'A retention plan needs retention rules.');
      } else {
        if (data.referral) return referralRules(data.referral, errors);
        errors.add('rules.referral', 'A referral plan needs referral rules.');
      }
    }
    return null;
  }

  private spifRules(d: SpifRulesData, currency: string, errors: FieldErrorCollector): SpifRules | null {
    const before = Object.keys(errors.toObject()).length;
    const money = (text: string | null | undefined, field: string): string | null => minorOf(text, currency, `rules.spif.${field}`, errors);
    const reward = (r: RewardData, field: string, kind: 'FIXED' | 'PERCENT'): StoredReward => {
      const at = field ? `${field}.` : '';
      if (kind === 'FIXED') {
        if (!r.amount) errors.add(`rules.spif.${at}amount`, 'Enter the amount paid per deal.');
        return { kind: 'FIXED', amountMinor: money(r.amount, `${at}amount`) ?? '0' };
      }
      if (!r.rate) errors.add(`rules.spif.${at}rate`, 'Enter the percentage of the deal value.');
      return { kind: 'PERCENT', ratePct: r.rate ?? '0' };
    };
    let payout: SpifRules['payout'];
    if (d.payoutKind === 'TIERED') {
      if (!d.countTiers || d.countTiers.length === 0) errors.add('rules.spif.countTiers', 'A tiered payout needs at least one tier.');
      if (!d.tierMode) errors.add('rules.spif.tierMode', 'Choose whether a higher tier pays all deals (RETROACTIVE) or only those above it (ABOVE_THRESHOLD).');
      payout = {
        kind: 'TIERED',
        mode: d.tierMode ?? 'RETROACTIVE',
        tiers: (d.countTiers ?? []).map((t, i) => ({ fromCount: t.fromCount, toCount: t.toCount ?? null, reward: reward(t, `countTiers[${i}]`, t.amount ? 'FIXED' : 'PERCENT') })),
      };
    } else {
      payout = reward(d, '', d.payoutKind);
    }
    const rules: SpifRules = {
      kind: 'SPIF',
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      filter: { productIds: d.productIds ?? [], programIds: d.programIds ?? [], partnerTiers: d.partnerTiers ?? [], countries: d.countries ?? [], minValueMinor: money(d.minValue, 'minValue') },
      payout,
      repCapMinor: money(d.repCap, 'repCap'),
      budgetMinor: money(d.budget, 'budget'),
    };
    if (Object.keys(errors.toObject()).length > before) return null;
    try {
      validateSpifCampaign(spifCampaignOf(rules, currency));
    } catch (err) {
      if (!(err instanceof DomainError) || !err.fields) throw err;
      for (const [field, messages] of Object.entries(err.fields)) for (const m of messages) errors.add(`rules.spif.${field}`, m);
      return null;
    }
    // Stored canonical ('12.50' → '12.5'), so equal rules compare equal.
    return JSON.parse(JSON.stringify(rules, (key, value: unknown) => (key === 'ratePct' && typeof value === 'string' ? formatPercent(percentUnits(value)) : value))) as SpifRules;
  }

  private rebateRules(d: RebateRulesData, currency: string, errors: FieldErrorCollector): RebateRules | null {
    const before = Object.keys(errors.toObject()).length;
    const tiers = d.tiers.map((t, i) => ({
      fromMinor: minorOf(t.from, currency, `rules.rebate.tiers[${i}].from`, errors) ?? '0',
      toMinor: t.to === null || t.to === undefined ? null : (minorOf(t.to, currency, `rules.rebate.tiers[${i}].to`, errors) ?? '0'),
      ratePct: t.rate,
    }));
    if (Object.keys(errors.toObject()).length > before) return null;
    const problems = validateTiers(
      tiers.map((t) => ({ fromMinor: BigInt(t.fromMinor), toMinor: t.toMinor === null ? null : BigInt(t.toMinor), ratePct: percentUnits(t.ratePct) })),
      { field: 'rules.rebate.tiers' },
    );
    for (const [field, messages] of Object.entries(problems)) for (const m of messages) errors.add(field, m);
    if (Object.keys(problems).length > 0) return null;
    // New ARR comes from the revenue ledger, whose figures are in its base currency.
    if (d.measure === 'NEW_ARR' && currency !== this.config.REVENUE_BASE_CURRENCY) {
      errors.add('rules.rebate.measure', `A new-ARR rebate pays in the revenue base currency (${this.config.REVENUE_BASE_CURRENCY}).`);
      return null;
    }
    return {
      kind: 'REBATE',
      measure: d.measure ?? 'WON_VALUE',
      ...(d.baseRateFromTier ? { baseRateFromTier: true } : {}),
      mode: d.mode,
      tiers: tiers.map((t) => ({ ...t, ratePct: formatPercent(percentUnits(t.ratePct)) })),
    };
  }
}

function minorOf(text: string | null | undefined, currency: string, field: string, errors: FieldErrorCollector): string | null {
  if (text === null || text === undefined) return null;
  try {
    return parseMoney(text, currency, field).amountMinor.toString();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    errors.add(field, err.fields?.[field]?.[0] ?? err.message);
    return null;
  }
}
