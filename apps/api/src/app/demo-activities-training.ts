import { type Actor, RequestContext, type Role } from '@prm/server/core';
import type { ActivitiesService, IncentivePlansService, TrainingService } from '@prm/server/incentives';
import type { DataSource } from 'typeorm';

export interface DemoActivitiesTrainingServices {
  dataSource: DataSource;
  plans: IncentivePlansService;
  activities: ActivitiesService;
  training: TrainingService;
}

const PROGRAM = 'Managed Service Provider';

/**
 * The activity-type and course catalogues and two published plans for the MSP program, written through
 * the services: points per logged activity (capped per quarter) and a cash bonus per certification.
 */
export async function seedDemoActivitiesTraining({ dataSource, plans, activities, training }: DemoActivitiesTrainingServices, today: string): Promise<{ activityTypes: number; courses: number; plans: number }> {
  const [admin]: { id: string; email: string; role: Role; organisation_id: string }[] = await dataSource.query(`SELECT id, email, role, organisation_id FROM users WHERE email = 'admin@vendor.test'`);
  if (!admin) throw new Error('demo user admin@vendor.test is missing');
  const actor: Actor = { userId: admin.id, apiKeyId: null, role: admin.role, organisationId: admin.organisation_id, email: admin.email };
  const ctx = new RequestContext(actor, 'demo-seed');
  const [program]: { id: string }[] = await dataSource.query(`SELECT id FROM programs WHERE name = $1`, [PROGRAM]);
  if (!program) throw new Error(`demo program ${PROGRAM} is missing`);

  const webinar = await activities.createType(ctx, { name: 'Vendor webinar attended', kind: 'WEBINAR_ATTENDED', approval: 'AUTO' });
  const review = await activities.createType(ctx, { name: 'Customer business review', kind: 'BUSINESS_REVIEW_HELD', approval: 'VERIFIED', evidenceRequired: true });
  const event = await activities.createType(ctx, { name: 'Joint marketing event', kind: 'JOINT_MARKETING_EVENT', approval: 'VERIFIED', evidenceRequired: true });
  await activities.createType(ctx, { name: 'Product demo held', kind: 'DEMO_HELD', approval: 'AUTO' });
  const engineer = await training.createCourse(ctx, { name: 'Certified Backup Engineer', certification: true, validityMonths: 24 });
  await training.createCourse(ctx, { name: 'Backup Fundamentals (e-learning)', certification: false });
  await training.createCourse(ctx, { name: 'Certified Security Specialist', certification: true, validityMonths: 12 });

  const month = Number(today.slice(5, 7)) - 1;
  const firstOfQuarter = `${today.slice(0, 4)}-${String(month - (month % 3) + 1).padStart(2, '0')}-01`;
  // Points: 50 per webinar (at most 200 a quarter), 250 per verified business review, 500 per joint event (at most 1,000).
  const points = await plans.create(ctx, {
    name: 'Partner activity points',
    kind: 'ACTIVITY',
    programId: program.id,
    periodKind: 'QUARTER',
    currency: 'POINTS',
    effectiveFrom: firstOfQuarter,
    rules: {
      activity: {
        activities: [
          { activityTypeId: webinar.id, amount: '50', capPerPeriod: '200' },
          { activityTypeId: review.id, amount: '250' },
          { activityTypeId: event.id, amount: '500', capPerPeriod: '1000' },
        ],
      },
    },
  });
  await plans.publish(ctx, points.id);
  // Cash: €250 per Certified Backup Engineer.
  const bonus = await plans.create(ctx, {
    name: 'Certification bonus',
    kind: 'TRAINING',
    programId: program.id,
    periodKind: 'QUARTER',
    currency: 'EUR',
    effectiveFrom: firstOfQuarter,
    rules: { training: { courses: [{ courseId: engineer.id, amount: '250.00' }] } },
  });
  await plans.publish(ctx, bonus.id);
  return { activityTypes: 4, courses: 3, plans: 2 };
}
