import { ReferralSignupPage, ReferralsPage } from '../pages/referrals.page';
import { Shell } from '../pages/shell.page';
import { graphqlAs } from '../support/graphql';
import { signInAs } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

jest.retryTimes(1, { logErrorsBeforeRetry: true });

const TIME_ZONE = 'Europe/Amsterdam';
const PARTNER_ADMIN = 'admin@northwind.test';
const MANAGER = 'manager@vendor.test';
const ADMIN = 'admin@vendor.test';

describe('referrals in a real browser', () => {
  const suite = useServerAndBrowser();

  it('a partner admin shares its link, a prospect signs up without logging in, the channel manager links the sign-up to a customer, and the partner sees it linked', async () => {
    const company = `Referred ${Date.now()}`;
    // A revenue customer of the demo to link the sign-up to.
    const manager = await graphqlAs(suite.server.url, MANAGER);
    const { revenueCustomers } = await manager<{ revenueCustomers: { edges: { node: { name: string } }[] } }>('query { revenueCustomers(first: 1) { edges { node { name } } } }');
    const customer = revenueCustomers.edges[0]!.node.name;

    const partner = await signInAs(suite.browser, suite.server.url, PARTNER_ADMIN, { timeZone: TIME_ZONE });
    await new Shell(partner.page).navigate('referrals');
    const partnerReferrals = new ReferralsPage(partner.page, suite.server.url);
    await partner.page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor({ timeout: 20_000 });
    const url = await partnerReferrals.myLinkUrl();
    expect(url).toMatch(new RegExp(`^${suite.server.url}/r/[A-Za-z0-9_-]{6,32}$`));

    // The prospect has no account: a fresh context, no sign-in.
    const visitor = await suite.browser.newContext({ locale: 'en-GB', timezoneId: TIME_ZONE });
    await new ReferralSignupPage(await visitor.newPage()).signUp(url, { name: 'Pat Prospect', email: 'pat@referred.test', company });
    await visitor.close();

    const vendor = await signInAs(suite.browser, suite.server.url, MANAGER, { timeZone: TIME_ZONE });
    const vendorReferrals = new ReferralsPage(vendor.page, suite.server.url);
    await vendorReferrals.open();
    await expect(vendorReferrals.row(company).innerText()).resolves.toContain('Northwind');
    await vendorReferrals.linkToCustomer(company, customer);
    await expect(vendorReferrals.row(company).innerText()).resolves.toContain(customer);
    await vendor.context.close();

    await partnerReferrals.open();
    await expect(partnerReferrals.row(company).innerText()).resolves.toContain(customer);
    await partner.context.close();
  });

  it('the vendor admin creates a lifetime referral plan and a retention plan through the plan form', async () => {
    const admin = await signInAs(suite.browser, suite.server.url, ADMIN, { timeZone: TIME_ZONE });
    const page = admin.page;
    const create = async (name: string, kind: 'Referral' | 'Retention', fill: () => Promise<void>): Promise<void> => {
      await page.goto(`${suite.server.url}/incentives/plans/new`);
      await page.getByTestId('plan-name-input').fill(name);
      await page.getByTestId('plan-kind').getByText(kind, { exact: true }).click();
      await fill();
      await page.getByTestId('plan-submit').click();
      await page.waitForURL(`${suite.server.url}/incentives`, { timeout: 20_000 });
      await page.getByText(name).first().waitFor({ timeout: 20_000 });
    };
    const stamp = Date.now();
    await create(`Referral lifetime ${stamp}`, 'Referral', async () => {
      await page.getByTestId('referral-rate').fill('10');
      await page.getByTestId('referral-duration').getByText("The customer's lifetime").click();
    });
    await create(`Retention ${stamp}`, 'Retention', async () => {
      await page.getByTestId('retention-nrr-threshold').fill('105');
      await page.getByTestId('retention-nrr-reward').fill('500.00');
      await page.getByTestId('retention-expansion-rate').fill('1.5');
    });
    // A retention plan without any reward: the form shows the server's message and stays.
    await page.goto(`${suite.server.url}/incentives/plans/new`);
    await page.getByTestId('plan-name-input').fill(`Empty retention ${stamp}`);
    await page.getByTestId('plan-kind').getByText('Retention', { exact: true }).click();
    await page.getByTestId('plan-submit').click();
    await page.getByTestId('plan-form-errors').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: '.test-results/e2e-retention-form-errors.png', fullPage: true });
    await admin.context.close();
  });
});
