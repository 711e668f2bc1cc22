import { Args, ArgsType, Context, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  Allow,
  AllowAuthenticated,
  byKeys,
  type Connection,
  Ctx,
  groupByKeys,
  IdArgs,
  loaderFor,
  PageArgs,
  type PrmRequest,
  RequestContext,
  Role,
  VENDOR_ROLES,
} from '@prm/server/core';
import { OrganisationModel } from '@prm/server/identity';
import { IsOptional, IsUUID } from 'class-validator';
import { ProgramsService } from '../services/programs.service';
import { TierEvaluationService } from '../services/tier-evaluation.service';
import { metricValues, toEnrolmentModel, toProgramModel, toTierChangeModel, toTierModel } from './programs.mappers';
import {
  CreateProgramInput,
  CreateTierInput,
  DecideTierChangeInput,
  EnrolmentModel,
  EnrolPartnerInput,
  MetricValueModel,
  OverrideTierInput,
  ProgramModel,
  RecordPartnerMetricInput,
  RejectTierChangeInput,
  TierChangeConnection,
  TierChangeFilter,
  TierChangeModel,
  TierModel,
  TierStatusModel,
  UpdateProgramInput,
  UpdateTierInput,
} from './programs.models';

const MANAGERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER];

@ArgsType()
class TierStatusArgs {
  @Field(() => ID, { nullable: true, description: 'Partner users: omit (their own organisation)' })
  @IsOptional() @IsUUID('all', { message: 'Not a valid id.' })
  organisationId?: string;
}

@Resolver(() => ProgramModel)
export class ProgramsResolver {
  constructor(private readonly programsService: ProgramsService) {}

  @Query(() => [ProgramModel])
  @AllowAuthenticated()
  async programs(): Promise<ProgramModel[]> {
    return (await this.programsService.list()).map(toProgramModel);
  }

  @Query(() => ProgramModel)
  @AllowAuthenticated()
  async program(@Args() { id }: IdArgs): Promise<ProgramModel> {
    return toProgramModel(await this.programsService.get(id));
  }

  @ResolveField('tiers', () => [TierModel])
  async tiers(@Parent() program: ProgramModel, @Context('req') req: PrmRequest): Promise<TierModel[]> {
    const loader = loaderFor<string, TierModel[]>(req, 'programTiers', async (ids) => {
      const tiers = (await this.programsService.tiersOf(ids)).map(toTierModel);
      return groupByKeys(ids, tiers, (t) => t.programId);
    });
    return loader.load(program.id);
  }

  @Mutation(() => ProgramModel)
  @Allow(Role.VENDOR_ADMIN)
  async createProgram(@Ctx() ctx: RequestContext, @Args('input') input: CreateProgramInput): Promise<ProgramModel> {
    return toProgramModel(await this.programsService.createProgram(ctx, input));
  }

  @Mutation(() => ProgramModel)
  @Allow(Role.VENDOR_ADMIN)
  async updateProgram(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs, @Args('input') input: UpdateProgramInput): Promise<ProgramModel> {
    return toProgramModel(await this.programsService.updateProgram(ctx, id, input));
  }

  @Mutation(() => TierModel)
  @Allow(Role.VENDOR_ADMIN)
  async createTier(@Ctx() ctx: RequestContext, @Args('input') input: CreateTierInput): Promise<TierModel> {
    return toTierModel(await this.programsService.createTier(ctx, input));
  }

  @Mutation(() => TierModel)
  @Allow(Role.VENDOR_ADMIN)
  async updateTier(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs, @Args('input') input: UpdateTierInput): Promise<TierModel> {
    return toTierModel(await this.programsService.updateTier(ctx, id, input));
  }

  @Mutation(() => EnrolmentModel)
  @Allow(...MANAGERS)
  async enrolPartner(@Ctx() ctx: RequestContext, @Args('input') input: EnrolPartnerInput): Promise<EnrolmentModel> {
    return toEnrolmentModel(await this.programsService.enrol(ctx, input));
  }

  @Mutation(() => MetricValueModel, { description: 'Sets a partner metric used by tier rules (until other modules feed it).' })
  @Allow(Role.VENDOR_ADMIN)
  async recordPartnerMetric(@Ctx() ctx: RequestContext, @Args('input') input: RecordPartnerMetricInput): Promise<MetricValueModel> {
    const saved = await this.programsService.recordMetric(ctx, input);
    return metricValues({ [saved.metric]: saved.value })[0];
  }
}

@Resolver(() => TierChangeModel)
export class TierChangesResolver {
  constructor(private readonly evaluation: TierEvaluationService) {}

