import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import {
  AppConfig,
  Clock,
  type Connection,
  isPartnerRole,
  isVendorRole,
  LOGGER,
  Mailer,
  type MailMessage,
  parseCursor,
  type RequestContext,
  Role,
  toConnection,
} from '@prm/server/core';
import type { Logger } from 'pino';
import { DataSource, type EntityManager, IsNull, QueryFailedError } from 'typeorm';
import { InvitationEntity } from '../entities/invitation.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import { UserEntity } from '../entities/user.entity';
import type { AcceptInvitationInput, InviteUserInput, UserFilter } from '../graphql/inputs/identity.inputs';
import { AuditService } from './audit.service';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { randomToken, sha256 } from './tokens';

interface UserRow {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  role: Role;
  status: UserEntity['status'];
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toUser = (row: UserRow): UserEntity =>
  Object.assign(new UserEntity(), {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    lastLoginAt: row.last_login_at ? new Date(row.last_login_at) : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

/** The invitation e-mail, in the organisation's language. */
export function invitationMail(to: string, organisation: string, language: string, url: string, hours: number): MailMessage {
  if (language === 'nl') {
    return {
      to,
      subject: `Uitnodiging voor het partnerportaal van ${organisation}`,
      text: `U bent uitgenodigd voor het partnerportaal (${organisation}).\n\nKies uw wachtwoord via deze link (${hours} uur geldig, eenmalig te gebruiken):\n${url}\n`,
    };
  }
  return {
    to,
    subject: `Your invitation to the partner portal for ${organisation}`,
    text: `You have been invited to the partner portal (${organisation}).\n\nChoose your password with this link (valid for ${hours} hours, single use):\n${url}\n`,
  };
}

const INVALID_INVITATION = 'This invitation link is not valid or has expired. Ask for a new invitation.';

const isUniqueViolation = (err: unknown): boolean =>
  err instanceof QueryFailedError && (err.driverError as { code?: string } | undefined)?.code === '23505';

@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly mailer: Mailer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new DomainError('NOT_FOUND', 'User not found.');
    ctx.assertCanSeeOrganisation(user.organisationId, 'User');
    return user;
  }

  async me(ctx: RequestContext): Promise<UserEntity> {
    const actor = ctx.requireActor();
    if (!actor.userId) throw new DomainError('FORBIDDEN', 'An API key has no user profile.');
    return this.get(ctx, actor.userId);
  }

  /**
   * Who reviews a partner's submissions: its assigned channel manager when active, otherwise every
   * active vendor admin (so nothing waits unseen). Used for notifications; a system-level lookup.
   */
  async reviewersOf(organisationId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT u.id FROM organisations o JOIN users u ON u.id = o.channel_manager_id AND u.status = 'ACTIVE' WHERE o.id = $1
       UNION ALL
       SELECT u.id FROM users u WHERE u.role = 'VENDOR_ADMIN' AND u.status = 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM organisations o JOIN users m ON m.id = o.channel_manager_id AND m.status = 'ACTIVE' WHERE o.id = $1)`,
      [organisationId],
    );
    return rows.map((r) => r.id);
  }

  /** Users by e-mail address, lower-cased (system lookup, for imports that name people by address). */
  async byEmails(emails: readonly string[]): Promise<UserEntity[]> {
    if (emails.length === 0) return [];
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, organisation_id, email, name, role, status, last_login_at, created_at, updated_at FROM users WHERE lower(email) = ANY($1)`,
      [emails.map((e) => e.toLowerCase())],
    );
    return rows.map(toUser);
  }

  /** Active users of an organisation (system lookup, for notifications). */
  async activeUserIdsOf(organisationId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE organisation_id = $1 AND status = 'ACTIVE'`, [organisationId]);
    return rows.map((r) => r.id);
  }

  /** Active users with a role in any of these organisations (system lookup, for incentive participation). */
  async activeIdsWithRole(organisationIds: readonly string[], role: Role): Promise<string[]> {
    if (organisationIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM users WHERE organisation_id = ANY($1::uuid[]) AND role = $2 AND status = 'ACTIVE'`, [organisationIds, role]);
    return rows.map((r) => r.id);
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<UserEntity[]> {
    if (ids.length === 0) return [];
    // Plain SQL: this is the DataLoader batch behind every list that shows a user (hot path).
    const scope = ctx.partnerScope;
    const rows: UserRow[] = await this.dataSource.query(
      `SELECT id, organisation_id, email, name, role, status, last_login_at, created_at, updated_at FROM users
        WHERE id = ANY($1) ${scope ? 'AND organisation_id = $2' : ''}`,
      scope ? [ids, scope] : [ids],
    );
    return rows.map(toUser);
  }

  async list(ctx: RequestContext, filter: UserFilter, first: number, after?: string): Promise<Connection<UserEntity>> {
    const cursor = parseCursor(after, ['text', 'uuid']);
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    const organisationId = ctx.partnerScope ?? filter.organisationId;
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    if (organisationId) qb.andWhere('u.organisationId = :organisationId', { organisationId });
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.status) qb.andWhere('u.status = :status', { status: filter.status });
    if (filter.search) {
      qb.andWhere('(lower(u.name) LIKE :search OR u.email LIKE :search)', { search: `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    }
    if (cursor) qb.andWhere('(lower(u.name), u.id) > (:n, :id)', { n: String(cursor[0]), id: String(cursor[1]) });
    const rows = await qb.orderBy('lower(u.name)').addOrderBy('u.id').limit(first + 1).getMany();
    return toConnection(rows, first, (u) => [u.name.toLowerCase(), u.id]);
  }

  private async targetOrganisation(em: EntityManager, ctx: RequestContext, organisationId: string | undefined): Promise<OrganisationEntity> {
    const actor = ctx.requireActor();
    const id = organisationId ?? actor.organisationId;
    ctx.assertCanSeeOrganisation(id, 'Organisation');
    const org = await em.getRepository(OrganisationEntity).findOneBy({ id });
    if (!org) throw new DomainError('NOT_FOUND', 'Organisation not found.');
    return org;
  }

  /** Which roles the caller may hand out in an organisation: partner admins only within their own, vendor admins anywhere. */
  assertMayGrant(ctx: RequestContext, org: OrganisationEntity, role: Role): void {
    const actor = ctx.requireActor();
    const fits = org.kind === 'VENDOR' ? isVendorRole(role) : isPartnerRole(role);
    if (!fits) {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', {
        role: [org.kind === 'VENDOR' ? 'Vendor staff get a vendor role.' : 'Partner users get a partner role.'],
      });
    }
    if (actor.role === Role.VENDOR_ADMIN) return;
    if (actor.role === Role.PARTNER_ADMIN && org.id === actor.organisationId && isPartnerRole(role)) return;
    throw new DomainError('FORBIDDEN', 'You are not allowed to do this.');
  }

  async invite(ctx: RequestContext, input: InviteUserInput): Promise<{ invitation: InvitationEntity; inviteUrl: string }> {
    const result = await this.dataSource.transaction(async (em) => {
      const org = await this.targetOrganisation(em, ctx, input.organisationId);
      this.assertMayGrant(ctx, org, input.role);
      if (org.status !== 'ACTIVE') throw new DomainError('CONFLICT', 'This organisation is suspended; activate it before inviting users.');
      const existing = await em.getRepository(UserEntity).findOneBy({ email: input.email });
      if (existing) throw new DomainError('CONFLICT', 'Someone with this e-mail address already has an account.');
      const now = this.clock.now();
      // A new invitation replaces any open one for the same address.
      await em.getRepository(InvitationEntity).update({ email: input.email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
      const token = randomToken();
      const invitation = em.getRepository(InvitationEntity).create({
        organisationId: org.id,
        email: input.email,
        name: input.name ?? null,
        role: input.role,
        tokenHash: sha256(token),
        expiresAt: new Date(now.getTime() + this.config.INVITE_TTL_HOURS * 3_600_000),
        invitedByUserId: ctx.actor?.userId ?? null,
      });
      await em.getRepository(InvitationEntity).insert(invitation);
      const saved = await em.getRepository(InvitationEntity).findOneByOrFail({ id: invitation.id });
      await this.audit.record(em, ctx, { operation: 'inviteUser', entityType: 'Invitation', entityId: saved.id, before: null, after: { ...saved } });
      return { invitation: saved, inviteUrl: `${this.config.publicUrl}/invite/${token}`, org };
    });
    // Sent after commit; if delivery fails the invitation still stands and the inviter has the link.
    const { invitation, inviteUrl, org } = result;
    await this.mailer
      .send(invitationMail(invitation.email, org.name, org.preferredLanguage, inviteUrl, this.config.INVITE_TTL_HOURS))
      .catch((err: unknown) => this.logger.warn({ err, invitationId: invitation.id }, 'invitation e-mail could not be sent'));
    return { invitation, inviteUrl };
  }

  async listInvitations(ctx: RequestContext, organisationId: string | undefined, first: number, after?: string): Promise<Connection<InvitationEntity>> {
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const qb = this.dataSource.getRepository(InvitationEntity).createQueryBuilder('i');
    const org = ctx.partnerScope ?? organisationId;
    if (organisationId) ctx.assertCanSeeOrganisation(organisationId, 'Organisation');
    if (org) qb.andWhere('i.organisationId = :org', { org });
    if (cursor) qb.andWhere('(i.createdAt, i.id) < (:at, :id)', { at: new Date(String(cursor[0])), id: String(cursor[1]) });
    const rows = await qb.orderBy('i.createdAt', 'DESC').addOrderBy('i.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (i) => [i.createdAt.toISOString(), i.id]);
  }

  async revokeInvitation(ctx: RequestContext, id: string): Promise<InvitationEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(InvitationEntity);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainError('NOT_FOUND', 'Invitation not found.');
      ctx.assertCanSeeOrganisation(before.organisationId, 'Invitation');
      const org = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: before.organisationId });
      this.assertMayGrant(ctx, org, before.role);
      if (before.acceptedAt) throw new DomainError('CONFLICT', 'This invitation has already been accepted.');
      if (!before.revokedAt) await repo.update({ id }, { revokedAt: this.clock.now() });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation: 'revokeInvitation', entityType: 'Invitation', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  /** Single use: the invitation is claimed with a conditional update, so two accepts cannot both succeed. */
  async acceptInvitation(ctx: RequestContext, input: AcceptInvitationInput): Promise<UserEntity> {
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const repo = em.getRepository(InvitationEntity);
        const invitation = await repo.findOneBy({ tokenHash: sha256(input.token) });
        const now = this.clock.now();
        if (!invitation || invitation.revokedAt || invitation.acceptedAt || invitation.expiresAt <= now) {
          throw new DomainError('NOT_FOUND', INVALID_INVITATION);
        }
        const claimed = await repo.update({ id: invitation.id, acceptedAt: IsNull(), revokedAt: IsNull() }, { acceptedAt: now });
        if (claimed.affected !== 1) throw new DomainError('NOT_FOUND', INVALID_INVITATION);
        const user = em.getRepository(UserEntity).create({
          organisationId: invitation.organisationId,
          email: invitation.email,
          name: input.name,
          role: invitation.role,
          passwordHash,
          status: 'ACTIVE',
        });
        await em.getRepository(UserEntity).insert(user);
        const saved = await em.getRepository(UserEntity).findOneByOrFail({ id: user.id });
        const actorCtx = ctx;
        await this.audit.record(em, actorCtx, { operation: 'acceptInvitation', entityType: 'User', entityId: saved.id, before: null, after: { ...saved } });
        return saved;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'Someone with this e-mail address already has an account.');
      throw err;
    }
  }

  async setStatus(ctx: RequestContext, id: string, status: UserEntity['status']): Promise<UserEntity> {
    const actor = ctx.requireActor();
    const result = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(UserEntity);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainError('NOT_FOUND', 'User not found.');
      ctx.assertCanSeeOrganisation(before.organisationId, 'User');
      if (before.id === actor.userId) throw new DomainError('CONFLICT', 'You cannot change the status of your own account.');
      const org = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: before.organisationId });
      this.assertMayGrant(ctx, org, before.role);
      if (before.status !== status) await repo.update({ id }, { status });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, ctx, {
        operation: status === 'ACTIVE' ? 'reactivateUser' : 'deactivateUser',
        entityType: 'User',
        entityId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
    if (status === 'DEACTIVATED') await this.auth.revokeAllSessions(id);
    return result;
  }

  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const actor = ctx.requireActor();
    if (!actor.userId) throw new DomainError('FORBIDDEN', 'An API key has no password.');
    const user = await this.dataSource.getRepository(UserEntity).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: actor.userId }).getOneOrFail();
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { currentPassword: ['The current password is not correct.'] });
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await this.audit.record(em, ctx, { operation: 'changePassword', entityType: 'User', entityId: user.id, before: { passwordChanged: false }, after: { passwordChanged: true } });
    });
    await this.auth.revokeAllSessions(user.id);
    return true;
  }
}
