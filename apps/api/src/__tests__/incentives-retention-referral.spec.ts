import { RevenueRollupService } from '@prm/server/revenue';
import request from 'supertest';
import { createUser, gqlOk } from '../testing/factories';
import { createPlan, type IncentiveWorld, type LineNode, linesOf, newScenario, type PlanNode, type Scenario, startIncentivesApp } from '../testing/incentive-fixtures';
import { DOCS } from '../testing/operations';
import { createRevenueCustomer, recordEvent, startInput } from '../testing/revenue-fixtures';
import { codeOf } from '../testing/test-app';

/**
 * RETENTION and REFERRAL plans and new-ARR rebates on real PostgreSQL, from the revenue ledger to
 * accrual lines to the cent: NRR at / above / below the threshold (and equal to the revenue report's
 * NRR), expansion × rate rounded once half away from zero, early renewals at 90 vs 89 days, referral
 * commission for 3 months vs the lifetime, new ARR retroactive vs incremental, a churn inside the
 * clawback window → an explicit CLAWBACK line with its reason (and one outside → none), sign-up
 * attribution through the public form, and partners never reaching another organisation's sign-ups.
 * Each test has a program and partners of its own, so tests do not see each other's facts.
 */

// Q3 2026 is over; Q4 (October) is the current period.
const TODAY = new Date('2026-10-05T09:00:00Z');

const REBATE_TIERS = [
  { from: '0.00', to: '100000.00', rate: '2' },
  { from: '100000.00', to: '250000.00', rate: '3' },
  { from: '250000.00', rate: '4' },
];