  @Query(() => TierChangeConnection, { description: 'Tier history and open proposals, newest first.' })
  @Allow(...VENDOR_ROLES, Role.PARTNER_ADMIN, Role.PARTNER_REP)
  async tierChanges(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => TierChangeFilter, nullable: true }) filter?: TierChangeFilter,
  ): Promise<Connection<TierChangeModel>> {
    const result = await this.evaluation.listChanges(ctx, filter ?? {}, page.first, page.after);
    return { pageInfo: result.pageInfo, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toTierChangeModel(e.node) })) };
  }

  @Query(() => [TierStatusModel], { description: 'Tier, benefits and what is missing for the next tier, per program.' })
  @AllowAuthenticated()
  async tierStatus(@Ctx() ctx: RequestContext, @Args() { organisationId }: TierStatusArgs): Promise<TierStatusModel[]> {
    const actor = ctx.requireActor();
    const statuses = await this.evaluation.status(ctx, organisationId ?? actor.organisationId);
    return statuses.map((s) => ({
      enrolment: toEnrolmentModel(s.enrolment),
      program: toProgramModel(s.program),
      currentTier: toTierModel(s.currentTier),
      nextTier: s.nextTier ? toTierModel(s.nextTier) : null,
      nextTierRules: s.nextTierRules.map((r) => ({ ...r, metric: r.metric as MetricValueModel['metric'] })),
      metrics: metricValues(s.metrics),
      pendingChange: s.pendingChange ? toTierChangeModel(s.pendingChange) : null,
    }));
  }

  @Mutation(() => Int, { description: 'Runs the tier evaluation now; returns the number of new proposals.' })
  @Allow(...MANAGERS)
  evaluateTiers(@Ctx() ctx: RequestContext): Promise<number> {
    return this.evaluation.evaluateAll(ctx);
  }

  @Mutation(() => TierChangeModel)
  @Allow(...MANAGERS)
  async approveTierChange(@Ctx() ctx: RequestContext, @Args('input') input: DecideTierChangeInput): Promise<TierChangeModel> {
    return toTierChangeModel(await this.evaluation.approve(ctx, input.id, input.reason));
  }

  @Mutation(() => TierChangeModel)
  @Allow(...MANAGERS)
  async rejectTierChange(@Ctx() ctx: RequestContext, @Args('input') input: RejectTierChangeInput): Promise<TierChangeModel> {
    return toTierChangeModel(await this.evaluation.reject(ctx, input.id, input.reason));
  }

  @Mutation(() => TierChangeModel)
  @Allow(...MANAGERS)
  async overrideTier(@Ctx() ctx: RequestContext, @Args('input') input: OverrideTierInput): Promise<TierChangeModel> {
    return toTierChangeModel(await this.evaluation.override(ctx, input.enrolmentId, input.tierId, input.reason));
  }
}

/** Adds `enrolments` to Organisation (identity's type) without identity knowing about programs. */
@Resolver(() => OrganisationModel)
export class OrganisationEnrolmentsResolver {
  constructor(private readonly programs: ProgramsService) {}

  @ResolveField('enrolments', () => [EnrolmentModel])
  async enrolments(@Parent() org: OrganisationModel, @Context('req') req: PrmRequest): Promise<EnrolmentModel[]> {
    const ctx = req.prmContext ?? RequestContext.system();
    const loader = loaderFor<string, EnrolmentModel[]>(req, 'orgEnrolments', async (ids) =>
      groupByKeys(ids, (await this.programs.enrolmentsOf(ctx, ids)).map(toEnrolmentModel), (e) => e.organisationId),
    );
    return loader.load(org.id);
  }
}

@Resolver(() => EnrolmentModel)
export class EnrolmentResolver {
  constructor(private readonly programs: ProgramsService) {}

  @ResolveField('tier', () => TierModel)
  async tier(@Parent() e: EnrolmentModel, @Context('req') req: PrmRequest): Promise<TierModel | null> {
    const loader = loaderFor<string, TierModel | null>(req, 'tierById', async (ids) =>
      byKeys(ids, (await this.programs.tiersByIds(ids)).map(toTierModel), (t) => t.id),
    );
    return loader.load(e.tierId);
  }

  @ResolveField('program', () => ProgramModel)
  async program(@Parent() e: EnrolmentModel, @Context('req') req: PrmRequest): Promise<ProgramModel | null> {
    const loader = loaderFor<string, ProgramModel | null>(req, 'programById', async (ids) =>
      byKeys(ids, (await this.programs.programsByIds(ids)).map(toProgramModel), (p) => p.id),
    );
    return loader.load(e.programId);
  }
}
