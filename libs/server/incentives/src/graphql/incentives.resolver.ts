import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { POINTS } from '@prm/domain/incentives';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { ALL_ROLES, Allow, byKeys, type Connection, Ctx, groupByKeys, IdArgs, loaderFor, PageArgs, type PrmRequest, RequestContext, Role } from '@prm/server/core';
import { IncentiveAccrualsService } from '../services/incentive-accruals.service';
import { IncentivePlansService } from '../services/incentive-plans.service';
import { IncentiveStatementsService } from '../services/incentive-statements.service';
import type { CloseRow, LineRow, PlanRow, RedemptionRow, RewardRow, StatementRow, VersionRow } from '../services/incentives.types';
import { PointsService } from '../services/points.service';
import {
  AddIncentivePlanVersionArgs,
  CreateIncentivePlanInput,
  CreateRewardInput,
  IncentiveAccrualFilter,
  IncentiveAccrualLineConnection,
  IncentiveAccrualLineModel,
  type IncentiveLineKind,
  type IncentivePaymentMethod,
  IncentivePeriodArgs,
  IncentivePeriodCloseModel,
  type IncentivePeriodKind,
  IncentivePlanConnection,
  IncentivePlanFilter,
  type IncentivePlanKind,
  IncentivePlanModel,
  type IncentivePlanStatus,
  IncentivePlanVersionModel,
  IncentiveProgressArgs,
  IncentiveProgressModel,
  IncentiveRecomputeModel,
  type IncentiveSourceType,
  IncentiveStatementConnection,
  IncentiveStatementFilter,
  IncentiveStatementModel,
  type IncentiveStatementStatus,
  MarkIncentiveStatementsPaidInput,
  PointsBalanceModel,
  PointsEntryConnection,
  PointsEntryModel,
  PointsWalletArgs,
  RecomputeIncentiveAccrualsArgs,
  RedeemRewardInput,
  RejectRewardRedemptionArgs,
  ReverseIncentiveDealInput,
  RewardConnection,
  type RewardKindEnum,
  RewardModel,
  RewardRedemptionModel,
  type RewardRedemptionStatus,
} from './incentives.graphql';

/** Who configures plans and rewards; who approves statements and redemptions, marks payments, closes periods and reverses deals. */
const PLAN_ADMINS = [Role.VENDOR_ADMIN] as const;
const MANAGERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const PARTNER_USERS = [Role.PARTNER_ADMIN, Role.PARTNER_REP] as const;

const mapConnection = <R, M>(c: Connection<R>, map: (row: R) => M): Connection<M> => ({ ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })) });
const amount = (minor: bigint, unit: string): string => (unit === POINTS ? minor.toString() : formatMoneyPlain(money(minor, unit)));
const DAY_MS = 86_400_000;

export const toPlanModel = (p: PlanRow): IncentivePlanModel => ({
  id: p.id,
  name: p.name,
  kind: p.kind as IncentivePlanKind,
  programId: p.programId,
  periodKind: p.periodKind as IncentivePeriodKind,
  currency: p.currency,
  status: p.status as IncentivePlanStatus,
  createdAt: p.createdAt,
  publishedAt: p.publishedAt,
});

const toVersionModel = (v: VersionRow): IncentivePlanVersionModel => ({ id: v.id, version: v.version, effectiveFrom: v.effectiveFrom, rules: JSON.stringify(v.rules), createdAt: v.createdAt });

const toCloseModel = (c: CloseRow): IncentivePeriodCloseModel => ({
  id: c.id,
  planId: c.planId,
  period: c.periodKey,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  closedAt: c.closedAt,
  statementCount: c.statementCount,
});

export const toLineModel = (l: LineRow): IncentiveAccrualLineModel => ({
  id: l.id,
  planId: l.planId,
  planVersionId: l.planVersionId,
  organisationId: l.organisationId,
  userId: l.userId,
  rule: l.rule,
  kind: l.kind as IncentiveLineKind,
  period: l.periodKey,
  eventPeriod: l.eventPeriodKey,
  eventDate: l.eventDate,
  source: { type: l.sourceType as IncentiveSourceType, id: l.sourceId, label: l.sourceLabel },
  currency: l.unit,
  base: l.baseMinor === null ? null : amount(l.baseMinor, l.unit),
  rate: l.ratePct === null ? null : l.ratePct.replace(/\.?0+$/, ''),
  amount: amount(l.amountMinor, l.unit),
  cappedBy: l.cappedBy,
  reason: l.reason,
  statementId: l.statementId,
});

