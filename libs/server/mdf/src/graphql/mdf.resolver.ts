import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { claimCapMinor } from '@prm/domain/mdf';
import { parseMoney, parsePercent } from '@prm/domain/money';
import { ALL_ROLES, Allow, byKeys, type Connection, Ctx, groupByKeys, IdArgs, loaderFor, PageArgs, type PrmRequest, RequestContext, Role, VENDOR_ROLES } from '@prm/server/core';
import { IdentityLoaders, OrganisationModel, toOrganisationModel } from '@prm/server/identity';
import { MdfClaimsService } from '../services/mdf-claims.service';
import { MdfFundsService } from '../services/mdf-funds.service';
import { MdfReportsService } from '../services/mdf-reports.service';
import { MdfRequestsService } from '../services/mdf-requests.service';
import { MdfStore } from '../services/mdf-store.service';
import type { ClaimRow, FundRow, RequestRow } from '../services/mdf.types';
import {
  BulkCreateMdfFundsInput,
  CreateMdfFundInput,
  CreateMdfRequestInput,
  ExtendMdfClaimDeadlineArgs,
  MarkMdfClaimsPaidInput,
  MdfBudgetChangeModel,
  MdfBulkCreateResultModel,
  MdfCancelArgs,
  MdfClaimConnection,
  MdfClaimFilter,
  MdfClaimModel,
  MdfCommentArgs,
  MdfDecisionArgs,
  MdfExpiringArgs,
  MdfFundConnection,
  MdfFundFilter,
  MdfFundModel,
  MdfOptionalCommentArgs,
  MdfPaymentModel,
  MdfProgramArgs,
  MdfProgramSettingsInput,
  MdfProgramSettingsModel,
  MdfProofFileModel,
  MdfReasonArgs,
  MdfReportArgs,
  MdfReportFilter,
  MdfReportRowModel,
  MdfRequestConnection,
  MdfRequestFilter,
  MdfRequestModel,
  MdfTimelineEntryModel,
  RecomputeMdfAccrualsArgs,
  UpdateMdfFundBudgetArgs,
  UpdateMdfRequestInput,
} from './mdf.graphql';
import { fmt, toBudgetChangeModel, toClaimModel, toFileModel, toFundModel, toReportRowModel, toRequestModel, toTimelineModel } from './mdf.mappers';

/** Who decides requests and claims, grants extensions, marks claims paid ("finance") and allocates funds. */
export const MDF_MANAGERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const PARTNER_USERS = [Role.PARTNER_ADMIN, Role.PARTNER_REP] as const;
const REPORT_READERS = [...VENDOR_ROLES, Role.PARTNER_ADMIN] as const;

const mapConnection = <R, M>(c: Connection<R>, map: (row: R) => M): Connection<M> => ({ ...c, edges: c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })) });

/** Per-request loaders shared by the MDF resolvers: a page of queue items costs a fixed number of statements. */
class MdfLoaders {
  constructor(
    private readonly store: MdfStore,
    private readonly requests: MdfRequestsService,
    private readonly claims: MdfClaimsService,
  ) {}

  fund(req: PrmRequest, ctx: RequestContext) {
    return loaderFor(req, 'mdfFund', async (ids: readonly string[]) => byKeys(ids, await this.store.fundsByIds(ctx, ids), (f: FundRow) => f.id));
  }

  /** Requests of claims already access-checked: read as the system, so a rep sees the request of a claim they made on another's request. */
  requestOfClaim(req: PrmRequest) {
    return loaderFor(req, 'mdfRequestOfClaim', async (ids: readonly string[]) =>
      byKeys(ids, await this.store.requestsByIds(RequestContext.system(), ids), (r: RequestRow) => r.id),
    );
  }

  timeline(req: PrmRequest) {
    return loaderFor(req, 'mdfTimeline', async (ids: readonly string[]) => groupByKeys(ids, await this.requests.timelines(ids), (t) => t.requestId));
  }

  claimsOf(req: PrmRequest, ctx: RequestContext) {
    return loaderFor(req, 'mdfClaimsOfRequest', async (ids: readonly string[]) => groupByKeys(ids, await this.claims.claimsOfRequests(ctx, ids), (c: ClaimRow) => c.requestId));
  }

  files(req: PrmRequest) {
    return loaderFor(req, 'mdfFiles', async (ids: readonly string[]) => groupByKeys(ids, await this.claims.filesOf(ids), (f) => f.claimId));
  }

