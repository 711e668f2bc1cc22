import { MdfClaimForm, MdfFinancePage, MdfFundsPage, MdfRequestDetail, MdfRequestForm, MdfReviewQueue } from '../pages/mdf.page';
import { Shell } from '../pages/shell.page';
import { type GraphqlClient, graphqlAs } from '../support/graphql';
import { signInAs } from '../support/sign-in';
import { useServerAndBrowser } from '../support/suite';

// A browser test that fails once is retried once; the first failure is still printed.
jest.retryTimes(1, { logErrorsBeforeRetry: true });

const TIME_ZONE = 'Europe/Amsterdam';
const REP = 'rep@northwind.test';
const MANAGER = 'manager@vendor.test';

/** How the portal writes euros in English, with no-break spaces made plain. */
const eur = (value: string): string => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(Number(value)).replace(/[\u00a0\u202f]/g, ' ');

/** A small but valid PDF (the API checks proof files by their content), padded so the upload takes a few progress events. */
function proofPdf(): Buffer {
  const body = ['%PDF-1.4', '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj', '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj', `% ${'attendance list '.repeat(40_000)}`, 'trailer << /Root 1 0 R >>', '%%EOF', ''];
  return Buffer.from(body.join('\n'));
}

interface Balances {
  available: string;
  reserved: string;
  approved: string;
  paid: string;
}
const FUND = `query { mdfFunds(first: 10, filter: { status: OPEN }) { edges { node { id periodStart periodEnd balances { available reserved approved paid } } } } }`;
const currentFund = async (api: GraphqlClient, today: string) => {
  const { mdfFunds } = await api<{ mdfFunds: { edges: { node: { id: string; periodStart: string; periodEnd: string; balances: Balances } }[] } }>(FUND);
  const fund = mdfFunds.edges.map((e) => e.node).find((f) => f.periodStart <= today && today <= f.periodEnd);
  if (!fund) throw new Error('the demo partner has no fund for the current period');
  return fund;
};
const fundById = async (api: GraphqlClient, id: string) =>
  (await api<{ mdfFund: { id: string; balances: Balances } }>('query ($id: ID!) { mdfFund(id: $id) { id balances { available reserved approved paid } } }', { id })).mdfFund;
const minor = (value: string): bigint => BigInt(value.replace('.', ''));

describe('market development funds in a real browser', () => {
  const suite = useServerAndBrowser();
  const signIn = (email: string) => signInAs(suite.browser, suite.server.url, email, { timeZone: TIME_ZONE });

  it('a rep requests an activity under the co-funding cap, the channel manager approves it, the rep claims with a PDF, the claim is approved and paid, and the rep sees it paid', async () => {
    const rep = await signIn(REP);
    const manager = await signIn(MANAGER);
    const repApi = await graphqlAs(suite.server.url, REP);
    const managerApi = await graphqlAs(suite.server.url, MANAGER);
    const today = new Date().toISOString().slice(0, 10);
    const before = await currentFund(repApi, today);

    // The rep proposes an activity: 50 % of €1,999.99 is €999.995, so the cap is €999.99 (rounded down).
    await new Shell(rep.page).navigate('mdfFunds');
    const funds = new MdfFundsPage(rep.page);
    await funds.waitForFund();
    expect(await funds.balance('available')).toBe(eur(before.balances.available));
    await funds.requestActivity();
    const form = new MdfRequestForm(rep.page);
    await form.waitForForm();
    expect(await form.typePlannedCost('1999.99', eur('999.99'))).toContain(eur('999.99'));
    const title = `Webinar on backup ${Date.now()}`;
    await form.fill({ type: 'Webinar', title, startDate: today, endDate: today, plannedCost: '1999.99', requestedAmount: '999.99' });
    const requestId = await form.submit();
    const detail = new MdfRequestDetail(rep.page, suite.server.url);
    await detail.waitForStatus('SUBMITTED');

    // The channel manager approves it from the queue, with the fund's balance beside it.
    await new Shell(manager.page).navigate('mdfReviews');
    const queue = new MdfReviewQueue(manager.page);
    const requestRow = queue.requestRow(requestId);
    await requestRow.waitFor({ timeout: 20_000 });
    expect(await queue.availableBeside(requestRow)).toContain(eur(before.balances.available));
    await queue.approve(requestRow, 'request', 'Approved: send the attendee list with the claim.');

    // The rep claims with a real PDF and watches the upload reach 100 %.
    await detail.open(requestId);
    await detail.waitForStatus('APPROVED');
    expect(await detail.timelineComments()).toContain('Approved: send the attendee list with the claim.');
    await detail.startClaim();
    const claimForm = new MdfClaimForm(rep.page);
    await claimForm.fill({ actualCost: '1999.99', claimedAmount: '999.99', leads: '12', file: { name: 'attendees.pdf', mimeType: 'application/pdf', buffer: proofPdf() } });
    expect(await claimForm.fileProblems()).toEqual(['']);
    const progress = await claimForm.submitAndWatchProgress();
    expect(progress[progress.length - 1]).toBe(100);
    await rep.page.screenshot({ path: '.test-results/e2e-mdf-claim-uploaded.png', fullPage: true });
    await claimForm.backToRequest();
    const { mdfRequest } = await repApi<{ mdfRequest: { claims: { id: string; status: string; files: { name: string }[] }[] } }>(
      'query ($id: ID!) { mdfRequest(id: $id) { claims { id status files { name } } } }',
      { id: requestId },
    );
    const claim = mdfRequest.claims[0]!;
    expect(claim).toMatchObject({ status: 'SUBMITTED', files: [{ name: 'attendees.pdf' }] });
    await detail.waitForClaimStatus(claim.id, 'SUBMITTED');

    // The channel manager approves the claim, its proof file beside it.
    await manager.page.reload();
    await queue.showClaims();
    const claimRow = queue.claimRow(claim.id);
    await claimRow.waitFor({ timeout: 20_000 });
    expect(await claimRow.getByTestId('proof-file-link').allInnerTexts()).toEqual(['attendees.pdf']);
    await queue.approve(claimRow, 'claim', 'Proof received.');

    // Finance marks it paid (a double click on confirm pays once).
    await new Shell(manager.page).navigate('mdfFinance');
    const finance = new MdfFinancePage(manager.page);
    await finance.waitForRow(claim.id);
    expect(await finance.amountOf(claim.id)).toBe(eur('999.99'));
    const reference = `PAY-E2E-${Date.now()}`;
    expect(await finance.markPaid([claim.id], reference, today)).toContain(reference);
    await finance.row(claim.id).waitFor({ state: 'detached', timeout: 20_000 });
    await manager.page.screenshot({ path: '.test-results/e2e-mdf-finance.png', fullPage: true });

    // Paid once: the fund's paid balance grew by exactly the claim, and nothing stays reserved for the request.
    const after = await fundById(managerApi, before.id);
    expect(minor(after.balances.paid) - minor(before.balances.paid)).toBe(99_999n);
    expect(after.balances.reserved).toBe(before.balances.reserved);
    expect(minor(before.balances.available) - minor(after.balances.available)).toBe(99_999n);

    // The rep sees the claim paid, with the payment reference.
    await detail.open(requestId);
    await detail.waitForClaimStatus(claim.id, 'PAID');
    expect(await detail.claim(claim.id).getByTestId('claim-paid').innerText()).toContain(reference);
    await detail.waitForStatus('COMPLETED');
    await rep.page.screenshot({ path: '.test-results/e2e-mdf-paid.png', fullPage: true });

    await rep.context.close();
    await manager.context.close();
  });
});
