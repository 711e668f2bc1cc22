import { Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import { validateRules } from '@prm/domain/tiers';
import { Clock, RequestContext, pgCode } from '@prm/server/core';
import { AuditService, OrganisationsService } from '@prm/server/identity';
import { DataSource, type EntityManager, In } from 'typeorm';
import { EnrolmentEntity, PartnerMetricEntity, ProgramEntity, TierChangeEntity, TierEntity } from '../entities/programs.entities';
import type {
  CreateProgramInput,
  CreateTierInput,
  EnrolPartnerInput,
  RecordPartnerMetricInput,
  UpdateProgramInput,
  UpdateTierInput,
} from '../graphql/programs.models';


/** Programs, their tier ladders and benefits, enrolments and the metric snapshot tier rules read. */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly organisations: OrganisationsService,
  ) {}

  /** Partners belong to identity: ask it, before the transaction (the embedded engine has one session). */
  private async assertPartner(organisationId: string): Promise<void> {
    const [org] = await this.organisations.byIds(RequestContext.system(), [organisationId]);
    if (org?.kind !== 'PARTNER') throw new DomainError('NOT_FOUND', 'Partner not found.');
  }

  list(): Promise<ProgramEntity[]> {
    return this.dataSource.getRepository(ProgramEntity).find({ order: { name: 'ASC' }, take: 200 });
  }

  async get(id: string): Promise<ProgramEntity> {
    const program = await this.dataSource.getRepository(ProgramEntity).findOneBy({ id });
    if (!program) throw new DomainError('NOT_FOUND', 'Program not found.');
    return program;
  }

  tiersOf(programIds: readonly string[]): Promise<TierEntity[]> {
    if (programIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(TierEntity).find({ where: { programId: In([...programIds]) }, order: { rank: 'ASC' } });
  }

  tiersByIds(ids: readonly string[]): Promise<TierEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(TierEntity).findBy({ id: In([...ids]) });
  }

  programsByIds(ids: readonly string[]): Promise<ProgramEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ProgramEntity).findBy({ id: In([...ids]) });
  }

  /** Every enrolment (system lookup, for reports that group by program tier). */
  allEnrolments(): Promise<EnrolmentEntity[]> {
    return this.dataSource.getRepository(EnrolmentEntity).find();
  }

  /** Enrolments of the given organisations, limited to what the caller may see. */
  enrolmentsOf(ctx: RequestContext, organisationIds: readonly string[]): Promise<EnrolmentEntity[]> {
    const scope = ctx.partnerScope;
    const ids = scope ? organisationIds.filter((id) => id === scope) : [...organisationIds];
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(EnrolmentEntity).find({ where: { organisationId: In(ids) }, order: { enrolledAt: 'ASC' } });
  }

  private async mutate<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(fn);
    } catch (err) {
      const code = pgCode(err);
      if (code === '23505') throw new DomainError('CONFLICT', 'That name or rank is already taken in this program.');
      if (code === '23503') throw new DomainError('NOT_FOUND', 'A referenced record does not exist.');
      throw err;
    }
  }

  createProgram(ctx: RequestContext, input: CreateProgramInput): Promise<ProgramEntity> {
    return this.mutate(async (em) => {
      const repo = em.getRepository(ProgramEntity);
      const entity = repo.create({ name: input.name, segment: input.segment, description: input.description ?? null, active: true, demotionGraceDays: input.demotionGraceDays ?? 90 });
      await repo.insert(entity);
      const saved = await repo.findOneByOrFail({ id: entity.id });
      await this.audit.record(em, ctx, { operation: 'createProgram', entityType: 'Program', entityId: saved.id, before: null, after: { ...saved } });
      return saved;
    });
  }

  updateProgram(ctx: RequestContext, id: string, input: UpdateProgramInput): Promise<ProgramEntity> {
    return this.mutate(async (em) => {
      const repo = em.getRepository(ProgramEntity);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainError('NOT_FOUND', 'Program not found.');
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      if (Object.keys(changes).length) await repo.update({ id }, changes);
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation: 'updateProgram', entityType: 'Program', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  createTier(ctx: RequestContext, input: CreateTierInput): Promise<TierEntity> {
    const rules = validateRules(input.rules, 'rules');
    return this.mutate(async (em) => {
      const program = await em.getRepository(ProgramEntity).findOne({ where: { id: input.programId }, lock: { mode: 'pessimistic_write' } });
      if (!program) throw new DomainError('NOT_FOUND', 'Program not found.');
      const count = await em.getRepository(TierEntity).countBy({ programId: program.id });
      if (input.rank !== count) {
        throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { rank: [`The next tier of this program has rank ${count}.`] });
      }
      const repo = em.getRepository(TierEntity);
      const entity = repo.create({ programId: program.id, name: input.name, rank: input.rank, ...input.benefits, qualificationRules: rules });
      await repo.insert(entity);
      const saved = await repo.findOneByOrFail({ id: entity.id });
      await this.audit.record(em, ctx, { operation: 'createTier', entityType: 'Tier', entityId: saved.id, before: null, after: { ...saved } });
      return saved;
    });
  }

  updateTier(ctx: RequestContext, id: string, input: UpdateTierInput): Promise<TierEntity> {
    const rules = input.rules ? validateRules(input.rules, 'rules') : undefined;
    return this.mutate(async (em) => {
      const repo = em.getRepository(TierEntity);
      const before = await repo.findOneBy({ id });
      if (!before) throw new DomainError('NOT_FOUND', 'Tier not found.');
      const changes: Partial<TierEntity> = { ...(input.name ? { name: input.name } : {}), ...(input.benefits ?? {}) };
      if (rules) changes.qualificationRules = rules;
      if (Object.keys(changes).length) await repo.update({ id }, changes);
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation: 'updateTier', entityType: 'Tier', entityId: id, before: { ...before }, after: { ...after } });
      return after;
    });
  }

  async enrol(ctx: RequestContext, input: EnrolPartnerInput): Promise<EnrolmentEntity> {
    await this.assertPartner(input.organisationId);
    return this.mutate(async (em) => {
      const tiers = await em.getRepository(TierEntity).find({ where: { programId: input.programId }, order: { rank: 'ASC' } });
      if (tiers.length === 0) throw new DomainError('NOT_FOUND', 'Program not found or it has no tiers.');
      const tier = input.tierId ? tiers.find((t) => t.id === input.tierId) : tiers[0];
      if (!tier) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { tierId: ['This tier does not belong to the program.'] });
      const now = this.clock.now();
      const repo = em.getRepository(EnrolmentEntity);
      const enrolment = repo.create({ organisationId: input.organisationId, programId: input.programId, tierId: tier.id, enrolledAt: now, tierSince: now });
      try {
        await repo.insert(enrolment);
      } catch (err) {
        if (pgCode(err) === '23505') throw new DomainError('CONFLICT', 'This partner is already enrolled in the program.');
        throw err;
      }
      await em.getRepository(TierChangeEntity).insert({
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        programId: enrolment.programId,
        fromTierId: null,
        toTierId: tier.id,
        kind: 'ENROLMENT',
        status: 'APPLIED',
        reason: null,
        metrics: {},
        proposedAt: now,
        decidedAt: now,
        decidedByUserId: ctx.actor?.userId ?? null,
      });
      await this.audit.record(em, ctx, { operation: 'enrolPartner', entityType: 'Enrolment', entityId: enrolment.id, before: null, after: { ...enrolment } });
      return enrolment;
    });
  }

  async recordMetric(ctx: RequestContext, input: RecordPartnerMetricInput): Promise<PartnerMetricEntity> {
    await this.assertPartner(input.organisationId);
    return this.mutate(async (em) => {
      const repo = em.getRepository(PartnerMetricEntity);
      const before = await repo.findOneBy({ organisationId: input.organisationId, metric: input.metric });
      await repo.upsert({ organisationId: input.organisationId, metric: input.metric, value: input.value, asOf: this.clock.now(), source: 'manual' }, ['organisationId', 'metric']);
      const after = await repo.findOneByOrFail({ organisationId: input.organisationId, metric: input.metric });
      await this.audit.record(em, ctx, {
        operation: 'recordPartnerMetric',
        entityType: 'PartnerMetric',
        entityId: `${input.organisationId}:${input.metric}`,
        before: before ? { value: before.value } : null,
        after: { value: after.value },
      });
      return after;
    });
  }

  /**
   * Metrics computed by other contexts (deals, revenue, MDF, training), stored for tier qualification.
   * `source` says who wrote them; a later manual value is overwritten on the next computation.
   */
  async storeMetrics(rows: readonly { organisationId: string; metric: string; value: string }[], source: string, em?: EntityManager): Promise<void> {
    if (rows.length === 0) return;
    await (em ?? this.dataSource).query(
      `INSERT INTO partner_metrics (organisation_id, metric, value, as_of, source)
       SELECT o, m, v::numeric, $4, $5 FROM unnest($1::uuid[], $2::varchar[], $3::text[]) AS t (o, m, v)
       ON CONFLICT (organisation_id, metric) DO UPDATE SET value = EXCLUDED.value, as_of = EXCLUDED.as_of, source = EXCLUDED.source`,
      [rows.map((r) => r.organisationId), rows.map((r) => r.metric), rows.map((r) => r.value), this.clock.now(), source],
    );
  }
}
