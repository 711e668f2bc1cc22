import { Injectable } from '@nestjs/common';
import { activityAwards, type ActivityEvent, type ActivityLine, type ActivityRule, type Period, periodOf } from '@prm/domain/incentives';
import { RequestContext } from '@prm/server/core';
import { ProgramsService } from '@prm/server/programs';
import { ActivitiesService } from './activities.service';
import { type DesiredLine, IncentiveAccrualsService, type IncentiveSource, versionFor } from './incentive-accruals.service';
import type { PlanRow, VersionRow } from './incentives.types';

/** A fact an activity or training plan pays for, with the person who earns it. */
export interface PayableFact {
  id: string;
  organisationId: string;
  userId: string;
  /** The activity type or the course. */
  type: string;
  on: string;
  label: string;
}

/**
 * Facts → desired lines for a fixed-reward plan: each fact by the version in force in its period,
 * one line per fact (rule `per`), capped per person, type and plan period by the domain's
 * `activityAwards` (a cut line carries cappedBy PERIOD_CAP). Facts of partners outside the plan's
 * program, or of a type the version does not list, earn nothing.
 */
export async function fixedRewardLines(
  plan: PlanRow,
  versions: VersionRow[],
  facts: PayableFact[],
  rulesOf: (version: VersionRow) => ActivityRule[] | null,
  sourceType: 'ACTIVITY' | 'COURSE_COMPLETION',
  per: string,
  programs: ProgramsService,
): Promise<DesiredLine[]> {
  let eligible = facts;
  if (plan.programId) {
    const enrolled = new Set(
      (await programs.enrolmentsOf(RequestContext.system(), [...new Set(facts.map((f) => f.organisationId))])).filter((e) => e.programId === plan.programId).map((e) => e.organisationId),
    );
    eligible = facts.filter((f) => enrolled.has(f.organisationId));
  }
  const out: DesiredLine[] = [];
  for (const version of versions) {
    const rules = rulesOf(version);
    if (!rules) continue;
    const types = new Set(rules.map((r) => r.type));
    const mine = eligible.filter((f) => types.has(f.type) && versionFor(versions, periodOf(f.on, plan.periodKind).start)?.id === version.id);
    const byId = new Map(mine.map((f) => [f.id, f]));
    const events: ActivityEvent[] = mine.map((f) => ({ id: f.id, beneficiaryId: f.userId, type: f.type, occurredOn: f.on, verified: true }));
    for (const line of activityAwards(events, rules) as ActivityLine[]) {
      const fact = byId.get(line.eventId) as PayableFact;
      out.push({
        planVersionId: version.id,
        organisationId: fact.organisationId,
        userId: fact.userId,
        rule: per,
        eventDate: fact.on,
        sourceType,
        sourceId: fact.id,
        sourceLabel: fact.label,
        baseMinor: null,
        ratePct: null,
        amountMinor: line.amountMinor,
        cappedBy: line.capped ? 'PERIOD_CAP' : null,
      });
    }
  }
  return out;
}

/** ACTIVITY plans: every approved activity (AUTO types are approved when logged) pays the version's reward for its type. */
@Injectable()
export class ActivitySource implements IncentiveSource {
  readonly kind = 'ACTIVITY' as const;

  constructor(
    accruals: IncentiveAccrualsService,
    private readonly activities: ActivitiesService,
    private readonly programs: ProgramsService,
  ) {
    accruals.registerSource(this);
  }

  async desired(plan: PlanRow, versions: VersionRow[], upTo: Period): Promise<DesiredLine[]> {
    if (versions.length === 0) return [];
    const from = periodOf(versions[0]!.effectiveFrom, plan.periodKind).start;
    const rows = await this.activities.approvedBetween(from, upTo.end);
    const types = new Map((await this.activities.typesByIds([...new Set(rows.map((r) => r.typeId))])).map((t) => [t.id, t.name]));
    const facts = rows.map((a) => ({
      id: a.id,
      organisationId: a.organisationId,
      userId: a.userId,
      type: a.typeId,
      on: a.occurredOn,
      label: `${types.get(a.typeId) ?? 'Activity'} on ${a.occurredOn}: ${a.description.length > 80 ? `${a.description.slice(0, 79)}…` : a.description}`,
    }));
    const rulesOf = (v: VersionRow): ActivityRule[] | null =>
      v.rules.kind === 'ACTIVITY'
        ? v.rules.activities.map((r) => ({
            type: r.activityTypeId,
            unit: plan.currency,
            amountMinor: BigInt(r.amountMinor),
            approval: 'AUTO',
            capPerPeriodMinor: r.capPerPeriodMinor === null ? null : BigInt(r.capPerPeriodMinor),
            periodKind: plan.periodKind,
          }))
        : null;
    return fixedRewardLines(plan, versions, facts, rulesOf, 'ACTIVITY', 'PER_ACTIVITY', this.programs);
  }
}
