import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AllowAuthenticated, AppConfig, Ctx, Public, type PrmRequest, RequestContext } from '@prm/server/core';
import type { Response } from 'express';
import { AuthService, type SessionGrant } from '../services/auth.service';
import { UsersService } from '../services/users.service';
import { AcceptInvitationInput, ChangePasswordInput, LoginInput } from './inputs/identity.inputs';
import { toUserModel } from './mappers';
import { LoginPayload, UserModel } from './models/identity.models';

export const REFRESH_COOKIE = 'prm_refresh';

interface GqlHttp {
  req: PrmRequest & { cookies?: Record<string, string> };
  res: Response;
}

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  private respond(http: GqlHttp, grant: SessionGrant): LoginPayload {
    // The refresh token never reaches JavaScript: httpOnly, SameSite=Strict, only sent to /graphql.
    http.res.cookie(REFRESH_COOKIE, grant.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      path: '/graphql',
      expires: grant.refreshExpiresAt,
    });
    return { accessToken: grant.accessToken, expiresAt: grant.expiresAt, user: toUserModel(grant.user) };
  }

  @Mutation(() => LoginPayload, { description: 'Signs in; sets a rotating refresh-token cookie.' })
  @Public()
  async login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput, @Context() http: GqlHttp): Promise<LoginPayload> {
    const grant = await this.auth.login(ctx, input.email, input.password, http.req.headers['user-agent'] ?? null);
    return this.respond(http, grant);
  }

  @Mutation(() => LoginPayload, { description: 'New access token from the refresh cookie; the cookie rotates.' })
  @Public()
  async refreshSession(@Ctx() ctx: RequestContext, @Context() http: GqlHttp): Promise<LoginPayload> {
    const grant = await this.auth.refresh(ctx, http.req.cookies?.[REFRESH_COOKIE], http.req.headers['user-agent'] ?? null);
    return this.respond(http, grant);
  }

  @Mutation(() => Boolean)
  @Public()
  async logout(@Context() http: GqlHttp): Promise<boolean> {
    await this.auth.logout(http.req.cookies?.[REFRESH_COOKIE]);
    http.res.clearCookie(REFRESH_COOKIE, { path: '/graphql' });
    return true;
  }

  @Mutation(() => LoginPayload, { description: 'Sets a name and password from an invitation link and signs in.' })
  @Public()
  async acceptInvitation(
    @Ctx() ctx: RequestContext,
    @Args('input') input: AcceptInvitationInput,
    @Context() http: GqlHttp,
  ): Promise<LoginPayload> {
    const user = await this.users.acceptInvitation(ctx, input);
    // The invitation token proved the identity: no second password check, no sign-in throttling.
    const grant = await this.auth.startSession(ctx, user, http.req.headers['user-agent'] ?? null);
    return this.respond(http, grant);
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the caller after the change.' })
  @AllowAuthenticated()
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput): Promise<boolean> {
    return this.users.changePassword(ctx, input.currentPassword, input.newPassword);
  }

  @Query(() => UserModel)
  @AllowAuthenticated()
  async me(@Ctx() ctx: RequestContext): Promise<UserModel> {
    return toUserModel(await this.users.me(ctx));
  }
}
