import { DomainError } from '@prm/domain/common';
import { isPartnerRole, Role } from './roles';

export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
  role: Role;
  organisationId: string;
  email: string | null;
}

/**
 * What every service call receives: who is calling and from where. Organisation scoping is
 * decided here, in one place, rather than re-typed in each query.
 */
export class RequestContext {
  constructor(
    readonly actor: Actor | null,
    readonly requestId: string,
    readonly ip: string | null = null,
  ) {}

  static system(requestId = 'system'): RequestContext {
    return new RequestContext(null, requestId);
  }

  get isAuthenticated(): boolean {
    return this.actor !== null;
  }

  requireActor(): Actor {
    if (!this.actor) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue.');
    return this.actor;
  }

  /** The organisation a partner caller is confined to; null means the caller may see every organisation. */
  get partnerScope(): string | null {
    if (!this.actor) return null;
    return isPartnerRole(this.actor.role) ? this.actor.organisationId : null;
  }

  get isSystem(): boolean {
    return this.actor === null && this.requestId.startsWith('system');
  }

  hasRole(...roles: Role[]): boolean {
    return this.actor !== null && roles.includes(this.actor.role);
  }

  /**
   * Throws NOT_FOUND (not FORBIDDEN) when a partner caller names another organisation's record,
   * so the answer does not even confirm that the id exists.
   */
  assertCanSeeOrganisation(organisationId: string | null | undefined, what = 'Record'): void {
    const scope = this.partnerScope;
    if (scope !== null && scope !== organisationId) {
      throw new DomainError('NOT_FOUND', `${what} not found.`);
    }
  }

  requireRole(...roles: Role[]): Actor {
    const actor = this.requireActor();
    if (!roles.includes(actor.role)) throw new DomainError('FORBIDDEN', 'You are not allowed to do this.');
    return actor;
  }
}
