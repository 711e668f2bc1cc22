import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { LoginPage } from '../pages/login.page';
import { PartnerHomePage } from '../pages/partner-home.page';
import { PartnerListPage } from '../pages/partner-list.page';
import { Shell } from '../pages/shell.page';
import { launchBrowser } from '../support/browser';
import { type RunningServer, startServer } from '../support/server';

// A browser test that fails once is retried once; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

describe('portal in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startServer();
    ({ browser, close: closeBrowser } = await launchBrowser());
  }, 150_000);

  let stopped = false;
  afterAll(async () => {
    await closeBrowser?.();
    if (!stopped) await server?.stop();
  });

  it('a partner rep signs in and sees the tier card, in English and in Dutch', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await new LoginPage(page, server.url).open();
    await new Shell(page).setLanguage('en');
    await new LoginPage(page, server.url).signIn('rep@northwind.test');
    const home = new PartnerHomePage(page);
    expect(await home.tierName()).toBe('Silver');
    expect(await home.heading()).toBe('Your tier');
    expect(await home.cardText()).toMatch(/Gold/);

    await new Shell(page).setLanguage('nl');
    await page.getByTestId('tier-card-heading').getByText('Uw niveau').waitFor();
    expect(await home.tierName()).toBe('Silver');
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^nl/);
    // Numbers follow the locale too: the Dutch card shows percentages with a comma or a plain integer.
    expect(await home.cardText()).toMatch(/Gewonnen deals/);
    await page.screenshot({ path: '.test-results/e2e-partner-home-nl.png', fullPage: true });
    await context.close();
  });

  it('a channel manager finds a partner and exports the list as CSV', async () => {
    const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.signIn('manager@vendor.test');
    const list = new PartnerListPage(page);
    await list.waitForRows();
    expect(await list.rows.count()).toBeGreaterThanOrEqual(20);
    await list.search('contoso');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-row"]').length === 1, undefined, { timeout: 15_000 });
    expect((await list.rowNames())[0]).toMatch(/Contoso Managed Services/);

    const download = await list.exportCsv();
    const file = await download.path();
    const csv = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^id,name,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain('Contoso Managed Services');
    await page.screenshot({ path: '.test-results/e2e-partner-list.png', fullPage: true });
    await context.close();
  });

  it('a partner admin updates their own organisation profile', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await new Shell(page).setLanguage('en');
    await login.signIn('admin@northwind.test');
    await page.getByTestId('edit-own-organisation').click();
    const form = page.getByTestId('organisation-profile-form');
    await form.getByLabel('City').fill('Amersfoort');
    await form.getByLabel('Website').fill('not a web address');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Enter a web address such as https://example.com.').waitFor();
    await form.getByLabel('Website').fill('https://www.northwind.test');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByText('Amersfoort, Netherlands').waitFor();
    await context.close();
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const started = Date.now();
    const code = await server.stop();
    stopped = true;
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
