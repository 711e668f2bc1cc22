import fs from 'node:fs';
import { DealDetailPage } from '../pages/deal-detail.page';
import { DealFormPage } from '../pages/deal-form.page';
import { DealListPage } from '../pages/deal-list.page';
import { ReviewQueuePage } from '../pages/review-queue.page';
import { Shell } from '../pages/shell.page';
import { signInAs } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

// A browser test that fails once is retried once; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const DAY_MS = 86_400_000;
const TIME_ZONE = 'Europe/Amsterdam';
/** The demo programs keep the default rules of engagement: 90 days of protection. */
const PROTECTION_DAYS = 90;

const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
/** How the portal shows a date in English (Intl, medium style), in the browser's time zone. */
const shownDate = (date: Date): string => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: TIME_ZONE }).format(date);

describe('deal registration in a real browser', () => {
  const suite = useServerAndBrowser();
  const signIn = (email: string) => signInAs(suite.browser, suite.server.url, email, { timeZone: TIME_ZONE, acceptDownloads: true });


  it('a rep registers and submits a deal, the channel manager approves it from the review queue, the rep sees it protected', async () => {
    // Unique per attempt, so a retry does not meet the first attempt's registration.
    const suffix = Date.now().toString(36);
    const customer = `Fabrikam Retail ${suffix}`;

    // The rep registers and submits.
    const rep = await signIn('rep@northwind.test');
    const repShell = new Shell(rep.page);
    await repShell.navigate('registerDeal');
    const form = new DealFormPage(rep.page);
    await form.waitForForm();
    await form.rules.getByText(`protected for ${PROTECTION_DAYS} days`).waitFor({ timeout: 20_000 });
    await form.fill({
      customerName: customer,
      website: `https://www.fabrikam-${suffix}.nl`,
      city: 'Utrecht',
      contactName: 'Femke de Boer',
      contactEmail: 'femke@example.com',
      product: 'Acme Backup (per device)',
      quantity: 25,
      mrr: '312.50',
      closeDate: isoDay(new Date(Date.now() + 60 * DAY_MS)),
      salesStage: 'Qualified',
    });
    await form.submit();
    const detail = new DealDetailPage(rep.page);
    const reference = await detail.reference();
    expect(reference).toMatch(/^DR-\d+$/);
    await detail.waitForStatus('Submitted');
    expect((await detail.timelineEvents()).join('\n')).toMatch(/Submitted for review/);

    // The channel manager approves it from the review queue.
    const manager = await signIn('manager@vendor.test');
    await new Shell(manager.page).navigate('dealReviews');
    const queue = new ReviewQueuePage(manager.page);
    const row = await queue.waitForRow(customer);
    expect(await row.innerText()).toContain('Northwind IT');
    await row.getByTestId('review-due').waitFor();
    const approvedAround = Date.now();
    expect(await queue.approve(customer)).toMatch(/approved$/);
    await queue.row(customer).waitFor({ state: 'detached', timeout: 20_000 });
    await manager.page.screenshot({ path: '.test-results/e2e-deal-review-queue.png', fullPage: true });
    await manager.context.close();

    // The rep sees it approved, with the end of its protection.
    const expectedEnd = new Set([-5, 0, 5].map((minutes) => shownDate(new Date(approvedAround + PROTECTION_DAYS * DAY_MS + minutes * 60_000))));
    await repShell.navigate('myDeals');
    const list = new DealListPage(rep.page);
    await list.waitForRow(customer);
    await rep.page.waitForFunction(
      (name) =>
        Array.from(document.querySelectorAll('[data-testid="deal-row"]')).some(
          (r) => r.textContent?.includes(name) && r.querySelector('[data-testid="deal-status"]')?.getAttribute('data-status') === 'APPROVED',
        ),
      customer,
      { timeout: 20_000 },
    );
    expect(await list.status(customer)).toMatch(/approved/i);
    expect(expectedEnd).toContain(await list.protectionEnd(customer));
    expect(await list.protectionCountdown(customer)).toMatch(new RegExp(`^(${PROTECTION_DAYS}|${PROTECTION_DAYS - 1}) days left$`));

    await list.open(customer);
    await detail.waitForStatus('Approved');
    expect([...expectedEnd].map((date) => `Protected until ${date}`)).toContain(await detail.protectionEnd());
    await rep.page.screenshot({ path: '.test-results/e2e-deal-approved.png', fullPage: true });

    // The bell tells the rep, with a link to the deal.
    await rep.page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-bell"]')?.getAttribute('data-unread')) > 0, undefined, {
      timeout: 20_000,
    });
    expect((await repShell.notifications()).join('\n')).toContain(`${reference} (${customer}) is approved`);
    await rep.page.keyboard.press('Escape');

    // The list exports as CSV from the server (the whole filtered list), with exact amounts.
    await repShell.navigate('myDeals');
    await list.waitForRow(customer);
    const download = await list.exportCsv();
    expect(download.suggestedFilename()).toMatch(/^deal-registrations-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(csv[0]).toMatch(/^number,id,organisationId,programId,status,customerName,customerDomain,customerCountry,customerCity,currency,estimatedMrr,/);
    const exported = csv.find((line) => line.startsWith(`${Number(reference.slice(3))},`));
    expect(exported).toContain(`,APPROVED,${customer},fabrikam-${suffix}.nl,NL,`);
    expect(exported).toMatch(/,EUR,312\.50,/);

    // Registering the same customer again shows the earlier registration as a hint.
    await repShell.navigate('registerDeal');
    await form.waitForForm();
    await form.typeCustomerName(customer);
    const hint = form.duplicateHints.filter({ hasText: reference });
    await hint.waitFor({ timeout: 20_000 });
    expect(await hint.innerText()).toContain(`You registered ${reference} for ${customer} (approved)`);
    await rep.context.close();
  });
});
