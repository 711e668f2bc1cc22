import { DealFormPage } from '../pages/deal-form.page';
import { DealMetricsPage } from '../pages/deal-metrics.page';
import { LeadsPage } from '../pages/leads.page';
import { Shell } from '../pages/shell.page';
import { signInAs } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

// A browser test that fails once is retried once; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const TIME_ZONE = 'Europe/Amsterdam';
const PARTNER = 'Northwind IT';

describe('leads passed to partners in a real browser', () => {
  const suite = useServerAndBrowser();
  const signIn = (email: string) => signInAs(suite.browser, suite.server.url, email, { timeZone: TIME_ZONE });


  it('the channel manager passes a lead to a partner, the rep accepts it and lands on the prefilled draft registration', async () => {
    // Unique per attempt, so a retry does not meet the first attempt's lead.
    const company = `Litware Logistics ${Date.now().toString(36)}`;

    // The channel manager adds the lead and assigns it to the partner at once.
    const manager = await signIn('manager@vendor.test');
    const managerShell = new Shell(manager.page);
    await managerShell.navigate('leads');
    const pool = new LeadsPage(manager.page);
    await pool.createAssignedTo({ companyName: company, website: 'https://www.litware.example', country: 'Netherlands', city: 'Zwolle', contactName: 'Lars de Vries', mrr: '480.00', partner: PARTNER });
    const row = await pool.waitForRow(company);
    await pool.waitForStatus(company, 'ASSIGNED');
    expect(await row.getByTestId('lead-partner-name').innerText()).toBe(PARTNER);
    expect(await row.getByTestId('respond-countdown').innerText()).toMatch(/ left$/);

    // The rep is told, and finds the lead waiting for an answer, with the time left.
    const rep = await signIn('rep@northwind.test');
    const repShell = new Shell(rep.page);
    expect((await repShell.notifications()).join('\n')).toContain(company);
    await rep.page.keyboard.press('Escape');
    await repShell.navigate('leads');
    const leads = new LeadsPage(rep.page);
    const waiting = await leads.waitForRow(company);
    expect(await waiting.getByTestId('respond-countdown').innerText()).toMatch(/^(47|48) h \d+ min left$/);
    await rep.page.screenshot({ path: '.test-results/e2e-partner-leads.png', fullPage: true });

    // Accepting opens the draft registration made from the lead, ready to complete and submit.
    await leads.accept(company);
    const form = new DealFormPage(rep.page);
    await form.waitForForm();
    expect(await form.customerName()).toBe(company);
    expect(await rep.page.getByTestId('deal-from-vendor-lead').isChecked()).toBe(true);
    await rep.context.close();

    // The channel manager sees it accepted, and the partner's answer in the assignment history.
    await manager.page.reload();
    await pool.waitForStatus(company, 'ACCEPTED');
    await pool.open(company);
    const history = await pool.assignments();
    expect(history).toHaveLength(1);
    expect(history[0]?.text).toContain(PARTNER);
    expect(history[0]?.outcome).toBe('ACCEPTED');
    await manager.page.screenshot({ path: '.test-results/e2e-lead-history.png', fullPage: true });
    await manager.context.close();
  });

  // Reads the figures the test above produced (the demo data has no registrations or leads).
  it('the deal metrics page shows a row per partner for the channel manager', async () => {
    const manager = await signIn('manager@vendor.test');
    await new Shell(manager.page).navigate('dealMetrics');
    const metrics = new DealMetricsPage(manager.page);
    await metrics.groupBy('Partner');
    await metrics.waitForRow(PARTNER);
    expect(Number(await metrics.figure(PARTNER, 'leadsAssigned'))).toBeGreaterThanOrEqual(1);
    expect(Number(await metrics.figure(PARTNER, 'leadsAccepted'))).toBeGreaterThanOrEqual(1);
    // Nothing was submitted, so there is no approval rate: a dash, not 0 %.
    expect(await metrics.figure(PARTNER, 'approvalRate')).toBe('–');
    expect(await metrics.figure(PARTNER, 'registrations')).toBe('0');
    await manager.page.screenshot({ path: '.test-results/e2e-deal-metrics.png', fullPage: true });
    await manager.context.close();
  });
});
