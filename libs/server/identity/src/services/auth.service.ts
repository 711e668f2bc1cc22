import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@prm/domain/common';
import { AppConfig, Clock, RequestContext } from '@prm/server/core';
import { DataSource, IsNull } from 'typeorm';
import { OrganisationEntity } from '../entities/organisation.entity';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { randomToken, sha256 } from './tokens';

export interface AccessTokenClaims {
  sub: string;
  role: string;
  org: string;
}

export interface SessionGrant {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  refreshExpiresAt: Date;
  user: UserEntity;
}

const BAD_CREDENTIALS = 'E-mail address or password is incorrect.';
const THROTTLED = 'Too many failed sign-in attempts. Wait a few minutes and try again.';
// Two tabs refreshing at once both present the same token; only reuse after this is treated as theft.
const CONCURRENT_REFRESH_GRACE_MS = 30_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async login(ctx: RequestContext, email: string, password: string, userAgent: string | null): Promise<SessionGrant> {
    const normalised = email.trim().toLowerCase();
    if (await this.throttle.isBlocked(normalised, ctx.ip)) throw new DomainError('RATE_LIMITED', THROTTLED);
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .innerJoin(OrganisationEntity, 'o', 'o.id = u.organisationId')
      .where('u.email = :email', { email: normalised })
      .andWhere(`u.status = 'ACTIVE'`)
      .andWhere(`o.status = 'ACTIVE'`)
      .getOne();
    const ok = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      await this.throttle.recordFailure(normalised, ctx.ip);
      throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
    }
    await this.throttle.clearAccount(normalised);
    const now = this.clock.now();
    await this.dataSource.getRepository(UserEntity).update({ id: user.id }, { lastLoginAt: now });
    return this.grant(user, null, userAgent, ctx.ip);
  }

  /** Exchanges a refresh token for a new pair; the old token stops working (rotation). */
  async refresh(ctx: RequestContext, refreshToken: string | undefined, userAgent: string | null): Promise<SessionGrant> {
    if (!refreshToken) throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    const sessions = this.dataSource.getRepository(SessionEntity);
    const session = await sessions.findOneBy({ tokenHash: sha256(refreshToken) });
    const now = this.clock.now();
    if (!session || session.revokedAt || session.expiresAt <= now) {
      throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    }
    const rotated = await sessions.update({ id: session.id, rotatedAt: IsNull(), revokedAt: IsNull() }, { rotatedAt: now });
    if (rotated.affected !== 1) {
      // Reuse of a rotated token: someone else may hold it. End the whole family unless it is a near-simultaneous retry.
      if (session.rotatedAt && now.getTime() - session.rotatedAt.getTime() > CONCURRENT_REFRESH_GRACE_MS) {
        await sessions.update({ familyId: session.familyId, revokedAt: IsNull() }, { revokedAt: now });
      }
      throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    }
    const user = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoin(OrganisationEntity, 'o', 'o.id = u.organisationId')
      .where('u.id = :id', { id: session.userId })
      .andWhere(`u.status = 'ACTIVE' AND o.status = 'ACTIVE'`)
      .getOne();
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    return this.grant(user, session.familyId, userAgent, ctx.ip);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const sessions = this.dataSource.getRepository(SessionEntity);
    const session = await sessions.findOneBy({ tokenHash: sha256(refreshToken) });
    if (session) await sessions.update({ familyId: session.familyId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  /** Ends every session of a user (deactivation, password change). */
  async revokeAllSessions(userId: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ userId, revokedAt: IsNull() }, { revokedAt: this.clock.now() });
  }

  issueAccessToken(user: Pick<UserEntity, 'id' | 'role' | 'organisationId'>): { accessToken: string; expiresAt: Date } {
    const ttl = this.config.ACCESS_TOKEN_TTL_SECONDS;
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const claims: AccessTokenClaims & { iat: number; exp: number } = {
      sub: user.id,
      role: user.role,
      org: user.organisationId,
      iat: issuedAt,
      exp: issuedAt + ttl,
    };
    return { accessToken: this.jwt.sign(claims), expiresAt: new Date((issuedAt + ttl) * 1000) };
  }

  /** A session for a user who has just proven who they are another way (accepting an invitation). */
  startSession(ctx: RequestContext, user: UserEntity, userAgent: string | null): Promise<SessionGrant> {
    return this.grant(user, null, userAgent, ctx.ip);
  }

  private async grant(user: UserEntity, familyId: string | null, userAgent: string | null, ip: string | null): Promise<SessionGrant> {
    const refreshToken = randomToken();
    const refreshExpiresAt = new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    const session = this.dataSource.getRepository(SessionEntity).create({
      userId: user.id,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
      ip,
    });
    session.familyId = familyId ?? randomUUID();
    await this.dataSource.getRepository(SessionEntity).insert(session);
    return { ...this.issueAccessToken(user), refreshToken, refreshExpiresAt, user };
  }
}
