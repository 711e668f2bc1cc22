import { Injectable } from '@nestjs/common';
import { DomainError, normaliseDomain } from '@prm/domain/common';
import { parseCursor, type RequestContext, Role, toConnection, type Connection } from '@prm/server/core';
import { DataSource, type EntityManager } from 'typeorm';
import { OrganisationEntity } from '../entities/organisation.entity';
import { UserEntity } from '../entities/user.entity';
import type { CreatePartnerInput, PartnerFilter, UpdateOrganisationProfileInput, UpdatePartnerInput } from '../graphql/inputs/identity.inputs';
import { AuditService } from './audit.service';

/** Lets another context add a condition to the partner directory (e.g. programs: enrolled in a tier). */
export type PartnerFilterExtension = (filter: PartnerFilter, param: (value: unknown) => string) => string | null;

interface OrganisationRow {
  id: string;
  kind: OrganisationEntity['kind'];
  name: string;
  legal_name: string | null;
  country: string;
  city: string | null;
  website: string | null;
  domain: string | null;
  vat_number: string | null;
  segment: string | null;
  preferred_language: OrganisationEntity['preferredLanguage'];
  currency: string;
  status: OrganisationEntity['status'];
  channel_manager_id: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `o.id, o.kind, o.name, o.legal_name, o.country, o.city, o.website, o.domain, o.vat_number, o.segment,
  o.preferred_language, o.currency, o.status, o.channel_manager_id, o.created_at, o.updated_at`;

export function toOrganisation(row: OrganisationRow): OrganisationEntity {
  return Object.assign(new OrganisationEntity(), {
    id: row.id,
    kind: row.kind,
    name: row.name,
    legalName: row.legal_name,
    country: row.country.trim(),
    city: row.city,
    website: row.website,
    domain: row.domain,
    vatNumber: row.vat_number,
    segment: row.segment,
    preferredLanguage: row.preferred_language,
    currency: row.currency.trim(),
    status: row.status,
    channelManagerId: row.channel_manager_id,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });
}

@Injectable()
export class OrganisationsService {
  private readonly extensions: PartnerFilterExtension[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  addPartnerFilterExtension(extension: PartnerFilterExtension): void {
    this.extensions.push(extension);
  }

  async get(ctx: RequestContext, id: string): Promise<OrganisationEntity> {
    ctx.assertCanSeeOrganisation(id, 'Organisation');
    const org = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!org) throw new DomainError('NOT_FOUND', 'Organisation not found.');
    return org;
  }

  /** Active partner organisations of a country (system lookup, for lead routing). */
  async activePartnersIn(country: string): Promise<OrganisationEntity[]> {
    const rows: OrganisationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM organisations o WHERE o.kind = 'PARTNER' AND o.status = 'ACTIVE' AND o.country = $1 ORDER BY lower(o.name), o.id`,
      [country],
    );
    return rows.map(toOrganisation);
  }

  /** Ids of every active partner organisation (system lookup, for incentive participation). */
  async activePartnerIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM organisations WHERE kind = 'PARTNER' AND status = 'ACTIVE'`);
    return rows.map((r) => r.id);
  }

