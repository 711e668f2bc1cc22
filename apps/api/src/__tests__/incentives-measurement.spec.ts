import { queriesIssued } from '@prm/server/core';
import { gqlOk } from '../testing/factories';
import { createPlan, type IncentiveWorld, newScenario, type PlanNode, type Scenario, startIncentivesApp, statementsOf, wonDeal } from '../testing/incentive-fixtures';
import { getAs } from '../testing/mdf-fixtures';
import { DOCS } from '../testing/operations';
import { codeOf } from '../testing/test-app';

/**
 * Issue 6 on real PostgreSQL: measurement golden numbers (participation, conversion, cost accrued and
 * paid, budget, ROI, payment delay), the plan preview (writes nothing), the statement's beneficiary
 * names, redemptions (lists, FULFILLED once) and the payout CSV route. Each test has its own program.
 */

// Q3 2026 is over; Q4 is the current period.
const TODAY = new Date('2026-10-05T09:00:00Z');

const SPIF_RULES = { spif: { startsOn: '2026-07-01', endsOn: '2026-12-31', countries: ['BE'], payoutKind: 'PERCENT', rate: '5', repCap: '1000.00', budget: '2000.00' } };
const spifPlan = { name: 'Measured SPIF', kind: 'SPIF', effectiveFrom: '2026-07-01', rules: SPIF_RULES };
const rebatePlan = {
  name: 'Measured rebate',
  kind: 'REBATE',
  effectiveFrom: '2026-07-01',
  rules: { rebate: { mode: 'RETROACTIVE', tiers: [{ from: '0.00', to: '100000.00', rate: '2' }, { from: '100000.00', rate: '3' }] } },
};

interface Measure {
  planId: string;
  period: string;
  eligible: number;
  participants: number;
  participationRate: string | null;
  qualifyingUnits: number;
  costPerUnit: string | null;
  gainPerCost: string | null;
  costAccrued: string;
  costPaid: string;
  gain: string | null;
  gainNote: string | null;
  roi: string | null;
  budget: string | null;
  budgetUsed: string | null;
}
interface MeasurementData {
  incentiveMeasurement: { periods: Measure[]; paymentDelays: { planId: string; paidStatements: number; medianDays: number | null; p90Days: number | null }[]; redemptionSpeedDays: number | null; pointsRedeemed: string };
}