  deals(req: PrmRequest) {
    return loaderFor(req, 'mdfClaimDeals', async (ids: readonly string[]) => groupByKeys(ids, await this.claims.dealsOf(ids), (d) => d.claimId));
  }
}

abstract class MdfResolverBase {
  protected readonly loaders: MdfLoaders;

  constructor(
    protected readonly store: MdfStore,
    protected readonly requests: MdfRequestsService,
    protected readonly claims: MdfClaimsService,
    protected readonly identity: IdentityLoaders,
  ) {
    this.loaders = new MdfLoaders(store, requests, claims);
  }

  protected async fundOf(req: PrmRequest, ctx: RequestContext, fundId: string): Promise<MdfFundModel | null> {
    const fund = await this.loaders.fund(req, ctx).load(fundId);
    return fund ? toFundModel(fund) : null;
  }

  /** Timeline entries with the actor's name (names of vendor staff are shown to partners, as on the organisation page). */
  protected async timelineOf(req: PrmRequest, requestId: string, claimId: string | null): Promise<MdfTimelineEntryModel[]> {
    const entries = (await this.loaders.timeline(req).load(requestId)).filter((t) => claimId === null || t.claimId === claimId);
    return Promise.all(
      entries.map(async (t) => {
        const user = t.actorUserId ? await this.identity.channelManager(req).load(t.actorUserId) : null;
        return { ...toTimelineModel(t), actorName: user?.name ?? null };
      }),
    );
  }
}

@Resolver(() => MdfFundModel)
export class MdfFundResolver {
  constructor(
    private readonly funds: MdfFundsService,
    private readonly identity: IdentityLoaders,
  ) {}

  @Query(() => MdfFundModel, { description: 'A fund with its balances; partners see their own' })
  @Allow(...ALL_ROLES)
  async mdfFund(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<MdfFundModel> {
    return toFundModel(await this.funds.get(ctx, id));
  }

  @Query(() => MdfFundConnection, { description: 'Funds, newest period first; partners see their own' })
  @Allow(...ALL_ROLES)
  async mdfFunds(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => MdfFundFilter, nullable: true }) filter?: MdfFundFilter,
  ): Promise<Connection<MdfFundModel>> {
    return mapConnection(await this.funds.list(ctx, filter ?? {}, page.first, page.after), toFundModel);
  }

  @Query(() => [MdfFundModel], { description: 'Open funds with money left that expire within the given days, soonest first' })
  @Allow(...ALL_ROLES)
  async mdfExpiringFunds(@Ctx() ctx: RequestContext, @Args() { withinDays }: MdfExpiringArgs): Promise<MdfFundModel[]> {
    return (await this.funds.expiring(ctx, withinDays)).map(toFundModel);
  }

  @Query(() => MdfProgramSettingsModel, { description: "A program's MDF settings (defaults when none were set)" })
  @Allow(...ALL_ROLES)
  async mdfProgramSettings(@Args() { programId }: MdfProgramArgs): Promise<MdfProgramSettingsModel> {
    return (await this.funds.settings(programId)) as MdfProgramSettingsModel;
  }

  @Mutation(() => MdfProgramSettingsModel)
  @Allow(Role.VENDOR_ADMIN)
  async setMdfProgramSettings(
    @Ctx() ctx: RequestContext,
    @Args() { programId }: MdfProgramArgs,
    @Args('input') input: MdfProgramSettingsInput,
  ): Promise<MdfProgramSettingsModel> {
    return (await this.funds.setSettings(ctx, programId, input)) as MdfProgramSettingsModel;
  }

  @Mutation(() => MdfFundModel, { description: "Allocate a fund to a partner for a program period (fixed, or an accrual on the partner's revenue)" })
  @Allow(...MDF_MANAGERS)
  async createMdfFund(@Ctx() ctx: RequestContext, @Args('input') input: CreateMdfFundInput): Promise<MdfFundModel> {
    return toFundModel(await this.funds.create(ctx, input));
  }

  @Mutation(() => MdfBulkCreateResultModel, { description: 'A fund for the period for every partner enrolled in the program (or one tier); partners with one are skipped' })
  @Allow(...MDF_MANAGERS)
  async bulkCreateMdfFunds(@Ctx() ctx: RequestContext, @Args('input') input: BulkCreateMdfFundsInput): Promise<MdfBulkCreateResultModel> {
    const result = await this.funds.bulkCreate(ctx, input);
    return { created: result.created.length, skipped: result.skipped, funds: result.created.map(toFundModel) };
  }

  @Mutation(() => MdfFundModel, { description: "A fixed fund's new allocation (never below what is reserved, approved or paid)" })
  @Allow(...MDF_MANAGERS)
  async updateMdfFundBudget(@Ctx() ctx: RequestContext, @Args() { id, budget, reason }: UpdateMdfFundBudgetArgs): Promise<MdfFundModel> {
    return toFundModel(await this.funds.updateBudget(ctx, id, budget, reason));
  }

  @Mutation(() => Int, { description: 'Recompute accrual budgets from recognised revenue; returns how many changed' })
  @Allow(...MDF_MANAGERS)
  recomputeMdfAccruals(@Ctx() ctx: RequestContext, @Args() { fundId }: RecomputeMdfAccrualsArgs): Promise<number> {
    return this.funds.recomputeAccruals(ctx, fundId);
  }

  @ResolveField('organisation', () => OrganisationModel, { nullable: true })
  async organisation(@Parent() fund: MdfFundModel, @Context('req') req: PrmRequest): Promise<OrganisationModel | null> {
    const org = await this.identity.organisation(req).load(fund.organisationId);
    return org ? toOrganisationModel(org) : null;
  }

  @ResolveField('budgetChanges', () => [MdfBudgetChangeModel], { description: 'Every budget change with its basis, oldest first' })
  async budgetChanges(@Parent() fund: MdfFundModel, @Context('req') req: PrmRequest): Promise<MdfBudgetChangeModel[]> {
    const loader = loaderFor(req, 'mdfBudgetChanges', async (ids: readonly string[]) => groupByKeys(ids, await this.funds.budgetChanges(ids), (b) => b.fundId));
    return (await loader.load(fund.id)).map(toBudgetChangeModel);
  }
}

