import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ALL_ROLES, Allow, byKeys, type Connection, Ctx, IdArgs, loaderFor, PageArgs, type PrmRequest, RequestContext, Role } from '@prm/server/core';
import { IdentityLoaders } from '@prm/server/identity';
import { type ActivityRow, ActivitiesService, type ActivityTypeRow } from '../services/activities.service';
import { type CompletionRow, type CourseRow, TrainingService } from '../services/training.service';
import {
  ActivityConnection,
  ActivityFilter,
  type ActivityApprovalMode,
  type ActivityKindEnum,
  ActivityModel,
  type ActivityStatusEnum,
  ActivityTypeInput,
  ActivityTypeModel,
  CatalogueArgs,
  CertifiedPeopleArgs,
  CertifiedPeopleModel,
  type CompletionSourceEnum,
  CourseCompletionConnection,
  CourseCompletionFilter,
  CourseCompletionImportReportModel,
  CourseCompletionModel,
  CourseInput,
  CourseModel,
  ImportCourseCompletionsInput,
  LogActivityInput,
  RecordCourseCompletionInput,
  RejectActivityArgs,
  UpdateActivityTypeArgs,
  UpdateCourseArgs,
} from './activity-training.graphql';
import { IncentiveOrganisationRefModel } from './incentive-insights.graphql';

const CATALOGUE_ADMINS = [Role.VENDOR_ADMIN] as const;
const MANAGERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const PARTNER_USERS = [Role.PARTNER_ADMIN, Role.PARTNER_REP] as const;

const mapConnection = <R, M>(c: Connection<R>, map: (row: R) => M): Connection<M> => ({ ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })) });

const toTypeModel = (t: ActivityTypeRow): ActivityTypeModel => ({
  id: t.id,
  name: t.name,
  kind: t.kind as ActivityKindEnum,
  approval: t.approval as ActivityApprovalMode,
  evidenceRequired: t.evidenceRequired,
  active: t.active,
});

const toActivityModel = (a: ActivityRow): ActivityModel => ({
  id: a.id,
  organisationId: a.organisationId,
  userId: a.userId,
  typeId: a.typeId,
  occurredOn: a.occurredOn,
  description: a.description,
  evidenceUrl: a.evidenceUrl,
  status: a.status as ActivityStatusEnum,
  decidedAt: a.decidedAt,
  decisionReason: a.decisionReason,
  createdAt: a.createdAt,
});

const toCourseModel = (c: CourseRow): CourseModel => ({ id: c.id, name: c.name, certification: c.certification, validityMonths: c.validityMonths, active: c.active });

const toCompletionModel = (k: CompletionRow): CourseCompletionModel => ({
  id: k.id,
  organisationId: k.organisationId,
  userId: k.userId,
  courseId: k.courseId,
  completedOn: k.completedOn,
  evidenceUrl: k.evidenceUrl,
  source: k.source as CompletionSourceEnum,
  externalId: k.externalId,
});

@Resolver(() => ActivityModel)
export class ActivityResolver {
  constructor(
    private readonly activityService: ActivitiesService,
    private readonly identity: IdentityLoaders,
  ) {}

  @Query(() => [ActivityTypeModel], { description: 'The activity types partners can log, by name' })
  @Allow(...ALL_ROLES)
  async activityTypes(@Args() { includeInactive }: CatalogueArgs): Promise<ActivityTypeModel[]> {
    return (await this.activityService.types(includeInactive ?? false)).map(toTypeModel);
  }

