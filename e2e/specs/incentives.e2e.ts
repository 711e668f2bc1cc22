import fs from 'node:fs';
import { DealDetailPage } from '../pages/deal-detail.page';
import { IncentiveMeasurementPage, IncentivesAdminPage, MyRewardsPage, StatementPage } from '../pages/incentives.page';
import { Shell } from '../pages/shell.page';
import { type GraphqlClient, graphqlAs } from '../support/graphql';
import { signInAs } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

// A browser test that fails once is retried once; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const TIME_ZONE = 'Europe/Amsterdam';
const REP = 'rep@northwind.test';
const MANAGER = 'manager@vendor.test';
const ADMIN = 'admin@vendor.test';
const ANALYST = 'analyst@vendor.test';
/** Northwind IT takes part in this program (demo data). */
const PROGRAM = 'Managed Service Provider';

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Last month as the API names it ("2026-11"), with its first and last day, and the last day of this month (UTC, as the server counts). */
function months(now = new Date()) {
  const firstOfThis = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const firstOfLast = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const lastOfLast = new Date(firstOfThis.getTime() - 86_400_000);
  const lastOfThis = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  return { lastMonth: isoDay(firstOfLast).slice(0, 7), firstOfLast: isoDay(firstOfLast), lastOfLast: isoDay(lastOfLast), lastOfThis: isoDay(lastOfThis) };
}

/** A deal the rep registers and the channel manager approves and marks won, closed on `closeDate`. */
async function wonDeal(rep: GraphqlClient, manager: GraphqlClient, customer: string, closeDate: string): Promise<string> {
  const { products } = await rep<{ products: { id: string }[] }>('query { products { id } }');
  const created = await rep<{ createDealRegistration: { id: string } }>('mutation ($input: CreateDealRegistrationInput!) { createDealRegistration(input: $input) { id } }', {
    input: {
      customerName: customer,
      customerWebsite: `https://www.${customer.toLowerCase().replace(/\W/g, '')}.nl`,
      customerCountry: 'NL',
      products: [{ productId: products[0]!.id, quantity: 10 }],
      estimatedMrr: '500.00',
      expectedCloseDate: isoDay(new Date()),
      salesStage: 'QUALIFIED',
      submit: true,
    },
  });
  const id = created.createDealRegistration.id;
  await manager('mutation ($id: ID!) { approveDealRegistration(id: $id) { id } }', { id });
  await manager('mutation ($id: ID!, $input: MarkDealWonInput!) { markDealWon(id: $id, input: $input) { id } }', { id, input: { actualMrr: '500.00', closeDate } });
  return id;
}

interface Progress {
  measure: string;
  percentOfNext: string | null;
  missing: string | null;
}

