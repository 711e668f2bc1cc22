import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { Clock, type RequestContext } from '@prm/server/core';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import type { CreateApiKeyInput } from '../graphql/inputs/identity.inputs';
import { AuditService } from './audit.service';
import { randomToken, sha256 } from './tokens';
import { UsersService } from './users.service';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const prefix = (): string => Array.from(randomBytes(12), (b) => ALPHABET[b % ALPHABET.length]).join('');

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, organisationId?: string): Promise<ApiKeyEntity[]> {
    const org = ctx.partnerScope ?? organisationId;
    if (organisationId) ctx.assertCanSeeOrganisation(organisationId, 'Organisation');
    return this.dataSource.getRepository(ApiKeyEntity).find({
      where: org ? { organisationId: org } : {},
      order: { createdAt: 'DESC' },
      take: 500,
    });
  }

  /** The secret is returned once; only its SHA-256 is stored. */
  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<{ apiKey: ApiKeyEntity; secret: string }> {
    const actor = ctx.requireActor();
    return this.dataSource.transaction(async (em) => {
      const organisationId = input.organisationId ?? actor.organisationId;
      ctx.assertCanSeeOrganisation(organisationId, 'Organisation');
      const org = await em.getRepository(OrganisationEntity).findOneBy({ id: organisationId });
      if (!org) throw new DomainError('NOT_FOUND', 'Organisation not found.');
      this.users.assertMayGrant(ctx, org, input.role);
      const keyPrefix = prefix();
      const secretPart = randomToken(32);
      const entity = em.getRepository(ApiKeyEntity).create({
        organisationId,
        role: input.role,
        name: input.name,
        prefix: keyPrefix,
        secretHash: sha256(secretPart),
        createdByUserId: actor.userId,
      });
      await em.getRepository(ApiKeyEntity).insert(entity);
      const saved = await em.getRepository(ApiKeyEntity).findOneByOrFail({ id: entity.id });
      await this.audit.record(em, ctx, { operation: 'createApiKey', entityType: 'ApiKey', entityId: saved.id, before: null, after: { ...saved } });
      return { apiKey: saved, secret: `prm_${keyPrefix}_${secretPart}` };
    });
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKeyEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ApiKeyEntity);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainError('NOT_FOUND', 'API key not found.');
      ctx.assertCanSeeOrganisation(before.organisationId, 'API key');
      const org = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: before.organisationId });
      this.users.assertMayGrant(ctx, org, before.role);
      if (!before.revokedAt) await repo.update({ id }, { revokedAt: this.clock.now() });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation: 'revokeApiKey', entityType: 'ApiKey', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }
}