  @Query(() => ActivityConnection, { description: 'Logged activities, newest first; a partner admin sees the organisation’s, a rep their own' })
  @Allow(...ALL_ROLES)
  async activities(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ActivityFilter, nullable: true }) filter?: ActivityFilter,
  ): Promise<Connection<ActivityModel>> {
    return mapConnection(await this.activityService.list(ctx, filter ?? {}, page.first, page.after), toActivityModel);
  }

  @Mutation(() => ActivityTypeModel)
  @Allow(...CATALOGUE_ADMINS)
  async createActivityType(@Ctx() ctx: RequestContext, @Args('input') input: ActivityTypeInput): Promise<ActivityTypeModel> {
    return toTypeModel(await this.activityService.createType(ctx, input));
  }

  @Mutation(() => ActivityTypeModel, { description: 'Rename, change approval or deactivate; activities already logged keep counting as decided' })
  @Allow(...CATALOGUE_ADMINS)
  async updateActivityType(@Ctx() ctx: RequestContext, @Args() { id, input }: UpdateActivityTypeArgs): Promise<ActivityTypeModel> {
    return toTypeModel(await this.activityService.updateType(ctx, id, input));
  }

  @Mutation(() => ActivityModel, { description: 'A partner user logs an activity of their own; an AUTO type is approved at once' })
  @Allow(...PARTNER_USERS)
  async logActivity(@Ctx() ctx: RequestContext, @Args('input') input: LogActivityInput): Promise<ActivityModel> {
    return toActivityModel(await this.activityService.log(ctx, input));
  }

  @Mutation(() => ActivityModel)
  @Allow(...MANAGERS)
  async approveActivity(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<ActivityModel> {
    return toActivityModel(await this.activityService.approve(ctx, id));
  }

  @Mutation(() => ActivityModel, { description: 'Rejects a submitted activity, or withdraws an approved one (what it earned is clawed back)' })
  @Allow(...MANAGERS)
  async rejectActivity(@Ctx() ctx: RequestContext, @Args() { id, reason }: RejectActivityArgs): Promise<ActivityModel> {
    return toActivityModel(await this.activityService.reject(ctx, id, reason));
  }

  @ResolveField('type', () => ActivityTypeModel)
  async type(@Parent() activity: ActivityModel, @Context('req') req: PrmRequest): Promise<ActivityTypeModel> {
    const loader = loaderFor(req, 'activityTypes', async (ids: readonly string[]) => byKeys(ids, await this.activityService.typesByIds(ids), (t) => t.id) as ActivityTypeRow[]);
    return toTypeModel(await loader.load(activity.typeId));
  }

  @ResolveField('organisation', () => IncentiveOrganisationRefModel, { nullable: true, description: 'The partner organisation' })
  async organisation(@Parent() row: { organisationId: string }, @Context('req') req: PrmRequest): Promise<IncentiveOrganisationRefModel | null> {
    const org = await this.identity.organisation(req).load(row.organisationId);
    return org ? { id: org.id, name: org.name } : null;
  }

  @ResolveField('userName', () => String, { nullable: true, description: 'The person’s name' })
  async userName(@Parent() row: { userId: string }, @Context('req') req: PrmRequest): Promise<string | null> {
    return (await this.identity.user(req).load(row.userId))?.name ?? null;
  }
}

@Resolver(() => CourseCompletionModel)
export class TrainingResolver {
  constructor(
    private readonly training: TrainingService,
    private readonly identity: IdentityLoaders,
  ) {}

  @Query(() => [CourseModel], { description: 'The course catalogue, by name' })
  @Allow(...ALL_ROLES)
  async courses(@Args() { includeInactive }: CatalogueArgs): Promise<CourseModel[]> {
    return (await this.training.courses(includeInactive ?? false)).map(toCourseModel);
  }

