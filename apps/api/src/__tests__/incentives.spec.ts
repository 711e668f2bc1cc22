import { gqlOk } from '../testing/factories';
import { createPlan, type IncentiveWorld, linesOf, type PlanNode, startIncentivesApp, statementsOf, wonDeal } from '../testing/incentive-fixtures';
import { DOCS } from '../testing/operations';
import { codeOf } from '../testing/test-app';

/**
 * The incentives engine end to end on real PostgreSQL: won deals → accrual lines → period close →
 * statements to the cent; idempotent accrual and close (also when two closes race); a late deal
 * becomes an adjustment in the next period; a reversed deal a clawback; payment once per key;
 * points and stock never below zero under concurrent redemptions; partners see only their own.
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

describe('incentives', () => {
  let w: IncentiveWorld;
  let spif: PlanNode;
  let retro: PlanNode;
  let incremental: PlanNode;
  const deals: Record<string, string> = {};

  beforeAll(async () => {
    w = await startIncentivesApp(TODAY);
    // SPIF (BE only): rep A 10,000.00 → 500.00; 12,345.67 → 617.28, cut to 500.00 by the 1,000.00 rep cap; rep B 3,333.33 → 166.67 (166.6665 rounded half up).
    deals['a1'] = await wonDeal(w, w.a.rep.token, '10000.00', '2026-07-10');
    deals['a2'] = await wonDeal(w, w.a.rep.token, '12345.67', '2026-08-20');
    deals['b1'] = await wonDeal(w, w.b.rep.token, '3333.33', '2026-09-02');
    // Rebates: partner C (NL, outside the SPIF) wins 300,000.00 in Q3 and 50,000.00 so far in Q4.
    deals['c1'] = await wonDeal(w, w.c.rep.token, '100000.00', '2026-07-15', 'NL');
    deals['c2'] = await wonDeal(w, w.c.rep.token, '200000.00', '2026-09-30', 'NL');
    deals['c3'] = await wonDeal(w, w.c.rep.token, '50000.00', '2026-10-01', 'NL');
    spif = await createPlan(w, { name: 'Q3–Q4 SPIF', kind: 'SPIF', effectiveFrom: '2026-07-01', rules: SPIF_RULES });
    retro = await createPlan(w, { name: 'Rebate back to dollar one', kind: 'REBATE', effectiveFrom: '2026-07-01', rules: { rebate: { mode: 'RETROACTIVE', tiers: REBATE_TIERS } } });
    incremental = await createPlan(w, { name: 'Rebate incremental', kind: 'REBATE', effectiveFrom: '2026-07-01', rules: { rebate: { mode: 'INCREMENTAL', tiers: REBATE_TIERS } } });
  });
  afterAll(() => w?.t.close());

  const close = (plan: PlanNode, period: string) => gqlOk<{ closeIncentivePeriod: { id: string; statementCount: number } }>(w.t, DOCS.closeIncentivePeriod, { planId: plan.id, period }, { token: w.manager });
  const recompute = async (plan: PlanNode, period?: string): Promise<number> =>
    (await gqlOk<{ recomputeIncentiveAccruals: { changed: number } }>(w.t, DOCS.recomputeIncentiveAccruals, { planId: plan.id, period }, { token: w.manager })).recomputeIncentiveAccruals.changed;

  it('SPIF: won deals become lines per rep with the cap, and the close gives one statement per rep to the cent', async () => {
    expect(await recompute(spif)).toBeGreaterThan(0);
    expect(await recompute(spif)).toBe(0);
    const closed = await close(spif, '2026-Q3');
    expect(closed.closeIncentivePeriod.statementCount).toBe(2);
    const statements = await statementsOf(w, w.manager, { planId: spif.id, period: '2026-Q3' });
    const ofA = statements.find((s) => s.userId === w.a.rep.id)!;
    const ofB = statements.find((s) => s.userId === w.b.rep.id)!;
    expect(statements).toHaveLength(2);
    expect(ofA).toMatchObject({ organisationId: w.a.id, total: '1000.00', lineCount: 2, status: 'DRAFT' });
    expect(ofA.lines.map((l) => [l.source.type, l.source.id, l.base, l.rate, l.amount, l.cappedBy, l.kind])).toEqual(
      expect.arrayContaining([
        ['DEAL', deals['a1'], '10000.00', '5', '500.00', null, 'ACCRUAL'],
        ['DEAL', deals['a2'], '12345.67', '5', '500.00', 'REP_CAP', 'ACCRUAL'],
      ]),
    );
    expect(ofA.lines[0]!.source.label).toMatch(/^DR-\d+ Customer .* \(EUR \d+\.\d{2}, won 2026-\d{2}-\d{2}\)$/);
    expect(ofB).toMatchObject({ total: '166.67', lineCount: 1 });
    // Nothing for the NL deals of partner C.
    expect((await linesOf(w, w.manager, { planId: spif.id })).filter((l) => l.organisationId === w.c.id)).toEqual([]);
  });

  it('rebates on the same deals: retroactive 12,000.00 (4 % of 300,000.00), incremental 2,000.00 + 4,500.00 + 2,000.00 = 8,500.00', async () => {
    await close(retro, '2026-Q3');
    await close(incremental, '2026-Q3');
    const [r] = await statementsOf(w, w.manager, { planId: retro.id, period: '2026-Q3', organisationId: w.c.id });
    expect(r).toMatchObject({ userId: null, total: '12000.00', lineCount: 1 });
    expect(r!.lines[0]).toMatchObject({ rule: 'RETROACTIVE_TIER_3', base: '300000.00', rate: '4', amount: '12000.00', source: { type: 'REBATE_VOLUME', id: `${w.c.id}:2026-Q3` } });
    const [i] = await statementsOf(w, w.manager, { planId: incremental.id, period: '2026-Q3', organisationId: w.c.id });
    expect(i).toMatchObject({ total: '8500.00', lineCount: 3 });
    expect(i!.lines.map((l) => [l.rule, l.base, l.rate, l.amount]).sort()).toEqual([
      ['INCREMENTAL_TIER_1', '100000.00', '2', '2000.00'],
      ['INCREMENTAL_TIER_2', '150000.00', '3', '4500.00'],
      ['INCREMENTAL_TIER_3', '50000.00', '4', '2000.00'],
    ]);
    // Partner A's own Q3 volume (22,345.67 at 2 %) is on its own statement.
    const [a] = await statementsOf(w, w.manager, { planId: retro.id, period: '2026-Q3', organisationId: w.a.id });
    expect(a!.total).toBe('446.91');
  });

  it('progress to the next threshold during the open period', async () => {
    const res = await gqlOk<{ incentiveProgress: Record<string, unknown> }>(w.t, DOCS.incentiveProgress, { planId: retro.id }, { token: w.c.rep.token });
    expect(res.incentiveProgress).toMatchObject({ period: '2026-Q4', measure: '50000.00', unit: 'EUR', tierIndex: 0, nextTierIndex: 1, nextThreshold: '100000.00', missing: '50000.00', percentOfNext: '50.00' });
  });

  it('closing again returns the same close; two closes at once produce one', async () => {
    const first = await close(spif, '2026-Q3');
    const again = await close(spif, '2026-Q3');
    expect(again.closeIncentivePeriod.id).toBe(first.closeIncentivePeriod.id);
    const plan = await createPlan(w, { name: 'Race', kind: 'SPIF', effectiveFrom: '2026-07-01', rules: SPIF_RULES });
    const results = await Promise.all([1, 2, 3, 4].map(() => w.t.gql<{ closeIncentivePeriod: { id: string } }>(DOCS.closeIncentivePeriod, { planId: plan.id, period: '2026-Q3' }, { token: w.manager })));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    expect(new Set(results.map((r) => r.data!.closeIncentivePeriod.id)).size).toBe(1);
    const [counts] = await w.t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM incentive_period_closes WHERE plan_id = $1) AS closes, (SELECT count(*)::int FROM incentive_statements WHERE plan_id = $1) AS statements`,
      [plan.id],
    );
    expect(counts).toEqual({ closes: 1, statements: 2 });
  });

  it('a closed period is not reopened: a period not yet over and a version inside a closed period are refused', async () => {
    const early = await w.t.gql(DOCS.closeIncentivePeriod, { planId: spif.id, period: '2026-Q4' }, { token: w.manager });
    expect(codeOf(early)).toBe('CONFLICT');
    const inside = await w.t.gql(DOCS.addIncentivePlanVersion, { planId: spif.id, effectiveFrom: '2026-07-01', rules: SPIF_RULES }, { token: w.admin });
    expect(codeOf(inside)).toBe('CONFLICT');
    const versions = await gqlOk<{ incentivePlan: { versions: unknown[] } }>(w.t, DOCS.incentivePlan, { id: spif.id }, { token: w.admin });
    expect(versions.incentivePlan.versions).toHaveLength(1);
  });

  it('a deal won late for a closed period becomes an ADJUSTMENT in the next period; re-running adds nothing', async () => {
    const late = await wonDeal(w, w.b.rep.token, '4000.00', '2026-09-15');
    expect(await recompute(spif)).toBe(1);
    expect(await recompute(spif)).toBe(0);
    const lines = (await linesOf(w, w.manager, { planId: spif.id })).filter((l) => l.source.id === late);
    expect(lines).toEqual([expect.objectContaining({ kind: 'ADJUSTMENT', period: '2026-Q4', eventPeriod: '2026-Q3', amount: '200.00', reason: 'Late event for closed period 2026-Q3.' })]);
    // The closed statement did not change.
    const [ofB] = await statementsOf(w, w.manager, { planId: spif.id, period: '2026-Q3', organisationId: w.b.id });
    expect(ofB).toMatchObject({ total: '166.67', lineCount: 1 });
  });

  it('a reversed deal is clawed back with its reason, and the cap it used is released to the next deal', async () => {
    const claws = await gqlOk<{ reverseIncentiveDeal: number }>(w.t, DOCS.reverseIncentiveDeal, { input: { dealId: deals['a1'], reason: 'Customer cancelled' } }, { token: w.manager });
    // Two plans paid for the deal: this SPIF and the one the race test closed.
    expect(claws.reverseIncentiveDeal).toBe(2);
    const q4 = (await linesOf(w, w.manager, { planId: spif.id, period: '2026-Q4', organisationId: w.a.id })).map((l) => [l.source.id, l.kind, l.amount, l.reason]);
    expect(q4).toEqual(
      expect.arrayContaining([
        [deals['a1'], 'CLAWBACK', '-500.00', 'Deal reversed: Customer cancelled'],
        [deals['a2'], 'ADJUSTMENT', '117.28', 'Late event for closed period 2026-Q3.'],
      ]),
    );
    expect(q4).toHaveLength(2);
    expect(await recompute(spif)).toBe(0);
    // The rebate of partner A for the closed Q3 shrinks by 2 % of 10,000.00 in Q4.
    await recompute(retro);
    const adj = await linesOf(w, w.manager, { planId: retro.id, period: '2026-Q4', organisationId: w.a.id });
    expect(adj.map((l) => [l.kind, l.amount])).toEqual([['ADJUSTMENT', '-200.00']]);
  });

  describe('statements: approval, payment once, points', () => {
    let ofA: string;
    let ofB: string;
    beforeAll(async () => {
      const statements = await statementsOf(w, w.manager, { planId: spif.id, period: '2026-Q3' });
      ofA = statements.find((s) => s.userId === w.a.rep.id)!.id;
      ofB = statements.find((s) => s.userId === w.b.rep.id)!.id;
    });

    it('a draft cannot be paid; approved statements are paid once whatever the number of concurrent calls', async () => {
      const draft = await w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofA], method: 'POINTS', idempotencyKey: 'pay-draft-0001' } }, { token: w.manager });
      expect(codeOf(draft)).toBe('CONFLICT');
      await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: ofA }, { token: w.manager });
      await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: ofB }, { token: w.manager });
      const same = await Promise.all(
        Array.from({ length: 8 }, () => w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofA], method: 'POINTS', idempotencyKey: 'pay-a-q3-0001' } }, { token: w.manager })),
      );
      expect(same.filter((r) => r.errors)).toEqual([]);
      const other = await Promise.all(
        ['pay-b-q3-0001', 'pay-b-q3-0002', 'pay-b-q3-0003', 'pay-b-q3-0004'].map((key) =>
          w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [ofB], method: 'POINTS', idempotencyKey: key } }, { token: w.manager }),
        ),
      );
      expect(other.filter((r) => !r.errors)).toHaveLength(1);
      expect(other.filter((r) => r.errors).map(codeOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
      const [entries] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM points_entries WHERE source_type = 'INCENTIVE_STATEMENT' AND source_id = ANY($1::text[])`, [[ofA, ofB]]);
      expect(entries).toEqual({ n: 2 });
      const balance = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, {}, { token: w.a.rep.token });
      expect(balance.pointsBalance.balance).toBe('1000');
      const [s] = await statementsOf(w, w.a.rep.token, { planId: spif.id, period: '2026-Q3' });
      expect(s).toMatchObject({ id: ofA, status: 'PAID', paymentMethod: 'POINTS', pointsAwarded: '1000' });
    });

    it('20 concurrent redemptions on a balance that covers 5: exactly 5, the balance ends at 0', async () => {
      const reward = await gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name: 'Gift voucher 200', kind: 'GIFT_VOUCHER', pointsPrice: 200, stock: 100 } }, { token: w.admin });
      const results = await Promise.all(Array.from({ length: 20 }, () => w.t.gql(DOCS.redeemReward, { input: { rewardId: reward.createReward.id } }, { token: w.a.rep.token })));
      expect(results.filter((r) => !r.errors)).toHaveLength(5);
      expect(new Set(results.filter((r) => r.errors).map(codeOf))).toEqual(new Set(['CONFLICT']));
      const [row] = await w.t.dataSource.query(
        `SELECT a.balance::int AS balance, (SELECT sum(e.amount)::int FROM points_entries e WHERE e.account_id = a.id) AS ledger, (SELECT stock FROM rewards WHERE id = $2) AS stock
           FROM points_accounts a WHERE a.user_id = $1`,
        [w.a.rep.id, reward.createReward.id],
      );
      expect(row).toEqual({ balance: 0, ledger: 0, stock: 95 });
    });

    it('stock never goes below zero: 10 concurrent redemptions of a reward with 3 left', async () => {
      const reward = await gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name: 'Event ticket', kind: 'EVENT_TICKET', pointsPrice: 10, stock: 3, requiresApproval: true } }, { token: w.admin });
      const results = await Promise.all(Array.from({ length: 10 }, () => w.t.gql<{ redeemReward: { id: string; status: string } }>(DOCS.redeemReward, { input: { rewardId: reward.createReward.id } }, { token: w.b.rep.token })));
      const ok = results.filter((r) => !r.errors);
      expect(ok).toHaveLength(3);
      expect(results.filter((r) => r.errors).map((r) => r.errors?.[0]?.message)).toEqual(Array(7).fill('This reward is out of stock.'));
      expect(ok.map((r) => r.data!.redeemReward.status)).toEqual(['REQUESTED', 'REQUESTED', 'REQUESTED']);
      const balance = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, {}, { token: w.b.rep.token });
      expect(balance.pointsBalance.balance).toBe(String(166 - 30));
      const approved = await gqlOk<{ approveRewardRedemption: { status: string } }>(w.t, DOCS.approveRewardRedemption, { id: ok[0]!.data!.redeemReward.id }, { token: w.manager });
      expect(approved.approveRewardRedemption.status).toBe('APPROVED');
      const twice = await w.t.gql(DOCS.approveRewardRedemption, { id: ok[0]!.data!.redeemReward.id }, { token: w.manager });
      expect(codeOf(twice)).toBe('CONFLICT');
    });
  });

  describe('who sees what', () => {
    it("a rep sees their own SPIF lines and the organisation's rebates; a partner admin all of the organisation's; nobody another organisation's", async () => {
      const aRep = await linesOf(w, w.a.rep.token, {});
      expect(new Set(aRep.map((l) => l.organisationId))).toEqual(new Set([w.a.id]));
      expect(aRep.every((l) => l.userId === null || l.userId === w.a.rep.id)).toBe(true);
      expect(aRep.some((l) => l.userId === null)).toBe(true);
      const aAdmin = await linesOf(w, w.a.adminToken, {});
      expect(new Set(aAdmin.map((l) => l.organisationId))).toEqual(new Set([w.a.id]));
      expect(aAdmin.length).toBeGreaterThanOrEqual(aRep.length);
      const [statementOfA] = await statementsOf(w, w.manager, { planId: spif.id, organisationId: w.a.id });
      for (const [document, variables] of [
        [DOCS.incentiveStatement, { id: statementOfA!.id }],
        [DOCS.incentiveStatements, { filter: { organisationId: w.a.id } }],
        [DOCS.incentiveAccruals, { filter: { organisationId: w.a.id } }],
        [DOCS.incentiveProgress, { planId: retro.id, organisationId: w.a.id }],
        [DOCS.pointsBalance, { organisationId: w.a.id }],
        [DOCS.pointsEntries, { userId: w.a.rep.id }],
      ] as const) {
        const res = await w.t.gql(document, variables, { token: w.b.rep.token });
        expect(codeOf(res)).toBe('NOT_FOUND');
        expect(res.data).toBeNull();
      }
      const own = await statementsOf(w, w.b.rep.token, {});
      expect(new Set(own.map((s) => s.organisationId))).toEqual(new Set([w.b.id]));
    });

    it('partners see only published plans of programs they are in; vendor-only operations are refused to partners', async () => {
      const draft = await gqlOk<{ createIncentivePlan: { id: string } }>(w.t, DOCS.createIncentivePlan, {
        input: { name: 'Draft', kind: 'SPIF', currency: 'EUR', periodKind: 'QUARTER', programId: w.programId, effectiveFrom: '2026-10-01', rules: SPIF_RULES },
      }, { token: w.admin });
      expect(codeOf(await w.t.gql(DOCS.incentivePlan, { id: draft.createIncentivePlan.id }, { token: w.a.rep.token }))).toBe('NOT_FOUND');
      const plans = await gqlOk<{ incentivePlans: { edges: { node: { id: string; status: string } }[] } }>(w.t, DOCS.incentivePlans, { first: 100 }, { token: w.a.rep.token });
      expect(plans.incentivePlans.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([spif.id, retro.id]));
      expect(plans.incentivePlans.edges.every((e) => e.node.status !== 'DRAFT')).toBe(true);
      expect(codeOf(await w.t.gql(DOCS.closeIncentivePeriod, { planId: spif.id, period: '2026-Q3' }, { token: w.a.adminToken }))).toBe('FORBIDDEN');
      expect(codeOf(await w.t.gql(DOCS.approveIncentiveStatement, { id: spif.id }, { token: w.analyst }))).toBe('FORBIDDEN');
    });
  });

  describe('bad input changes nothing', () => {
    it('overlapping and out-of-order tiers, rates outside 0–100 and a plan without a period are field errors', async () => {
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
});