export const toStatementModel = (s: StatementRow): IncentiveStatementModel => ({
  id: s.id,
  planId: s.planId,
  period: s.periodKey,
  organisationId: s.organisationId,
  userId: s.userId,
  currency: s.unit,
  total: amount(s.totalMinor, s.unit),
  lineCount: s.lineCount,
  status: s.status as IncentiveStatementStatus,
  createdAt: s.createdAt,
  approvedAt: s.approvedAt,
  paidAt: s.paidAt,
  paymentMethod: s.paymentMethod as IncentivePaymentMethod | null,
  pointsAwarded: s.pointsAwarded === null ? null : s.pointsAwarded.toString(),
  daysToPayment: s.paidAt ? Math.floor((new Date(s.paidAt).getTime() - Date.parse(`${s.periodEnd}T00:00:00Z`)) / DAY_MS) : null,
});

const toRewardModel = (w: RewardRow): RewardModel => ({
  id: w.id,
  name: w.name,
  kind: w.kind as RewardKindEnum,
  pointsPrice: w.pointsPrice.toString(),
  stock: w.stock,
  eligibleTierIds: w.eligibleTierIds,
  requiresApproval: w.requiresApproval,
  active: w.active,
});

const toRedemptionModel = (d: RedemptionRow): RewardRedemptionModel => ({
  id: d.id,
  rewardId: d.rewardId,
  organisationId: d.organisationId,
  userId: d.userId,
  points: d.points.toString(),
  status: d.status as RewardRedemptionStatus,
  requestedAt: d.requestedAt,
});

@Resolver(() => IncentivePlanModel)
export class IncentivePlanResolver {
  constructor(
    private readonly plans: IncentivePlansService,
    private readonly accruals: IncentiveAccrualsService,
  ) {}

  @Query(() => IncentivePlanModel, { description: 'A plan; partners see published plans they take part in' })
  @Allow(...ALL_ROLES)
  async incentivePlan(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<IncentivePlanModel> {
    return toPlanModel(await this.plans.get(ctx, id));
  }

  @Query(() => IncentivePlanConnection, { description: 'Plans, newest first; partners see published plans they take part in' })
  @Allow(...ALL_ROLES)
  async incentivePlans(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => IncentivePlanFilter, nullable: true }) filter?: IncentivePlanFilter,
  ): Promise<Connection<IncentivePlanModel>> {
    return mapConnection(await this.plans.list(ctx, filter ?? {}, page.first, page.after), toPlanModel);
  }

  @Mutation(() => IncentivePlanModel, { description: 'A draft plan with its first version' })
  @Allow(...PLAN_ADMINS)
  async createIncentivePlan(@Ctx() ctx: RequestContext, @Args('input') input: CreateIncentivePlanInput): Promise<IncentivePlanModel> {
    return toPlanModel(await this.plans.create(ctx, input));
  }

  @Mutation(() => IncentivePlanModel)
  @Allow(...PLAN_ADMINS)
  async publishIncentivePlan(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<IncentivePlanModel> {
    return toPlanModel(await this.plans.publish(ctx, id));
  }

  @Mutation(() => IncentivePlanVersionModel, { description: 'New rules from the first day of an open period; closed periods never change' })
  @Allow(...PLAN_ADMINS)
  async addIncentivePlanVersion(@Ctx() ctx: RequestContext, @Args() { planId, effectiveFrom, rules }: AddIncentivePlanVersionArgs): Promise<IncentivePlanVersionModel> {
    return toVersionModel(await this.plans.addVersion(ctx, planId, effectiveFrom, rules));
  }

  @Mutation(() => IncentiveRecomputeModel, { description: 'Brings the plan’s lines up to date with the facts up to the end of the period; repeating it changes nothing' })
  @Allow(...MANAGERS)
  async recomputeIncentiveAccruals(@Ctx() ctx: RequestContext, @Args() { planId, period }: RecomputeIncentiveAccrualsArgs): Promise<IncentiveRecomputeModel> {
    const result = await this.accruals.recompute(ctx, planId, period);
    return { changed: result.changed, period: result.periodKey };
  }

  @Mutation(() => IncentivePeriodCloseModel, { description: 'One DRAFT statement per beneficiary; closing again returns the same close' })
  @Allow(...MANAGERS)
  async closeIncentivePeriod(@Ctx() ctx: RequestContext, @Args() { planId, period }: IncentivePeriodArgs): Promise<IncentivePeriodCloseModel> {
    return toCloseModel(await this.accruals.close(ctx, planId, period));
  }

  @Mutation(() => Int, { description: 'A won deal reversed: every plan that paid for it gets a CLAWBACK line; returns the clawback lines for the deal' })
  @Allow(...MANAGERS)
  reverseIncentiveDeal(@Ctx() ctx: RequestContext, @Args('input') input: ReverseIncentiveDealInput): Promise<number> {
    return this.accruals.reverseDeal(ctx, input.dealId, input.reason);
  }

  @Query(() => IncentiveProgressModel, { description: 'Progress in the current period towards the next threshold' })
  @Allow(...ALL_ROLES)
  async incentiveProgress(@Ctx() ctx: RequestContext, @Args() { planId, organisationId }: IncentiveProgressArgs): Promise<IncentiveProgressModel> {
    const r = await this.accruals.progress(ctx, planId, organisationId);
    const fmt = (v: bigint | null): string | null => (v === null ? null : r.unit === 'DEALS' ? v.toString() : amount(v, r.unit));
    return {
      planId: r.plan.id,
      period: r.periodKey,
      organisationId: r.organisationId,
      measure: r.measure,
      unit: r.unit,
      tierIndex: r.progress?.tierIndex ?? null,
      nextTierIndex: r.progress?.nextTierIndex ?? null,
      nextThreshold: fmt(r.progress?.nextThresholdMinor ?? null),
      missing: fmt(r.progress?.missingMinor ?? null),
      percentOfNext: r.progress?.percentOfNext ?? null,
      accrued: amount(r.accruedMinor, r.plan.currency),
      currency: r.plan.currency,
    };
  }

  @ResolveField('versions', () => [IncentivePlanVersionModel], { description: 'Oldest first' })
  async versions(@Parent() plan: IncentivePlanModel, @Context('req') req: PrmRequest): Promise<IncentivePlanVersionModel[]> {
    const loader = loaderFor(req, 'incentivePlanVersions', async (ids: readonly string[]) => groupByKeys(ids, await this.plans.versions(ids), (v) => v.planId));
    return (await loader.load(plan.id)).map(toVersionModel);
  }

  @ResolveField('closes', () => [IncentivePeriodCloseModel], { description: 'Closed periods, oldest first' })
  async closes(@Parent() plan: IncentivePlanModel, @Context('req') req: PrmRequest): Promise<IncentivePeriodCloseModel[]> {
    const loader = loaderFor(req, 'incentivePlanCloses', async (ids: readonly string[]) => groupByKeys(ids, await this.accruals.closes(ids), (c) => c.planId));
    return (await loader.load(plan.id)).map(toCloseModel);
  }
}