  @Query(() => CourseCompletionConnection, { description: 'Course completions, latest first; a partner admin sees the organisation’s, a rep their own' })
  @Allow(...ALL_ROLES)
  async courseCompletions(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => CourseCompletionFilter, nullable: true }) filter?: CourseCompletionFilter,
  ): Promise<Connection<CourseCompletionModel>> {
    return mapConnection(await this.training.completions(ctx, filter ?? {}, page.first, page.after), toCompletionModel);
  }

  @Query(() => [CertifiedPeopleModel], { description: 'People holding a valid certification today, per partner (feeds tier qualification)' })
  @Allow(...ALL_ROLES)
  certifiedPeople(@Ctx() ctx: RequestContext, @Args() { organisationIds }: CertifiedPeopleArgs): Promise<CertifiedPeopleModel[]> {
    return this.training.certifiedPeople(ctx, organisationIds);
  }

  @Mutation(() => CourseModel)
  @Allow(...CATALOGUE_ADMINS)
  async createCourse(@Ctx() ctx: RequestContext, @Args('input') input: CourseInput): Promise<CourseModel> {
    return toCourseModel(await this.training.createCourse(ctx, input));
  }

  @Mutation(() => CourseModel)
  @Allow(...CATALOGUE_ADMINS)
  async updateCourse(@Ctx() ctx: RequestContext, @Args() { id, input }: UpdateCourseArgs): Promise<CourseModel> {
    return toCourseModel(await this.training.updateCourse(ctx, id, input));
  }

  @Mutation(() => CourseCompletionModel, { description: 'A partner user records a completion: their own, or (partner admins) a colleague’s' })
  @Allow(...PARTNER_USERS)
  async recordCourseCompletion(@Ctx() ctx: RequestContext, @Args('input') input: RecordCourseCompletionInput): Promise<CourseCompletionModel> {
    return toCompletionModel(await this.training.record(ctx, input));
  }

  @Mutation(() => CourseCompletionImportReportModel, { description: 'Completions from a learning system (CSV); all or nothing, idempotent by external_id' })
  @Allow(...CATALOGUE_ADMINS)
  importCourseCompletions(@Ctx() ctx: RequestContext, @Args('input') input: ImportCourseCompletionsInput): Promise<CourseCompletionImportReportModel> {
    return this.training.importCsv(ctx, input.csv);
  }

  @ResolveField('course', () => CourseModel)
  async course(@Parent() completion: CourseCompletionModel, @Context('req') req: PrmRequest): Promise<CourseModel> {
    return toCourseModel(await this.courseLoader(req).load(completion.courseId));
  }

  @ResolveField('expiresOn', () => String, { nullable: true, description: 'Certifications: the first day it is no longer valid (empty: never expires, or not a certification)' })
  async expiresOn(@Parent() completion: CourseCompletionModel, @Context('req') req: PrmRequest): Promise<string | null> {
    const course = await this.courseLoader(req).load(completion.courseId);
    return this.training.expiresOn({ ...completion, createdAt: new Date(0) } as CompletionRow, course);
  }

  @ResolveField('valid', () => Boolean, { description: 'Certifications: valid today' })
  async valid(@Parent() completion: CourseCompletionModel, @Context('req') req: PrmRequest): Promise<boolean> {
    const course = await this.courseLoader(req).load(completion.courseId);
    if (!course.certification) return false;
    const expires = this.training.expiresOn({ ...completion, createdAt: new Date(0) } as CompletionRow, course);
    const today = this.training.today();
    return completion.completedOn <= today && (expires === null || today < expires);
  }

  @ResolveField('organisation', () => IncentiveOrganisationRefModel, { nullable: true, description: 'The partner organisation' })
  async organisation(@Parent() row: { organisationId: string }, @Context('req') req: PrmRequest): Promise<IncentiveOrganisationRefModel | null> {
    const org = await this.identity.organisation(req).load(row.organisationId);
    return org ? { id: org.id, name: org.name } : null;
  }

  @ResolveField('userName', () => String, { nullable: true, description: 'The person’s name' })
  async userName(@Parent() row: { userId: string }, @Context('req') req: PrmRequest): Promise<string | null> {
    return (await this.identity.user(req).load(row.userId))?.name ?? null;
  }

  private courseLoader(req: PrmRequest) {
    return loaderFor(req, 'trainingCourses', async (ids: readonly string[]) => byKeys(ids, await this.training.coursesByIds(ids), (c) => c.id) as CourseRow[]);
  }
}
