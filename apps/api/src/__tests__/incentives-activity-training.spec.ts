import { randomBytes } from 'node:crypto';
import { JobsService } from '@prm/server/core';
import { TrainingService } from '@prm/server/incentives';
import { gqlOk } from '../testing/factories';
import { createPlan, type IncentiveWorld, linesOf, newScenario, type PlanNode, startIncentivesApp, statementsOf } from '../testing/incentive-fixtures';
import { DOCS } from '../testing/operations';
import { codeOf, type GqlResponse } from '../testing/test-app';

/**
 * Activity and training plans end to end on real PostgreSQL: logged activities (AUTO approved on
 * logging, VERIFIED by a channel manager) and course completions (recorded or imported by CSV) become
 * accrual lines with a per-period cap, statements paid in points credit the wallet, a withdrawn
 * activity is clawed back, imports are idempotent and all or nothing, certifications expire and remind,
 * and partners never see or touch another organisation's records.
 */

// Q3 2026 is over; Q4 is the current period.
const TODAY = new Date('2026-10-05T09:00:00Z');
const uniq = (label: string): string => `${label} ${randomBytes(3).toString('hex')}`;

interface ActivityNode {
  id: string;
  status: string;
  organisationId: string;
  userId: string;
}
interface CompletionNode {
  id: string;
  userId: string;
  completedOn: string;
  expiresOn: string | null;
  valid: boolean;
  source: string;
}
interface ImportReport {
  rows: number;
  applied: number;
  duplicates: number;
  errors: { row: number; column: string; message: string }[];
}

const fieldsOf = (res: GqlResponse<unknown>): Record<string, string[]> => res.errors?.[0]?.extensions?.fields ?? {};

