import { Args, Context, Parent, Query, ResolveField, Resolver, Mutation } from '@nestjs/graphql';
import { POINTS } from '@prm/domain/incentives';
import { formatMoneyPlain, formatPercent, money, percentFromUnits } from '@prm/domain/money';
import { ALL_ROLES, Allow, byKeys, type Connection, Ctx, IdArgs, loaderFor, PageArgs, type PrmRequest, RequestContext, Role, VENDOR_ROLES } from '@prm/server/core';
import { IdentityLoaders } from '@prm/server/identity';
import { IncentiveMeasurementService } from '../services/incentive-measurement.service';
import type { RedemptionRow, RewardRow } from '../services/incentives.types';
import { RewardRedemptionsService } from '../services/reward-redemptions.service';
import {
  IncentiveMeasurementArgs,
  IncentiveMeasurementModel,
  IncentiveOrganisationRefModel,
  IncentivePlanPreviewModel,
  PreviewIncentivePlanArgs,
  RewardRedemptionConnection,
  RewardRedemptionFilter,
} from './incentive-insights.graphql';
import { type IncentivePlanKind, IncentiveStatementModel, RewardModel, RewardRedemptionModel, type RewardRedemptionStatus, type RewardKindEnum } from './incentives.graphql';

const MANAGERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const amount = (minor: bigint, unit: string): string => (unit === POINTS ? minor.toString() : formatMoneyPlain(money(minor, unit)));

export const toRedemptionNode = (d: RedemptionRow): RewardRedemptionModel => ({
  id: d.id,
  rewardId: d.rewardId,
  organisationId: d.organisationId,
  userId: d.userId,
  points: d.points.toString(),
  status: d.status as RewardRedemptionStatus,
  requestedAt: d.requestedAt,
});

const toReward = (w: RewardRow): RewardModel => ({
  id: w.id,
  name: w.name,
  kind: w.kind as RewardKindEnum,
  pointsPrice: w.pointsPrice.toString(),
  stock: w.stock,
  eligibleTierIds: w.eligibleTierIds,
  requiresApproval: w.requiresApproval,
  active: w.active,
});

/** The statement's beneficiary by name: its organisation and, for a SPIF, its rep (one batched query each per request). */
@Resolver(() => IncentiveStatementModel)
export class IncentiveStatementPartiesResolver {
  constructor(private readonly identity: IdentityLoaders) {}

  @ResolveField('organisation', () => IncentiveOrganisationRefModel, { nullable: true, description: 'The beneficiary organisation' })
  async organisation(@Parent() statement: IncentiveStatementModel, @Context('req') req: PrmRequest): Promise<IncentiveOrganisationRefModel | null> {
    const org = await this.identity.organisation(req).load(statement.organisationId);
    return org ? { id: org.id, name: org.name } : null;
  }

  @ResolveField('repName', () => String, { nullable: true, description: 'The rep’s name, for a SPIF statement' })
  async repName(@Parent() statement: IncentiveStatementModel, @Context('req') req: PrmRequest): Promise<string | null> {
    if (!statement.userId) return null;
    return (await this.identity.user(req).load(statement.userId))?.name ?? null;
  }
}

@Resolver(() => RewardRedemptionModel)
export class RewardRedemptionResolver {
  constructor(
    private readonly redemptions: RewardRedemptionsService,
    private readonly identity: IdentityLoaders,
  ) {}

  @Query(() => RewardRedemptionConnection, { description: 'Redemptions, newest first: reps their own, partner admins their organisation’s, vendor staff all' })
  @Allow(...ALL_ROLES)
  async rewardRedemptions(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => RewardRedemptionFilter, nullable: true }) filter?: RewardRedemptionFilter,
  ): Promise<Connection<RewardRedemptionModel>> {
    const c = await this.redemptions.list(ctx, { status: filter?.status, organisationId: filter?.organisationId }, page.first, page.after);
    return { ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: toRedemptionNode(e.node) })) };
  }

  @Mutation(() => RewardRedemptionModel, { description: 'APPROVED → FULFILLED once the reward was delivered; a requested one is approved first' })
  @Allow(...MANAGERS)
  async fulfilRewardRedemption(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<RewardRedemptionModel> {
    return toRedemptionNode(await this.redemptions.fulfil(ctx, id));
  }

  @ResolveField('reward', () => RewardModel, { nullable: true })
  async reward(@Parent() d: RewardRedemptionModel, @Context('req') req: PrmRequest): Promise<RewardModel | null> {
    const loader = loaderFor(req, 'redemptionReward', async (ids: readonly string[]) => byKeys(ids, await this.redemptions.rewardsByIds(ids), (w: RewardRow) => w.id));
    const w = await loader.load(d.rewardId);
    return w ? toReward(w) : null;
  }

  @ResolveField('organisation', () => IncentiveOrganisationRefModel, { nullable: true })
  async organisation(@Parent() d: RewardRedemptionModel, @Context('req') req: PrmRequest): Promise<IncentiveOrganisationRefModel | null> {
    const org = await this.identity.organisation(req).load(d.organisationId);
    return org ? { id: org.id, name: org.name } : null;
  }

  @ResolveField('userName', () => String, { nullable: true, description: 'Who redeemed (null: the organisation’s wallet)' })
  async userName(@Parent() d: RewardRedemptionModel, @Context('req') req: PrmRequest): Promise<string | null> {
    if (!d.userId) return null;
    return (await this.identity.user(req).load(d.userId))?.name ?? null;
  }
}