@Resolver(() => IncentiveStatementModel)
export class IncentiveStatementResolver {
  constructor(
    private readonly accruals: IncentiveAccrualsService,
    private readonly statements: IncentiveStatementsService,
    private readonly plans: IncentivePlansService,
  ) {}

  @Query(() => IncentiveAccrualLineConnection, { description: 'Accrual lines, latest period first; a partner admin sees the organisation’s, a rep their own and the organisation’s rebates' })
  @Allow(...ALL_ROLES)
  async incentiveAccruals(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => IncentiveAccrualFilter, nullable: true }) filter?: IncentiveAccrualFilter,
  ): Promise<Connection<IncentiveAccrualLineModel>> {
    const f = filter ?? {};
    return mapConnection(await this.accruals.lines(ctx, { planId: f.planId, periodKey: f.period, organisationId: f.organisationId }, page.first, page.after), toLineModel);
  }

  @Query(() => IncentiveStatementModel)
  @Allow(...ALL_ROLES)
  async incentiveStatement(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<IncentiveStatementModel> {
    return toStatementModel(await this.statements.get(ctx, id));
  }

  @Query(() => IncentiveStatementConnection, { description: 'Statements, latest period first, scoped like the lines' })
  @Allow(...ALL_ROLES)
  async incentiveStatements(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => IncentiveStatementFilter, nullable: true }) filter?: IncentiveStatementFilter,
  ): Promise<Connection<IncentiveStatementModel>> {
    const f = filter ?? {};
    return mapConnection(await this.statements.list(ctx, { planId: f.planId, periodKey: f.period, organisationId: f.organisationId, status: f.status }, page.first, page.after), toStatementModel);
  }

  @Mutation(() => IncentiveStatementModel)
  @Allow(...MANAGERS)
  async approveIncentiveStatement(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<IncentiveStatementModel> {
    return toStatementModel(await this.statements.approve(ctx, id));
  }

  @Mutation(() => [IncentiveStatementModel], { description: 'Approved statements paid once per idempotency key; POINTS credits the beneficiary’s wallet' })
  @Allow(...MANAGERS)
  async markIncentiveStatementsPaid(@Ctx() ctx: RequestContext, @Args('input') input: MarkIncentiveStatementsPaidInput): Promise<IncentiveStatementModel[]> {
    return (await this.statements.markPaid(ctx, input.statementIds, input.method, input.idempotencyKey)).map(toStatementModel);
  }

  @ResolveField('lines', () => [IncentiveAccrualLineModel], { description: 'Every line, each with its source fact' })
  async lines(@Parent() statement: IncentiveStatementModel, @Context('req') req: PrmRequest): Promise<IncentiveAccrualLineModel[]> {
    const loader = loaderFor(req, 'incentiveStatementLines', async (ids: readonly string[]) => groupByKeys(ids, await this.accruals.linesOfStatements(ids), (l) => l.statementId as string));
    return (await loader.load(statement.id)).map(toLineModel);
  }

  @ResolveField('plan', () => IncentivePlanModel, { nullable: true })
  async plan(@Parent() statement: IncentiveStatementModel, @Context('req') req: PrmRequest, @Ctx() ctx: RequestContext): Promise<IncentivePlanModel | null> {
    const loader = loaderFor(req, 'incentivePlan', async (ids: readonly string[]) => byKeys(ids, await this.plans.byIds(ctx, ids), (p: PlanRow) => p.id));
    const plan = await loader.load(statement.planId);
    return plan ? toPlanModel(plan) : null;
  }
}

