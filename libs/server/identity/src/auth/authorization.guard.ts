import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@prm/domain/common';
import { type Actor, ALLOW_KEY, type AllowRule, type PrmRequest, RequestContext, requestOf } from '@prm/server/core';
import passport from 'passport';
import { ApiKeyStrategy, apiKeyFrom } from './api-key.strategy';
import { JwtStrategy } from './jwt.strategy';

function authenticate(strategy: passport.Strategy, req: PrmRequest): Promise<Actor | null> {
  return new Promise((resolve, reject) => {
    // A fresh object per request: passport attaches per-request callbacks to the strategy it is given.
    passport.authenticate(Object.create(strategy) as passport.Strategy, { session: false }, (err: unknown, actor: Actor | false) => {
      if (err) reject(err);
      else resolve(actor || null);
    })(req, {}, (err: unknown) => (err ? reject(err) : resolve(null)));
  });
}

/**
 * The one gate for every GraphQL operation and HTTP route: authenticates (JWT or API key via
 * passport), builds the RequestContext, and denies any operation that does not declare who may call it.
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  // Strategy instances, not names: passport's name registry is process-global and would mix up
  // two app instances in one process (tests, the schema printer).
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtStrategy,
    private readonly apiKey: ApiKeyStrategy,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AllowRule | undefined>(ALLOW_KEY, [context.getHandler(), context.getClass()]);
    const req = requestOf(context);
    if (!req.prmContext) {
      // A stale token must not stand in the way of signing in again.
      const actor = await this.authenticateRequest(req).catch((err: unknown) => {
        if (rule?.kind === 'public') return null;
        throw err;
      });
      req.prmContext = new RequestContext(actor, req.requestId ?? 'unknown', req.ip ?? null);
    }
    if (!rule) throw new DomainError('FORBIDDEN', 'This operation is not available.');
    if (rule.kind === 'public') return true;
    const actor = req.prmContext.actor;
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
    if (!rule.roles.includes(actor.role)) throw new DomainError('FORBIDDEN', 'You are not allowed to do this.');
    return true;
  }

  private async authenticateRequest(req: PrmRequest): Promise<Actor | null> {
    if (apiKeyFrom(req)) {
      const actor = await authenticate(this.apiKey, req);
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'The API key is not valid.');
      return actor;
    }
    if (req.headers.authorization?.startsWith('Bearer ')) {
      const actor = await authenticate(this.jwt, req);
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'Your session has expired. Sign in again.');
      return actor;
    }
    return null;
  }
}