@Resolver(() => MdfRequestModel)
export class MdfRequestResolver extends MdfResolverBase {
  constructor(store: MdfStore, requests: MdfRequestsService, claims: MdfClaimsService, identity: IdentityLoaders) {
    super(store, requests, claims, identity);
  }

  @Query(() => MdfRequestModel)
  @Allow(...ALL_ROLES)
  async mdfRequest(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.get(ctx, id));
  }

  @Query(() => MdfRequestConnection, { description: 'Requests, newest first; filter status SUBMITTED for the approval queue' })
  @Allow(...ALL_ROLES)
  async mdfRequests(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => MdfRequestFilter, nullable: true }) filter?: MdfRequestFilter,
  ): Promise<Connection<MdfRequestModel>> {
    const f = filter ?? {};
    return mapConnection(await this.requests.list(ctx, { statuses: f.status, fundId: f.fundId, organisationId: f.organisationId }, page.first, page.after), toRequestModel);
  }

  @Mutation(() => MdfRequestModel, { description: 'Propose an activity (a draft, or submitted at once)' })
  @Allow(...PARTNER_USERS)
  async createMdfRequest(@Ctx() ctx: RequestContext, @Args('input') input: CreateMdfRequestInput): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.create(ctx, input));
  }

  @Mutation(() => MdfRequestModel, { description: 'Edit a draft or a request waiting for more information' })
  @Allow(...PARTNER_USERS)
  async updateMdfRequest(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs, @Args('input') input: UpdateMdfRequestInput): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.update(ctx, id, input));
  }

  @Mutation(() => MdfRequestModel, { description: 'Submit a draft, or resubmit after a request for more information' })
  @Allow(...PARTNER_USERS)
  async submitMdfRequest(@Ctx() ctx: RequestContext, @Args() { id, comment }: MdfOptionalCommentArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.submit(ctx, id, comment));
  }

  @Mutation(() => MdfRequestModel, { description: 'Cancel a request; an approved one (without an open claim) releases its reservation' })
  @Allow(...PARTNER_USERS, ...MDF_MANAGERS)
  async cancelMdfRequest(@Ctx() ctx: RequestContext, @Args() { id, reason }: MdfCancelArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.cancel(ctx, id, reason));
  }

  @Mutation(() => MdfRequestModel, { description: 'Approve for the requested amount or less; reserves it in the fund (CONFLICT "insufficient funds: …" when it does not fit)' })
  @Allow(...MDF_MANAGERS)
  async approveMdfRequest(@Ctx() ctx: RequestContext, @Args() { id, amount, comment }: MdfDecisionArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.approve(ctx, id, amount, comment));
  }

  @Mutation(() => MdfRequestModel)
  @Allow(...MDF_MANAGERS)
  async rejectMdfRequest(@Ctx() ctx: RequestContext, @Args() { id, reason }: MdfReasonArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.reject(ctx, id, reason));
  }

  @Mutation(() => MdfRequestModel)
  @Allow(...MDF_MANAGERS)
  async requestMdfRequestInfo(@Ctx() ctx: RequestContext, @Args() { id, comment }: MdfCommentArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.requestInfo(ctx, id, comment));
  }

  @Mutation(() => MdfRequestModel, { description: 'A later claim deadline for an approved request' })
  @Allow(...MDF_MANAGERS)
  async extendMdfClaimDeadline(@Ctx() ctx: RequestContext, @Args() { id, until, reason }: ExtendMdfClaimDeadlineArgs): Promise<MdfRequestModel> {
    return toRequestModel(await this.requests.extendDeadline(ctx, id, until, reason));
  }

  @Mutation(() => MdfRequestModel, { description: "A manager's comment in the request timeline" })
  @Allow(...MDF_MANAGERS)
  async commentOnMdfRequest(@Ctx() ctx: RequestContext, @Args() { id, comment }: MdfCommentArgs): Promise<MdfRequestModel> {
    const request = await this.requests.get(ctx, id);
    await this.requests.comment(ctx, request.id, null, comment);
    return toRequestModel(request);
  }

  @ResolveField('fund', () => MdfFundModel, { nullable: true, description: 'The fund and its balances' })
  fund(@Ctx() ctx: RequestContext, @Parent() request: MdfRequestModel, @Context('req') req: PrmRequest): Promise<MdfFundModel | null> {
    return this.fundOf(req, ctx, request.fundId);
  }

  @ResolveField('timeline', () => [MdfTimelineEntryModel], { description: 'Status changes and comments of the request and its claims, oldest first' })
  timeline(@Parent() request: MdfRequestModel, @Context('req') req: PrmRequest): Promise<MdfTimelineEntryModel[]> {
    return this.timelineOf(req, request.id, null);
  }

  @ResolveField('claims', () => [MdfClaimModel])
  async claimsOfRequest(@Ctx() ctx: RequestContext, @Parent() request: MdfRequestModel, @Context('req') req: PrmRequest): Promise<MdfClaimModel[]> {
    return (await this.loaders.claimsOf(req, ctx).load(request.id)).map(toClaimModel);
  }
}