describe('incentives in a real browser', () => {
  const suite = useServerAndBrowser();
  const signIn = (email: string) => signInAs(suite.browser, suite.server.url, email, { timeZone: TIME_ZONE, acceptDownloads: true });

  it('a rep sees SPIF progress after a won deal; the period is closed and the statement paid in points; the rep redeems points and follows a statement line to its deal', async () => {
    const suffix = Date.now().toString(36);
    const { lastMonth, firstOfLast, lastOfLast, lastOfThis } = months();
    const repApi = await graphqlAs(suite.server.url, REP);
    const managerApi = await graphqlAs(suite.server.url, MANAGER);
    const adminApi = await graphqlAs(suite.server.url, ADMIN);

    // A published SPIF for the rep's program: 250.00 per deal for the first two, 400.00 from the third on.
    const { programs } = await adminApi<{ programs: { id: string; name: string }[] }>('query { programs { id name } }');
    const programId = programs.find((p) => p.name === PROGRAM)!.id;
    const planName = `Backup SPIF ${suffix}`;
    const { createIncentivePlan: plan } = await adminApi<{ createIncentivePlan: { id: string } }>('mutation ($input: CreateIncentivePlanInput!) { createIncentivePlan(input: $input) { id } }', {
      input: {
        name: planName,
        kind: 'SPIF',
        programId,
        currency: 'EUR',
        periodKind: 'MONTH',
        effectiveFrom: firstOfLast,
        rules: {
          spif: {
            startsOn: firstOfLast,
            endsOn: lastOfThis,
            payoutKind: 'TIERED',
            tierMode: 'ABOVE_THRESHOLD',
            countTiers: [
              { fromCount: 1, toCount: 3, amount: '250.00' },
              { fromCount: 3, amount: '400.00' },
            ],
          },
        },
      },
    });
    await adminApi('mutation ($id: ID!) { publishIncentivePlan(id: $id) { id } }', { id: plan.id });
    const rewardName = `Conference ticket ${suffix}`;
    const { createReward: reward } = await adminApi<{ createReward: { id: string } }>('mutation ($input: CreateRewardInput!) { createReward(input: $input) { id } }', {
      input: { name: rewardName, kind: 'EVENT_TICKET', pointsPrice: 100, stock: 3 },
    });
    const { createReward: dearReward } = await adminApi<{ createReward: { id: string } }>('mutation ($input: CreateRewardInput!) { createReward(input: $input) { id } }', {
      input: { name: `Sailing weekend ${suffix}`, kind: 'GIFT_VOUCHER', pointsPrice: 1_000_000 },
    });

    // The rep's deal, won last month.
    const customer = `Utrecht Dental ${suffix}`;
    const dealId = await wonDeal(repApi, managerApi, customer, lastOfLast);

    // The rep sees the campaign's progress: what the API says, at least the one deal, towards tier 2.
    const { incentiveProgress } = await repApi<{ incentiveProgress: Progress }>('query ($planId: ID!) { incentiveProgress(planId: $planId) { measure percentOfNext missing } }', { planId: plan.id });
    expect(Number(incentiveProgress.measure)).toBeGreaterThanOrEqual(1);
    const rep = await signIn(REP);
    await new Shell(rep.page).navigate('myRewards');
    const rewards = new MyRewardsPage(rep.page);
    const progress = await rewards.progress(plan.id);
    expect(progress.percent).toBe(incentiveProgress.percentOfNext);
    expect(progress.measure).toMatch(new RegExp(`^${incentiveProgress.measure} qualifying deals? so far$`));
    expect(progress.next).toMatch(new RegExp(`^${incentiveProgress.missing} more deals? to reach tier 2 \\(`));
    await rep.page.screenshot({ path: '.test-results/e2e-incentives-progress.png', fullPage: true });

    // What the rep's wallet holds before (a retry finds the first attempt's points there).
    const balanceOf = async () => BigInt((await repApi<{ pointsBalance: { balance: string } }>('query { pointsBalance { balance } }')).pointsBalance.balance);
    const before = await balanceOf();

    // The channel manager closes last month, approves the rep's statement and pays it in points.
    const manager = await signIn(MANAGER);
    await new Shell(manager.page).navigate('incentives');
    const admin = new IncentivesAdminPage(manager.page);
    expect(await admin.closePeriod(plan.id, lastMonth)).toMatch(new RegExp(`^${planName}: ${lastMonth} closed with \\d+ statements?\\.$`));
    const { incentiveStatements } = await managerApi<{ incentiveStatements: { edges: { node: { id: string; userId: string | null; total: string } }[] } }>(
      'query ($filter: IncentiveStatementFilter) { incentiveStatements(first: 100, filter: $filter) { edges { node { id userId total } } } }',
      { filter: { planId: plan.id, period: lastMonth } },
    );
    const { me } = await repApi<{ me: { id: string } }>('query { me { id } }');
    const statement = incentiveStatements.edges.map((e) => e.node).find((s) => s.userId === me.id);
    if (!statement) throw new Error('no statement for the rep');
    await admin.showStatements();
    await admin.waitForStatementStatus(statement.id, 'DRAFT');
    await admin.approve(statement.id);
    expect(await admin.markPaid(statement.id, 'Points')).toBe('1 statement marked paid.');
    await manager.page.screenshot({ path: '.test-results/e2e-incentives-statements.png', fullPage: true });
    // The payout file lists the statement, paid in points, with its exact total.
    const download = await admin.exportPayouts();
    expect(download.suggestedFilename()).toMatch(/^incentive-payouts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(csv[0]).toBe('statementId,planId,plan,period,organisationId,partner,userId,status,currency,total,lineCount,paymentMethod,pointsAwarded,approvedAt,paidAt,daysToPayment');
    expect(csv.find((line) => line.startsWith(`${statement.id},`))).toContain(`,${planName},${lastMonth},`);
    expect(csv.find((line) => line.startsWith(`${statement.id},`))).toContain(`,Northwind IT,${me.id},PAID,EUR,${statement.total},`);
    await manager.context.close();

    // One point per whole euro lands in the rep's wallet.
    const points = BigInt(statement.total.split('.')[0]!);
    expect(points).toBeGreaterThanOrEqual(250n);
    const balance = await balanceOf();
    expect(balance - before).toBe(points);
    await rep.page.reload();
    await rewards.waitForBalance(balance.toString());

    // Too dear: a clear error and nothing changes. Then the ticket: 100 points.
    const refused = await rewards.redeem(dearReward.id);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(`Not enough points: this reward costs 1,000,000 points and the balance is ${balance.toLocaleString('en-GB')}.`);
    await rewards.closeDialog();
    await rewards.waitForBalance(balance.toString());
    expect(await rewards.redeem(reward.id)).toEqual({ ok: true, message: `You redeemed ${rewardName} for 100 points.` });
    await rewards.waitForBalance((balance - 100n).toString());
    expect(await rewards.rewardCard(reward.id).getByTestId('reward-stock').innerText()).toBe('2 left');
    await rep.page.screenshot({ path: '.test-results/e2e-incentives-redeemed.png', fullPage: true });

    // "Why did I get this?": the statement line leads to the deal.
    await rewards.openStatement(statement.id);
    const statementPage = new StatementPage(rep.page);
    expect(await statementPage.waitForLine(dealId)).toContain(customer);
    expect(await statementPage.payment()).toMatch(/^Points · [\d,]+ points$/);
    await rep.page.screenshot({ path: '.test-results/e2e-incentives-statement.png', fullPage: true });
    await statementPage.openSource(dealId);
    await rep.page.waitForURL(`**/deals/${dealId}`, { timeout: 20_000 });
    const deal = new DealDetailPage(rep.page);
    await deal.waitForStatus('Won');
    await rep.context.close();
  });

  it('an analyst opens the measurement page and sees cost against gain for a closed SPIF month', async () => {
    const suffix = Date.now().toString(36);
    const { lastMonth, firstOfLast, lastOfLast, lastOfThis } = months();
    const repApi = await graphqlAs(suite.server.url, REP);
    const managerApi = await graphqlAs(suite.server.url, MANAGER);
    const adminApi = await graphqlAs(suite.server.url, ADMIN);
    const { programs } = await adminApi<{ programs: { id: string; name: string }[] }>('query { programs { id name } }');
    const planName = `Measured SPIF ${suffix}`;
    const { createIncentivePlan: plan } = await adminApi<{ createIncentivePlan: { id: string } }>('mutation ($input: CreateIncentivePlanInput!) { createIncentivePlan(input: $input) { id } }', {
      input: {
        name: planName,
        kind: 'SPIF',
        programId: programs.find((p) => p.name === PROGRAM)!.id,
        currency: 'EUR',
        periodKind: 'MONTH',
        effectiveFrom: firstOfLast,
        rules: { spif: { startsOn: firstOfLast, endsOn: lastOfThis, payoutKind: 'FIXED', amount: '100.00' } },
      },
    });
    await adminApi('mutation ($id: ID!) { publishIncentivePlan(id: $id) { id } }', { id: plan.id });
    await wonDeal(repApi, managerApi, `Measured Dental ${suffix}`, lastOfLast);
    await managerApi('mutation ($planId: ID!, $period: String!) { closeIncentivePeriod(planId: $planId, period: $period) { id } }', { planId: plan.id, period: lastMonth });

    const analyst = await signIn(ANALYST);
    await analyst.page.goto(`${suite.server.url}/incentives/measurement`);
    const measurement = new IncentiveMeasurementPage(analyst.page);
    await measurement.waitForChart();
    const row = await measurement.row(planName, lastMonth);
    expect(row).toContain('100.00');
    await analyst.page.screenshot({ path: '.test-results/e2e-incentives-measurement.png', fullPage: true });
    await analyst.context.close();
  });
});
