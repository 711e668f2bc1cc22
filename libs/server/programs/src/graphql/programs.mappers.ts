import type { MetricsSnapshot } from '@prm/domain/tiers';
import type { EnrolmentEntity, ProgramEntity, TierChangeEntity, TierEntity } from '../entities/programs.entities';
import {
  EnrolmentModel,
  type Metric,
  type MetricValueModel,
  ProgramModel,
  TierChangeKind,
  TierChangeModel,
  TierChangeStatus,
  TierModel,
} from './programs.models';

const rate = (value: string): string => {
  // numeric(7,4) comes back as '12.5000': show the canonical '12.5'.
  const [int, frac = ''] = value.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return trimmed ? `${int}.${trimmed}` : int;
};

export const metricValues = (snapshot: MetricsSnapshot | Record<string, string>): MetricValueModel[] =>
  Object.entries(snapshot)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([metric, value]) => ({ metric: metric as Metric, value: rate(value) }));

export const toProgramModel = (p: ProgramEntity): ProgramModel =>
  Object.assign(new ProgramModel(), { id: p.id, name: p.name, segment: p.segment, description: p.description, active: p.active, demotionGraceDays: p.demotionGraceDays });

export const toTierModel = (t: TierEntity): TierModel =>
  Object.assign(new TierModel(), {
    id: t.id,
    programId: t.programId,
    name: t.name,
    rank: t.rank,
    benefits: {
      rebateRate: rate(t.rebateRate),
      mdfAccrualRate: rate(t.mdfAccrualRate),
      dealRegistrationDiscount: rate(t.dealRegistrationDiscount),
      referralCommissionRate: rate(t.referralCommissionRate),
      mdfCofundingPct: rate(t.mdfCofundingPct),
    },
    rules: t.qualificationRules.map((r) => ({ metric: r.metric as Metric, min: r.min })),
  });

export const toEnrolmentModel = (e: EnrolmentEntity): EnrolmentModel =>
  Object.assign(new EnrolmentModel(), { id: e.id, organisationId: e.organisationId, programId: e.programId, tierId: e.tierId, enrolledAt: e.enrolledAt, tierSince: e.tierSince });

export const toTierChangeModel = (c: TierChangeEntity): TierChangeModel =>
  Object.assign(new TierChangeModel(), {
    id: c.id,
    enrolmentId: c.enrolmentId,
    organisationId: c.organisationId,
    programId: c.programId,
    fromTierId: c.fromTierId,
    toTierId: c.toTierId,
    kind: c.kind as TierChangeKind,
    status: c.status as TierChangeStatus,
    reason: c.reason,
    metrics: metricValues(c.metrics ?? {}),
    proposedAt: c.proposedAt,
    effectiveAfter: c.effectiveAfter,
    decidedByUserId: c.decidedByUserId,
    decidedAt: c.decidedAt,
  });