@Resolver(() => RewardModel)
export class RewardResolver {
  constructor(private readonly points: PointsService) {}

  @Query(() => PointsBalanceModel, { description: "A wallet's balance: reps their own; partner admins their own, a colleague's or the organisation's; vendor staff name the partner" })
  @Allow(...ALL_ROLES)
  async pointsBalance(@Ctx() ctx: RequestContext, @Args() args: PointsWalletArgs): Promise<PointsBalanceModel> {
    const wallet = await this.points.wallet(ctx, args);
    return { organisationId: wallet.organisationId, userId: wallet.userId, balance: (await this.points.balance(wallet)).toString() };
  }

  @Query(() => PointsEntryConnection, { description: 'Ledger entries of a wallet, newest first' })
  @Allow(...ALL_ROLES)
  async pointsEntries(@Ctx() ctx: RequestContext, @Args() args: PointsWalletArgs, @Args() page: PageArgs): Promise<Connection<PointsEntryModel>> {
    const wallet = await this.points.wallet(ctx, args);
    return mapConnection(await this.points.entries(wallet, page.first, page.after), (e) => ({ ...e, amount: e.amount.toString() }));
  }

  @Query(() => RewardConnection, { description: 'The catalogue; partners see active rewards' })
  @Allow(...ALL_ROLES)
  async rewards(@Ctx() ctx: RequestContext, @Args() page: PageArgs): Promise<Connection<RewardModel>> {
    return mapConnection(await this.points.rewards(ctx, page.first, page.after), toRewardModel);
  }

  @Mutation(() => RewardModel)
  @Allow(...PLAN_ADMINS)
  async createReward(@Ctx() ctx: RequestContext, @Args('input') input: CreateRewardInput): Promise<RewardModel> {
    return toRewardModel(await this.points.createReward(ctx, input));
  }

  @Mutation(() => RewardRedemptionModel, { description: 'Takes one unit of stock and the price from the wallet; never below zero' })
  @Allow(...PARTNER_USERS)
  async redeemReward(@Ctx() ctx: RequestContext, @Args('input') input: RedeemRewardInput): Promise<RewardRedemptionModel> {
    return toRedemptionModel(await this.points.redeem(ctx, input.rewardId, input.organisationWallet ?? false));
  }

  @Mutation(() => RewardRedemptionModel, { description: 'The points go back to the wallet and the unit back to stock' })
  @Allow(...MANAGERS)
  async rejectRewardRedemption(@Ctx() ctx: RequestContext, @Args() { id, reason }: RejectRewardRedemptionArgs): Promise<RewardRedemptionModel> {
    return toRedemptionModel(await this.points.rejectRedemption(ctx, id, reason));
  }

  @Mutation(() => RewardRedemptionModel)
  @Allow(...MANAGERS)
  async approveRewardRedemption(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<RewardRedemptionModel> {
    return toRedemptionModel(await this.points.approveRedemption(ctx, id));
  }
}
