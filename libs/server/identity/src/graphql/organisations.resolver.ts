import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, AllowAuthenticated, type Connection, Ctx, IdArgs, PageArgs, type PrmRequest, RequestContext, Role, VENDOR_ROLES } from '@prm/server/core';
import { OrganisationsService } from '../services/organisations.service';
import { IdentityLoaders } from './identity.loaders';
import { CreatePartnerInput, PartnerFilter, UpdateOrganisationProfileInput, UpdatePartnerInput } from './inputs/identity.inputs';
import { toOrganisationModel, toUserModel } from './mappers';
import { OrganisationModel, PartnerConnection, UserModel } from './models/identity.models';

@Resolver(() => OrganisationModel)
export class OrganisationsResolver {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Query(() => OrganisationModel, { description: 'Partner users can read only their own organisation.' })
  @AllowAuthenticated()
  async organisation(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<OrganisationModel> {
    return toOrganisationModel(await this.organisations.get(ctx, id));
  }

  @Query(() => PartnerConnection, { description: 'The partner directory, sorted by name.' })
  @Allow(...VENDOR_ROLES)
  async partners(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => PartnerFilter, nullable: true }) filter?: PartnerFilter,
  ): Promise<Connection<OrganisationModel>> {
    const result = await this.organisations.partners(ctx, filter ?? {}, page.first, page.after);
    return { ...result, edges: result.edges.map((e) => ({ cursor: e.cursor, node: toOrganisationModel(e.node) })) };
  }

  @Mutation(() => OrganisationModel)
  @Allow(Role.VENDOR_ADMIN)
  async createPartner(@Ctx() ctx: RequestContext, @Args('input') input: CreatePartnerInput): Promise<OrganisationModel> {
    return toOrganisationModel(await this.organisations.createPartner(ctx, input));
  }

  @Mutation(() => OrganisationModel, { description: 'Edit a partner; includes suspending (status) and assigning its channel manager.' })
  @Allow(Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER)
  async updatePartner(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs, @Args('input') input: UpdatePartnerInput): Promise<OrganisationModel> {
    return toOrganisationModel(await this.organisations.updatePartner(ctx, id, input));
  }

  @Mutation(() => OrganisationModel, { description: 'A partner admin updates their own organisation’s profile.' })
  @Allow(Role.PARTNER_ADMIN)
  async updateMyOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOrganisationProfileInput): Promise<OrganisationModel> {
    return toOrganisationModel(await this.organisations.updateOwnProfile(ctx, input));
  }

  @ResolveField('channelManager', () => UserModel, { nullable: true })
  async channelManager(@Parent() org: OrganisationModel, @Context('req') req: PrmRequest): Promise<UserModel | null> {
    if (!org.channelManagerId) return null;
    // The parent organisation was already authorised, so its manager's contact card may be shown.
    const user = await this.loaders.channelManager(req).load(org.channelManagerId);
    return user ? toUserModel(user) : null;
  }
}