@Resolver(() => MdfClaimModel)
export class MdfClaimResolver extends MdfResolverBase {
  constructor(store: MdfStore, requests: MdfRequestsService, claims: MdfClaimsService, identity: IdentityLoaders, private readonly reports: MdfReportsService) {
    super(store, requests, claims, identity);
  }

  @Query(() => MdfClaimModel)
  @Allow(...ALL_ROLES)
  async mdfClaim(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<MdfClaimModel> {
    return toClaimModel(await this.claims.get(ctx, id));
  }

  @Query(() => MdfClaimConnection, { description: 'Claims, newest first; filter status SUBMITTED for the review queue, APPROVED for the payment queue' })
  @Allow(...ALL_ROLES)
  async mdfClaims(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => MdfClaimFilter, nullable: true }) filter?: MdfClaimFilter,
  ): Promise<Connection<MdfClaimModel>> {
    const f = filter ?? {};
    return mapConnection(
      await this.claims.list(ctx, { statuses: f.status, fundId: f.fundId, organisationId: f.organisationId, requestId: f.requestId }, page.first, page.after),
      toClaimModel,
    );
  }

  @Query(() => [MdfReportRowModel], { description: 'Utilisation, unused and expiring money, results per € spent, ROI and time to payment per partner, program, tier or period' })
  @Allow(...REPORT_READERS)
  async mdfReport(
    @Ctx() ctx: RequestContext,
    @Args() { groupBy }: MdfReportArgs,
    @Args('filter', { type: () => MdfReportFilter, nullable: true }) filter?: MdfReportFilter,
  ): Promise<MdfReportRowModel[]> {
    return (await this.reports.report(ctx, groupBy, filter ?? {})).map(toReportRowModel);
  }

  @Mutation(() => MdfClaimModel, { description: 'Approve the claimed amount or less (partial); completes the request and releases the rest of its reservation' })
  @Allow(...MDF_MANAGERS)
  async approveMdfClaim(@Ctx() ctx: RequestContext, @Args() { id, amount, comment }: MdfDecisionArgs): Promise<MdfClaimModel> {
    return toClaimModel(await this.claims.approve(ctx, id, amount, comment));
  }

  @Mutation(() => MdfClaimModel, { description: 'Reject a claim; the request stays approved and may be claimed again before its deadline' })
  @Allow(...MDF_MANAGERS)
  async rejectMdfClaim(@Ctx() ctx: RequestContext, @Args() { id, reason }: MdfReasonArgs): Promise<MdfClaimModel> {
    return toClaimModel(await this.claims.reject(ctx, id, reason));
  }

  @Mutation(() => MdfClaimModel)
  @Allow(...MDF_MANAGERS)
  async requestMdfClaimInfo(@Ctx() ctx: RequestContext, @Args() { id, comment }: MdfCommentArgs): Promise<MdfClaimModel> {
    return toClaimModel(await this.claims.requestInfo(ctx, id, comment));
  }

  @Mutation(() => MdfPaymentModel, { description: 'Mark approved claims paid; a repeated or concurrent call with the same idempotency key pays once' })
  @Allow(...MDF_MANAGERS)
  async markMdfClaimsPaid(@Ctx() ctx: RequestContext, @Args('input') input: MarkMdfClaimsPaidInput): Promise<MdfPaymentModel> {
    const result = await this.claims.markPaid(ctx, input);
    return { ...result, claims: result.claims.map(toClaimModel) };
  }

  @Mutation(() => MdfClaimModel, { description: "A manager's comment in the claim timeline" })
  @Allow(...MDF_MANAGERS)
  async commentOnMdfClaim(@Ctx() ctx: RequestContext, @Args() { id, comment }: MdfCommentArgs): Promise<MdfClaimModel> {
    const claim = await this.claims.get(ctx, id);
    await this.requests.comment(ctx, claim.requestId, claim.id, comment);
    return toClaimModel(claim);
  }

  @ResolveField('fund', () => MdfFundModel, { nullable: true })
  fund(@Ctx() ctx: RequestContext, @Parent() claim: MdfClaimModel, @Context('req') req: PrmRequest): Promise<MdfFundModel | null> {
    return this.fundOf(req, ctx, claim.fundId);
  }

  @ResolveField('request', () => MdfRequestModel, { nullable: true })
  async request(@Parent() claim: MdfClaimModel, @Context('req') req: PrmRequest): Promise<MdfRequestModel | null> {
    const request = await this.loaders.requestOfClaim(req).load(claim.requestId);
    return request ? toRequestModel(request) : null;
  }

  @ResolveField('claimCap', () => String, { description: 'The most this claim may ask for: the approved request amount and the co-funding % of the actual cost, rounded down' })
  async claimCap(@Parent() claim: MdfClaimModel, @Context('req') req: PrmRequest): Promise<string> {
    const request = await this.loaders.requestOfClaim(req).load(claim.requestId);
    if (!request) return claim.claimedAmount;
    const actual = parseMoney(claim.actualCost, claim.currency).amountMinor;
    return fmt(claimCapMinor(actual, request.approvedMinor ?? 0n, parsePercent(request.cofundingPct)), claim.currency);
  }

  @ResolveField('files', () => [MdfProofFileModel], { description: 'Proof files (name, type, size; never the storage path)' })
  async files(@Parent() claim: MdfClaimModel, @Context('req') req: PrmRequest): Promise<MdfProofFileModel[]> {
    return (await this.loaders.files(req).load(claim.id)).map(toFileModel);
  }

  @ResolveField('dealIds', () => [String], { description: 'Linked won deal registrations (the influenced revenue)' })
  async dealIds(@Parent() claim: MdfClaimModel, @Context('req') req: PrmRequest): Promise<string[]> {
    return (await this.loaders.deals(req).load(claim.id)).map((d) => d.registrationId);
  }

  @ResolveField('timeline', () => [MdfTimelineEntryModel])
  timeline(@Parent() claim: MdfClaimModel, @Context('req') req: PrmRequest): Promise<MdfTimelineEntryModel[]> {
    return this.timelineOf(req, claim.requestId, claim.id);
  }
}
