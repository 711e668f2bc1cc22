import { Args, ArgsType, Context, Field, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, type Connection, Ctx, IdArgs, PageArgs, type PrmRequest, RequestContext, Role } from '@prm/server/core';
import { IsOptional, IsUUID } from 'class-validator';
import { ApiKeysService } from '../services/api-keys.service';
import { AuditLogService } from '../services/audit-log.service';
import { UsersService } from '../services/users.service';
import { IdentityLoaders } from './identity.loaders';
import { AuditFilter, CreateApiKeyInput, InviteUserInput, UserFilter } from './inputs/identity.inputs';
import { toApiKeyModel, toAuditEntryModel, toInvitationModel, toOrganisationModel, toUserModel } from './mappers';
import {
  ApiKeyModel,
  AuditEntryConnection,
  AuditEntryModel,
  CreatedApiKey,
  InvitationConnection,
  InvitationModel,
  InvitationPayload,
  OrganisationModel,
  UserConnection,
  UserModel,
} from './models/identity.models';

@ArgsType()
class OrganisationScopeArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Not a valid id.' })
  organisationId?: string;
}

const USER_READERS = [Role.VENDOR_ADMIN, Role.CHANNEL_MANAGER, Role.ANALYST, Role.PARTNER_ADMIN];
const USER_ADMINS = [Role.VENDOR_ADMIN, Role.PARTNER_ADMIN];

const mapConnection = <A, B>(c: Connection<A>, map: (a: A) => B): Connection<B> => ({
  pageInfo: c.pageInfo,
  edges: c.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })),
});

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly apiKeysService: ApiKeysService,
    private readonly auditLogService: AuditLogService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Query(() => UserConnection, { description: 'Partner admins see their own organisation’s users only.' })
  @Allow(...USER_READERS)
  async users(
    @Ctx() ctx: RequestContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => UserFilter, nullable: true }) filter?: UserFilter,
  ): Promise<Connection<UserModel>> {
    return mapConnection(await this.usersService.list(ctx, filter ?? {}, page.first, page.after), toUserModel);
  }

  @Query(() => UserModel)
  @Allow(...USER_READERS)
  async user(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<UserModel> {
    return toUserModel(await this.usersService.get(ctx, id));
  }

  @Mutation(() => InvitationPayload, { description: 'Partner admins invite their own colleagues; vendor admins invite vendor staff and partner users.' })
  @Allow(...USER_ADMINS)
  async inviteUser(@Ctx() ctx: RequestContext, @Args('input') input: InviteUserInput): Promise<InvitationPayload> {
    const { invitation, inviteUrl } = await this.usersService.invite(ctx, input);
    return { invitation: toInvitationModel(invitation), inviteUrl };
  }

  @Query(() => InvitationConnection)
  @Allow(...USER_ADMINS)
  async invitations(@Ctx() ctx: RequestContext, @Args() page: PageArgs, @Args() { organisationId }: OrganisationScopeArgs): Promise<Connection<InvitationModel>> {
    return mapConnection(await this.usersService.listInvitations(ctx, organisationId, page.first, page.after), toInvitationModel);
  }

  @Mutation(() => InvitationModel)
  @Allow(...USER_ADMINS)
  async revokeInvitation(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<InvitationModel> {
    return toInvitationModel(await this.usersService.revokeInvitation(ctx, id));
  }

  @Mutation(() => UserModel, { description: 'Blocks sign-in and ends the user’s sessions at once.' })
  @Allow(...USER_ADMINS)
  async deactivateUser(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<UserModel> {
    return toUserModel(await this.usersService.setStatus(ctx, id, 'DEACTIVATED'));
  }

  @Mutation(() => UserModel)
  @Allow(...USER_ADMINS)
  async reactivateUser(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<UserModel> {
    return toUserModel(await this.usersService.setStatus(ctx, id, 'ACTIVE'));
  }

  @Query(() => [ApiKeyModel])
  @Allow(...USER_ADMINS)
  async apiKeys(@Ctx() ctx: RequestContext, @Args() { organisationId }: OrganisationScopeArgs): Promise<ApiKeyModel[]> {
    return (await this.apiKeysService.list(ctx, organisationId)).map(toApiKeyModel);
  }

  @Mutation(() => CreatedApiKey, { description: 'The secret is in the answer only this once.' })
  @Allow(...USER_ADMINS)
  async createApiKey(@Ctx() ctx: RequestContext, @Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { apiKey, secret } = await this.apiKeysService.create(ctx, input);
    return { apiKey: toApiKeyModel(apiKey), secret };
  }

  @Mutation(() => ApiKeyModel)
  @Allow(...USER_ADMINS)
  async revokeApiKey(@Ctx() ctx: RequestContext, @Args() { id }: IdArgs): Promise<ApiKeyModel> {
    return toApiKeyModel(await this.apiKeysService.revoke(ctx, id));
  }

  @Query(() => AuditEntryConnection)
  @Allow(Role.VENDOR_ADMIN)
  async auditLog(
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter,
  ): Promise<Connection<AuditEntryModel>> {
    return mapConnection(await this.auditLogService.list(filter ?? {}, page.first, page.after), toAuditEntryModel);
  }

  @ResolveField('organisation', () => OrganisationModel, { nullable: true })
  async organisation(@Parent() user: UserModel, @Context('req') req: PrmRequest): Promise<OrganisationModel | null> {
    const org = await this.loaders.organisation(req).load(user.organisationId);
    return org ? toOrganisationModel(org) : null;
  }
}
