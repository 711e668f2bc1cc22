import { MdfScheduleService } from '@prm/server/mdf';
import { RevenueRollupService } from '@prm/server/revenue';
import { parse } from 'csv-parse/sync';
import { auditEntries, dealInput, gqlOk } from '../testing/factories';
import {
  approveRequest,
  CLAIM,
  type ClaimNode,
  createFund,
  createRequest,
  fundById,
  type FundNode,
  getAs,
  type MdfWorld,
  PDF,
  postClaim,
  type RequestNode,
  startMdfApp,
  submitClaim,
} from '../testing/mdf-fixtures';
import { DOCS } from '../testing/operations';
import { customerWithSubscription } from '../testing/revenue-fixtures';
import { codeOf } from '../testing/test-app';

/**
 * The MDF lifecycle with a moved business clock: a fund, a request approved for less, a claim with a
 * PDF approved partially, payment; the claim deadline and its extension; requests that expire and
 * release their reservation; the 30- and 7-day expiry reminders (once each) and the fund's expiry;
 * accruals recomputed from recognised revenue with their history; co-funding caps rounded down; a
 * currency on every amount; timeline, audit and notifications; the report.
 */

const TODAY = new Date('2026-07-01T09:00:00Z');
const at = (day: string): Date => new Date(`${day}T09:00:00Z`);
const MONEY = /^\d+\.\d{2}$/;

type Timeline = { kind: string; fromStatus: string | null; toStatus: string | null; comment: string | null; claimId: string | null; actorName: string | null }[];

