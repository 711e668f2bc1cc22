import { JobsService, queriesIssued } from '@prm/server/core';
import { type DealOutcomeEvent, DealRegistrationsService } from '@prm/server/deals';
import { IncentiveAccrualsService, PointsService } from '@prm/server/incentives';
import { gqlOk } from '../testing/factories';
import { createPlan, type IncentiveWorld, linesOf, newScenario, type PlanNode, type Scenario, startIncentivesApp, statementsOf, wonDeal } from '../testing/incentive-fixtures';
import { DOCS } from '../testing/operations';
import { codeOf } from '../testing/test-app';

/**
 * The incentives engine end to end on real PostgreSQL: won deals → accrual lines → period close →
 * statements to the cent; idempotent accrual and close (also when closes race); a late deal becomes
 * an adjustment in the next period; a reversed deal a clawback; payment once per key; points and
 * stock never below zero under concurrent redemptions; partners see only their own. Each test has a
 * program of its own (plans filter on it), so no test sees another's deals.
 */

// Q3 2026 is over; Q4 is the current period.
const TODAY = new Date('2026-10-05T09:00:00Z');

const SPIF_RULES = {
  spif: { startsOn: '2026-07-01', endsOn: '2026-12-31', countries: ['BE'], payoutKind: 'PERCENT', rate: '5', repCap: '1000.00' },
};
const REBATE_TIERS = [
  { from: '0.00', to: '100000.00', rate: '2' },
  { from: '100000.00', to: '250000.00', rate: '3' },
  { from: '250000.00', rate: '4' },
];
const rebatePlan = (mode: string) => ({ name: `Rebate ${mode.toLowerCase()}`, kind: 'REBATE', effectiveFrom: '2026-07-01', rules: { rebate: { mode, tiers: REBATE_TIERS } } });
const spifPlan = { name: 'Q3–Q4 SPIF', kind: 'SPIF', effectiveFrom: '2026-07-01', rules: SPIF_RULES };