describe('activity and training incentives', () => {
  let w: IncentiveWorld;

  beforeAll(async () => {
    w = await startIncentivesApp(TODAY);
  });
  afterAll(() => w?.t.close());

  const activityType = async (approval: 'AUTO' | 'VERIFIED', extra: Record<string, unknown> = {}): Promise<string> =>
    (await gqlOk<{ createActivityType: { id: string } }>(w.t, DOCS.createActivityType, { input: { name: uniq('Type'), kind: 'WEBINAR_ATTENDED', approval, ...extra } }, { token: w.admin }))
      .createActivityType.id;
  const course = async (certification: boolean, validityMonths?: number): Promise<string> =>
    (await gqlOk<{ createCourse: { id: string } }>(w.t, DOCS.createCourse, { input: { name: uniq('Course'), certification, validityMonths } }, { token: w.admin })).createCourse.id;
  const log = async (token: string, typeId: string, occurredOn: string): Promise<ActivityNode> =>
    (await gqlOk<{ logActivity: ActivityNode }>(w.t, DOCS.logActivity, { input: { typeId, occurredOn, description: `Activity on ${occurredOn}` } }, { token })).logActivity;
  const recompute = async (plan: PlanNode): Promise<number> =>
    (await gqlOk<{ recomputeIncentiveAccruals: { changed: number } }>(w.t, DOCS.recomputeIncentiveAccruals, { planId: plan.id }, { token: w.manager })).recomputeIncentiveAccruals.changed;
  const close = (plan: PlanNode, period: string) => gqlOk(w.t, DOCS.closeIncentivePeriod, { planId: plan.id, period }, { token: w.manager });
  const importCsv = async (csv: string): Promise<ImportReport> =>
    (await gqlOk<{ importCourseCompletions: ImportReport }>(w.t, DOCS.importCourseCompletions, { input: { csv } }, { token: w.admin })).importCourseCompletions;
  const completionCount = async (): Promise<number> => Number((await w.t.dataSource.query(`SELECT count(*)::int AS n FROM training_completions`))[0].n);

  it('ACTIVITY in points: AUTO counts when logged, VERIFIED once approved, the quarterly cap cuts the third webinar, a rejected review earns nothing; paid in points, a withdrawal is clawed back', async () => {
    const s = await newScenario(w);
    const webinar = await activityType('AUTO');
    const review = await activityType('VERIFIED');
    const plan = await createPlan(w, s, {
      name: 'Activity points',
      kind: 'ACTIVITY',
      currency: 'POINTS',
      effectiveFrom: '2026-07-01',
      rules: { activity: { activities: [{ activityTypeId: webinar, amount: '100', capPerPeriod: '250' }, { activityTypeId: review, amount: '500' }] } },
    });
    const w1 = await log(s.a.rep.token, webinar, '2026-07-10');
    expect(w1.status).toBe('APPROVED');
    const w2 = await log(s.a.rep.token, webinar, '2026-08-01');
    const w3 = await log(s.a.rep.token, webinar, '2026-09-01');
    const w4 = await log(s.a.rep.token, webinar, '2026-10-01');
    const adminWebinar = await log(s.a.adminToken, webinar, '2026-08-15');
    const r1 = await log(s.a.rep.token, review, '2026-08-20');
    const r2 = await log(s.a.rep.token, review, '2026-09-20');
    const pending = await log(s.b.rep.token, review, '2026-09-21');
    expect([r1.status, r2.status, pending.status]).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    expect((await gqlOk<{ approveActivity: ActivityNode }>(w.t, DOCS.approveActivity, { id: r1.id }, { token: w.manager })).approveActivity.status).toBe('APPROVED');
    expect((await gqlOk<{ rejectActivity: ActivityNode }>(w.t, DOCS.rejectActivity, { id: r2.id, reason: 'No customer present' }, { token: w.manager })).rejectActivity.status).toBe('REJECTED');
    expect(codeOf(await w.t.gql(DOCS.approveActivity, { id: r1.id }, { token: w.manager }))).toBe('CONFLICT');

    expect(await recompute(plan)).toBe(6);
    expect(await recompute(plan)).toBe(0);
    const lines = await linesOf(w, w.manager, { planId: plan.id });
    const byId = new Map(lines.map((l) => [l.source.id, l]));
    expect([w1, w2, w3, w4, adminWebinar, r1].map((a) => [byId.get(a.id)?.amount, byId.get(a.id)?.cappedBy, byId.get(a.id)?.period])).toEqual([
      ['100', null, '2026-Q3'],
      ['100', null, '2026-Q3'],
      ['50', 'PERIOD_CAP', '2026-Q3'],
      ['100', null, '2026-Q4'],
      ['100', null, '2026-Q3'],
      ['500', null, '2026-Q3'],
    ]);
    expect(byId.has(r2.id) || byId.has(pending.id)).toBe(false);
    expect(lines.every((l) => l.source.type === 'ACTIVITY' && l.rule === 'PER_ACTIVITY')).toBe(true);
    expect(byId.get(r1.id)!.source.label).toMatch(/^Type [0-9a-f]{6} on 2026-08-20: Activity on 2026-08-20$/);
    expect(byId.get(w1.id)!.userId).toBe(s.a.rep.id);

    await close(plan, '2026-Q3');
    const statements = await statementsOf(w, w.manager, { planId: plan.id, period: '2026-Q3' });
    const ofRep = statements.find((st) => st.userId === s.a.rep.id)!;
    expect(ofRep).toMatchObject({ organisationId: s.a.id, total: '750', lineCount: 4 });
    expect(statements.find((st) => st.userId !== s.a.rep.id)).toMatchObject({ total: '100', lineCount: 1 });
    await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: ofRep.id }, { token: w.manager });
    const paid = await gqlOk<{ markIncentiveStatementsPaid: { pointsAwarded: string }[] }>(
      w.t,
      DOCS.markIncentiveStatementsPaid,
      { input: { statementIds: [ofRep.id], method: 'POINTS', idempotencyKey: `activity-${ofRep.id}` } },
      { token: w.manager },
    );
    expect(paid.markIncentiveStatementsPaid[0]!.pointsAwarded).toBe('750');
    const balance = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, { organisationId: s.a.id, userId: s.a.rep.id }, { token: w.manager });
    expect(balance.pointsBalance.balance).toBe('750');

    // The paid review is withdrawn: a CLAWBACK of −500 in the current quarter.
    await gqlOk(w.t, DOCS.rejectActivity, { id: r1.id, reason: 'Evidence was of another customer' }, { token: w.manager });
    await recompute(plan);
    const claw = (await linesOf(w, w.manager, { planId: plan.id })).filter((l) => l.source.id === r1.id && l.kind === 'CLAWBACK');
    expect(claw.map((l) => [l.amount, l.period])).toEqual([['-500', '2026-Q4']]);
    expect(claw[0]!.reason).toMatch(/Evidence was of another customer/);
  });

  it('TRAINING in EUR: a completion of a listed course pays 150.00; other courses nothing; an import repeated adds nothing', async () => {
    const s = await newScenario(w);
    const engineer = await course(true, 24);
    const intro = await course(false);
    const plan = await createPlan(w, s, { name: 'Training cash', kind: 'TRAINING', effectiveFrom: '2026-07-01', rules: { training: { courses: [{ courseId: engineer, amount: '150.00' }] } } });
    const mine = await gqlOk<{ recordCourseCompletion: CompletionNode }>(w.t, DOCS.recordCourseCompletion, { input: { courseId: engineer, completedOn: '2026-08-10' } }, { token: s.a.rep.token });
    expect(mine.recordCourseCompletion).toMatchObject({ userId: s.a.rep.id, completedOn: '2026-08-10', expiresOn: '2028-08-10', valid: true, source: 'MANUAL' });
    await gqlOk(w.t, DOCS.recordCourseCompletion, { input: { courseId: intro, completedOn: '2026-08-11' } }, { token: s.a.rep.token });
    // The same completion twice is a conflict.
    expect(codeOf(await w.t.gql(DOCS.recordCourseCompletion, { input: { courseId: engineer, completedOn: '2026-08-10' } }, { token: s.a.rep.token }))).toBe('CONFLICT');

    const ext = uniq('lms').replace(' ', '-');
    const csv = `external_id,email,course_id,completed_on\n${ext},${s.b.rep.email},${engineer},2026-09-05\n`;
    expect(await importCsv(csv)).toEqual({ rows: 1, applied: 1, duplicates: 0, errors: [] });
    expect(await importCsv(csv)).toEqual({ rows: 1, applied: 0, duplicates: 1, errors: [] });

    expect(await recompute(plan)).toBe(2);
    const lines = await linesOf(w, w.manager, { planId: plan.id });
    expect(lines.map((l) => [l.userId, l.amount, l.source.type, l.rule]).sort()).toEqual(
      [
        [s.a.rep.id, '150.00', 'COURSE_COMPLETION', 'PER_COMPLETION'],
        [s.b.rep.id, '150.00', 'COURSE_COMPLETION', 'PER_COMPLETION'],
      ].sort(),
    );
    expect(lines.find((l) => l.userId === s.a.rep.id)!.source).toMatchObject({ id: mine.recordCourseCompletion.id, label: expect.stringMatching(/^Course [0-9a-f]{6} completed on 2026-08-10$/) });
    await close(plan, '2026-Q3');
    const [ofB] = await statementsOf(w, w.manager, { planId: plan.id, organisationId: s.b.id });
    expect(ofB).toMatchObject({ total: '150.00', lineCount: 1, userId: s.b.rep.id });

    const counts = await gqlOk<{ certifiedPeople: { organisationId: string; count: number }[] }>(w.t, DOCS.certifiedPeople, { organisationIds: [s.a.id, s.b.id, s.c.id] }, { token: w.analyst });
    expect(counts.certifiedPeople.map((c) => [c.organisationId, c.count]).sort()).toEqual([[s.a.id, 1], [s.b.id, 1], [s.c.id, 0]].sort());
  });

  it('an import with bad rows applies nothing and names each row and column', async () => {
    const s = await newScenario(w);
    const engineer = await course(true, 12);
    const before = await completionCount();
    const good = uniq('ok').replace(' ', '-');
    const csv = [
      'external_id,email,course_id,completed_on,evidence_url',
      `${good},${s.a.rep.email},${engineer},2026-09-01,https://lms.example.test/cert/1`,
      `${uniq('x').replace(' ', '-')},nobody@nowhere.test,${engineer},2026-09-01,`,
      `${uniq('x').replace(' ', '-')},${s.a.rep.email},not-a-course,2026-09-31,`,
      `${good},${s.b.rep.email},${engineer},2027-01-01,ftp://nope`,
    ].join('\n');
    const report = await importCsv(csv);
    expect(report.applied).toBe(0);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'email'],
      [4, 'course_id'],
      [4, 'completed_on'],
      [5, 'external_id'],
      [5, 'completed_on'],
      [5, 'evidence_url'],
    ]);
    expect(await completionCount()).toBe(before);
    const missing = await w.t.gql(DOCS.importCourseCompletions, { input: { csv: 'email,course\nx,y\n' } }, { token: w.admin });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fieldsOf(missing))).toEqual(['csv']);
  });

  it('certifications expire after their validity; reminders go out once, 30 days before; the certified-people metric is stored', async () => {
    const s = await newScenario(w);
    const cert = await course(true, 24);
    // Completed 2024-10-20: expires 2026-10-20, 15 days after today.
    const ext = uniq('old').replace(' ', '-');
    expect((await importCsv(`external_id,email,course_id,completed_on\n${ext},${s.c.rep.email},${cert},2024-10-20\n`)).applied).toBe(1);
    const list = await gqlOk<{ courseCompletions: { edges: { node: CompletionNode }[] } }>(w.t, DOCS.courseCompletions, { filter: { certificationsOnly: true } }, { token: s.c.rep.token });
    expect(list.courseCompletions.edges.map((e) => [e.node.expiresOn, e.node.valid])).toEqual([['2026-10-20', true]]);
    const training = w.t.app.get(TrainingService);
    expect(await training.daily()).toBeGreaterThanOrEqual(1);
    expect(await training.daily()).toBe(0);
    const notes: { title: string }[] = await w.t.dataSource.query(`SELECT title FROM notifications WHERE user_id = $1 AND type = 'CERTIFICATION_EXPIRING'`, [s.c.rep.id]);
    expect(notes.map((n) => n.title)).toEqual([expect.stringMatching(/certification expires on 2026-10-20$/)]);
    const [metric] = await w.t.dataSource.query(`SELECT value::int AS v FROM partner_metrics WHERE organisation_id = $1 AND metric = 'CERTIFIED_PEOPLE'`, [s.c.id]);
    expect(metric.v).toBe(1);
  });

  it('partners see only their own activities and completions; foreign ids answer NOT_FOUND and change nothing', async () => {
    const s = await newScenario(w);
    const type = await activityType('VERIFIED');
    const cert = await course(true, 12);
    const ofA = await log(s.a.rep.token, type, '2026-09-01');
    const ofAdmin = await log(s.a.adminToken, type, '2026-09-02');
    await gqlOk(w.t, DOCS.recordCourseCompletion, { input: { courseId: cert, completedOn: '2026-09-01' } }, { token: s.a.rep.token });

    const ids = async (token: string, filter: Record<string, unknown> = {}) =>
      (await gqlOk<{ activities: { edges: { node: ActivityNode }[] } }>(w.t, DOCS.activities, { filter, first: 100 }, { token })).activities.edges.map((e) => e.node.id);
    expect(await ids(s.a.rep.token)).toEqual([ofA.id]);
    expect((await ids(s.a.adminToken)).sort()).toEqual([ofA.id, ofAdmin.id].sort());
    expect(await ids(s.b.rep.token)).toEqual([]);
    expect(codeOf(await w.t.gql(DOCS.activities, { filter: { organisationId: s.a.id } }, { token: s.b.rep.token }))).toBe('NOT_FOUND');
    expect(await ids(w.manager, { organisationId: s.a.id, status: 'SUBMITTED' })).toEqual(expect.arrayContaining([ofA.id, ofAdmin.id]));
    // The approval queue names the partner and the person (batched through the identity loaders).
    const queue = await gqlOk<{ activities: { edges: { node: { id: string; userName: string; organisation: { name: string } } }[] } }>(w.t, DOCS.activities, { filter: { organisationId: s.a.id } }, { token: w.manager });
    expect(queue.activities.edges.find((e) => e.node.id === ofA.id)!.node).toMatchObject({ userName: `Rep of ${s.a.name}`, organisation: { name: s.a.name } });
    expect(codeOf(await w.t.gql(DOCS.approveActivity, { id: ofA.id }, { token: s.b.rep.token }))).toBe('FORBIDDEN');
    expect(codeOf(await w.t.gql(DOCS.courseCompletions, { filter: { organisationId: s.a.id } }, { token: s.b.rep.token }))).toBe('NOT_FOUND');
    const completionsOfB = await gqlOk<{ courseCompletions: { edges: unknown[] } }>(w.t, DOCS.courseCompletions, {}, { token: s.b.rep.token });
    expect(completionsOfB.courseCompletions.edges).toEqual([]);
    expect(codeOf(await w.t.gql(DOCS.certifiedPeople, { organisationIds: [s.a.id] }, { token: s.b.rep.token }))).toBe('NOT_FOUND');
    // A partner admin records for a colleague, never for another organisation's person; a rep only for themselves.
    const before = await completionCount();
    expect(codeOf(await w.t.gql(DOCS.recordCourseCompletion, { input: { courseId: cert, completedOn: '2026-09-03', userId: s.b.rep.id } }, { token: s.a.adminToken }))).toBe('NOT_FOUND');
    expect(codeOf(await w.t.gql(DOCS.recordCourseCompletion, { input: { courseId: cert, completedOn: '2026-09-03', userId: s.b.rep.id } }, { token: s.a.rep.token }))).toBe('NOT_FOUND');
    expect(await completionCount()).toBe(before);
    const forColleague = await gqlOk<{ recordCourseCompletion: CompletionNode }>(w.t, DOCS.recordCourseCompletion, { input: { courseId: cert, completedOn: '2026-09-03', userId: s.a.rep.id } }, { token: s.a.adminToken });
    expect(forColleague.recordCourseCompletion.userId).toBe(s.a.rep.id);
  });

  it('a logged activity and a recorded completion enqueue an accrual run for the published plans of their kind', async () => {
    const s = await newScenario(w);
    const type = await activityType('AUTO');
    const cert = await course(true, 12);
    const activityPlan = await createPlan(w, s, { name: 'Nudged activity', kind: 'ACTIVITY', currency: 'POINTS', effectiveFrom: '2026-10-01', rules: { activity: { activities: [{ activityTypeId: type, amount: '10' }] } } });
    const trainingPlan = await createPlan(w, s, { name: 'Nudged training', kind: 'TRAINING', effectiveFrom: '2026-10-01', rules: { training: { courses: [{ courseId: cert, amount: '10.00' }] } } });
    // The queue without workers: the jobs stay in pgboss.job to be looked at.
    await w.t.app.get(JobsService).start({ workers: false });
    const queued = async (planId: string): Promise<number> =>
      Number((await w.t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'incentives-accrue' AND data->>'planId' = $1`, [planId]))[0].n);
    await log(s.a.rep.token, type, '2026-10-02');
    expect(await queued(activityPlan.id)).toBe(1);
    expect(await queued(trainingPlan.id)).toBe(0);
    await gqlOk(w.t, DOCS.recordCourseCompletion, { input: { courseId: cert, completedOn: '2026-10-02' } }, { token: s.a.rep.token });
    expect(await queued(trainingPlan.id)).toBe(1);
  });

  it('bad input: field errors with stable codes, nothing written', async () => {
    const s = await newScenario(w);
    const type = await activityType('AUTO', { evidenceRequired: true });
    const count = async (): Promise<number> => Number((await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_activities`))[0].n);
    const before = await count();
    const future = await w.t.gql(DOCS.logActivity, { input: { typeId: type, occurredOn: '2026-10-06', description: 'Tomorrow' } }, { token: s.a.rep.token });
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fieldsOf(future)).sort()).toEqual(['evidenceUrl', 'occurredOn']);
    expect(codeOf(await w.t.gql(DOCS.logActivity, { input: { typeId: s.a.id, occurredOn: '2026-10-01', description: 'x' } }, { token: s.a.rep.token }))).toBe('NOT_FOUND');
    expect(Object.keys(fieldsOf(await w.t.gql(DOCS.logActivity, { input: { typeId: type, occurredOn: '2026-10-01', description: 'x', evidenceUrl: 'javascript:alert(1)' } }, { token: s.a.rep.token })))).toEqual([
      'evidenceUrl',
    ]);
    expect(await count()).toBe(before);

    const plan = (rules: Record<string, unknown>, currency = 'POINTS') =>
      w.t.gql(DOCS.createIncentivePlan, { input: { name: 'Bad', kind: 'ACTIVITY', currency, periodKind: 'QUARTER', effectiveFrom: '2026-10-01', rules } }, { token: w.admin });
    expect(fieldsOf(await plan({ activity: { activities: [{ activityTypeId: s.a.id, amount: '10' }] } }))).toEqual({ 'rules.activity.activities[0].activityTypeId': ['Unknown activity type.'] });
    expect(Object.keys(fieldsOf(await plan({ activity: { activities: [{ activityTypeId: type, amount: '1.5' }] } })))).toEqual(['rules.activity.activities[0].amount']);
    expect(Object.keys(fieldsOf(await plan({})))).toEqual(['rules.activity']);
    const rebateInPoints = await w.t.gql(
      DOCS.createIncentivePlan,
      { input: { name: 'Bad', kind: 'REBATE', currency: 'POINTS', periodKind: 'QUARTER', effectiveFrom: '2026-10-01', rules: { rebate: { mode: 'RETROACTIVE', tiers: [{ from: '0', rate: '1' }] } } } },
      { token: w.admin },
    );
    expect(Object.keys(fieldsOf(rebateInPoints))).toEqual(['currency']);
    const unknownCourse = await w.t.gql(DOCS.updateCourse, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'Intro', certification: false } }, { token: w.admin });
    expect(unknownCourse.errors?.[0]?.message).toBe('Course not found.');
    expect(codeOf(unknownCourse)).toBe('NOT_FOUND');
    const badCourse = await w.t.gql(DOCS.createCourse, { input: { name: 'Intro', certification: false, validityMonths: 12 } }, { token: w.admin });
    expect(Object.keys(fieldsOf(badCourse))).toEqual(['validityMonths']);
  });
});
