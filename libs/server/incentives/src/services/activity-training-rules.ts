import { DomainError, type FieldErrorCollector } from '@prm/domain/common';
import { POINTS } from '@prm/domain/incentives';
import { parseMoney } from '@prm/domain/money';
import type { EntityManager } from 'typeorm';
import type { ActivityRules, PlanRules, TrainingRules } from './incentives.types';

export interface ActivityRulesData {
  activities: { activityTypeId: string; amount: string; capPerPeriod?: string | null }[];
}

export interface TrainingRulesData {
  courses: { courseId: string; amount: string }[];
}

/** An amount in the plan's unit: whole points for a POINTS plan, else money in the plan's currency (as minor units). */
export function unitAmountMinor(text: string, unit: string, field: string, errors: FieldErrorCollector): string | null {
  if (unit === POINTS) {
    if (!/^\d{1,12}$/.test(text)) {
      errors.add(field, 'Enter a whole number of points.');
      return null;
    }
    return BigInt(text).toString();
  }
  try {
    return parseMoney(text, unit, field).amountMinor.toString();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    errors.add(field, err.fields?.[field]?.[0] ?? err.message);
    return null;
  }
}

export function activityRules(d: ActivityRulesData, unit: string, errors: FieldErrorCollector): ActivityRules | null {
  const before = Object.keys(errors.toObject()).length;
  if (d.activities.length === 0) errors.add('rules.activity.activities', 'List at least one activity type and what it pays.');
  const seen = new Set<string>();
  const activities = d.activities.map((a, i) => {
    const at = `rules.activity.activities[${i}]`;
    if (seen.has(a.activityTypeId)) errors.add(`${at}.activityTypeId`, 'This activity type is listed twice.');
    seen.add(a.activityTypeId);
    const amountMinor = unitAmountMinor(a.amount, unit, `${at}.amount`, errors) ?? '0';
    const capPerPeriodMinor = a.capPerPeriod === null || a.capPerPeriod === undefined ? null : unitAmountMinor(a.capPerPeriod, unit, `${at}.capPerPeriod`, errors);
    return { activityTypeId: a.activityTypeId, amountMinor, capPerPeriodMinor };
  });
  if (Object.keys(errors.toObject()).length > before) return null;
  return { kind: 'ACTIVITY', activities };
}

export function trainingRules(d: TrainingRulesData, unit: string, errors: FieldErrorCollector): TrainingRules | null {
  const before = Object.keys(errors.toObject()).length;
  if (d.courses.length === 0) errors.add('rules.training.courses', 'List at least one course and what a completion pays.');
  const seen = new Set<string>();
  const courses = d.courses.map((c, i) => {
    const at = `rules.training.courses[${i}]`;
    if (seen.has(c.courseId)) errors.add(`${at}.courseId`, 'This course is listed twice.');
    seen.add(c.courseId);
    return { courseId: c.courseId, amountMinor: unitAmountMinor(c.amount, unit, `${at}.amount`, errors) ?? '0' };
  });
  if (Object.keys(errors.toObject()).length > before) return null;
  return { kind: 'TRAINING', courses };
}

/** The activity types and courses the rules name must exist: a field error on each unknown one. */
export async function checkRuleReferences(em: EntityManager, rules: PlanRules | null, errors: FieldErrorCollector): Promise<void> {
  if (!rules) return;
  if (rules.kind === 'ACTIVITY') {
    const ids = rules.activities.map((a) => a.activityTypeId);
    const found = new Set(((await em.query(`SELECT id FROM incentive_activity_types WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[]).map((r) => r.id));
    rules.activities.forEach((a, i) => {
      if (!found.has(a.activityTypeId)) errors.add(`rules.activity.activities[${i}].activityTypeId`, 'Unknown activity type.');
    });
  }
  if (rules.kind === 'TRAINING') {
    const ids = rules.courses.map((c) => c.courseId);
    const found = new Set(((await em.query(`SELECT id FROM training_courses WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[]).map((r) => r.id));
    rules.courses.forEach((c, i) => {
      if (!found.has(c.courseId)) errors.add(`rules.training.courses[${i}].courseId`, 'Unknown course.');
    });
  }
}