describe('incentives', () => {
  let w: IncentiveWorld;

  beforeAll(async () => {
    w = await startIncentivesApp(TODAY);
  });
  afterAll(() => w?.t.close());

  const close = (plan: PlanNode, period: string) => gqlOk<{ closeIncentivePeriod: { id: string; statementCount: number } }>(w.t, DOCS.closeIncentivePeriod, { planId: plan.id, period }, { token: w.manager });
  const recompute = async (plan: PlanNode, period?: string): Promise<number> =>
    (await gqlOk<{ recomputeIncentiveAccruals: { changed: number } }>(w.t, DOCS.recomputeIncentiveAccruals, { planId: plan.id, period }, { token: w.manager })).recomputeIncentiveAccruals.changed;

  /** Rep A: 10,000.00 → 500.00; 12,345.67 → 617.28, cut to 500.00 by the 1,000.00 rep cap; rep B: 3,333.33 → 166.67 (166.6665 half up). C's deal is Dutch: outside the SPIF. */
  const spifDeals = async (s: Scenario): Promise<Record<string, string>> => ({
    a1: await wonDeal(w, s.a.rep.token, '10000.00', '2026-07-10'),
    a2: await wonDeal(w, s.a.rep.token, '12345.67', '2026-08-20'),
    b1: await wonDeal(w, s.b.rep.token, '3333.33', '2026-09-02'),
    c1: await wonDeal(w, s.c.rep.token, '5000.00', '2026-09-03', 'NL'),
  });

  /** A closed Q3 of a SPIF paying `value` × 5 % to rep `who`'s one deal, approved; returns the statement id. */
  const approvedStatement = async (s: Scenario, who: 'a' | 'b', value: string): Promise<string> => {
    await wonDeal(w, s[who].rep.token, value, '2026-08-01');
    const plan = await createPlan(w, s, { ...spifPlan, rules: { spif: { ...SPIF_RULES.spif, repCap: null } } });
    await close(plan, '2026-Q3');
    const [statement] = await statementsOf(w, w.manager, { planId: plan.id, organisationId: s[who].id });
    await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: statement!.id }, { token: w.manager });
    return statement!.id;
  };

  it('SPIF: won deals become lines per rep with the cap; re-running adds nothing; the close gives one statement per rep to the cent', async () => {
    const s = await newScenario(w);
    const deals = await spifDeals(s);
    const spif = await createPlan(w, s, spifPlan);
    expect(await recompute(spif)).toBe(3);
    expect(await recompute(spif)).toBe(0);
    const closed = await close(spif, '2026-Q3');
    expect(closed.closeIncentivePeriod.statementCount).toBe(2);
    const statements = await statementsOf(w, w.manager, { planId: spif.id, period: '2026-Q3' });
    const ofA = statements.find((st) => st.userId === s.a.rep.id)!;
    const ofB = statements.find((st) => st.userId === s.b.rep.id)!;
    expect(statements).toHaveLength(2);
    expect(ofA).toMatchObject({ organisationId: s.a.id, total: '1000.00', lineCount: 2, status: 'DRAFT' });
    expect(ofA.lines.map((l) => [l.source.type, l.source.id, l.base, l.rate, l.amount, l.cappedBy, l.kind])).toEqual(
      expect.arrayContaining([
        ['DEAL', deals['a1'], '10000.00', '5', '500.00', null, 'ACCRUAL'],
        ['DEAL', deals['a2'], '12345.67', '5', '500.00', 'REP_CAP', 'ACCRUAL'],
      ]),
    );
    expect(ofA.lines[0]!.source.label).toMatch(/^DR-\d+ Customer .* \(EUR \d+\.\d{2}, won 2026-\d{2}-\d{2}\)$/);
    expect(ofB).toMatchObject({ total: '166.67', lineCount: 1 });
    expect((await linesOf(w, w.manager, { planId: spif.id })).filter((l) => l.organisationId === s.c.id)).toEqual([]);
  });

  it('rebates on the same deals: retroactive 12,000.00 (4 % of 300,000.00), incremental 2,000.00 + 4,500.00 + 2,000.00 = 8,500.00', async () => {
    const s = await newScenario(w);
    await wonDeal(w, s.c.rep.token, '100000.00', '2026-07-15', 'NL');
    await wonDeal(w, s.c.rep.token, '200000.00', '2026-09-30', 'NL');
    await wonDeal(w, s.a.rep.token, '22345.67', '2026-08-01');
    const retro = await createPlan(w, s, rebatePlan('RETROACTIVE'));
    const incremental = await createPlan(w, s, rebatePlan('INCREMENTAL'));
    await close(retro, '2026-Q3');
    await close(incremental, '2026-Q3');
    const [r] = await statementsOf(w, w.manager, { planId: retro.id, period: '2026-Q3', organisationId: s.c.id });
    expect(r).toMatchObject({ userId: null, total: '12000.00', lineCount: 1 });
    expect(r!.lines[0]).toMatchObject({ rule: 'RETROACTIVE_TIER_3', base: '300000.00', rate: '4', amount: '12000.00', source: { type: 'REBATE_VOLUME', id: `${s.c.id}:2026-Q3` } });
    const [i] = await statementsOf(w, w.manager, { planId: incremental.id, period: '2026-Q3', organisationId: s.c.id });
    expect(i).toMatchObject({ total: '8500.00', lineCount: 3 });
    expect(i!.lines.map((l) => [l.rule, l.base, l.rate, l.amount]).sort()).toEqual([
      ['INCREMENTAL_TIER_1', '100000.00', '2', '2000.00'],
      ['INCREMENTAL_TIER_2', '150000.00', '3', '4500.00'],
      ['INCREMENTAL_TIER_3', '50000.00', '4', '2000.00'],
    ]);
    // Partner A's own volume (22,345.67 at 2 % = 446.9134) is on its own statement, rounded once.
    const [a] = await statementsOf(w, w.manager, { planId: retro.id, period: '2026-Q3', organisationId: s.a.id });
    expect(a!.total).toBe('446.91');
  });

  it('progress to the next threshold during the open period', async () => {
    const s = await newScenario(w);
    await wonDeal(w, s.c.rep.token, '50000.00', '2026-10-01', 'NL');
    const retro = await createPlan(w, s, rebatePlan('RETROACTIVE'));
    const res = await gqlOk<{ incentiveProgress: Record<string, unknown> }>(w.t, DOCS.incentiveProgress, { planId: retro.id }, { token: s.c.rep.token });
    expect(res.incentiveProgress).toMatchObject({ period: '2026-Q4', measure: '50000.00', unit: 'EUR', tierIndex: 0, nextTierIndex: 1, nextThreshold: '100000.00', missing: '50000.00', percentOfNext: '50.00' });
  });

  it('closing again returns the same close; four closes at once produce one', async () => {
    const s = await newScenario(w);
    await spifDeals(s);
    const plan = await createPlan(w, s, spifPlan);
    const results = await Promise.all([1, 2, 3, 4].map(() => w.t.gql<{ closeIncentivePeriod: { id: string } }>(DOCS.closeIncentivePeriod, { planId: plan.id, period: '2026-Q3' }, { token: w.manager })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data!.closeIncentivePeriod.id)).size).toBe(1);
    const again = await close(plan, '2026-Q3');
    expect(again.closeIncentivePeriod.id).toBe(results[0]!.data!.closeIncentivePeriod.id);
    const [counts] = await w.t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM incentive_period_closes WHERE plan_id = $1) AS closes, (SELECT count(*)::int FROM incentive_statements WHERE plan_id = $1) AS statements,
              (SELECT count(*)::int FROM audit_log WHERE operation = 'closeIncentivePeriod' AND changes::text LIKE '%' || $1 || '%') AS audits`,
      [plan.id],
    );
    expect(counts).toEqual({ closes: 1, statements: 2, audits: 1 });
  });

  it('a period not yet over cannot close, and a version inside a closed period is refused', async () => {
    const s = await newScenario(w);
    const plan = await createPlan(w, s, spifPlan);
    await close(plan, '2026-Q3');
    expect(codeOf(await w.t.gql(DOCS.closeIncentivePeriod, { planId: plan.id, period: '2026-Q4' }, { token: w.manager }))).toBe('CONFLICT');
    expect(codeOf(await w.t.gql(DOCS.addIncentivePlanVersion, { planId: plan.id, effectiveFrom: '2026-07-01', rules: SPIF_RULES }, { token: w.admin }))).toBe('CONFLICT');
    const next = await gqlOk<{ addIncentivePlanVersion: { version: number } }>(w.t, DOCS.addIncentivePlanVersion, { planId: plan.id, effectiveFrom: '2026-10-01', rules: SPIF_RULES }, { token: w.admin });
    expect(next.addIncentivePlanVersion.version).toBe(2);
  });

  it('a deal won late for a closed period becomes an ADJUSTMENT in the next period; re-running adds nothing; the closed statement stays', async () => {
    const s = await newScenario(w);
    await spifDeals(s);
    const spif = await createPlan(w, s, spifPlan);
    await close(spif, '2026-Q3');
    const late = await wonDeal(w, s.b.rep.token, '4000.00', '2026-09-15');
    expect(await recompute(spif)).toBe(1);
    expect(await recompute(spif)).toBe(0);
    const lines = (await linesOf(w, w.manager, { planId: spif.id })).filter((l) => l.source.id === late);
    expect(lines).toEqual([expect.objectContaining({ kind: 'ADJUSTMENT', period: '2026-Q4', eventPeriod: '2026-Q3', amount: '200.00', reason: 'Late event for closed period 2026-Q3.' })]);
    const [ofB] = await statementsOf(w, w.manager, { planId: spif.id, period: '2026-Q3', organisationId: s.b.id });
    expect(ofB).toMatchObject({ total: '166.67', lineCount: 1 });
  });

  it('a reversed deal is clawed back with its reason in every plan that paid for it, and the cap it used goes to the next deal', async () => {
    const s = await newScenario(w);
    const deals = await spifDeals(s);
    const spif = await createPlan(w, s, spifPlan);
    const retro = await createPlan(w, s, rebatePlan('RETROACTIVE'));
    await close(spif, '2026-Q3');
    await close(retro, '2026-Q3');
    const claws = await gqlOk<{ reverseIncentiveDeal: number }>(w.t, DOCS.reverseIncentiveDeal, { input: { dealId: deals['a1'], reason: 'Customer cancelled' } }, { token: w.manager });
    expect(claws.reverseIncentiveDeal).toBe(1);
    const q4 = (await linesOf(w, w.manager, { planId: spif.id, period: '2026-Q4', organisationId: s.a.id })).map((l) => [l.source.id, l.kind, l.amount, l.reason]);
    expect(q4.sort()).toEqual(
      [
        [deals['a1'], 'CLAWBACK', '-500.00', 'Deal reversed: Customer cancelled'],
        [deals['a2'], 'ADJUSTMENT', '117.28', 'Late event for closed period 2026-Q3.'],
      ].sort(),
    );
    expect(await recompute(spif)).toBe(0);
    // The rebate for the closed Q3 shrinks by 2 % of 10,000.00, booked in Q4.
    const adj = await linesOf(w, w.manager, { planId: retro.id, period: '2026-Q4', organisationId: s.a.id });
    expect(adj.map((l) => [l.kind, l.amount])).toEqual([['ADJUSTMENT', '-200.00']]);
    const again = await gqlOk<{ reverseIncentiveDeal: number }>(w.t, DOCS.reverseIncentiveDeal, { input: { dealId: deals['a1'], reason: 'Again' } }, { token: w.manager });
    expect(again.reverseIncentiveDeal).toBe(1);
  });

  it('the scheduled accrual job brings every published plan up to date, and adds nothing when run again', async () => {
    const s = await newScenario(w);
    const spif = await createPlan(w, s, spifPlan);
    const deal = await wonDeal(w, s.a.rep.token, '1000.00', '2026-10-02');
    const accruals = w.t.app.get(IncentiveAccrualsService);
    expect(await accruals.recomputeAll()).toBeGreaterThan(0);
    expect(await accruals.recomputeAll()).toBe(0);
    expect((await linesOf(w, w.manager, { planId: spif.id })).map((l) => [l.source.id, l.period, l.amount])).toEqual([[deal, '2026-Q4', '50.00']]);
  });

  it('a deal outcome brings the published deal plans up to date at once: one accrual job per SPIF and rebate plan, none for other kinds', async () => {
    const s = await newScenario(w);
    const spif = await createPlan(w, s, spifPlan);
    const rebate = await createPlan(w, s, rebatePlan('RETROACTIVE'));
    const deal = await wonDeal(w, s.a.rep.token, '1000.00', '2026-10-02');
    const jobs = w.t.app.get(JobsService);
    const running = jest.spyOn(jobs, 'running', 'get').mockReturnValue(true);
    const send = jest.spyOn(jobs, 'send').mockResolvedValue('job-id');
    try {
      const event = { eventId: `won-${deal}`, type: 'DEAL_WON', registrationId: deal, organisationId: s.a.id, programId: s.programId, repUserId: s.a.rep.id, currency: 'EUR' };
      await w.t.app.get(DealRegistrationsService).handleOutcome(event as unknown as DealOutcomeEvent);
      const nudged = send.mock.calls.filter(([name]) => name === 'incentives-accrue').map(([, data]) => (data as { planId: string }).planId);
      expect(nudged).toEqual(expect.arrayContaining([spif.id, rebate.id]));
      const kinds: { kind: string }[] = await w.t.dataSource.query(`SELECT DISTINCT kind FROM incentive_plans WHERE id = ANY($1::uuid[])`, [nudged]);
      expect(kinds.map((k) => k.kind).sort()).toEqual(['REBATE', 'SPIF']);
    } finally {
      running.mockRestore();
      send.mockRestore();
    }
  });

  describe('statements: approval, payment once, points', () => {
    it('a draft cannot be paid; approved statements are paid once whatever the number of concurrent calls; POINTS credits the wallet', async () => {
      const s = await newScenario(w);
      await spifDeals(s);
      const plan = await createPlan(w, s, spifPlan);
      await close(plan, '2026-Q3');
      const statements = await statementsOf(w, w.manager, { planId: plan.id, period: '2026-Q3' });
      const ofA = statements.find((st) => st.userId === s.a.rep.id)!.id;
      const ofB = statements.find((st) => st.userId === s.b.rep.id)!.id;
      const draft = await w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofA], method: 'POINTS', idempotencyKey: `draft-${ofA}` } }, { token: w.manager });
      expect(codeOf(draft)).toBe('CONFLICT');
      await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: ofA }, { token: w.manager });
      await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: ofB }, { token: w.manager });
      const same = await Promise.all(
        Array.from({ length: 8 }, () => w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofA], method: 'POINTS', idempotencyKey: `pay-${ofA}` } }, { token: w.manager })),
      );
      expect(same.filter((r) => r.errors)).toEqual([]);
      const other = await Promise.all(
        [1, 2, 3, 4].map((n) => w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofB], method: 'CASH', idempotencyKey: `pay-${ofB}-${n}` } }, { token: w.manager })),
      );
      expect(other.filter((r) => !r.errors)).toHaveLength(1);
      expect(other.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
      const reused = await w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofB], method: 'POINTS', idempotencyKey: `pay-${ofA}` } }, { token: w.manager });
      expect(codeOf(reused)).toBe('CONFLICT');
      const [entries] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM points_entries WHERE source_type = 'INCENTIVE_STATEMENT' AND source_id = ANY($1::text[])`, [[ofA, ofB]]);
      expect(entries).toEqual({ n: 1 });
      const balance = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, {}, { token: s.a.rep.token });
      expect(balance.pointsBalance.balance).toBe('1000');
      const [paid] = await statementsOf(w, s.a.rep.token, { planId: plan.id, period: '2026-Q3' });
      expect(paid).toMatchObject({ id: ofA, status: 'PAID', paymentMethod: 'POINTS', pointsAwarded: '1000' });
    });

    it('20 concurrent redemptions on a balance that covers 5: exactly 5, the balance ends at 0 and equals the ledger', async () => {
      const s = await newScenario(w);
      const statement = await approvedStatement(s, 'a', '20000.00');
      await gqlOk(w.t, DOCS.markIncentiveStatementsPaid, { input: { statementIds: [statement], method: 'POINTS', idempotencyKey: `pay-${statement}` } }, { token: w.manager });
      const reward = await gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name: 'Gift voucher 200', kind: 'GIFT_VOUCHER', pointsPrice: 200, stock: 100 } }, { token: w.admin });
      const results = await Promise.all(Array.from({ length: 20 }, () => w.t.gql(DOCS.redeemReward, { input: { rewardId: reward.createReward.id } }, { token: s.a.rep.token })));
      expect(results.filter((r) => !r.errors)).toHaveLength(5);
      expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.message)).toEqual(Array(15).fill('Cannot redeem 200 points with a balance of 0.'));
      const [row] = await w.t.dataSource.query(
        `SELECT a.balance::int AS balance, (SELECT sum(e.amount)::int FROM points_entries e WHERE e.account_id = a.id) AS ledger, (SELECT stock FROM rewards WHERE id = $2) AS stock
           FROM points_accounts a WHERE a.user_id = $1`,
        [s.a.rep.id, reward.createReward.id],
      );
      expect(row).toEqual({ balance: 0, ledger: 0, stock: 95 });
    });

    it('stock never goes below zero: 10 concurrent redemptions of a reward with 3 left; approval and rejection (with refund) once', async () => {
      const s = await newScenario(w);
      const statement = await approvedStatement(s, 'b', '2000.00');
      await gqlOk(w.t, DOCS.markIncentiveStatementsPaid, { input: { statementIds: [statement], method: 'POINTS', idempotencyKey: `pay-${statement}` } }, { token: w.manager });
      const reward = await gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name: 'Event ticket', kind: 'EVENT_TICKET', pointsPrice: 10, stock: 3, requiresApproval: true } }, { token: w.admin });
      const results = await Promise.all(
        Array.from({ length: 10 }, () => w.t.gql<{ redeemReward: { id: string; status: string } }>(DOCS.redeemReward, { input: { rewardId: reward.createReward.id } }, { token: s.b.rep.token })),
      );
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(3);
      expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.message)).toEqual(Array(7).fill('This reward is out of stock.'));
      expect(ok.map((r) => r.data!.redeemReward.status)).toEqual(['REQUESTED', 'REQUESTED', 'REQUESTED']);
      const balance = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, {}, { token: s.b.rep.token });
      expect(balance.pointsBalance.balance).toBe(String(100 - 30));
      const approved = await gqlOk<{ approveRewardRedemption: { status: string } }>(w.t, DOCS.approveRewardRedemption, { id: ok[0]!.data!.redeemReward.id }, { token: w.manager });
      expect(approved.approveRewardRedemption.status).toBe('APPROVED');
      expect(codeOf(await w.t.gql(DOCS.approveRewardRedemption, { id: ok[0]!.data!.redeemReward.id }, { token: w.manager }))).toBe('CONFLICT');
      // A rejection gives the points and the unit back, once.
      const rejects = await Promise.all([1, 2].map(() => w.t.gql(DOCS.rejectRewardRedemption, { id: ok[1]!.data!.redeemReward.id, reason: 'Sold out at the venue' }, { token: w.manager })));
      expect(rejects.filter((r) => !r.errors)).toHaveLength(1);
      expect(rejects.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT']);
      expect(codeOf(await w.t.gql(DOCS.rejectRewardRedemption, { id: ok[0]!.data!.redeemReward.id, reason: 'Too late' }, { token: w.manager }))).toBe('CONFLICT');
      const after = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, {}, { token: s.b.rep.token });
      expect(after.pointsBalance.balance).toBe(String(100 - 20));
      const [{ stock }] = await w.t.dataSource.query(`SELECT stock FROM rewards WHERE id = $1`, [reward.createReward.id]);
      expect(stock).toBe(1);
    });

    it('points earned 24 months ago expire, what is left of them only, once', async () => {
      const s = await newScenario(w);
      const statement = await approvedStatement(s, 'a', '6000.00');
      await gqlOk(w.t, DOCS.markIncentiveStatementsPaid, { input: { statementIds: [statement], method: 'POINTS', idempotencyKey: `pay-${statement}` } }, { token: w.manager });
      const reward = await gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name: 'Service credit', kind: 'SERVICE_CREDIT', pointsPrice: 120 } }, { token: w.admin });
      await gqlOk(w.t, DOCS.redeemReward, { input: { rewardId: reward.createReward.id } }, { token: s.a.rep.token });
      const points = w.t.app.get(PointsService);
      const walletOfA = async (): Promise<{ balance: number; ledger: number; expired: number }> =>
        (
          await w.t.dataSource.query(
            `SELECT a.balance::int AS balance, (SELECT sum(e.amount)::int FROM points_entries e WHERE e.account_id = a.id) AS ledger,
                    (SELECT COALESCE(sum(e.amount), 0)::int FROM points_entries e WHERE e.account_id = a.id AND e.kind = 'EXPIRE') AS expired
               FROM points_accounts a WHERE a.user_id = $1`,
            [s.a.rep.id],
          )
        )[0];
      try {
        w.t.clock.set(new Date('2028-10-04T09:00:00Z'));
        await points.expire();
        expect(await walletOfA()).toEqual({ balance: 180, ledger: 180, expired: 0 });
        w.t.clock.set(new Date('2028-10-05T09:00:00Z'));
        await points.expire();
        expect(await walletOfA()).toEqual({ balance: 0, ledger: 0, expired: -180 });
        await points.expire();
        expect(await walletOfA()).toEqual({ balance: 0, ledger: 0, expired: -180 });
      } finally {
        w.t.clock.set(TODAY);
      }
    });
  });

  describe('who sees what', () => {
    it("a rep sees their own SPIF lines and the organisation's rebates; a partner admin all of the organisation's; nobody another organisation's", async () => {
      const s = await newScenario(w);
      await spifDeals(s);
      await wonDeal(w, s.a.adminToken, '1000.00', '2026-09-20');
      const spif = await createPlan(w, s, spifPlan);
      const retro = await createPlan(w, s, rebatePlan('RETROACTIVE'));
      await close(spif, '2026-Q3');
      await close(retro, '2026-Q3');
      const aRep = await linesOf(w, s.a.rep.token, {});
      expect(new Set(aRep.map((l) => l.organisationId))).toEqual(new Set([s.a.id]));
      expect(new Set(aRep.map((l) => l.userId))).toEqual(new Set([s.a.rep.id, null]));
      const aAdmin = await linesOf(w, s.a.adminToken, {});
      expect(new Set(aAdmin.map((l) => l.organisationId))).toEqual(new Set([s.a.id]));
      expect(aAdmin.length).toBe(aRep.length + 1);
      const [statementOfA] = await statementsOf(w, w.manager, { planId: spif.id, organisationId: s.a.id });
      for (const [document, variables] of [
        [DOCS.incentiveStatement, { id: statementOfA!.id }],
        [DOCS.incentiveStatements, { filter: { organisationId: s.a.id } }],
        [DOCS.incentiveAccruals, { filter: { organisationId: s.a.id } }],
        [DOCS.incentiveProgress, { planId: retro.id, organisationId: s.a.id }],
        [DOCS.pointsBalance, { organisationId: s.a.id }],
        [DOCS.pointsEntries, { userId: s.a.rep.id }],
      ] as const) {
        const res = await w.t.gql(document, variables, { token: s.b.rep.token });
        expect(codeOf(res)).toBe('NOT_FOUND');
        expect(res.data).toBeNull();
      }
      // The rep does not see the admin's SPIF statement of the same organisation either.
      const adminStatement = (await statementsOf(w, w.manager, { planId: spif.id, organisationId: s.a.id })).find((st) => st.userId !== s.a.rep.id)!;
      expect(codeOf(await w.t.gql(DOCS.incentiveStatement, { id: adminStatement.id }, { token: s.a.rep.token }))).toBe('NOT_FOUND');
      const own = await statementsOf(w, s.b.rep.token, {});
      expect(new Set(own.map((st) => st.organisationId))).toEqual(new Set([s.b.id]));
    });

    it('partners see only published plans of programs they are in; vendor-only operations are refused to partners', async () => {
      const s = await newScenario(w);
      const other = await newScenario(w);
      const spif = await createPlan(w, s, spifPlan);
      const elsewhere = await createPlan(w, other, spifPlan);
      const draft = await gqlOk<{ createIncentivePlan: { id: string } }>(w.t, DOCS.createIncentivePlan, {
        input: { ...spifPlan, name: 'Draft', currency: 'EUR', periodKind: 'QUARTER', programId: s.programId },
      }, { token: w.admin });
      expect(codeOf(await w.t.gql(DOCS.incentivePlan, { id: draft.createIncentivePlan.id }, { token: s.a.rep.token }))).toBe('NOT_FOUND');
      expect(codeOf(await w.t.gql(DOCS.incentivePlan, { id: elsewhere.id }, { token: s.a.rep.token }))).toBe('NOT_FOUND');
      const plans = await gqlOk<{ incentivePlans: { edges: { node: { id: string } }[] } }>(w.t, DOCS.incentivePlans, { first: 100 }, { token: s.a.rep.token });
      const ids = plans.incentivePlans.edges.map((e) => e.node.id);
      expect(ids).toContain(spif.id);
      expect(ids).not.toContain(elsewhere.id);
      expect(ids).not.toContain(draft.createIncentivePlan.id);
      expect(codeOf(await w.t.gql(DOCS.closeIncentivePeriod, { planId: spif.id, period: '2026-Q3' }, { token: s.a.adminToken }))).toBe('FORBIDDEN');
      expect(codeOf(await w.t.gql(DOCS.approveIncentiveStatement, { id: spif.id }, { token: w.analyst }))).toBe('FORBIDDEN');
    });
  });

  it('a page of statements with their lines and plans costs the same number of SQL statements whatever its length', async () => {
    const s = await newScenario(w);
    await spifDeals(s);
    await wonDeal(w, s.a.adminToken, '1000.00', '2026-09-20');
    const plan = await createPlan(w, s, spifPlan);
    await close(plan, '2026-Q3');
    const cost = async (first: number) => {
      const before = queriesIssued();
      const data = await gqlOk<{ incentiveStatements: { edges: { node: { lines: unknown[]; plan: { id: string } } }[] } }>(
        w.t,
        DOCS.incentiveStatements.replace('lines {', 'plan { id } lines {'),
        { filter: { planId: plan.id }, first },
        { token: w.manager },
      );
      return { statements: queriesIssued() - before, rows: data.incentiveStatements.edges };
    };
    await cost(1);
    const one = await cost(1);
    const all = await cost(3);
    expect(all.rows).toHaveLength(3);
    expect(all.rows.every((r) => r.node.lines.length > 0 && r.node.plan.id === plan.id)).toBe(true);
    expect(all.statements).toBe(one.statements);
  });

  it('bad tiers, a plan without a period: field errors, nothing written', async () => {
    const before = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_plans`);
    const res = await w.t.gql(DOCS.createIncentivePlan, {
      input: {
        name: 'Bad',
        kind: 'REBATE',
        currency: 'EUR',
        periodKind: 'QUARTER',
        effectiveFrom: '2026-10-01',
        rules: { rebate: { mode: 'INCREMENTAL', tiers: [{ from: '0', to: '200', rate: '101' }, { from: '100', to: '300', rate: '-1' }, { from: '50', rate: '2' }] } },
      },
    }, { token: w.admin });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0]?.extensions?.fields as Record<string, string[]>;
    expect(Object.keys(fields).sort()).toEqual(['rules.rebate.tiers[0].ratePct', 'rules.rebate.tiers[1].fromMinor', 'rules.rebate.tiers[1].ratePct', 'rules.rebate.tiers[2].fromMinor'].sort());
    const noPeriod = await w.t.gql(DOCS.createIncentivePlan, { input: { name: 'No period', kind: 'SPIF', currency: 'EUR', effectiveFrom: '2026-10-01', rules: SPIF_RULES } }, { token: w.admin });
    expect(codeOf(noPeriod)).toBe('BAD_USER_INPUT');
    expect(Object.keys(noPeriod.errors?.[0]?.extensions?.fields ?? {})).toContain('periodKind');
    expect(await w.t.dataSource.query(`SELECT count(*)::int AS n FROM incentive_plans`)).toEqual(before);
  });
});