  async byIds(ctx: RequestContext, ids: readonly string[]): Promise<OrganisationEntity[]> {
    const scope = ctx.partnerScope;
    const allowed = scope ? ids.filter((id) => id === scope) : [...ids];
    if (allowed.length === 0) return [];
    const rows: OrganisationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM organisations o WHERE o.id = ANY($1)`, [allowed]);
    return rows.map(toOrganisation);
  }

  async vendor(): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ kind: 'VENDOR' });
  }

  private partnerQuery(ctx: RequestContext, filter: PartnerFilter): { where: string[]; params: unknown[] } {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [`o.kind = 'PARTNER'`];
    const scope = ctx.partnerScope;
    if (scope) where.push(`o.id = ${param(scope)}`);
    if (filter.search) {
      const like = param(`%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(lower(o.name) LIKE ${like} OR lower(coalesce(o.legal_name, '')) LIKE ${like} OR lower(coalesce(o.city, '')) LIKE ${like} OR coalesce(o.domain, '') LIKE ${like})`);
    }
    if (filter.country) where.push(`o.country = ${param(filter.country)}`);
    if (filter.channelManagerId) where.push(`o.channel_manager_id = ${param(filter.channelManagerId)}`);
    if (filter.status) where.push(`o.status = ${param(filter.status)}`);
    for (const extension of this.extensions) {
      const condition = extension(filter, param);
      if (condition) where.push(condition);
    }
    return { where, params };
  }

  /** The partner directory: keyset-paginated by name, filtered, scoped to the caller. */
  async partners(ctx: RequestContext, filter: PartnerFilter, first: number, after?: string): Promise<Connection<OrganisationEntity>> {
    const cursor = parseCursor(after, ['text', 'uuid']);
    const { where, params } = this.partnerQuery(ctx, filter);
    if (cursor) {
      params.push(String(cursor[0]), String(cursor[1]));
      where.push(`(lower(o.name), o.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    const rows: OrganisationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM organisations o WHERE ${where.join(' AND ')} ORDER BY lower(o.name), o.id LIMIT $${params.length}`,
      params,
    );
    return toConnection(rows.map(toOrganisation), first, (o) => [o.name.toLowerCase(), o.id]);
  }

  /** All matching partners for export, fetched in keyset batches so memory stays flat. */
  async *partnersForExport(ctx: RequestContext, filter: PartnerFilter): AsyncGenerator<OrganisationEntity[]> {
    let after: string | undefined;
    for (;;) {
      const page = await this.partners(ctx, filter, 100, after);
      yield page.edges.map((e) => e.node);
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
      after = page.pageInfo.endCursor;
    }
  }

  private async assertChannelManager(em: EntityManager, userId: string | undefined): Promise<void> {
    if (!userId) return;
    const manager = await em.getRepository(UserEntity).findOneBy({ id: userId });
    if (!manager || ![Role.CHANNEL_MANAGER, Role.VENDOR_ADMIN].includes(manager.role) || manager.status !== 'ACTIVE') {
      throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', {
        channelManagerId: ['Choose an active channel manager of the vendor.'],
      });
    }
  }

  private domainOf(website: string | undefined): string | null {
    if (!website) return null;
    const domain = normaliseDomain(website);
    if (!domain) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { website: ['Enter a web address such as https://example.com.'] });
    return domain;
  }

  async createPartner(ctx: RequestContext, input: CreatePartnerInput): Promise<OrganisationEntity> {
    return this.dataSource.transaction(async (em) => {
      await this.assertChannelManager(em, input.channelManagerId);
      const org = em.getRepository(OrganisationEntity).create({
        kind: 'PARTNER',
        name: input.name,
        legalName: input.legalName ?? null,
        country: input.country,
        city: input.city ?? null,
        website: input.website ?? null,
        domain: this.domainOf(input.website),
        vatNumber: input.vatNumber ?? null,
        segment: input.segment ?? null,
        preferredLanguage: input.preferredLanguage ?? 'en',
        currency: input.currency ?? 'EUR',
        status: 'ACTIVE',
        channelManagerId: input.channelManagerId ?? null,
      });
      await em.getRepository(OrganisationEntity).insert(org);
      const saved = await em.getRepository(OrganisationEntity).findOneByOrFail({ id: org.id });
      await this.audit.record(em, ctx, { operation: 'createPartner', entityType: 'Organisation', entityId: saved.id, before: null, after: { ...saved } });
      return saved;
    });
  }

  /** A partner admin keeps their own organisation's profile up to date (not its name, status or manager). */
  async updateOwnProfile(ctx: RequestContext, input: UpdateOrganisationProfileInput): Promise<OrganisationEntity> {
    const actor = ctx.requireActor();
    return this.updatePartner(ctx, actor.organisationId, input, 'updateMyOrganisation');
  }

  async updatePartner(ctx: RequestContext, id: string, input: UpdatePartnerInput | UpdateOrganisationProfileInput, operation = 'updatePartner'): Promise<OrganisationEntity> {
    return this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(OrganisationEntity);
      const before = await repo.findOne({ where: { id, kind: 'PARTNER' }, lock: { mode: 'pessimistic_write' } });
      if (!before) throw new DomainError('NOT_FOUND', 'Partner not found.');
      await this.assertChannelManager(em, 'channelManagerId' in input ? input.channelManagerId : undefined);
      const changes: Partial<OrganisationEntity> = {};
      for (const [key, value] of Object.entries(input) as [string, unknown][]) {
        if (value !== undefined) (changes as Record<string, unknown>)[key] = value;
      }
      if (input.website !== undefined) changes.domain = this.domainOf(input.website);
      if (Object.keys(changes).length > 0) await repo.update({ id }, changes);
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation, entityType: 'Organisation', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }
}
