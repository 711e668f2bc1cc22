import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@prm/domain/common';
import {
  decideTierChange,
  demotionDue,
  type MetricsSnapshot,
  nextTierProgress,
  type RuleResult,
  type TierDefinition,
} from '@prm/domain/tiers';
import { Clock, type Connection, LOGGER, parseCursor, RequestContext, toConnection } from '@prm/server/core';
import { AuditService } from '@prm/server/identity';
import type { Logger } from 'pino';
import { DataSource, type EntityManager, In, MoreThan } from 'typeorm';
import { EnrolmentEntity, ProgramEntity, TierChangeEntity, TierEntity } from '../entities/programs.entities';
import type { TierChangeFilter } from '../graphql/programs.models';
import { PartnerMetricsProvider } from './partner-metrics';

export const toDefinition = (t: TierEntity): TierDefinition => ({ id: t.id, name: t.name, rank: t.rank, rules: t.qualificationRules });

export interface TierStatus {
  enrolment: EnrolmentEntity;
  program: ProgramEntity;
  currentTier: TierEntity;
  nextTier: TierEntity | null;
  nextTierRules: RuleResult[];
  metrics: MetricsSnapshot;
  pendingChange: TierChangeEntity | null;
}

const BATCH = 500;
/** Days during which a rejected proposal is not proposed again by the scheduled evaluation. */
export const REJECTION_COOLDOWN_DAYS = 30;

/**
 * Tier qualification over time: the scheduled evaluation proposes promotions and demotions
 * (demotions wait out the program's grace period), and channel managers decide on them.
 */