describe('incentives: retention, referral and new-ARR rebates', () => {
  let w: IncentiveWorld;
  let rollups: RevenueRollupService;

  beforeAll(async () => {
    w = await startIncentivesApp(TODAY);
    rollups = w.t.app.get(RevenueRollupService);
  });
  afterAll(() => w?.t.close());

  const recompute = async (plan: PlanNode, period?: string): Promise<number> =>
    (await gqlOk<{ recomputeIncentiveAccruals: { changed: number } }>(w.t, DOCS.recomputeIncentiveAccruals, { planId: plan.id, period }, { token: w.manager })).recomputeIncentiveAccruals.changed;

  /** A customer of `organisationId` with one monthly EUR subscription; returns its ids. */
  const subscribed = async (organisationId: string, name: string, start: Record<string, unknown>): Promise<{ customerId: string; subscriptionId: string }> => {
    const customer = await createRevenueCustomer(w.t, w.manager, { organisationId, name, since: '2025-01-01' });
    const { event } = await recordEvent(w.t, w.manager, startInput(customer.id, start));
    return { customerId: customer.id, subscriptionId: event.subscriptionId };
  };
  const change = (subscriptionId: string, effectiveDate: string, terms: Record<string, unknown>) => recordEvent(w.t, w.manager, { kind: 'CHANGE', subscriptionId, effectiveDate, ...terms });
  const cancel = (subscriptionId: string, effectiveDate: string) => recordEvent(w.t, w.manager, { kind: 'CANCEL', subscriptionId, effectiveDate });
  const retentionPlan = (s: Scenario, effectiveFrom: string, retention: Record<string, unknown>) => createPlan(w, s, { name: 'Retention', kind: 'RETENTION', effectiveFrom, rules: { retention } });
  const planLines = async (plan: PlanNode): Promise<LineNode[]> => linesOf(w, w.manager, { planId: plan.id });
  const withRealClock = async <T>(fn: () => Promise<T>): Promise<T> => {
    const fixed = w.t.clock.now();
    w.t.clock.set(new Date());
    try {
      return await fn();
    } finally {
      w.t.clock.set(fixed);
    }
  };

  it('expansion MRR × rate, one line per movement, rounded once half away from zero (333.33 × 1.5 % = 4.99995 → 5.00)', async () => {
    const s = await newScenario(w);
    const x = await subscribed(s.a.id, 'Expansion Corp', { effectiveDate: '2026-02-10', unitPrice: '333.33' });
    await change(x.subscriptionId, '2026-08-12', { quantity: 2 });
    await rollups.drain();
    const plan = await retentionPlan(s, '2026-07-01', { expansionRate: '1.5' });
    expect(await recompute(plan, '2026-Q3')).toBe(1);
    expect(await recompute(plan, '2026-Q3')).toBe(0);
    const [line, ...rest] = await planLines(plan);
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ organisationId: s.a.id, rule: 'EXPANSION', kind: 'ACCRUAL', period: '2026-Q3', base: '333.33', rate: '1.5', amount: '5.00' });
    expect(line!.source).toMatchObject({ type: 'MRR_MOVEMENT', label: 'Expansion of Expansion Corp, 2026-08: +EUR 333.33 MRR' });
    expect(line!.source.id).toBe(`${x.subscriptionId}:2026-08-12:${line!.source.id.split(':')[2]}`);
  });

  it('NRR at the threshold and above earn the reward, below does not; the NRR is the revenue report’s', async () => {
    const s = await newScenario(w);
    // Paying since January 2025, so all three are in the 2026-09 cohort (paying at the end of 2025-09).
    const at = await subscribed(s.a.id, 'NRR At', { effectiveDate: '2025-01-10', unitPrice: '1000.00' });
    const below = await subscribed(s.b.id, 'NRR Below', { effectiveDate: '2025-01-10', unitPrice: '1000.00' });
    const above = await subscribed(s.c.id, 'NRR Above', { effectiveDate: '2025-01-10', unitPrice: '1000.00' });
    await change(at.subscriptionId, '2026-08-01', { unitPrice: '1050.00' });
    await change(below.subscriptionId, '2026-08-01', { unitPrice: '1049.94' });
    await change(above.subscriptionId, '2026-08-01', { unitPrice: '1100.00' });
    await rollups.drain();
    const fixed = await retentionPlan(s, '2026-07-01', { nrrThreshold: '105', nrrReward: '500.00' });
    const percent = await retentionPlan(s, '2026-07-01', { nrrThreshold: '105', nrrRewardRate: '2.5' });
    await recompute(fixed, '2026-Q3');
    await recompute(percent, '2026-Q3');
    const fixedLines = await planLines(fixed);
    expect(fixedLines.map((l) => [l.organisationId, l.rule, l.source.type, l.source.id, l.amount]).sort()).toEqual(
      [
        [s.a.id, 'NRR', 'NRR_PERIOD', `${s.a.id}:2026-Q3`, '500.00'],
        [s.c.id, 'NRR', 'NRR_PERIOD', `${s.c.id}:2026-Q3`, '500.00'],
      ].sort(),
    );
    // 1049.94 ÷ 1000.00 = 104.994 % → 104.99 %: below 105.
    const summary = async (organisationId: string) =>
      (await gqlOk<{ revenueSummary: { nrr: string } }>(w.t, DOCS.revenueSummary, { organisationId, month: '2026-09-01' }, { token: w.manager })).revenueSummary.nrr;
    expect(await summary(s.b.id)).toBe('104.99');
    expect(await summary(s.a.id)).toBe('105.00');
    expect(fixedLines.find((l) => l.organisationId === s.a.id)!.source.label).toBe('NRR 2026-09: 105.00 % (threshold 105 %; cohort MRR now EUR 1050.00)');
    expect(fixedLines.find((l) => l.organisationId === s.c.id)!.source.label).toContain(`NRR 2026-09: ${await summary(s.c.id)} %`);
    // A percentage of the cohort's MRR now: 2.5 % of 1,100.00 = 27.50; 2.5 % of 1,050.00 = 26.25.
    expect((await planLines(percent)).map((l) => [l.organisationId, l.base, l.rate, l.amount]).sort()).toEqual(
      [
        [s.a.id, '1050.00', '2.5', '26.25'],
        [s.c.id, '1100.00', '2.5', '27.50'],
      ].sort(),
    );
  });

  it('early renewal: recorded 90 days before the term ends earns the reward, 89 days does not', async () => {
    const s = await newScenario(w);
    // Today is 2026-10-05: 2027-01-03 is 90 days away, 2027-01-02 89.
    const ninety = await subscribed(s.a.id, 'Renews Early', { effectiveDate: '2026-01-10', termEndsOn: '2027-01-03' });
    const eightyNine = await subscribed(s.a.id, 'Renews Late', { effectiveDate: '2026-01-10', termEndsOn: '2027-01-02' });
    const early = await recordEvent(w.t, w.manager, { kind: 'RENEW', subscriptionId: ninety.subscriptionId, effectiveDate: '2026-10-05', termEndsOn: '2028-01-03' });
    await recordEvent(w.t, w.manager, { kind: 'RENEW', subscriptionId: eightyNine.subscriptionId, effectiveDate: '2026-10-05', termEndsOn: '2028-01-02' });
    await rollups.drain();
    const plan = await retentionPlan(s, '2026-10-01', { earlyRenewalReward: '100.00' });
    await recompute(plan);
    const lines = await planLines(plan);
    expect(lines.map((l) => [l.rule, l.source.type, l.source.id, l.base, l.rate, l.amount, l.period])).toEqual([['EARLY_RENEWAL', 'RENEWAL', early.event.id, null, null, '100.00', '2026-Q4']]);
    expect(lines[0]!.source.label).toBe('Early renewal of Renews Early on 2026-10-05 (new term to 2028-01-03)');
  });

  it('a customer churning inside the clawback window after a rewarded expansion: an explicit CLAWBACK line with the reason; outside it: none', async () => {
    const s = await newScenario(w);
    const inside = await subscribed(s.a.id, 'Churns Soon', { effectiveDate: '2026-02-10', unitPrice: '333.33' });
    const outside = await subscribed(s.a.id, 'Churns Later', { effectiveDate: '2026-02-10', unitPrice: '333.33' });
    await change(inside.subscriptionId, '2026-08-12', { quantity: 2 });
    await change(outside.subscriptionId, '2026-07-01', { quantity: 2 });
    await rollups.drain();
    const plan = await retentionPlan(s, '2026-07-01', { expansionRate: '1.5', clawbackDays: 30 });
    expect(await recompute(plan, '2026-Q3')).toBe(2);
    // 20 days after the expansion of 2026-08-12 (inside 30); 62 days after 2026-07-01 (outside).
    await cancel(inside.subscriptionId, '2026-09-01');
    await cancel(outside.subscriptionId, '2026-09-01');
    await rollups.drain();
    expect(await recompute(plan, '2026-Q3')).toBe(1);
    expect(await recompute(plan, '2026-Q3')).toBe(0);
    const lines = await planLines(plan);
    const claw = lines.filter((l) => l.kind === 'CLAWBACK');
    expect(claw).toHaveLength(1);
    expect(claw[0]).toMatchObject({ rule: 'EXPANSION', amount: '-5.00', period: '2026-Q3' });
    expect(claw[0]!.reason).toBe('Source reversed: Churns Soon churned on 2026-09-01, 20 days after the expansion of 2026-08-12 (clawback window 30 days).');
    expect(claw[0]!.source.label).toContain('Expansion of Churns Soon, 2026-08');
    expect(lines.filter((l) => l.kind === 'ACCRUAL').map((l) => l.amount)).toEqual(['5.00', '5.00']);
    const total = lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0);
    expect(total).toBe(500);
  });

  it('the clawback window is each plan’s own: a churn 20 days after an expansion claws back under a 30-day window, not under a 10-day one; a preview writes nothing', async () => {
    const s = await newScenario(w);
    const sub = await subscribed(s.a.id, 'Window Test', { effectiveDate: '2026-02-10', unitPrice: '333.33' });
    await change(sub.subscriptionId, '2026-08-12', { quantity: 2 });
    await rollups.drain();
    const wide = await retentionPlan(s, '2026-07-01', { expansionRate: '1.5', clawbackDays: 30 });
    const narrow = await retentionPlan(s, '2026-07-01', { expansionRate: '1.5', clawbackDays: 10 });
    expect(await recompute(wide, '2026-Q3')).toBe(1);
    expect(await recompute(narrow, '2026-Q3')).toBe(1);
    await cancel(sub.subscriptionId, '2026-09-01');
    await rollups.drain();
    const reversalsBefore = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_source_reversals`);
    // The preview: under the wide window the churn reverses the expansion (it earns nothing), under the narrow one it pays.
    const preview = async (plan: PlanNode) =>
      (await gqlOk<{ previewIncentivePlan: { lines: { amount: string }[] } }>(w.t, DOCS.previewIncentivePlan, { planId: plan.id, periodKey: '2026-Q3' }, { token: w.manager })).previewIncentivePlan.lines.map((l) => l.amount);
    expect(await preview(wide)).toEqual([]);
    expect(await preview(narrow)).toEqual(['5.00']);
    expect(await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_source_reversals`)).toEqual(reversalsBefore);
    expect(await recompute(wide, '2026-Q3')).toBe(1);
    expect(await recompute(narrow, '2026-Q3')).toBe(0);
    expect((await planLines(wide)).map((l) => [l.kind, l.amount]).sort()).toEqual([['ACCRUAL', '5.00'], ['CLAWBACK', '-5.00']]);
    expect((await planLines(narrow)).map((l) => [l.kind, l.amount])).toEqual([['ACCRUAL', '5.00']]);
    expect(await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_source_reversals`)).toEqual(reversalsBefore);
  });

  it('new-ARR rebate: NEW movement MRR × 12 of the partner’s customers — retroactive 12,000.00 vs incremental 8,500.00 on 300,000.00', async () => {
    const s = await newScenario(w);
    await subscribed(s.c.id, 'New One', { effectiveDate: '2026-07-10', unitPrice: '10000.00' });
    await subscribed(s.c.id, 'New Two', { effectiveDate: '2026-09-01', unitPrice: '15000.00' });
    // Started in Q2: not new ARR of Q3.
    await subscribed(s.c.id, 'Old One', { effectiveDate: '2026-06-30', unitPrice: '999.00' });
    await rollups.drain();
    const plan = (mode: string) => createPlan(w, s, { name: `New ARR ${mode}`, kind: 'REBATE', effectiveFrom: '2026-07-01', rules: { rebate: { mode, measure: 'NEW_ARR', tiers: REBATE_TIERS } } });
    const retro = await plan('RETROACTIVE');
    const incremental = await plan('INCREMENTAL');
    await recompute(retro, '2026-Q3');
    await recompute(incremental, '2026-Q3');
    const r = (await planLines(retro)).filter((l) => l.period === '2026-Q3');
    expect(r.map((l) => [l.organisationId, l.rule, l.base, l.rate, l.amount])).toEqual([[s.c.id, 'RETROACTIVE_TIER_3', '300000.00', '4', '12000.00']]);
    expect(r[0]!.source).toEqual({ type: 'REBATE_VOLUME', id: `${s.c.id}:2026-Q3`, label: 'New ARR 2026-Q3: EUR 300000.00 (new MRR × 12 of 2 new customers)' });
    const i = (await planLines(incremental)).filter((l) => l.period === '2026-Q3');
    expect(i.map((l) => [l.rule, l.base, l.rate, l.amount]).sort()).toEqual([
      ['INCREMENTAL_TIER_1', '100000.00', '2', '2000.00'],
      ['INCREMENTAL_TIER_2', '150000.00', '3', '4500.00'],
      ['INCREMENTAL_TIER_3', '50000.00', '4', '2000.00'],
    ]);
    // Progress in the current quarter: no new customers yet.
    const progress = await gqlOk<{ incentiveProgress: { measure: string; period: string } }>(w.t, DOCS.incentiveProgress, { planId: retro.id, organisationId: s.c.id }, { token: w.manager });
    expect(progress.incentiveProgress).toMatchObject({ period: '2026-Q4', measure: '0.00' });
  });

  it('referral: a public sign-up through the partner’s link, linked to a customer — 10 % of its MRR for 3 months vs the lifetime', async () => {
    const s = await newScenario(w);
    const link = (await gqlOk<{ createReferralLink: { code: string; path: string; organisationId: string } }>(w.t, DOCS.createReferralLink, {}, { token: s.a.adminToken })).createReferralLink;
    expect(link.organisationId).toBe(s.a.id);
    expect(link.path).toBe(`/r/${link.code}`);
    // Asking again gives the same link.
    expect((await gqlOk<{ createReferralLink: { code: string } }>(w.t, DOCS.createReferralLink, {}, { token: s.a.adminToken })).createReferralLink.code).toBe(link.code);

    const server = w.t.app.getHttpServer();
    w.t.clock.set(new Date('2026-06-15T10:00:00Z'));
    const signup = await request(server).post(`/api/referrals/${link.code}/signups`).send({ name: 'Pat Prospect', email: 'pat@referred.test', company: 'Referred BV' });
    w.t.clock.set(TODAY);
    expect(signup.status).toBe(201);
    const signupId = (signup.body as { id: string }).id;
    expect((await request(server).post('/api/referrals/no-such-code/signups').send({ name: 'X', email: 'x@x.test', company: 'X' })).status).toBe(404);
    expect((await request(server).post(`/api/referrals/${link.code}/signups`).send({ name: '', email: 'not-an-email', company: 'X' })).status).toBe(400);
    // 20 sign-ups per address and hour: the 20th is taken, the 21st refused (429) and not written.
    for (let i = 1; i <= 20; i += 1) expect((await request(server).post(`/api/referrals/${link.code}/signups`).send({ name: `P${i}`, email: `p${i}@flood.test`, company: 'Flood' })).status).toBe(201);
    const limited = await request(server).post(`/api/referrals/${link.code}/signups`).send({ name: 'P21', email: 'p21@flood.test', company: 'Flood' });
    expect(limited.status).toBe(429);
    expect((limited.body as { error: { code: string } }).error.code).toBe('RATE_LIMITED');

    // The customer is resold by partner B; the commission goes to the referring partner A.
    const r = await subscribed(s.b.id, 'Referred BV', { effectiveDate: '2026-06-20', unitPrice: '333.33' });
    await change(r.subscriptionId, '2026-08-01', { unitPrice: '500.00' });
    await rollups.drain();
    const linked = await gqlOk<{ linkReferralSignup: { customerId: string; organisationId: string } }>(w.t, DOCS.linkReferralSignup, { input: { signupId, customerId: r.customerId } }, { token: w.manager });
    expect(linked.linkReferralSignup).toMatchObject({ customerId: r.customerId, organisationId: s.a.id });

    const referral = (name: string, rules: Record<string, unknown>) => createPlan(w, s, { name, kind: 'REFERRAL', periodKind: 'MONTH', effectiveFrom: '2026-06-01', rules: { referral: { rate: '10', ...rules } } });
    const three = await referral('Referral 3 months', { months: 3 });
    const lifetime = await referral('Referral lifetime', { lifetime: true });
    await recompute(three, '2026-10');
    await recompute(lifetime, '2026-10');
    const rows = (lines: LineNode[]) => lines.map((l) => [l.organisationId, l.source.id, l.period, l.base, l.amount]).sort();
    // 333.33 × 10 % = 33.333 → 33.33 (June, July); 500.00 × 10 % = 50.00 from August.
    expect(rows(await planLines(three))).toEqual([
      [s.a.id, `${r.customerId}:2026-06`, '2026-06', '333.33', '33.33'],
      [s.a.id, `${r.customerId}:2026-07`, '2026-07', '333.33', '33.33'],
      [s.a.id, `${r.customerId}:2026-08`, '2026-08', '500.00', '50.00'],
    ]);
    const life = await planLines(lifetime);
    expect(rows(life)).toEqual([
      [s.a.id, `${r.customerId}:2026-06`, '2026-06', '333.33', '33.33'],
      [s.a.id, `${r.customerId}:2026-07`, '2026-07', '333.33', '33.33'],
      [s.a.id, `${r.customerId}:2026-08`, '2026-08', '500.00', '50.00'],
      [s.a.id, `${r.customerId}:2026-09`, '2026-09', '500.00', '50.00'],
      [s.a.id, `${r.customerId}:2026-10`, '2026-10', '500.00', '50.00'],
    ]);
    expect(life.find((l) => l.period === '2026-08')!.source).toMatchObject({
      type: 'REFERRAL_MRR',
      label: 'Referral of Referred BV (signed up 2026-06-15), 2026-08: month 3 lifetime, MRR EUR 500.00',
    });
    expect((await planLines(three)).find((l) => l.period === '2026-08')!.source.label).toBe('Referral of Referred BV (signed up 2026-06-15), 2026-08: month 3 of 3, MRR EUR 500.00');

    // A's admin sees the sign-up, linked; the link counts it.
    const mine = await gqlOk<{ referralSignups: { edges: { node: { id: string; customerName: string | null } }[] } }>(w.t, DOCS.referralSignups, { first: 50 }, { token: s.a.adminToken });
    expect(mine.referralSignups.edges.filter((e) => e.node.customerName !== null).map((e) => [e.node.id, e.node.customerName])).toEqual([[signupId, 'Referred BV']]);
    expect((await gqlOk<{ referralLink: { link: { signupCount: number } } }>(w.t, DOCS.referralLink, {}, { token: s.a.adminToken })).referralLink.link.signupCount).toBe(21);

    // Linking again to the same customer changes nothing; to another customer: CONFLICT.
    const other = await subscribed(s.b.id, 'Someone Else', { effectiveDate: '2026-06-20' });
    expect(codeOf(await w.t.gql(DOCS.linkReferralSignup, { input: { signupId, customerId: r.customerId } }, { token: w.manager }))).toBeNull();
    expect(codeOf(await w.t.gql(DOCS.linkReferralSignup, { input: { signupId, customerId: other.customerId } }, { token: w.manager }))).toBe('CONFLICT');
  });

  it('referral clawback: the referred customer churns 25 days after signing up (window 30) — every commission month booked is clawed back with the reason', async () => {
    const s = await newScenario(w);
    const { code } = (await gqlOk<{ createReferralLink: { code: string } }>(w.t, DOCS.createReferralLink, {}, { token: s.a.adminToken })).createReferralLink;
    w.t.clock.set(new Date('2026-06-15T10:00:00Z'));
    const signup = await request(w.t.app.getHttpServer()).post(`/api/referrals/${code}/signups`).send({ name: 'Quick Quitter', email: 'q@quits.test', company: 'Quits BV' });
    w.t.clock.set(TODAY);
    const q = await subscribed(s.b.id, 'Quits BV', { effectiveDate: '2026-06-20', unitPrice: '100.00' });
    await rollups.drain();
    await gqlOk(w.t, DOCS.linkReferralSignup, { input: { signupId: (signup.body as { id: string }).id, customerId: q.customerId } }, { token: w.manager });
    const plan = await createPlan(w, s, { name: 'Referral with clawback', kind: 'REFERRAL', periodKind: 'MONTH', effectiveFrom: '2026-06-01', rules: { referral: { rate: '10', lifetime: true, clawbackDays: 30 } } });
    await recompute(plan, '2026-10');
    expect((await planLines(plan)).map((l) => l.amount)).toEqual(['10.00', '10.00', '10.00', '10.00', '10.00']);
    await cancel(q.subscriptionId, '2026-07-10');
    await rollups.drain();
    await recompute(plan, '2026-10');
    expect(await recompute(plan, '2026-10')).toBe(0);
    const lines = await planLines(plan);
    const claws = lines.filter((l) => l.kind === 'CLAWBACK');
    expect(claws).toHaveLength(5);
    expect(claws.every((l) => l.reason === 'Source reversed: Quits BV churned on 2026-07-10, 25 days after signing up (clawback window 30 days).')).toBe(true);
    // Booked in the churn's month (the earliest open period on or after it), each the minus of its month.
    expect(claws.map((l) => [l.source.id.slice(-7), l.amount, l.period]).sort()).toEqual(
      ['2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m) => [m, '-10.00', '2026-07']),
    );
    expect(lines.reduce((sum, l) => sum + Math.round(Number(l.amount) * 100), 0)).toBe(0);
  });

  it('rebate base rate from the partner’s tier benefit: 5 % (the tier’s rebate rate) instead of the plan’s 2 % on 60,000.00 of new ARR', async () => {
    const s = await newScenario(w);
    await w.t.dataSource.query(`UPDATE tiers SET rebate_rate = 5 WHERE program_id = $1`, [s.programId]);
    await subscribed(s.c.id, 'Tiered New', { effectiveDate: '2026-08-03', unitPrice: '5000.00' });
    await rollups.drain();
    const tiers = [{ from: '0.00', to: '100000.00', rate: '2' }, { from: '100000.00', rate: '3' }];
    const withTier = await createPlan(w, s, { name: 'Tier base rate', kind: 'REBATE', effectiveFrom: '2026-07-01', rules: { rebate: { mode: 'RETROACTIVE', measure: 'NEW_ARR', baseRateFromTier: true, tiers } } });
    const plain = await createPlan(w, s, { name: 'Plan rate', kind: 'REBATE', effectiveFrom: '2026-07-01', rules: { rebate: { mode: 'RETROACTIVE', measure: 'NEW_ARR', tiers } } });
    await recompute(withTier, '2026-Q3');
    await recompute(plain, '2026-Q3');
    expect((await planLines(withTier)).map((l) => [l.base, l.rate, l.amount])).toEqual([['60000.00', '5', '3000.00']]);
    expect((await planLines(plain)).map((l) => [l.base, l.rate, l.amount])).toEqual([['60000.00', '2', '1200.00']]);
  });

  it('partners never reach another organisation’s link or sign-ups; unknown ids are NOT_FOUND and change nothing', async () => {
    const s = await newScenario(w);
    await gqlOk(w.t, DOCS.createReferralLink, {}, { token: s.a.adminToken });
    const bAdmin = await withRealClock(() => createUser(w.t, w.admin, { role: 'PARTNER_ADMIN', organisationId: s.b.id }));
    expect(codeOf(await w.t.gql(DOCS.referralLink, { organisationId: s.a.id }, { token: bAdmin.token }))).toBe('NOT_FOUND');
    expect(codeOf(await w.t.gql(DOCS.referralSignups, { filter: { organisationId: s.a.id } }, { token: bAdmin.token }))).toBe('NOT_FOUND');
    expect((await gqlOk<{ referralLink: { organisationId: string; link: null } }>(w.t, DOCS.referralLink, {}, { token: bAdmin.token })).referralLink).toEqual({ organisationId: s.b.id, link: null });
    // A partner cannot link sign-ups at all; a rep cannot read them.
    expect(codeOf(await w.t.gql(DOCS.linkReferralSignup, { input: { signupId: s.a.id, customerId: s.a.id } }, { token: bAdmin.token }))).toBe('FORBIDDEN');
    expect(codeOf(await w.t.gql(DOCS.referralSignups, {}, { token: s.a.rep.token }))).toBe('FORBIDDEN');
    // Vendor: an unknown sign-up or customer is NOT_FOUND.
    const customer = await subscribed(s.a.id, 'Linked Nowhere', { effectiveDate: '2026-06-20' });
    expect(codeOf(await w.t.gql(DOCS.linkReferralSignup, { input: { signupId: customer.customerId, customerId: customer.customerId } }, { token: w.manager }))).toBe('NOT_FOUND');
  });

  it('bad rules: field errors with stable codes, nothing written', async () => {
    const s = await newScenario(w);
    const create = (kind: string, rules: Record<string, unknown>, currency = 'EUR') =>
      w.t.gql(DOCS.createIncentivePlan, { input: { name: 'Bad', kind, periodKind: 'QUARTER', currency, effectiveFrom: '2026-10-01', programId: s.programId, rules } }, { token: w.admin });
    const fields = (res: Awaited<ReturnType<typeof create>>) => {
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      return Object.keys((res.errors![0]!.extensions as { fields?: Record<string, string[]> }).fields ?? {}).sort();
    };
    expect(fields(await create('RETENTION', { retention: {} }))).toEqual(['rules.retention']);
    expect(fields(await create('RETENTION', { retention: { nrrThreshold: '105', expansionRate: '120' } }))).toEqual(['rules.retention.expansionRate', 'rules.retention.nrrReward']);
    expect(fields(await create('RETENTION', { retention: { expansionRate: '1' } }, 'USD'))).toEqual(['currency']);
    expect(fields(await create('REFERRAL', { referral: { rate: '10' } }))).toEqual(['rules.referral.months']);
    expect(fields(await create('REFERRAL', { referral: { rate: '10', months: 3, lifetime: true } }))).toEqual(['rules.referral.months']);
    expect(fields(await create('REFERRAL', {}))).toEqual(['rules.referral']);
    expect(fields(await create('REBATE', { rebate: { mode: 'RETROACTIVE', measure: 'NEW_ARR', tiers: REBATE_TIERS } }, 'USD'))).toEqual(['rules.rebate.measure']);
    const plans = await gqlOk<{ incentivePlans: { edges: unknown[] } }>(w.t, DOCS.incentivePlans, { filter: { programId: s.programId } }, { token: w.admin });
    expect(plans.incentivePlans.edges).toEqual([]);
  });
});