describe('incentives: measurement, preview, redemptions, payout file', () => {
  let w: IncentiveWorld;

  beforeAll(async () => {
    w = await startIncentivesApp(TODAY);
  });
  afterAll(() => w?.t.close());

  const close = (plan: PlanNode, period: string) => gqlOk(w.t, DOCS.closeIncentivePeriod, { planId: plan.id, period }, { token: w.manager });
  const approve = (id: string) => gqlOk(w.t, DOCS.approveIncentiveStatement, { id }, { token: w.manager });
  const pay = (id: string, method = 'CASH') => gqlOk(w.t, DOCS.markIncentiveStatementsPaid, { input: { statementIds: [id], method, idempotencyKey: `pay-${id}` } }, { token: w.manager });
  const lineCount = async (): Promise<number> => Number((await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_accrual_lines`))[0].n);

  /** Rep A: 10,000.00 → 500.00 and 12,345.67 → 500.00 (rep cap); rep B: 3,333.33 → 166.67; C's Dutch deal (5,000.00) is outside the SPIF. */
  const deals = async (s: Scenario): Promise<void> => {
    await wonDeal(w, s.a.rep.token, '10000.00', '2026-07-10');
    await wonDeal(w, s.a.rep.token, '12345.67', '2026-08-20');
    await wonDeal(w, s.b.rep.token, '3333.33', '2026-09-02');
    await wonDeal(w, s.c.rep.token, '5000.00', '2026-09-03', 'NL');
  };

  const withClock = async <T>(at: string, fn: () => Promise<T>): Promise<T> => {
    w.t.clock.set(new Date(at));
    try {
      return await fn();
    } finally {
      w.t.clock.set(TODAY);
    }
  };

  it('SPIF and rebate: participation, conversion, cost accrued and paid, budget used, ROI and payment delay to the cent', async () => {
    const s = await newScenario(w);
    await deals(s);
    const spif = await createPlan(w, s, spifPlan);
    const rebate = await createPlan(w, s, rebatePlan);
    await close(spif, '2026-Q3');
    await close(rebate, '2026-Q3');
    const [ofA, ofB] = ['a', 'b'].map((who) => statementsOf(w, w.manager, { planId: spif.id, organisationId: s[who as 'a' | 'b'].id }));
    const a = (await ofA)[0]!;
    const b = (await ofB)[0]!;
    await approve(a.id);
    await approve(b.id);
    await pay(a.id); // 5 days after 30 September
    await withClock('2026-10-20T08:00:00Z', () => pay(b.id)); // 20 days

    const res = await gqlOk<MeasurementData>(w.t, DOCS.incentiveMeasurement, { planId: spif.id }, { token: w.analyst });
    expect(res.incentiveMeasurement.periods).toEqual([
      {
        planId: spif.id,
        planName: 'Measured SPIF',
        kind: 'SPIF',
        period: '2026-Q3',
        currency: 'EUR',
        eligible: 3, // the three partners' reps (A's partner admin is not a rep)
        participants: 2,
        participationRate: '66.67',
        qualifyingUnits: 3,
        costPerUnit: '388.89',
        gainPerCost: '22.01',
        costAccrued: '1166.67',
        costPaid: '1166.67',
        gain: '25679.00',
        gainNote: null,
        roi: '2101.05',
        budget: '2000.00',
        budgetUsed: '58.33',
      },
    ]);
    expect(res.incentiveMeasurement.paymentDelays).toEqual([{ planId: spif.id, planName: 'Measured SPIF', paidStatements: 2, medianDays: 13, p90Days: 20 }]);

    // Rebate: the won value of every deal of the program in the quarter (30,679.00), 2 % per partner: 446.91 + 66.67 + 100.00.
    const r = await gqlOk<MeasurementData>(w.t, DOCS.incentiveMeasurement, { planId: rebate.id, periodKey: '2026-Q3' }, { token: w.manager });
    expect(r.incentiveMeasurement.periods).toEqual([
      expect.objectContaining({ eligible: 3, participants: 3, participationRate: '100.00', qualifyingUnits: 4, costAccrued: '613.58', costPaid: '0.00', gain: '30679.00', roi: '4900.00', gainPerCost: '50.00', costPerUnit: '153.40', budget: null, budgetUsed: null }),
    ]);
    expect(r.incentiveMeasurement.paymentDelays).toEqual([expect.objectContaining({ planId: rebate.id, paidStatements: 0, medianDays: null, p90Days: null })]);

    // Every plan at once (the vendor admin) lists both.
    const all = await gqlOk<MeasurementData>(w.t, DOCS.incentiveMeasurement, { periodKey: '2026-Q3' }, { token: w.admin });
    expect(all.incentiveMeasurement.periods.map((p) => p.planId)).toEqual(expect.arrayContaining([spif.id, rebate.id]));
  });

  it('an ACTIVITY plan in points: participation per partner, cost in points, no gain in money (null with a note)', async () => {
    const s = await newScenario(w);
    const type = (await gqlOk<{ createActivityType: { id: string } }>(w.t, DOCS.createActivityType, { input: { name: `Webinar ${s.programId}`, kind: 'WEBINAR_ATTENDED', approval: 'AUTO' } }, { token: w.admin }))
      .createActivityType.id;
    const plan = await createPlan(w, s, { name: 'Measured activity', kind: 'ACTIVITY', currency: 'POINTS', effectiveFrom: '2026-07-01', rules: { activity: { activities: [{ activityTypeId: type, amount: '100' }] } } });
    await gqlOk(w.t, DOCS.logActivity, { input: { typeId: type, occurredOn: '2026-08-01', description: 'Webinar' } }, { token: s.a.rep.token });
    await gqlOk(w.t, DOCS.recomputeIncentiveAccruals, { planId: plan.id }, { token: w.manager });
    const res = await gqlOk<MeasurementData>(w.t, DOCS.incentiveMeasurement, { planId: plan.id, periodKey: '2026-Q3' }, { token: w.analyst });
    expect(res.incentiveMeasurement.periods).toEqual([
      expect.objectContaining({ kind: 'ACTIVITY', currency: 'POINTS', eligible: 3, participants: 1, participationRate: '33.33', qualifyingUnits: 1, costAccrued: '100', costPerUnit: '100', gain: null, roi: null, gainPerCost: null }),
    ]);
    expect(res.incentiveMeasurement.periods[0]!.gainNote).toMatch(/^Activity plans reward behaviour/);
  });

  it('measurement: partners are refused; a bad period or an unknown plan answers with a field error or NOT_FOUND', async () => {
    const s = await newScenario(w);
    const spif = await createPlan(w, s, spifPlan);
    for (const token of [s.a.adminToken, s.a.rep.token]) expect(codeOf(await w.t.gql(DOCS.incentiveMeasurement, {}, { token }))).toBe('FORBIDDEN');
    const bad = await w.t.gql(DOCS.incentiveMeasurement, { planId: spif.id, periodKey: '2026-03' }, { token: w.analyst });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('periodKey');
    expect(codeOf(await w.t.gql(DOCS.incentiveMeasurement, { periodKey: 'soon' }, { token: w.analyst }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await w.t.gql(DOCS.incentiveMeasurement, { planId: '00000000-0000-4000-8000-000000000000' }, { token: w.analyst }))).toBe('NOT_FOUND');
  });

  it('preview: a draft plan over the last complete quarter gives the lines and totals per rep, and writes nothing', async () => {
    const s = await newScenario(w);
    await deals(s);
    const draft = (
      await gqlOk<{ createIncentivePlan: PlanNode }>(w.t, DOCS.createIncentivePlan, { input: { currency: 'EUR', periodKind: 'QUARTER', programId: s.programId, ...spifPlan } }, { token: w.admin })
    ).createIncentivePlan;
    expect(draft.status).toBe('DRAFT');
    const before = await lineCount();
    const res = await gqlOk<{ previewIncentivePlan: { period: string; total: string; totals: { userId: string; repName: string; organisationName: string; total: string; lineCount: number }[]; lines: { amount: string; cappedBy: string | null }[] } }>(
      w.t,
      DOCS.previewIncentivePlan,
      { planId: draft.id },
      { token: w.manager },
    );
    const p = res.previewIncentivePlan;
    expect(p.period).toBe('2026-Q3');
    expect(p.total).toBe('1166.67');
    expect(p.lines.map((l) => [l.amount, l.cappedBy]).sort()).toEqual([
      ['166.67', null],
      ['500.00', null],
      ['500.00', 'REP_CAP'],
    ]);
    const byRep = Object.fromEntries(p.totals.map((t) => [t.userId, [t.total, t.lineCount, t.organisationName, t.repName]]));
    expect(byRep[s.a.rep.id]).toEqual(['1000.00', 2, s.a.name, `Rep of ${s.a.name}`]);
    expect(byRep[s.b.rep.id]).toEqual(['166.67', 1, s.b.name, `Rep of ${s.b.name}`]);
    expect(await lineCount()).toBe(before);
    const q4 = await gqlOk<{ previewIncentivePlan: { total: string; lines: unknown[] } }>(w.t, DOCS.previewIncentivePlan, { planId: draft.id, periodKey: '2026-Q4' }, { token: w.analyst });
    expect(q4.previewIncentivePlan).toMatchObject({ total: '0.00', lines: [] });
    // Bad input and foreign callers: nothing changes.
    const month = await w.t.gql(DOCS.previewIncentivePlan, { planId: draft.id, periodKey: '2026-08' }, { token: w.manager });
    expect(codeOf(month)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(month.errors)).toContain('periodKey');
    expect(codeOf(await w.t.gql(DOCS.previewIncentivePlan, { planId: draft.id }, { token: s.a.adminToken }))).toBe('FORBIDDEN');
    expect(codeOf(await w.t.gql(DOCS.previewIncentivePlan, { planId: '00000000-0000-4000-8000-000000000000' }, { token: w.manager }))).toBe('NOT_FOUND');
    expect(await lineCount()).toBe(before);
  });

  it('a statement names its organisation and rep; a partner sees only its own', async () => {
    const s = await newScenario(w);
    await deals(s);
    const spif = await createPlan(w, s, spifPlan);
    await close(spif, '2026-Q3');
    const [a] = await statementsOf(w, w.manager, { planId: spif.id, organisationId: s.a.id });
    const [b] = await statementsOf(w, w.manager, { planId: spif.id, organisationId: s.b.id });
    const own = await gqlOk<{ incentiveStatement: { organisation: { id: string; name: string }; repName: string } }>(w.t, DOCS.incentiveStatement, { id: a!.id }, { token: s.a.adminToken });
    expect(own.incentiveStatement).toMatchObject({ organisation: { id: s.a.id, name: s.a.name }, repName: `Rep of ${s.a.name}` });
    expect(codeOf(await w.t.gql(DOCS.incentiveStatement, { id: b!.id }, { token: s.a.adminToken }))).toBe('NOT_FOUND');
  });

  it('a page of statements with their organisation and rep names costs the same number of SQL statements for 1 or 3 rows', async () => {
    const s = await newScenario(w);
    await deals(s);
    const rebate = await createPlan(w, s, rebatePlan);
    const spif = await createPlan(w, s, spifPlan);
    await close(rebate, '2026-Q3');
    await close(spif, '2026-Q3');
    const doc = `query($filter: IncentiveStatementFilter, $first: Int) { incentiveStatements(filter: $filter, first: $first) { edges { node { id userId organisation { id name } repName } } } }`;
    const cost = async (planId: string, first: number) => {
      const before = queriesIssued();
      const data = await gqlOk<{ incentiveStatements: { edges: { node: { userId: string | null; organisation: { name: string }; repName: string | null } }[] } }>(w.t, doc, { filter: { planId }, first }, { token: w.manager });
      return { statements: queriesIssued() - before, rows: data.incentiveStatements.edges.map((e) => e.node) };
    };
    await cost(spif.id, 1);
    const one = await cost(spif.id, 1);
    const two = await cost(spif.id, 2);
    expect(two.rows).toHaveLength(2);
    expect(two.rows.every((r) => r.organisation.name && r.repName?.startsWith('Rep of '))).toBe(true);
    expect(two.statements).toBe(one.statements);
    const three = await cost(rebate.id, 3);
    expect(three.rows).toHaveLength(3);
    expect(three.rows.map((r) => r.organisation.name).sort()).toEqual([s.a.name, s.b.name, s.c.name].sort());
    expect(three.rows.every((r) => r.repName === null)).toBe(true);
    expect(three.statements).toBe((await cost(rebate.id, 1)).statements);
  });

  it('redemptions: lists scoped to the caller; APPROVED → FULFILLED once; a requested one is approved first', async () => {
    const s = await newScenario(w);
    await wonDeal(w, s.a.rep.token, '20000.00', '2026-08-01');
    const plan = await createPlan(w, s, { ...spifPlan, rules: { spif: { ...SPIF_RULES.spif, repCap: null, budget: null } } });
    await close(plan, '2026-Q3');
    const [statement] = await statementsOf(w, w.manager, { planId: plan.id, organisationId: s.a.id });
    await approve(statement!.id);
    await pay(statement!.id, 'POINTS'); // 1,000 points for rep A on 5 October
    const reward = (name: string, requiresApproval: boolean) =>
      gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name, kind: 'GIFT_VOUCHER', pointsPrice: 100, stock: 10, requiresApproval } }, { token: w.admin });
    const needsApproval = (await reward(`Voucher approved ${s.programId}`, true)).createReward.id;
    const direct = (await reward(`Voucher direct ${s.programId}`, false)).createReward.id;
    const redeem = (rewardId: string) => withClock('2026-10-15T10:00:00Z', () => gqlOk<{ redeemReward: { id: string; status: string } }>(w.t, DOCS.redeemReward, { input: { rewardId } }, { token: s.a.rep.token }));
    const requested = (await redeem(needsApproval)).redeemReward;
    const approved = (await redeem(direct)).redeemReward;
    expect([requested.status, approved.status]).toEqual(['REQUESTED', 'APPROVED']);

    const early = await w.t.gql(DOCS.fulfilRewardRedemption, { id: requested.id }, { token: w.manager });
    expect(codeOf(early)).toBe('CONFLICT');
    await gqlOk(w.t, DOCS.approveRewardRedemption, { id: requested.id }, { token: w.manager });
    const fulfilled = await gqlOk<{ fulfilRewardRedemption: { status: string } }>(w.t, DOCS.fulfilRewardRedemption, { id: requested.id }, { token: w.manager });
    expect(fulfilled.fulfilRewardRedemption.status).toBe('FULFILLED');
    const twice = await Promise.all([1, 2, 3].map(() => w.t.gql(DOCS.fulfilRewardRedemption, { id: approved.id }, { token: w.manager })));
    expect(twice.map((r) => String(codeOf(r))).sort()).toEqual(['CONFLICT', 'CONFLICT', 'null']);
    expect(codeOf(await w.t.gql(DOCS.fulfilRewardRedemption, { id: requested.id }, { token: w.manager }))).toBe('CONFLICT');
    expect(codeOf(await w.t.gql(DOCS.fulfilRewardRedemption, { id: '00000000-0000-4000-8000-000000000000' }, { token: w.manager }))).toBe('NOT_FOUND');
    expect(codeOf(await w.t.gql(DOCS.fulfilRewardRedemption, { id: approved.id }, { token: s.a.adminToken }))).toBe('FORBIDDEN');

    type List = { rewardRedemptions: { edges: { node: { id: string; status: string; organisationId: string; reward: { name: string }; organisation: { name: string }; userName: string } }[] } };
    const ids = (l: List) => l.rewardRedemptions.edges.map((e) => e.node.id).sort();
    const mine = await gqlOk<List>(w.t, DOCS.rewardRedemptions, { first: 100 }, { token: s.a.rep.token });
    expect(ids(mine)).toEqual([requested.id, approved.id].sort());
    expect(mine.rewardRedemptions.edges[0]!.node).toMatchObject({ status: 'FULFILLED', organisation: { name: s.a.name }, userName: `Rep of ${s.a.name}` });
    expect(ids(await gqlOk<List>(w.t, DOCS.rewardRedemptions, { first: 100 }, { token: s.a.adminToken }))).toEqual([requested.id, approved.id].sort());
    expect(ids(await gqlOk<List>(w.t, DOCS.rewardRedemptions, { first: 100 }, { token: s.b.rep.token }))).toEqual([]);
    expect(codeOf(await w.t.gql(DOCS.rewardRedemptions, { filter: { organisationId: s.a.id } }, { token: s.b.rep.token }))).toBe('NOT_FOUND');
    const queue = await gqlOk<List>(w.t, DOCS.rewardRedemptions, { filter: { status: 'FULFILLED', organisationId: s.a.id }, first: 100 }, { token: w.manager });
    expect(ids(queue)).toEqual([requested.id, approved.id].sort());
    const page = await gqlOk<List & { rewardRedemptions: { pageInfo: { hasNextPage: boolean } } }>(w.t, DOCS.rewardRedemptions, { filter: { organisationId: s.a.id }, first: 1 }, { token: w.manager });
    expect(page.rewardRedemptions.edges).toHaveLength(1);
    expect(page.rewardRedemptions.pageInfo.hasNextPage).toBe(true);

    // Points earned on 5 October, redeemed on 15 October: 10 days (the only redemptions of this file).
    const m = await gqlOk<MeasurementData>(w.t, DOCS.incentiveMeasurement, { planId: plan.id }, { token: w.analyst });
    expect(m.incentiveMeasurement.redemptionSpeedDays).toBe(10);
  });

  it('payout CSV: vendor staff get the approved, unpaid statements with names; partners are refused', async () => {
    const s = await newScenario(w);
    await deals(s);
    const spif = await createPlan(w, s, spifPlan);
    await close(spif, '2026-Q3');
    const [a] = await statementsOf(w, w.manager, { planId: spif.id, organisationId: s.a.id });
    const [b] = await statementsOf(w, w.manager, { planId: spif.id, organisationId: s.b.id });
    await approve(a!.id); // B's stays DRAFT: not in the file

    const res = await getAs(w.t, w.manager, `/api/incentives/statements/payout.csv?planId=${spif.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const rows = (res.body as Buffer).toString('utf8').trim().split('\n');
    expect(rows[0]).toBe('statementId,beneficiary,organisationId,organisation,repId,rep,plan,period,unit,amount,status,approvedAt');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`${a!.id},Rep of ${s.a.name},${s.a.id},${s.a.name},${s.a.rep.id},Rep of ${s.a.name},Measured SPIF,2026-Q3,EUR,1000.00,APPROVED,`);

    const selected = await getAs(w.t, w.analyst, `/api/incentives/statements/payout.csv?statementIds=${a!.id},${b!.id}`);
    expect((selected.body as Buffer).toString('utf8').trim().split('\n')).toHaveLength(3);

    for (const token of [s.a.adminToken, s.a.rep.token]) expect([403, 404]).toContain((await getAs(w.t, token, `/api/incentives/statements/payout.csv?planId=${spif.id}`)).status);
    expect((await getAs(w.t, null, '/api/incentives/statements/payout.csv')).status).toBe(401);
    expect((await getAs(w.t, w.manager, '/api/incentives/statements/payout.csv?planId=nope')).status).toBe(400);
  });
});
