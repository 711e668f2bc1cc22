import { queriesIssued } from '@prm/server/core';
import { RevenueRollupService } from '@prm/server/revenue';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { createPartner, dealInput, gqlOk, partnerIds } from '../testing/factories';
import { startRevenueApp } from '../testing/revenue-fixtures';
import { codeOf, type TestApp } from '../testing/test-app';

const SUMMARY = `query($org: ID, $month: String) { revenueSummary(organisationId: $org, month: $month) {
  organisationId month currency mrr arr customers nrr grr cohortStartMrr logoChurnRate grossMrrChurn netMrrChurn arpa ltv ltvNote
  trend { month mrr arr customers }
  waterfall { opening new expansion contraction churn reactivation transferIn transferOut fx closing } } }`;
const EVENT = `mutation($input: SubscriptionEventInput!) { recordSubscriptionEvent(input: $input) { duplicate event { id kind effectiveDate status mrr subscriptionId } } }`;
const CUSTOMER = `mutation($input: CreateRevenueCustomerInput!) { createRevenueCustomer(input: $input) { id organisationId } }`;

type Summary = {
  mrr: string;
  arr: string;
  customers: number;
  nrr: string | null;
  grr: string | null;
  waterfall: Record<string, string>;
  trend: { month: string; mrr: string }[];
};