@Resolver()
export class IncentiveMeasurementResolver {
  constructor(private readonly measurement: IncentiveMeasurementService) {}

  @Query(() => IncentiveMeasurementModel, { description: 'Participation, conversion, cost, ROI per plan and period; payment delay per plan; redemption speed' })
  @Allow(...VENDOR_ROLES)
  async incentiveMeasurement(@Ctx() ctx: RequestContext, @Args() { planId, periodKey }: IncentiveMeasurementArgs): Promise<IncentiveMeasurementModel> {
    const m = await this.measurement.measure(ctx, planId, periodKey);
    const fmt = (v: bigint | null, currency: string): string | null => (v === null ? null : amount(v, currency));
    return {
      periods: m.periods.map((p) => ({
        planId: p.plan.id,
        planName: p.plan.name,
        kind: p.plan.kind as IncentivePlanKind,
        period: p.periodKey,
        currency: p.plan.currency,
        eligible: p.eligible,
        participants: p.participants,
        participationRate: p.participationRate,
        qualifyingUnits: p.qualifyingUnits,
        costPerUnit: fmt(p.costPerUnitMinor, p.plan.currency),
        gainPerCost: p.gainPerCost,
        costAccrued: amount(p.costAccruedMinor, p.plan.currency),
        costPaid: amount(p.costPaidMinor, p.plan.currency),
        gain: fmt(p.gainMinor, p.plan.currency),
        gainNote: p.gainNote,
        roi: p.roi,
        budget: fmt(p.budgetMinor, p.plan.currency),
        budgetUsed: p.budgetUsed,
      })),
      paymentDelays: m.paymentDelays.map((d) => ({ planId: d.plan.id, planName: d.plan.name, paidStatements: d.paidStatements, medianDays: d.medianDays, p90Days: d.p90Days })),
      redemptionSpeedDays: m.redemptionSpeedDays,
      pointsRedeemed: m.pointsRedeemed.toString(),
    };
  }

  @Query(() => IncentivePlanPreviewModel, { description: 'Runs a plan (draft or published) over a period of real data without writing anything' })
  @Allow(...VENDOR_ROLES)
  async previewIncentivePlan(@Ctx() ctx: RequestContext, @Args() { planId, periodKey }: PreviewIncentivePlanArgs): Promise<IncentivePlanPreviewModel> {
    const p = await this.measurement.preview(ctx, planId, periodKey);
    const currency = p.plan.currency;
    return {
      planId: p.plan.id,
      period: p.period.key,
      currency,
      total: amount(p.totalMinor, currency),
      totals: p.totals.map((t) => ({ organisationId: t.organisationId, organisationName: t.organisationName, userId: t.userId, repName: t.repName, total: amount(t.totalMinor, currency), lineCount: t.lineCount })),
      lines: p.lines.map((l) => ({
        organisationId: l.organisationId,
        organisationName: l.organisationName,
        userId: l.userId,
        repName: l.repName,
        rule: l.rule,
        eventDate: l.eventDate,
        sourceType: l.sourceType,
        sourceId: l.sourceId,
        sourceLabel: l.sourceLabel,
        base: l.baseMinor === null ? null : amount(l.baseMinor, currency),
        rate: l.ratePct === null ? null : formatPercent(percentFromUnits(l.ratePct)),
        amount: amount(l.amountMinor, currency),
        cappedBy: l.cappedBy,
      })),
    };
  }
}
