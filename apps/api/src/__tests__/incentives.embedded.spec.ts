import { gqlOk } from '../testing/factories';
import { createPlan, type IncentiveWorld, newScenario, startIncentivesApp, statementsOf, wonDeal } from '../testing/incentive-fixtures';
import { DOCS } from '../testing/operations';

// The incentives engine on the embedded engine (PGlite): the advisory lock, the conditional updates and
// the idempotent close and payment behave as on the server (transactions are serialised there).
describe('incentives on the embedded database (PGlite)', () => {
  let w: IncentiveWorld;
  beforeAll(async () => {
    w = await startIncentivesApp(new Date('2026-10-05T09:00:00Z'));
  }, 120_000);
  afterAll(() => w?.t.close());

  it('closes once under concurrent closes, pays once, and never overdraws a wallet', async () => {
    expect(w.t.mode).toBe('embedded');
    const s = await newScenario(w);
    await wonDeal(w, s.a.rep.token, '8000.00', '2026-08-03');
    const plan = await createPlan(w, s, { name: 'Embedded SPIF', kind: 'SPIF', effectiveFrom: '2026-07-01', rules: { spif: { startsOn: '2026-07-01', endsOn: '2026-12-31', payoutKind: 'PERCENT', rate: '5' } } });
    const closes = await Promise.all([1, 2, 3].map(() => w.t.gql<{ closeIncentivePeriod: { id: string } }>(DOCS.closeIncentivePeriod, { planId: plan.id, period: '2026-Q3' }, { token: w.manager })));
    expect(new Set(closes.map((r) => r.data?.closeIncentivePeriod.id)).size).toBe(1);
    const [statement] = await statementsOf(w, w.manager, { planId: plan.id });
    expect(statement).toMatchObject({ total: '400.00', lineCount: 1 });
    await gqlOk(w.t, DOCS.approveIncentiveStatement, { id: statement!.id }, { token: w.manager });
    const pays = await Promise.all(
      [1, 2, 3].map(() => w.t.gql(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [statement!.id], method: 'POINTS', idempotencyKey: 'embedded-pay-1' } }, { token: w.manager })),
    );
    expect(pays.filter((r) => r.errors)).toEqual([]);
    const reward = await gqlOk<{ createReward: { id: string } }>(w.t, DOCS.createReward, { input: { name: 'Embedded voucher', kind: 'GIFT_VOUCHER', pointsPrice: 150 } }, { token: w.admin });
    const redemptions = await Promise.all(Array.from({ length: 6 }, () => w.t.gql(DOCS.redeemReward, { input: { rewardId: reward.createReward.id } }, { token: s.a.rep.token })));
    expect(redemptions.filter((r) => !r.errors)).toHaveLength(2);
    const balance = await gqlOk<{ pointsBalance: { balance: string } }>(w.t, DOCS.pointsBalance, {}, { token: s.a.rep.token });
    expect(balance.pointsBalance.balance).toBe('100');
  });
});
