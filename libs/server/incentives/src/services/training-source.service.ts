import { Injectable } from '@nestjs/common';
import { type ActivityRule, type Period, periodOf } from '@prm/domain/incentives';
import { ProgramsService } from '@prm/server/programs';
import { fixedRewardLines } from './activity-source.service';
import { type DesiredLine, IncentiveAccrualsService, type IncentiveSource } from './incentive-accruals.service';
import type { PlanRow, VersionRow } from './incentives.types';
import { TrainingService } from './training.service';

/** TRAINING plans: every completion of a listed course pays the version's reward for that course. */
@Injectable()
export class TrainingSource implements IncentiveSource {
  readonly kind = 'TRAINING' as const;

  constructor(
    accruals: IncentiveAccrualsService,
    private readonly training: TrainingService,
    private readonly programs: ProgramsService,
  ) {
    accruals.registerSource(this);
  }

  async desired(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]> {
    if (versions.length === 0) return [];
    const courseIds = [...new Set(versions.flatMap((v) => (v.rules.kind === 'TRAINING' ? v.rules.courses.map((c) => c.courseId) : [])))];
    const from = periodOf(versions[0]!.effectiveFrom, plan.periodKind).start;
    const rows = await this.training.completedBetween(courseIds, from, upTo.end);
    const names = new Map((await this.training.coursesByIds(courseIds)).map((c) => [c.id, c.name]));
    const facts = rows.map((k) => ({ id: k.id, organisationId: k.organisationId, userId: k.userId, type: k.courseId, on: k.completedOn, label: `${names.get(k.courseId) ?? 'Course'} completed on ${k.completedOn}` }));
    const rulesOf = (v: VersionRow): ActivityRule[] | null =>
      v.rules.kind === 'TRAINING'
        ? v.rules.courses.map((c) => ({ type: c.courseId, unit: plan.currency, amountMinor: BigInt(c.amountMinor), approval: 'AUTO', capPerPeriodMinor: null, periodKind: plan.periodKind }))
        : null;
    return fixedRewardLines(plan, versions, facts, rulesOf, 'COURSE_COMPLETION', 'PER_COMPLETION', this.programs);
  }
}
