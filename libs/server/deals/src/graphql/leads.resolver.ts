import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { formatMoneyPlain, money } from '@prm/domain/money';
import { Allow, AllowAuthenticated, type Connection, Ctx, groupByKeys, IdArgs, loaderFor, PageArgs, type PrmRequest, RequestContext, Role } from '@prm/server/core';
import { IdentityLoaders, OrganisationModel, toOrganisationModel } from '@prm/server/identity';
import { type Lead, LeadsService } from '../services/leads.service';
import { ReasonArgs } from './deals.resolver';
import {
  AssignLeadArgs,
  CreateLeadInput,
  ImportLeadsInput,
  LeadAssignmentModel,
  LeadConnection,
  LeadImportReportModel,
  LeadModel,
  LeadFilter,
  type LeadStatus,
  WithdrawLeadArgs,
} from './leads.graphql';

const DECIDERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER] as const;
const PARTNER_USERS = [Role.PARTNER_ADMIN, Role.PARTNER_REP] as const;

function toLeadModel(lead: Lead): LeadModel {
  return { ...lead, status: lead.status as LeadStatus, estimatedMrr: formatMoneyPlain(money(lead.estimatedMrrMinor, lead.currency)) };
}

@Resolver(() => LeadModel)
export class LeadsResolver {
  constructor(
    private readonly service: LeadsService,
    private readonly identity: IdentityLoaders,
  ) {}

  @Query(() => LeadConnection, { description: 'Vendor staff: the lead pool and every assignment. Partners: leads waiting for their answer, and the ones they accepted.' })
  @AllowAuthenticated()
  async leads(
    @Ctx() ctx: RequestContext,
    @Args() args: PageArgs,
    @Args('filter', { type: () => LeadFilter, nullable: true }) filter?: LeadFilter,
  ): Promise<Connection<LeadModel>> {
    const page = await this.service.list(ctx, filter ?? {}, args.first, args.after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toLeadModel(e.node) })) };
  }

  @Query(() => LeadModel)
  @AllowAuthenticated()
  async lead(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<LeadModel> {
    return toLeadModel(await this.service.get(ctx, id));
  }

  @Mutation(() => LeadModel, { description: 'Add a lead to the pool, optionally assigning it at once' })
  @Allow(...DECIDERS)
  async createLead(@Ctx() ctx: RequestContext, @Args('input') input: CreateLeadInput): Promise<LeadModel> {
    const { assignTo, assignByRule, ...lead } = input;
    return toLeadModel(await this.service.create(ctx, lead, { organisationId: assignTo, byRule: assignByRule }));
  }

  @Mutation(() => LeadImportReportModel, { description: 'CSV import into the pool; all or nothing unless importValidRows is true' })
  @Allow(...DECIDERS)
  importLeads(@Ctx() ctx: RequestContext, @Args('input') input: ImportLeadsInput): Promise<LeadImportReportModel> {
    return this.service.importCsv(ctx, input.csv, input.importValidRows);
  }

  @Mutation(() => LeadModel, { description: 'Assign a lead from the pool to a partner, or by the routing rule' })
  @Allow(...DECIDERS)
  async assignLead(@Ctx() ctx: RequestContext, @Args() { id, organisationId }: AssignLeadArgs): Promise<LeadModel> {
    return toLeadModel(await this.service.assign(ctx, id, organisationId));
  }

  @Mutation(() => LeadModel, { description: 'Take a lead back into the pool, or close it' })
  @Allow(...DECIDERS)
  async withdrawLead(@Ctx() ctx: RequestContext, @Args() { id, close }: WithdrawLeadArgs): Promise<LeadModel> {
    return toLeadModel(await this.service.withdraw(ctx, id, close));
  }

  @Mutation(() => LeadModel, { description: 'Accept a lead: it becomes a draft deal registration, prefilled' })
  @Allow(...PARTNER_USERS)
  async acceptLead(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<LeadModel> {
    return toLeadModel(await this.service.accept(ctx, id));
  }

  @Mutation(() => Boolean, { description: 'Decline a lead (with a reason); it returns to the pool' })
  @Allow(...PARTNER_USERS)
  declineLead(@Ctx() ctx: RequestContext, @Args() { id, reason }: ReasonArgs): Promise<boolean> {
    return this.service.decline(ctx, id, reason);
  }

  @ResolveField('assignments', () => [LeadAssignmentModel], { description: 'Assignment history (partners see their own)' })
  async assignments(@Parent() lead: LeadModel, @Ctx() ctx: RequestContext, @Context('req') req: PrmRequest): Promise<LeadAssignmentModel[]> {
    const loader = loaderFor(req, 'leadAssignments', async (ids: readonly string[]) => groupByKeys(ids, await this.service.assignments(ctx, ids), (a) => a.leadId));
    return loader.load(lead.id);
  }

  @ResolveField('assignedOrganisation', () => OrganisationModel, { nullable: true })
  async assignedOrganisation(@Parent() lead: LeadModel, @Context('req') req: PrmRequest): Promise<OrganisationModel | null> {
    if (!lead.assignedOrganisationId) return null;
    const org = await this.identity.organisation(req).load(lead.assignedOrganisationId);
    return org ? toOrganisationModel(org) : null;
  }
}