describe('recurring revenue', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let northwindRep: string;
  let northwind: string;
  let contoso: string;
  let demoContoso: string;
  let rollups: RevenueRollupService;

  const event = async (input: Record<string, unknown>, token = manager) =>
    (await gqlOk<{ recordSubscriptionEvent: { duplicate: boolean; event: { id: string; subscriptionId: string; effectiveDate: string; mrr: string } } }>(t, EVENT, { input }, { token })).recordSubscriptionEvent;
  const summary = async (token: string, org?: string, month?: string) =>
    (await gqlOk<{ revenueSummary: Summary }>(t, SUMMARY, { org, month }, { token })).revenueSummary;

  beforeAll(async () => {
    let login: (email: string) => Promise<string>;
    ({ t, login } = await startRevenueApp(new Date('2026-11-25T10:00:00Z')));
    [admin, manager, northwindRep] = await Promise.all(['admin@vendor.test', 'manager@vendor.test', 'rep@northwind.test'].map(login));
    // Fresh partners: the demo partners have a demo ledger of their own.
    northwind = (await createPartner(t, admin, { name: 'Revenue Test One' })).id;
    contoso = (await createPartner(t, admin, { name: 'Revenue Test Two' })).id;
    demoContoso = (await partnerIds(t, admin)).get('Contoso Managed Services')!;
    rollups = t.app.get(RevenueRollupService);
  });
  afterAll(() => t.close());

  it('follows one customer through new, expansion, transfer and churn', async () => {
    const { createRevenueCustomer: customer } = await gqlOk<{ createRevenueCustomer: { id: string } }>(
      t, CUSTOMER, { input: { name: 'Globex', domain: 'globex.example', country: 'NL', organisationId: northwind, since: '2025-01-01' } }, { token: manager });
    const start = await event({ kind: 'START', customerId: customer.id, productSku: 'ACME-SIEM', effectiveDate: '2025-01-10', quantity: 2, unitPrice: '450.00', intervalMonths: 1, currency: 'EUR', eventId: 'globex-1' });
    expect(start.event.mrr).toBe('900.00');
    const again = await event({ kind: 'START', customerId: customer.id, productSku: 'ACME-SIEM', effectiveDate: '2025-01-10', quantity: 2, unitPrice: '450.00', intervalMonths: 1, currency: 'EUR', eventId: 'globex-1' });
    expect(again).toMatchObject({ duplicate: true, event: { id: start.event.id } });
    await event({ kind: 'CHANGE', subscriptionId: start.event.subscriptionId, effectiveDate: '2025-06-15', quantity: 3 });
    expect(await rollups.drain()).toBe(1);

    const nov = await summary(manager, northwind);
    // Same MRR as 12 months ago (the expansion was in June 2025).
    expect(nov).toMatchObject({ mrr: '1350.00', arr: '16200.00', customers: 1, nrr: '100.00', grr: '100.00' });
    // January 2026 against January 2025: 1350 ÷ 900.
    expect(await summary(manager, northwind, '2026-01-31')).toMatchObject({ nrr: '150.00', grr: '100.00' });
    // The tier-qualification metrics: nothing sold in the trailing 12 months (the expansion was in June 2025), NRR 100 %.
    const metrics = await t.dataSource.query(
      `SELECT metric, value::text AS value, source FROM partner_metrics WHERE organisation_id = $1 ORDER BY metric`, [northwind]);
    expect(metrics).toEqual([
      { metric: 'NRR_PCT', value: '100.0000', source: 'revenue' },
      { metric: 'T12M_ARR_SOLD', value: '0.0000', source: 'revenue' },
    ]);
    const june = await summary(manager, northwind, '2025-06-01');
    expect(june.waterfall).toMatchObject({ opening: '900.00', expansion: '450.00', closing: '1350.00' });

    await gqlOk(t, `mutation($input: TransferRevenueCustomerInput!) { transferRevenueCustomer(input: $input) { id } }`,
      { input: { customerId: customer.id, organisationId: contoso, effectiveFrom: '2026-03-01' } }, { token: manager });
    await rollups.drain();
    expect((await summary(manager, northwind)).mrr).toBe('0.00');
    expect((await summary(manager, contoso)).mrr).toBe('1350.00');
    const march = await summary(manager, northwind, '2026-03-01');
    expect(march.waterfall).toMatchObject({ opening: '1350.00', transferOut: '-1350.00', closing: '0.00' });
    // At vendor level the two halves of the transfer cancel out (the demo ledger moves nobody in that month).
    const vendor = await summary(manager, undefined, '2026-03-01');
    expect(vendor.waterfall).toMatchObject({ transferIn: '1350.00', transferOut: '-1350.00' });

    // Cancelled on the 5th with the month paid: MRR ends after the paid period.
    await event({ kind: 'CANCEL', subscriptionId: start.event.subscriptionId, effectiveDate: '2026-11-05', paidThrough: '2026-12-09' });
    await rollups.drain();
    expect((await summary(manager, contoso)).mrr).toBe('1350.00');
    t.clock.set(new Date('2026-12-15T10:00:00Z'));
    await rollups.drain();
    const dec = await summary(manager, contoso);
    expect(dec.waterfall).toMatchObject({ opening: '1350.00', churn: '-1350.00', closing: '0.00' });
  });

  it('turns a won deal into subscriptions once', async () => {
    const products = (await gqlOk<{ products: { id: string; sku: string }[] }>(t, `{ products { id sku } }`, {}, { token: manager })).products;
    const siem = products.find((p) => p.sku === 'ACME-SIEM')!.id;
    const onboarding = products.find((p) => p.sku === 'ACME-ONBOARD')!.id;
    const input = dealInput(siem, t.clock.now(), { submit: true, products: [{ productId: siem, quantity: 2 }, { productId: onboarding, quantity: 1 }] });
    const { createDealRegistration: deal } = await gqlOk<{ createDealRegistration: { id: string } }>(
      t, `mutation($input: CreateDealRegistrationInput!) { createDealRegistration(input: $input) { id } }`, { input }, { token: northwindRep });
    const fromDeal = `mutation($id: ID!) { createSubscriptionsFromDeal(id: $id) { duplicate event { kind effectiveDate mrr currency } } }`;
    // Not won yet: nothing to create.
    expect(codeOf(await t.gql(fromDeal, { id: deal.id }, { token: manager }))).toBe('CONFLICT');
    await gqlOk(t, `mutation($id: ID!) { approveDealRegistration(id: $id) { id } }`, { id: deal.id }, { token: manager });
    const closeDate = t.clock.now().toISOString().slice(0, 10);
    await gqlOk(t, `mutation($id: ID!, $input: MarkDealWonInput!) { markDealWon(id: $id, input: $input) { id } }`,
      { id: deal.id, input: { actualMrr: '900.00', closeDate } }, { token: northwindRep });

    const first = (await gqlOk<{ createSubscriptionsFromDeal: { duplicate: boolean; event: Record<string, string> }[] }>(t, fromDeal, { id: deal.id }, { token: manager })).createSubscriptionsFromDeal;
    // Only the recurring line becomes a subscription: 2 × 450.00 a month.
    expect(first).toEqual([{ duplicate: false, event: { kind: 'START', effectiveDate: closeDate, mrr: '900.00', currency: 'EUR' } }]);
    const again = (await gqlOk<{ createSubscriptionsFromDeal: { duplicate: boolean }[] }>(t, fromDeal, { id: deal.id }, { token: manager })).createSubscriptionsFromDeal;
    expect(again.map((r) => r.duplicate)).toEqual([true]);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM revenue_subscriptions s JOIN revenue_customers c ON c.id = s.customer_id WHERE c.name = $1`, [input['customerName']]);
    expect(count).toBe(1);
    // A partner cannot do it.
    expect(codeOf(await t.gql(fromDeal, { id: deal.id }, { token: northwindRep }))).toBe('FORBIDDEN');
  });

  it('exports the leaderboard as filtered and sorted, and movements of one kind', async () => {
    await rollups.drain();
    const csv = async (url: string) => {
      const res = await request(t.app.getHttpServer()).get(url).set('Authorization', `Bearer ${manager}`);
      expect(res.status).toBe(200);
      return parse(res.text, { columns: true }) as Record<string, string>[];
    };
    const board = (await gqlOk<{ revenueLeaderboard: { rows: { organisationId: string }[] } }>(
      t, `{ revenueLeaderboard(sort: NAME, descending: false, first: 100, filter: { country: "BE" }) { rows { organisationId } } }`, {}, { token: manager })).revenueLeaderboard.rows;
    const exported = await csv('/api/revenue/leaderboard.csv?sort=NAME&descending=false&country=BE');
    expect(board.length).toBeGreaterThan(1);
    expect(exported.map((r) => r['organisationId'])).toEqual(board.map((r) => r.organisationId));
    expect(exported.every((r) => r['country'] === 'BE')).toBe(true);

    const month = '2026-03-01';
    const transfers = await csv(`/api/revenue/movements.csv?month=${month}&kind=TRANSFER_OUT`);
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.every((r) => r['kind'] === 'TRANSFER_OUT' && r['date']!.startsWith('2026-03'))).toBe(true);
    expect((await request(t.app.getHttpServer()).get('/api/revenue/movements.csv?kind=BOGUS').set('Authorization', `Bearer ${manager}`)).status).toBe(400);
  });

  it('lists customers with their subscriptions and partners of record at a cost that does not grow with the page', async () => {
    const page = `query($first: Int!) { revenueCustomers(first: $first) { edges { node { name organisation { name }
      partnerHistory { effectiveFrom organisation { name } } subscriptions { productName mrr events { kind mrr } } } } } }`;
    type Page = { revenueCustomers: { edges: { node: { subscriptions: { events: unknown[] }[] } }[] } };
    const cost = async (first: number) => {
      const before = queriesIssued();
      const data = await gqlOk<Page>(t, page, { first }, { token: manager });
      return { statements: queriesIssued() - before, rows: data.revenueCustomers.edges };
    };
    await cost(2);
    const few = await cost(3);
    const many = await cost(40);
    expect(many.rows).toHaveLength(40);
    expect(many.rows.filter((r) => r.node.subscriptions.some((sub) => sub.events.length > 0)).length).toBeGreaterThan(20);
    expect(many.statements).toBe(few.statements);
  });

  it('keeps partners out of each other’s revenue', async () => {
    const res = await t.gql(SUMMARY, { org: demoContoso }, { token: northwindRep });
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('gives the same rollups after a full rebuild', async () => {
    const snapshot = async () => t.dataSource.query(`SELECT * FROM revenue_partner_months ORDER BY organisation_id, month`);
    await rollups.drain();
    const before = await snapshot();
    await rollups.rebuild();
    expect(await snapshot()).toEqual(before);
  });
});