@Injectable()
export class TierEvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: PartnerMetricsProvider,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Evaluates every enrolment; idempotent (an unchanged situation proposes nothing new). Returns proposals made. */
  async evaluateAll(ctx: RequestContext = RequestContext.system('system:tier-evaluation')): Promise<number> {
    const now = this.clock.now();
    const programs = new Map((await this.dataSource.getRepository(ProgramEntity).find()).map((p) => [p.id, p]));
    const tiers = await this.dataSource.getRepository(TierEntity).find({ order: { rank: 'ASC' } });
    const ladders = new Map<string, TierEntity[]>();
    for (const tier of tiers) ladders.set(tier.programId, [...(ladders.get(tier.programId) ?? []), tier]);
    let proposals = 0;
    let lastId: string | null = null;
    for (;;) {
      const batch: EnrolmentEntity[] = await this.dataSource.getRepository(EnrolmentEntity).find({
        where: lastId ? { id: MoreThan(lastId) } : {},
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (batch.length === 0) break;
      lastId = batch[batch.length - 1].id;
      const snapshots = await this.metrics.snapshots([...new Set(batch.map((e) => e.organisationId))]);
      const open = await this.dataSource.getRepository(TierChangeEntity).findBy({ enrolmentId: In(batch.map((e) => e.id)), status: 'PROPOSED' });
      const openByEnrolment = new Map(open.map((c) => [c.enrolmentId, c]));
      for (const enrolment of batch) {
        const program = programs.get(enrolment.programId);
        const ladder = ladders.get(enrolment.programId) ?? [];
        const current = ladder.find((t) => t.id === enrolment.tierId);
        if (!program || !program.active || !current) continue;
        const made = await this.evaluateOne(ctx, enrolment, ladder, current, snapshots.get(enrolment.organisationId) ?? {}, openByEnrolment.get(enrolment.id) ?? null, program.demotionGraceDays, now);
        if (made) proposals += 1;
      }
    }
    this.logger.info({ proposals }, 'tier evaluation finished');
    return proposals;
  }

  private async evaluateOne(
    ctx: RequestContext,
    enrolment: EnrolmentEntity,
    ladder: TierEntity[],
    current: TierEntity,
    metrics: MetricsSnapshot,
    open: TierChangeEntity | null,
    graceDays: number,
    now: Date,
  ): Promise<boolean> {
    const pendingDemotion = open?.kind === 'DEMOTION' ? { toRank: ladder.find((t) => t.id === open.toTierId)?.rank ?? 0, proposedAt: open.proposedAt } : null;
    const decision = decideTierChange({ tiers: ladder.map(toDefinition), currentRank: current.rank, metrics, pendingDemotion, graceDays, now });
    // NONE with an open proposal (necessarily a promotion): the partner no longer qualifies for it, so it is withdrawn below.
    if ((decision.kind === 'NONE' && !open) || decision.kind === 'KEEP_PENDING_DEMOTION') return false;
    return this.dataSource.transaction(async (em) => {
      if (open && open.status === 'PROPOSED') {
        const target = decision.kind === 'PROMOTE' ? ladder.find((t) => t.rank === decision.toRank) : null;
        if (decision.kind === 'PROMOTE' && open.kind === 'PROMOTION' && open.toTierId === target?.id) return false;
        await em.getRepository(TierChangeEntity).update({ id: open.id, status: 'PROPOSED' }, { status: 'CANCELLED', decidedAt: now, reason: 'Superseded by a newer evaluation' });
        await this.audit.record(em, ctx, { operation: 'cancelTierChange', entityType: 'TierChange', entityId: open.id, before: { status: 'PROPOSED' }, after: { status: 'CANCELLED' } }, now);
      }
      if (decision.kind === 'CANCEL_PENDING_DEMOTION' || decision.kind === 'NONE') return false;
      const to = ladder.find((t) => t.rank === decision.toRank);
      if (!to) return false;
      // A manager's rejection stands for a while: the same proposal is not made again within the cool-off.
      const rejected = await em.getRepository(TierChangeEntity).findOneBy({
        enrolmentId: enrolment.id,
        toTierId: to.id,
        status: 'REJECTED',
        decidedAt: MoreThan(new Date(now.getTime() - REJECTION_COOLDOWN_DAYS * 86_400_000)),
      });
      if (rejected) return false;
      const change = em.getRepository(TierChangeEntity).create({
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        programId: enrolment.programId,
        fromTierId: current.id,
        toTierId: to.id,
        kind: decision.kind === 'PROMOTE' ? 'PROMOTION' : 'DEMOTION',
        status: 'PROPOSED',
        reason: null,
        metrics: { ...metrics } as Record<string, string>,
        proposedAt: now,
        effectiveAfter: decision.kind === 'DEMOTE' ? decision.effectiveAfter : null,
      });
      await em.getRepository(TierChangeEntity).insert(change);
      await this.audit.record(em, ctx, { operation: 'proposeTierChange', entityType: 'TierChange', entityId: change.id, before: null, after: { kind: change.kind, fromTierId: current.id, toTierId: to.id, effectiveAfter: change.effectiveAfter } }, now);
      return true;
    });
  }

  private async lockOpen(em: EntityManager, id: string): Promise<TierChangeEntity> {
    const change = await em.getRepository(TierChangeEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!change) throw new DomainError('NOT_FOUND', 'Tier change not found.');
    if (change.status !== 'PROPOSED') throw new DomainError('CONFLICT', `This tier change is already ${change.status.toLowerCase()}.`);
    return change;
  }

  async approve(ctx: RequestContext, id: string, reason: string | undefined): Promise<TierChangeEntity> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      // Lock the enrolment before the proposal, in the same order as override(), so the two cannot deadlock.
      const target = await em.getRepository(TierChangeEntity).findOneBy({ id });
      if (target) await em.getRepository(EnrolmentEntity).findOne({ where: { id: target.enrolmentId }, lock: { mode: 'pessimistic_write' } });
      const change = await this.lockOpen(em, id);
      if (change.kind === 'DEMOTION' && change.effectiveAfter && !demotionDue(change.effectiveAfter, now)) {
        throw new DomainError('CONFLICT', `This demotion is in its grace period until ${change.effectiveAfter.toISOString().slice(0, 10)}; it can be approved from then.`);
      }
      const enrolment = await em.getRepository(EnrolmentEntity).findOneBy({ id: change.enrolmentId });
      if (!enrolment || enrolment.tierId !== change.fromTierId) throw new DomainError('CONFLICT', 'The partner’s tier changed since this proposal; evaluate again.');
      await em.getRepository(EnrolmentEntity).update({ id: enrolment.id }, { tierId: change.toTierId, tierSince: now });
      await em.getRepository(TierChangeEntity).update({ id }, { status: 'APPLIED', decidedAt: now, decidedByUserId: ctx.actor?.userId ?? null, reason: reason ?? null });
      const after = await em.getRepository(TierChangeEntity).findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation: 'approveTierChange', entityType: 'TierChange', entityId: id, before: { ...change }, after: { ...after } }, now);
      await this.audit.record(em, ctx, { operation: 'approveTierChange', entityType: 'Enrolment', entityId: enrolment.id, before: { tierId: enrolment.tierId }, after: { tierId: change.toTierId } }, now);
      return after;
    });
  }

  async reject(ctx: RequestContext, id: string, reason: string): Promise<TierChangeEntity> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const change = await this.lockOpen(em, id);
      await em.getRepository(TierChangeEntity).update({ id }, { status: 'REJECTED', decidedAt: now, decidedByUserId: ctx.actor?.userId ?? null, reason });
      const after = await em.getRepository(TierChangeEntity).findOneByOrFail({ id });
      await this.audit.record(em, ctx, { operation: 'rejectTierChange', entityType: 'TierChange', entityId: id, before: { ...change }, after: { ...after } }, now);
      return after;
    });
  }

  /** A channel manager sets the tier directly (with a reason); any open proposal is cancelled. */
  async override(ctx: RequestContext, enrolmentId: string, tierId: string, reason: string): Promise<TierChangeEntity> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const enrolment = await em.getRepository(EnrolmentEntity).findOne({ where: { id: enrolmentId }, lock: { mode: 'pessimistic_write' } });
      if (!enrolment) throw new DomainError('NOT_FOUND', 'Enrolment not found.');
      const tier = await em.getRepository(TierEntity).findOneBy({ id: tierId, programId: enrolment.programId });
      if (!tier) throw new DomainError('BAD_USER_INPUT', 'Some fields are not valid.', { tierId: ['This tier does not belong to the partner’s program.'] });
      if (tier.id === enrolment.tierId) throw new DomainError('CONFLICT', 'The partner is already in this tier.');
      const open = await em.getRepository(TierChangeEntity).findBy({ enrolmentId, status: 'PROPOSED' });
      await em.getRepository(TierChangeEntity).update({ enrolmentId, status: 'PROPOSED' }, { status: 'CANCELLED', decidedAt: now, reason: 'Replaced by a manual override' });
      for (const cancelled of open) {
        await this.audit.record(em, ctx, { operation: 'cancelTierChange', entityType: 'TierChange', entityId: cancelled.id, before: { status: 'PROPOSED' }, after: { status: 'CANCELLED' } }, now);
      }
      await em.getRepository(EnrolmentEntity).update({ id: enrolmentId }, { tierId: tier.id, tierSince: now });
      const change = em.getRepository(TierChangeEntity).create({
        enrolmentId,
        organisationId: enrolment.organisationId,
        programId: enrolment.programId,
        fromTierId: enrolment.tierId,
        toTierId: tier.id,
        kind: 'OVERRIDE',
        status: 'APPLIED',
        reason,
        metrics: {},
        proposedAt: now,
        decidedAt: now,
        decidedByUserId: ctx.actor?.userId ?? null,
      });
      await em.getRepository(TierChangeEntity).insert(change);
      await this.audit.record(em, ctx, { operation: 'overrideTier', entityType: 'Enrolment', entityId: enrolmentId, before: { tierId: enrolment.tierId }, after: { tierId: tier.id, reason } }, now);
      return em.getRepository(TierChangeEntity).findOneByOrFail({ id: change.id });
    });
  }

  async listChanges(ctx: RequestContext, filter: TierChangeFilter, first: number, after?: string): Promise<Connection<TierChangeEntity>> {
    const cursor = parseCursor(after, ['timestamp', 'uuid']);
    const qb = this.dataSource.getRepository(TierChangeEntity).createQueryBuilder('c');
    if (filter.organisationId) ctx.assertCanSeeOrganisation(filter.organisationId, 'Organisation');
    const org = ctx.partnerScope ?? filter.organisationId;
    if (org) qb.andWhere('c.organisationId = :org', { org });
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.programId) qb.andWhere('c.programId = :program', { program: filter.programId });
    if (cursor) qb.andWhere('(c.proposedAt, c.id) < (:at, :id)', { at: new Date(String(cursor[0])), id: String(cursor[1]) });
    const rows = await qb.orderBy('c.proposedAt', 'DESC').addOrderBy('c.id', 'DESC').limit(first + 1).getMany();
    return toConnection(rows, first, (c) => [c.proposedAt.toISOString(), c.id]);
  }

  /** The partner's view: current tier and benefits per program, and what is missing for the next tier. */
  async status(ctx: RequestContext, organisationId: string): Promise<TierStatus[]> {
    ctx.assertCanSeeOrganisation(organisationId, 'Organisation');
    const enrolments = await this.dataSource.getRepository(EnrolmentEntity).find({ where: { organisationId }, order: { enrolledAt: 'ASC' } });
    if (enrolments.length === 0) return [];
    const programIds = enrolments.map((e) => e.programId);
    const [programs, tiers, snapshots, open] = await Promise.all([
      this.dataSource.getRepository(ProgramEntity).findBy({ id: In(programIds) }),
      this.dataSource.getRepository(TierEntity).find({ where: { programId: In(programIds) }, order: { rank: 'ASC' } }),
      this.metrics.snapshots([organisationId]),
      this.dataSource.getRepository(TierChangeEntity).findBy({ enrolmentId: In(enrolments.map((e) => e.id)), status: 'PROPOSED' }),
    ]);
    const metrics = snapshots.get(organisationId) ?? {};
    return enrolments.flatMap((enrolment) => {
      const program = programs.find((p) => p.id === enrolment.programId);
      const ladder = tiers.filter((t) => t.programId === enrolment.programId);
      const current = ladder.find((t) => t.id === enrolment.tierId);
      if (!program || !current) return [];
      const progress = nextTierProgress(ladder.map(toDefinition), current.rank, metrics);
      const nextTier = progress.nextTier ? (ladder.find((t) => t.id === progress.nextTier?.tierId) ?? null) : null;
      return [{
        enrolment,
        program,
        currentTier: current,
        nextTier,
        nextTierRules: progress.nextTier?.rules ?? [],
        metrics,
        pendingChange: open.find((c) => c.enrolmentId === enrolment.id) ?? null,
      }];
    });
  }
}
