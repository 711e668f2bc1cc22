import { RevenueCustomerPage, RevenueLeaderboard, RevenueOverview } from '../pages/revenue.page';
import { Shell } from '../pages/shell.page';
import { type GraphqlClient, graphqlAs } from '../support/graphql';
import { signInAs } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

// A browser test that fails once is retried once; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const TIME_ZONE = 'Europe/Amsterdam';
const LOCALE = 'en-GB';
const STEPS = ['opening', 'new', 'expansion', 'reactivation', 'transferIn', 'contraction', 'churn', 'transferOut', 'fx', 'closing'] as const;
type Step = (typeof STEPS)[number];
/** The movement kind of a waterfall step as the API filters by it ("transferIn" → "TRANSFER_IN"); the totals and FX have none. */
const kindOf = (step: Step): string | null => (['opening', 'closing', 'fx'].includes(step) ? null : step.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase());

/** How the portal writes figures in English (Intl, as the app does), with no-break spaces made plain. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
const money = (value: string, currency: string): string => plain(new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).format(Number(value)));
const percent = (value: string): string => plain(new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 4 }).format(Number(value) / 100));
const monthName = (ym: string): string => new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ym}-01T00:00:00Z`));
/** An undefined percentage is a dash (its explanation follows for screen readers), never 0 %. */
const expectPercent = (shown: string, value: string | null) => (value === null ? expect(shown.startsWith('—')).toBe(true) : expect(shown).toBe(percent(value)));

interface Summary {
  month: string;
  currency: string;
  nrr: string | null;
  grr: string | null;
  trend: { month: string; mrr: string }[];
  waterfall: Record<Step, string>;
}
const SUMMARY = `query ($month: String) { revenueSummary(month: $month) { month currency nrr grr trend { month mrr } waterfall { ${STEPS.join(' ')} } } }`;
const summaryOf = async (api: GraphqlClient, month?: string): Promise<Summary> =>
  (await api<{ revenueSummary: Summary }>(SUMMARY, { month: month ? `${month}-01` : null })).revenueSummary;

describe('recurring revenue in a real browser', () => {
  const suite = useServerAndBrowser();
  const signIn = (email: string) => signInAs(suite.browser, suite.server.url, email, { timeZone: TIME_ZONE });

  it('a partner admin sees its NRR and the MRR waterfall on the home page, as the API reports them, down to the event behind a movement', async () => {
    const email = 'admin@northwind.test';
    const { context, page } = await signIn(email);
    const api = await graphqlAs(suite.server.url, email);
    const overview = new RevenueOverview(page);

    // This month, as the API answers this partner.
    const now = await summaryOf(api);
    const thisMonth = now.month.slice(0, 7);
    await overview.waitForMonth(thisMonth);
    expectPercent(await overview.figure('revenue-nrr'), now.nrr);
    expectPercent(await overview.figure('revenue-grr'), now.grr);
    const shown = await overview.waterfall();
    for (const step of STEPS) expect(shown[step]).toBe(money(now.waterfall[step], now.currency));

    // The latest month in which MRR moved (the demo ledger is dated from today, so it is looked up, not assumed).
    const moved = [...now.trend].reverse().find((point, i, newestFirst) => i + 1 < newestFirst.length && point.mrr !== newestFirst[i + 1]!.mrr);
    expect(moved).toBeDefined();
    const month = moved!.month.slice(0, 7);
    const then = await summaryOf(api, month);
    if (month !== thisMonth) await overview.chooseMonth(monthName(month));
    await overview.waitForMonth(month);
    expectPercent(await overview.figure('revenue-nrr'), then.nrr);
    const shownThen = await overview.waterfall();
    for (const step of STEPS) expect(shownThen[step]).toBe(money(then.waterfall[step], then.currency));

    // A bar explains itself: the movements behind it, each leading to the subscription event that caused it.
    const step = STEPS.find((s) => kindOf(s) && Number(then.waterfall[s]) !== 0)!;
    const { revenueMovements } = await api<{ revenueMovements: { edges: { node: { amount: string; currency: string; customerName: string; cause: string; sourceId: string | null } }[] } }>(
      'query ($filter: RevenueMovementFilter) { revenueMovements(filter: $filter, first: 25) { edges { node { amount currency customerName cause sourceId } } } }',
      { filter: { month: `${month}-01`, kind: kindOf(step) } },
    );
    const movements = revenueMovements.edges.map((edge) => edge.node);
    const drawer = await overview.openStep(step);
    expect(await overview.movementAmounts(drawer)).toEqual(movements.map((m) => money(m.amount, m.currency)));
    await drawer.getByTestId('movement-customer').first().click();
    const customer = new RevenueCustomerPage(page);
    expect(await customer.name()).toBe(movements[0]!.customerName);
    if (movements[0]!.cause !== 'TRANSFER') expect(await customer.markedEventId()).toBe(movements[0]!.sourceId);
    await page.screenshot({ path: '.test-results/e2e-revenue-customer.png', fullPage: true });
    await context.close();
  });

  it('an analyst opens Revenue and sorts the partner leaderboard by NRR, both ways, in the order the API gives', async () => {
    const email = 'analyst@vendor.test';
    const { context, page } = await signIn(email);
    const api = await graphqlAs(suite.server.url, email);
    await new Shell(page).navigate('revenue');
    const board = new RevenueLeaderboard(page);
    await board.waitForRows();
    const pageSize = await board.rows.count();

    for (const order of ['desc', 'asc'] as const) {
      await board.sortBy('NRR');
      await board.waitForOrder('NRR', order);
      expect(await board.ariaSort('NRR')).toBe(order === 'desc' ? 'descending' : 'ascending');
      const { revenueLeaderboard } = await api<{ revenueLeaderboard: { rows: { organisationId: string; nrr: string | null }[] } }>(
        'query ($descending: Boolean!, $first: Int!) { revenueLeaderboard(sort: NRR, descending: $descending, first: $first) { rows { organisationId nrr } } }',
        { descending: order === 'desc', first: pageSize },
      );
      expect(await board.organisationIds()).toEqual(revenueLeaderboard.rows.map((row) => row.organisationId));
      const shownNrr = await board.column('nrr');
      revenueLeaderboard.rows.forEach((row, i) => expectPercent(shownNrr[i]!, row.nrr));
    }
    await page.screenshot({ path: '.test-results/e2e-revenue-leaderboard.png', fullPage: true });
    await context.close();
  });
});