describe('mdf lifecycle', () => {
  let w: MdfWorld;
  let fund: FundNode;
  let r1: RequestNode;
  let claim: ClaimNode;
  let wonDealId: string;

  const request = async (id: string, token = w.manager) => (await gqlOk<{ mdfRequest: RequestNode & { timeline: Timeline; claims: { id: string; status: string }[] } }>(w.t, DOCS.mdfRequest, { id }, { token })).mdfRequest;
  const runSchedule = () => w.t.app.get(MdfScheduleService).run();
  const userId = async (email: string): Promise<string> => ((await w.t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email])) as { id: string }[])[0]!.id;
  const notifications = async (email: string, type: string): Promise<{ title: string; entity_id: string }[]> =>
    w.t.dataSource.query(`SELECT title, entity_id FROM notifications WHERE user_id = $1 AND type = $2 ORDER BY created_at`, [await userId(email), type]);

  beforeAll(async () => {
    w = await startMdfApp(TODAY);
    await gqlOk(w.t, DOCS.setMdfProgramSettings, { programId: w.programId, input: { periodKind: 'QUARTER', claimDeadlineDays: 60, expiryGraceDays: 10 } }, { token: w.admin });
    // A won deal of Northwind's, to link to the claim (the influenced revenue): MRR 500.00 and 1,000.00 one-time.
    const [product]: { id: string }[] = await w.t.dataSource.query(`SELECT id FROM products WHERE sku = 'ACME-SIEM'`);
    const deal = await gqlOk<{ createDealRegistration: { id: string } }>(w.t, DOCS.createDealRegistration, { input: dealInput(product!.id, TODAY, { submit: true }) }, { token: w.nwRep });
    wonDealId = deal.createDealRegistration.id;
    await gqlOk(w.t, DOCS.approveDealRegistration, { id: wonDealId }, { token: w.manager });
    await gqlOk(w.t, DOCS.markDealWon, { id: wonDealId, input: { actualMrr: '500.00', actualOneTime: '1000.00', closeDate: '2026-07-01' } }, { token: w.nwRep });
  });
  afterAll(() => w?.t.close());

  it('a fund for Q4: its window, expiry, balances and first budget entry', async () => {
    fund = await createFund(w.t, w.manager, { organisationId: w.northwind, programId: w.programId, periodStart: '2026-11-15', budget: '10000.00', reason: 'Q4 allocation' });
    expect(fund).toMatchObject({ periodStart: '2026-10-01', periodEnd: '2026-12-31', currency: 'EUR', budgetKind: 'FIXED', status: 'OPEN' });
    // Period end + 60 claim days + 10 grace days.
    expect(fund.expiresOn).toBe('2027-03-11');
    expect(fund.balances).toEqual({ currency: 'EUR', budget: '10000.00', reserved: '0.00', claimed: '0.00', approved: '0.00', paid: '0.00', available: '10000.00' });
    const detail = await gqlOk<{ mdfFund: { budgetChanges: { kind: string; before: string; after: string; reason: string }[] } }>(w.t, DOCS.mdfFund, { id: fund.id }, { token: w.nwRep });
    expect(detail.mdfFund.budgetChanges).toEqual([expect.objectContaining({ kind: 'ALLOCATION', before: '0.00', after: '10000.00', reason: 'Q4 allocation' })]);
  });

  it('co-funding caps are rounded down to the cent, and shown on the request', async () => {
    const draft = await createRequest(w.t, w.nwRep, fund, { plannedCost: '1999.99', requestedAmount: '999.99', submit: false });
    expect(draft).toMatchObject({ status: 'DRAFT', cofundingCap: '999.99', requestedAmount: '999.99' });
    const over = await w.t.gql(DOCS.updateMdfRequest, { id: draft.id, input: { requestedAmount: '1000.00' } }, { token: w.nwRep });
    expect(codeOf(over)).toBe('BAD_USER_INPUT');
    expect(over.errors?.[0]?.extensions?.fields?.['requestedAmount']).toEqual(['At most €999.99: 50% of the planned cost, rounded down.']);
    await gqlOk(w.t, DOCS.cancelMdfRequest, { id: draft.id }, { token: w.nwRep });
  });

  it('request → approved for less: the reservation, the deadline, the timeline', async () => {
    r1 = await createRequest(w.t, w.nwRep, fund, { startDate: '2026-10-05', endDate: '2026-10-06', plannedCost: '2000.00', requestedAmount: '1000.00' });
    expect(r1.status).toBe('SUBMITTED');
    const approved = await gqlOk<{ approveMdfRequest: RequestNode }>(w.t, DOCS.approveMdfRequest, { id: r1.id, amount: '800.00', comment: 'The booth only, not the catering.' }, { token: w.manager });
    expect(approved.approveMdfRequest).toMatchObject({ status: 'APPROVED', approvedAmount: '800.00', claimDeadline: '2026-12-05', currency: 'EUR' });
    expect(approved.approveMdfRequest.fund!.balances).toMatchObject({ reserved: '800.00', available: '9200.00' });
  });

  it('claim with a PDF (capped by the approval and 50 % of the actual cost), approved partially, paid once', async () => {
    w.t.clock.set(at('2026-10-10'));
    const over = await postClaim(w.t, w.nwRep, r1.id, { ...CLAIM, actualCost: '1500.00', claimedAmount: '760.00' }, [{ name: 'invoice.pdf', bytes: PDF }]);
    expect(over.status).toBe(400);
    expect((over.body as { error: { fields: Record<string, string[]> } }).error.fields['claimedAmount']).toEqual([
      'At most €750.00: the approved €800.00, and 50% of the actual cost, rounded down.',
    ]);
    claim = await submitClaim(w.t, w.nwRep, r1.id, { ...CLAIM, actualCost: '1500.00', claimedAmount: '750.00', dealIds: [wonDealId] });
    expect(claim).toMatchObject({ status: 'SUBMITTED', claimedAmount: '750.00', claimCap: '750.00', dealIds: [wonDealId], currency: 'EUR' });
    expect((await fundById(w.t, w.manager, fund.id)).balances).toMatchObject({ reserved: '800.00', claimed: '750.00', available: '9200.00' });

    const approved = await gqlOk<{ approveMdfClaim: ClaimNode }>(w.t, DOCS.approveMdfClaim, { id: claim.id, amount: '700.00', comment: 'One invoice is for coffee.' }, { token: w.manager });
    expect(approved.approveMdfClaim).toMatchObject({ status: 'APPROVED', approvedAmount: '700.00' });
    expect((await request(r1.id)).status).toBe('COMPLETED');
    // claimed −750, reserved −800 (the whole reservation), approved +700: €100 returns to available.
    expect((await fundById(w.t, w.manager, fund.id)).balances).toEqual({ currency: 'EUR', budget: '10000.00', reserved: '0.00', claimed: '0.00', approved: '700.00', paid: '0.00', available: '9300.00' });

    const payable = await getAs(w.t, w.manager, '/api/mdf/claims/payable.csv');
    expect(payable.status).toBe(200);
    const rows = parse((payable.body as Buffer).toString(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toEqual(expect.arrayContaining([expect.objectContaining({ claimId: claim.id, currency: 'EUR', amount: '700.00' })]));

    w.t.clock.set(at('2026-10-13'));
    const input = { claimIds: [claim.id], paymentReference: 'SEPA-2026-10-13-01', paymentDate: '2026-10-13', idempotencyKey: 'lifecycle-payment' };
    const paid = await gqlOk<{ markMdfClaimsPaid: { duplicate: boolean; claims: ClaimNode[] } }>(w.t, DOCS.markMdfClaimsPaid, { input }, { token: w.manager });
    expect(paid.markMdfClaimsPaid.duplicate).toBe(false);
    expect(paid.markMdfClaimsPaid.claims[0]).toMatchObject({ status: 'PAID', paymentReference: 'SEPA-2026-10-13-01' });
    const again = await gqlOk<{ markMdfClaimsPaid: { duplicate: boolean } }>(w.t, DOCS.markMdfClaimsPaid, { input }, { token: w.admin });
    expect(again.markMdfClaimsPaid.duplicate).toBe(true);
    expect((await fundById(w.t, w.nwRep, fund.id)).balances).toEqual({ currency: 'EUR', budget: '10000.00', reserved: '0.00', claimed: '0.00', approved: '0.00', paid: '700.00', available: '9300.00' });
  });

  it('every step is in the timeline (with the manager’s comments), the audit log and the rep’s notifications', async () => {
    const r = await request(r1.id, w.nwRep);
    expect(r.timeline.map((e) => [e.claimId ? 'claim' : 'request', e.fromStatus, e.toStatus])).toEqual([
      ['request', null, 'DRAFT'],
      ['request', 'DRAFT', 'SUBMITTED'],
      ['request', 'SUBMITTED', 'APPROVED'],
      ['claim', null, 'SUBMITTED'],
      ['claim', 'SUBMITTED', 'APPROVED'],
      ['request', 'APPROVED', 'COMPLETED'],
      ['claim', 'APPROVED', 'PAID'],
    ]);
    expect(r.timeline[2]).toMatchObject({ comment: 'The booth only, not the catering.', actorName: expect.any(String) });
    await gqlOk(w.t, DOCS.commentOnMdfClaim, { id: claim.id, comment: 'Thanks for the quick proof.' }, { token: w.manager });
    const c = await gqlOk<{ mdfClaim: { timeline: Timeline } }>(w.t, DOCS.mdfClaim, { id: claim.id }, { token: w.nwRep });
    expect(c.mdfClaim.timeline.map((e) => e.toStatus ?? e.kind)).toEqual(['SUBMITTED', 'APPROVED', 'PAID', 'COMMENT']);
    expect(c.mdfClaim.timeline[3]!.comment).toBe('Thanks for the quick proof.');

    const claimOps = (await auditEntries(w.t, w.admin, { entityType: 'MdfClaim', entityId: claim.id })).map((e) => e.operation).sort();
    expect(claimOps).toEqual(['approveMdfClaim', 'commentOnMdfClaim', 'markMdfClaimsPaid', 'submitMdfClaim']);
    const requestOps = (await auditEntries(w.t, w.admin, { entityType: 'MdfRequest', entityId: r1.id })).map((e) => e.operation).sort();
    expect(requestOps).toEqual(['approveMdfClaim', 'approveMdfRequest', 'createMdfRequest', 'submitMdfRequest']);
    expect((await auditEntries(w.t, w.admin, { entityType: 'MdfFund', entityId: fund.id })).map((e) => e.operation)).toEqual(['createMdfFund']);

    expect((await notifications('rep@northwind.test', 'MDF_REQUEST_DECIDED')).map((n) => n.entity_id)).toContain(r1.id);
    expect((await notifications('rep@northwind.test', 'MDF_CLAIM_DECIDED')).map((n) => n.entity_id)).toContain(claim.id);
    expect((await notifications('rep@northwind.test', 'MDF_CLAIM_PAID')).filter((n) => n.entity_id === claim.id)).toHaveLength(1);
  });

  it('the report: spent, utilisation, per-€ figures, ROI from the linked won deal, median time to payment', async () => {
    const report = await gqlOk<{ mdfReport: Record<string, unknown>[] }>(
      w.t,
      DOCS.mdfReport,
      { groupBy: 'PARTNER', filter: { organisationId: w.northwind, periodFrom: '2026-10-01', periodTo: '2026-10-01' } },
      { token: w.analyst },
    );
    expect(report.mdfReport).toEqual([
      expect.objectContaining({
        key: w.northwind,
        label: 'Northwind IT',
        currency: 'EUR',
        funds: 1,
        budget: '10000.00',
        spent: '700.00',
        paid: '700.00',
        utilisation: '7.00',
        leads: '12',
        leadsPerThousand: '17.14',
        pipeline: '30000.00',
        pipelinePerUnit: '42.86',
        // First-year value of the won deal: 500.00 × 12 + 1,000.00.
        influencedRevenue: '7000.00',
        influencedDeals: 1,
        roi: '900.00',
        medianSecondsToPayment: String(3 * 86_400),
        paidClaims: 1,
      }),
    ]);
    const csv = await getAs(w.t, w.nwAdmin, '/api/mdf/report.csv?groupBy=PERIOD');
    expect(csv.status).toBe(200);
    const rows = parse((csv.body as Buffer).toString(), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.find((r) => r['label'] === '2026-Q4')).toMatchObject({ currency: 'EUR', spent: '700.00', roi: '900.00' });
  });

  it('a late claim is refused with its deadline; an extension lets it in', async () => {
    const r2 = await createRequest(w.t, w.nwRep, fund, { startDate: '2026-10-20', endDate: '2026-10-20' });
    await approveRequest(w.t, w.manager, r2.id);
    expect((await request(r2.id)).claimDeadline).toBe('2026-12-19');
    w.t.clock.set(at('2026-12-19'));
    const onTheDay = await createRequest(w.t, w.nwRep, fund, { startDate: '2026-10-20', endDate: '2026-10-20' });
    await approveRequest(w.t, w.manager, onTheDay.id);
    expect((await postClaim(w.t, w.nwRep, onTheDay.id, CLAIM, [{ name: 'a.pdf', bytes: PDF }])).status).toBe(201);

    w.t.clock.set(at('2026-12-20'));
    const late = await postClaim(w.t, w.nwRep, r2.id, CLAIM, [{ name: 'late.pdf', bytes: PDF }]);
    expect(late.status).toBe(409);
    expect((late.body as { error: { message: string } }).error.message).toBe(
      'The claim deadline was 2026-12-19; a late claim is accepted only when your channel manager extends the deadline.',
    );
    const extended = await gqlOk<{ extendMdfClaimDeadline: RequestNode }>(w.t, DOCS.extendMdfClaimDeadline, { id: r2.id, until: '2027-01-15', reason: 'The venue invoiced late.' }, { token: w.manager });
    expect(extended.extendMdfClaimDeadline).toMatchObject({ claimDeadline: '2027-01-15', regularClaimDeadline: '2026-12-19', extendedDeadline: '2027-01-15' });
    expect((await postClaim(w.t, w.nwRep, r2.id, CLAIM, [{ name: 'late.pdf', bytes: PDF }])).status).toBe(201);
    const timeline = (await request(r2.id)).timeline;
    expect(timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'EXTENSION', comment: 'Claim deadline extended to 2027-01-15: The venue invoiced late.' })]));
  });

  it('an approved request without a claim expires after its deadline and releases its reservation', async () => {
    w.t.clock.set(at('2026-12-20'));
    const r3 = await createRequest(w.t, w.nwRep, fund, { startDate: '2026-11-01', endDate: '2026-11-01', plannedCost: '1000.00', requestedAmount: '500.00' });
    await approveRequest(w.t, w.manager, r3.id);
    const before = await fundById(w.t, w.manager, fund.id);
    w.t.clock.set(at('2026-12-31'));
    await runSchedule();
    expect((await request(r3.id)).status).toBe('APPROVED');
    w.t.clock.set(at('2027-01-01'));
    const report = await runSchedule();
    expect(report.expiredRequests).toBe(1);
    expect((await request(r3.id)).status).toBe('EXPIRED');
    const after = await fundById(w.t, w.manager, fund.id);
    expect(BigInt(after.balances.reserved.replace('.', ''))).toBe(BigInt(before.balances.reserved.replace('.', '')) - 50000n);
    expect((await runSchedule()).expiredRequests).toBe(0);
  });

  it('expiry reminders 30 and 7 days before, each sent once to the partner admins; then the fund expires and its money lapses', async () => {
    const reminders = async () => (await notifications('admin@northwind.test', 'MDF_FUND_EXPIRING')).filter((n) => n.entity_id === fund.id);
    w.t.clock.set(at('2027-02-08'));
    await runSchedule();
    expect(await reminders()).toHaveLength(0);
    w.t.clock.set(at('2027-02-09'));
    await runSchedule();
    await runSchedule();
    const first = await reminders();
    expect(first).toHaveLength(1);
    expect(first[0]!.title).toMatch(/^€[\d,]+\.\d{2} of MDF expires on 2027-03-11$/);
    w.t.clock.set(at('2027-03-03'));
    await runSchedule();
    expect(await reminders()).toHaveLength(1);
    w.t.clock.set(at('2027-03-04'));
    await Promise.all([runSchedule(), runSchedule()]);
    expect(await reminders()).toHaveLength(2);
    expect(await notifications('rep@northwind.test', 'MDF_FUND_EXPIRING')).toHaveLength(0);

    w.t.clock.set(at('2027-03-11'));
    await runSchedule();
    expect((await fundById(w.t, w.manager, fund.id)).status).toBe('OPEN');
    w.t.clock.set(at('2027-03-12'));
    await runSchedule();
    const expired = await fundById(w.t, w.manager, fund.id);
    expect(expired.status).toBe('EXPIRED');
    expect(expired.lapsed).toBe(expired.balances.available);
    const refused = await w.t.gql(DOCS.createMdfRequest, { input: { fundId: fund.id, activityType: 'EVENT', title: 'Too late', startDate: '2026-12-01', endDate: '2026-12-01', plannedCost: '100.00', requestedAmount: '50.00' } }, { token: w.nwRep });
    expect(codeOf(refused)).toBe('CONFLICT');
    expect((await runSchedule()).expiredFunds).toBe(0);
  });

  it('accrual funds: tier rate × recognised revenue of the reference period, recomputed when revenue changes, with history', async () => {
    w.t.clock.set(TODAY);
    const reference = async (): Promise<bigint> => {
      const [row]: { total: string }[] = await w.t.dataSource.query(
        `SELECT COALESCE(sum(closing_minor), 0)::text AS total FROM revenue_partner_months WHERE organisation_id = $1 AND month BETWEEN '2026-04-01' AND '2026-06-01'`,
        [w.contoso],
      );
      return BigInt(row!.total);
    };
    // Contoso is Gold: 2 % accrual; half up to the cent (docs/money.md).
    const accrual = (revenue: bigint): string => {
      const minor = (revenue * 20_000n + 500_000n) / 1_000_000n;
      return `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
    };
    const revenueBefore = await reference();
    const created = await createFund(w.t, w.manager, { organisationId: w.contoso, programId: w.programId, periodStart: '2026-07-01', budgetKind: 'ACCRUAL' }).catch(() => null);
    // The demo data may already fund Contoso's current quarter: then use the next one, whose reference period is Q3.
    const accrualFund = created ?? (await createFund(w.t, w.manager, { organisationId: w.contoso, programId: w.programId, periodStart: '2027-04-01', budgetKind: 'ACCRUAL', referenceStart: '2026-04-01', referenceEnd: '2026-06-30' }));
    expect(accrualFund).toMatchObject({ budgetKind: 'ACCRUAL', accrualRate: '2', referenceStart: '2026-04-01', referenceEnd: '2026-06-30', currency: 'EUR' });
    expect(accrualFund.balances.budget).toBe(accrual(revenueBefore));

    // A customer sold on 2026-05-01 raises the recognised revenue of May and June.
    await customerWithSubscription(w.t, w.manager, w.contoso, { name: 'Accrual Customer', since: '2026-05-01' }, { effectiveDate: '2026-05-01', unitPrice: '1000.00', quantity: 1 });
    await w.t.app.get(RevenueRollupService).drain();
    const revenueAfter = await reference();
    expect(revenueAfter).toBeGreaterThan(revenueBefore);
    expect(await gqlOk(w.t, DOCS.recomputeMdfAccruals, { fundId: accrualFund.id }, { token: w.manager })).toEqual({ recomputeMdfAccruals: 1 });
    expect(await gqlOk(w.t, DOCS.recomputeMdfAccruals, { fundId: accrualFund.id }, { token: w.manager })).toEqual({ recomputeMdfAccruals: 0 });
    const detail = await gqlOk<{ mdfFund: FundNode & { budgetChanges: { kind: string; before: string; after: string; revenue: string; rate: string; referenceStart: string }[] } }>(
      w.t,
      DOCS.mdfFund,
      { id: accrualFund.id },
      { token: w.ctAdmin },
    );
    expect(detail.mdfFund.balances.budget).toBe(accrual(revenueAfter));
    const money = (minor: bigint): string => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
    expect(detail.mdfFund.budgetChanges).toEqual([
      expect.objectContaining({ kind: 'ALLOCATION', before: '0.00', after: accrual(revenueBefore), revenue: money(revenueBefore), rate: '2', referenceStart: '2026-04-01' }),
      expect.objectContaining({ kind: 'ACCRUAL', before: accrual(revenueBefore), after: accrual(revenueAfter), revenue: money(revenueAfter), rate: '2' }),
    ]);
    // A fixed fund's budget cannot be recomputed, an accrual fund's cannot be set by hand.
    expect(codeOf(await w.t.gql(DOCS.updateMdfFundBudget, { id: accrualFund.id, budget: '1.00', reason: 'x' }, { token: w.manager }))).toBe('CONFLICT');
  });

  it('a currency on every amount, and every amount with the currency’s digits', async () => {
    const funds = await gqlOk<{ mdfFunds: { edges: { node: FundNode }[] } }>(w.t, DOCS.mdfFunds, { filter: { organisationId: w.northwind } }, { token: w.manager });
    const requests = await gqlOk<{ mdfRequests: { edges: { node: RequestNode & Record<string, unknown> }[] } }>(w.t, DOCS.mdfRequests, { filter: { organisationId: w.northwind }, first: 100 }, { token: w.manager });
    const claims = await gqlOk<{ mdfClaims: { edges: { node: ClaimNode & Record<string, unknown> }[] } }>(w.t, DOCS.mdfClaims, { filter: { organisationId: w.northwind }, first: 100 }, { token: w.manager });
    for (const { node } of funds.mdfFunds.edges) {
      expect(node.currency).toBe('EUR');
      expect(node.balances.currency).toBe('EUR');
      for (const value of Object.values(node.balances).slice(1)) expect(value).toMatch(MONEY);
    }
    for (const { node } of requests.mdfRequests.edges) {
      expect(node.currency).toBe('EUR');
      for (const key of ['plannedCost', 'requestedAmount', 'cofundingCap', 'expectedPipeline']) expect(node[key]).toMatch(MONEY);
    }
    expect(claims.mdfClaims.edges.length).toBeGreaterThan(0);
    for (const { node } of claims.mdfClaims.edges) {
      expect(node.currency).toBe('EUR');
      for (const key of ['actualCost', 'claimedAmount', 'claimCap', 'pipeline']) expect(node[key]).toMatch(MONEY);
    }
  });
});
