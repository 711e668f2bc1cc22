import { RevenueRollupService } from '@prm/server/revenue';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { dbFingerprint } from '../testing/db-state';
import { gqlOk, partnerIds } from '../testing/factories';
import { collect, DOCS, mentions } from '../testing/operations';
import { customerWithSubscription, recordEvent, startRevenueApp } from '../testing/revenue-fixtures';
import { type Auth, codeOf, type GqlResponse, type TestApp } from '../testing/test-app';

/**
 * Object-level authorization of the revenue context. Northwind's users and API key aim every revenue
 * read and write at Contoso's customers, subscriptions, movements and figures, by id and by filter,
 * through GraphQL and the CSV routes: they get NOT_FOUND (reads naming Contoso), FORBIDDEN (writes,
 * vendor-only reports) or only Northwind's own rows, never a trace of Contoso and never a change.
 */

type Vars = Record<string, unknown>;
type PartnerCaller = 'PARTNER_ADMIN' | 'PARTNER_REP' | 'PARTNER_API_KEY';
const PARTNER_CALLERS: readonly PartnerCaller[] = ['PARTNER_ADMIN', 'PARTNER_REP', 'PARTNER_API_KEY'];

const TODAY = new Date('2026-11-25T10:00:00Z');
/** Contoso's own customer: its name and billing id are markers a Northwind answer must never hold. */
const CONTOSO_CUSTOMER = { name: 'Globex Confidential', externalId: 'ct-secret-1' };
const CONTOSO_SUBSCRIPTION = 'ct-secret-sub-1';

describe('revenue access: a partner never reaches another organisation’s revenue', () => {
  let t: TestApp;
  let northwind: string;
  let contoso: string;
  const vendor: Record<'VENDOR_ADMIN' | 'CHANNEL_MANAGER' | 'ANALYST', Auth> = { VENDOR_ADMIN: {}, CHANNEL_MANAGER: {}, ANALYST: {} };
  const partner: Record<PartnerCaller, Auth> = { PARTNER_ADMIN: {}, PARTNER_REP: {}, PARTNER_API_KEY: {} };
  let contosoAdmin: Auth;
  /** Northwind's customer and subscription (its term ends within the renewal window). */
  let own: { customerId: string; subscriptionId: string };
  /** Contoso's customer and subscription, and one of Contoso's customers moved to Northwind. */
  let foreign: { customerId: string; subscriptionId: string };
  let moved: { customerId: string; subscriptionId: string };
  let markers: string[];

  const token = (auth: Auth): string => auth.token ?? '';
  const gql = (document: string, variables: Vars, as: Auth): Promise<GqlResponse> => t.gql(document, variables, as);
  const revenueTables = async (): Promise<Record<string, unknown>> =>
    Object.fromEntries(Object.entries(await dbFingerprint(t.dataSource)).filter(([table]) => table.startsWith('revenue_') || table === 'audit_log'));
  const get = (path: string, as: Auth = {}) => {
    let req = request(t.app.getHttpServer()).get(path);
    if (as.token) req = req.set('Authorization', `Bearer ${as.token}`);
    if (as.apiKey) req = req.set('X-Api-Key', as.apiKey);
    return req;
  };
  const csvRows = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true }) as Record<string, string>[];
  /** Which Contoso markers appear in a text (a CSV body, an error). */
  const leaked = (text: string): string[] => markers.filter((m) => text.toLowerCase().includes(m.toLowerCase()));

  beforeAll(async () => {
    const app = await startRevenueApp(TODAY);
    t = app.t;
    vendor.VENDOR_ADMIN = { token: await app.login('admin@vendor.test') };
    vendor.CHANNEL_MANAGER = { token: await app.login('manager@vendor.test') };
    vendor.ANALYST = { token: await app.login('analyst@vendor.test') };
    partner.PARTNER_ADMIN = { token: await app.login('admin@northwind.test') };
    partner.PARTNER_REP = { token: await app.login('rep@northwind.test') };
    contosoAdmin = { token: await app.login('admin@contoso.test') };
    const ids = await partnerIds(t, token(vendor.VENDOR_ADMIN));
    northwind = ids.get('Northwind IT')!;
    contoso = ids.get('Contoso Managed Services')!;
    const key = await gqlOk<{ createApiKey: { secret: string } }>(t, DOCS.createApiKey, { input: { name: 'Northwind BI', role: 'PARTNER_ADMIN' } }, partner.PARTNER_ADMIN);
    partner.PARTNER_API_KEY = { apiKey: key.createApiKey.secret };
    // The key's first use stamps it; use it now so later before/after comparisons see only the case.
    await gql(DOCS.exchangeRates, {}, partner.PARTNER_API_KEY);

    const manager = token(vendor.CHANNEL_MANAGER);
    own = await customerWithSubscription(t, manager, northwind, { name: 'Initech Own', externalId: 'nw-own-1' }, { effectiveDate: '2025-03-01', termEndsOn: '2027-01-15' });
    foreign = await customerWithSubscription(t, manager, contoso, CONTOSO_CUSTOMER, { effectiveDate: '2025-02-01', termEndsOn: '2026-12-31', quantity: 2, subscriptionExternalId: CONTOSO_SUBSCRIPTION });
    await recordEvent(t, manager, { kind: 'CHANGE', subscriptionId: foreign.subscriptionId, effectiveDate: '2026-04-01', quantity: 3 });
    moved = await customerWithSubscription(t, manager, contoso, { name: 'Umbrella Moving', externalId: 'umbrella-1' }, { effectiveDate: '2025-05-01', quantity: 2 });
    await gqlOk(t, DOCS.transferRevenueCustomer, { input: { customerId: moved.customerId, organisationId: northwind, effectiveFrom: '2026-06-01' } }, vendor.CHANNEL_MANAGER);
    await t.app.get(RevenueRollupService).drain();

    // Everything of Contoso's ledger now (its demo customers too): none of it may reach Northwind.
    const contosoIds: { id: string }[] = await t.dataSource.query(
      `SELECT c.id FROM revenue_customers c WHERE c.organisation_id = $1
       UNION ALL SELECT s.id FROM revenue_subscriptions s JOIN revenue_customers c ON c.id = s.customer_id WHERE c.organisation_id = $1
       UNION ALL SELECT e.id FROM revenue_subscription_events e WHERE e.subscription_id = $2`,
      [contoso, foreign.subscriptionId],
    );
    markers = ['contoso', contoso, CONTOSO_CUSTOMER.name, CONTOSO_CUSTOMER.externalId, CONTOSO_SUBSCRIPTION, ...contosoIds.map((r) => r.id)];
    expect(markers).toEqual(expect.arrayContaining([foreign.customerId, foreign.subscriptionId]));
    expect(markers).not.toContain(moved.customerId);
  });
  afterAll(() => t?.close());

  describe('positive controls: vendor staff see Contoso, Northwind sees its own', () => {
    it('vendor staff read Contoso’s customer, movements, renewals and figures', async () => {
      for (const as of Object.values(vendor)) {
        const customer = await gqlOk(t, DOCS.revenueCustomer, { id: foreign.customerId }, as);
        expect(collect(customer, 'id')).toContain(foreign.subscriptionId);
        const list = await gqlOk(t, DOCS.revenueCustomers, { filter: { organisationId: contoso }, first: 100 }, as);
        expect(collect(list, 'id')).toContain(foreign.customerId);
        const movements = await gqlOk(t, DOCS.revenueMovements, { filter: { organisationId: contoso, customerId: foreign.customerId } }, as);
        expect(collect(movements, 'kind')).toEqual(['EXPANSION', 'NEW']);
        const renewals = await gqlOk(t, DOCS.upcomingRenewals, { organisationId: contoso }, as);
        expect(collect(renewals, 'subscriptionId')).toContain(foreign.subscriptionId);
        const summary = await gqlOk<{ revenueSummary: { organisationId: string; customers: number } }>(t, DOCS.revenueSummary, { organisationId: contoso }, as);
        expect(summary.revenueSummary.organisationId).toBe(contoso);
        expect(summary.revenueSummary.customers).toBeGreaterThan(0);
        const board = await gqlOk(t, DOCS.revenueLeaderboard, { first: 100 }, as);
        expect(collect(board, 'organisationId')).toEqual(expect.arrayContaining([northwind, contoso]));
      }
    });

    it.each(PARTNER_CALLERS)('%s reads Northwind’s own customer, movements and renewals', async (caller) => {
      const as = partner[caller];
      const customer = await gqlOk(t, DOCS.revenueCustomer, { id: own.customerId }, as);
      expect(collect(customer, 'id')).toContain(own.subscriptionId);
      const filtered = await gqlOk(t, DOCS.revenueCustomers, { filter: { organisationId: northwind }, first: 100 }, as);
      expect(collect(filtered, 'id')).toContain(own.customerId);
      const movements = await gqlOk(t, DOCS.revenueMovements, { filter: { customerId: own.customerId } }, as);
      expect(collect(movements, 'kind')).toEqual(['NEW']);
      const renewals = await gqlOk(t, DOCS.upcomingRenewals, { organisationId: northwind }, as);
      expect(collect(renewals, 'subscriptionId')).toContain(own.subscriptionId);
    });
  });

  describe.each(PARTNER_CALLERS)('%s', (caller) => {
    const as = (): Auth => partner[caller];

    it.each<[string, string, () => Vars, string]>([
      ['revenueSummary for Contoso', DOCS.revenueSummary, () => ({ organisationId: contoso }), 'NOT_FOUND'],
      ['revenueSummary of Contoso for an earlier month', DOCS.revenueSummary, () => ({ organisationId: contoso, month: '2026-04-01' }), 'NOT_FOUND'],
      ['revenueMovements filtered by Contoso', DOCS.revenueMovements, () => ({ filter: { organisationId: contoso } }), 'NOT_FOUND'],
      ['revenueMovements of Contoso’s customer, filtered by Contoso', DOCS.revenueMovements, () => ({ filter: { organisationId: contoso, customerId: foreign.customerId } }), 'NOT_FOUND'],
      ['revenueCustomers filtered by Contoso', DOCS.revenueCustomers, () => ({ filter: { organisationId: contoso } }), 'NOT_FOUND'],
      ['upcomingRenewals of Contoso', DOCS.upcomingRenewals, () => ({ organisationId: contoso }), 'NOT_FOUND'],
      ['revenueCustomer: Contoso’s customer', DOCS.revenueCustomer, () => ({ id: foreign.customerId }), 'NOT_FOUND'],
      ['revenueCustomer: a subscription id instead of a customer id', DOCS.revenueCustomer, () => ({ id: foreign.subscriptionId }), 'NOT_FOUND'],
      ['revenueRollup by tier (vendor staff only)', DOCS.revenueRollup, () => ({ groupBy: 'TIER' }), 'FORBIDDEN'],
      ['revenueRollup by program (vendor staff only)', DOCS.revenueRollup, () => ({ groupBy: 'PROGRAM' }), 'FORBIDDEN'],
    ])('reads %s → %s, no trace of Contoso', async (_name, document, variables, code) => {
      const res = await gql(document, variables(), as());
      expect(codeOf(res)).toBe(code);
      expect(res.data).toBeNull();
      expect(mentions(res, markers)).toEqual([]);
    });

    it('reads without naming an organisation: only Northwind’s rows, and every one of them', async () => {
      const summary = await gqlOk<{ revenueSummary: Vars }>(t, DOCS.revenueSummary, {}, as());
      const vendorView = await gqlOk<{ revenueSummary: Vars }>(t, DOCS.revenueSummary, { organisationId: northwind }, vendor.ANALYST);
      expect(summary.revenueSummary).toEqual(vendorView.revenueSummary);
      expect(summary.revenueSummary['organisationId']).toBe(northwind);

      const answers: unknown[] = [summary];
      let after: string | null = null;
      const customers: string[] = [];
      do {
        const page: { revenueCustomers: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gqlOk(t, DOCS.revenueCustomers, { first: 2, after }, as());
        answers.push(page);
        customers.push(...collect(page, 'id'));
        after = page.revenueCustomers.pageInfo.hasNextPage ? page.revenueCustomers.pageInfo.endCursor : null;
      } while (after);
      const ownCustomers: { id: string }[] = await t.dataSource.query(`SELECT id FROM revenue_customers WHERE organisation_id = $1`, [northwind]);
      expect(customers.sort()).toEqual(ownCustomers.map((c) => c.id).sort());
      expect(customers).toEqual(expect.arrayContaining([own.customerId, moved.customerId]));

      for (const [document, variables] of [
        [DOCS.revenueCustomers, { filter: { search: CONTOSO_CUSTOMER.name } }],
        [DOCS.revenueCustomers, { filter: { search: CONTOSO_CUSTOMER.externalId } }],
        [DOCS.revenueMovements, { filter: { customerId: foreign.customerId } }],
      ] as const) {
        const none = await gqlOk(t, document, variables, as());
        expect(collect(none, 'id')).toEqual([]);
        answers.push(none);
      }
      const movements = await gqlOk(t, DOCS.revenueMovements, { first: 100 }, as());
      const renewals = await gqlOk(t, DOCS.upcomingRenewals, {}, as());
      expect(collect(renewals, 'subscriptionId')).toContain(own.subscriptionId);
      const board = await gqlOk<{ revenueLeaderboard: { totalCount: number; rows: { organisationId: string }[] } }>(t, DOCS.revenueLeaderboard, { first: 100 }, as());
      expect(board.revenueLeaderboard.totalCount).toBe(1);
      expect(board.revenueLeaderboard.rows.map((r) => r.organisationId)).toEqual([northwind]);
      const cohorts = await gqlOk<{ revenueCohorts: { partners: number }[] }>(t, DOCS.revenueCohorts, {}, as());
      expect(cohorts.revenueCohorts.map((c) => c.partners)).toEqual([1]);
      answers.push(movements, renewals, board, cohorts);

      for (const answer of [movements, renewals, board, ...answers.slice(1)]) {
        for (const org of collect(answer, 'organisationId')) expect(org).toBe(northwind);
      }
      expect(collect(movements, 'organisationId').length).toBeGreaterThan(0);
      expect(answers.flatMap((a) => mentions({ status: 200, data: a, headers: {} }, markers))).toEqual([]);
    });

    it('sees a customer moved from Contoso only from the move on, without the earlier partner', async () => {
      const res = await gql(DOCS.revenueCustomer, { id: moved.customerId }, as());
      expect(res.errors).toBeUndefined();
      expect(collect(res.data, 'organisationId')).toEqual([northwind, northwind]);
      expect(mentions(res, markers)).toEqual([]);
      const movements = await gqlOk(t, DOCS.revenueMovements, { filter: { customerId: moved.customerId } }, as());
      expect(collect(movements, 'kind')).toEqual(['TRANSFER_IN']);
      expect(collect(movements, 'date')).toEqual(['2026-06-01']);
    });

    it.each<[string, string, () => Vars]>([
      ['createRevenueCustomer for Contoso', DOCS.createRevenueCustomer, () => ({ input: { name: 'Hijack', organisationId: contoso } })],
      ['createRevenueCustomer for Northwind', DOCS.createRevenueCustomer, () => ({ input: { name: 'Self-made', organisationId: northwind } })],
      ['transferRevenueCustomer: Contoso’s customer to Northwind', DOCS.transferRevenueCustomer, () => ({ input: { customerId: foreign.customerId, organisationId: northwind, effectiveFrom: '2026-11-01' } })],
      ['transferRevenueCustomer: its own customer to Contoso', DOCS.transferRevenueCustomer, () => ({ input: { customerId: own.customerId, organisationId: contoso, effectiveFrom: '2026-11-01' } })],
      ['recordSubscriptionEvent: cancel Contoso’s subscription', DOCS.recordSubscriptionEvent, () => ({ input: { kind: 'CANCEL', subscriptionId: foreign.subscriptionId, effectiveDate: '2026-11-20' } })],
      ['recordSubscriptionEvent: a subscription for Contoso’s customer', DOCS.recordSubscriptionEvent, () => ({ input: { kind: 'START', customerId: foreign.customerId, productSku: 'ACME-SIEM', effectiveDate: '2026-11-01', unitPrice: '1.00', intervalMonths: 1 } })],
      ['recordSubscriptionEvent: grow its own subscription', DOCS.recordSubscriptionEvent, () => ({ input: { kind: 'CHANGE', subscriptionId: own.subscriptionId, effectiveDate: '2026-11-01', quantity: 9 } })],
      ['importSubscriptionEvents: cancel Contoso’s subscription', DOCS.importSubscriptionEvents, () => ({ input: { csv: `kind,subscription_external_id,effective_date\nCANCEL,${CONTOSO_SUBSCRIPTION},2026-11-20\n`, importValidRows: true } })],
      ['setExchangeRate', DOCS.setExchangeRate, () => ({ input: { currency: 'USD', validFrom: '2026-11-01', rate: '9.99' } })],
      ['importExchangeRates', DOCS.importExchangeRates, () => ({ input: { csv: 'currency,valid_from,rate\nUSD,2026-11-01,9.99\n', importValidRows: false } })],
    ])('writes: %s → FORBIDDEN, nothing changes', async (_name, document, variables) => {
      const before = await revenueTables();
      const res = await gql(document, variables(), as());
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
      expect(mentions(res, markers)).toEqual([]);
      expect(await revenueTables()).toEqual(before);
    });

    describe('CSV routes', () => {
      it('movements.csv naming Contoso → 404; without → only Northwind’s movements', async () => {
        const refused = await get(`/api/revenue/movements.csv?organisationId=${contoso}`, as());
        expect(refused.status).toBe(404);
        expect(leaked(refused.text)).toEqual([]);
        const withCustomer = await get(`/api/revenue/movements.csv?organisationId=${contoso}&month=2026-04-01`, as());
        expect(withCustomer.status).toBe(404);
        const ownCsv = await get('/api/revenue/movements.csv', as());
        expect(ownCsv.status).toBe(200);
        const rows = csvRows(ownCsv.text);
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r['organisationId']))).toEqual(new Set([northwind]));
        expect(rows.map((r) => r['customerId'])).toContain(own.customerId);
        expect(leaked(ownCsv.text)).toEqual([]);
      });

      it('renewals.csv naming Contoso → 404; without → only Northwind’s renewals', async () => {
        const refused = await get(`/api/revenue/renewals.csv?organisationId=${contoso}`, as());
        expect(refused.status).toBe(404);
        expect(leaked(refused.text)).toEqual([]);
        const ownCsv = await get('/api/revenue/renewals.csv', as());
        expect(ownCsv.status).toBe(200);
        const rows = csvRows(ownCsv.text);
        expect(rows.map((r) => r['subscriptionId'])).toContain(own.subscriptionId);
        expect(new Set(rows.map((r) => r['organisationId']))).toEqual(new Set([northwind]));
        expect(leaked(ownCsv.text)).toEqual([]);
      });

      it('leaderboard.csv → Northwind’s row only, whatever the month', async () => {
        for (const query of ['', '?month=2026-04-01', `?organisationId=${contoso}`]) {
          const res = await get(`/api/revenue/leaderboard.csv${query}`, as());
          expect(res.status).toBe(200);
          expect(csvRows(res.text).map((r) => r['organisationId'])).toEqual([northwind]);
          expect(leaked(res.text)).toEqual([]);
        }
      });

      it('cohorts.csv → Northwind’s own cohort only', async () => {
        const res = await get('/api/revenue/cohorts.csv', as());
        expect(res.status).toBe(200);
        expect(new Set(csvRows(res.text).map((r) => r['partners']))).toEqual(new Set(['1']));
      });

      it('rollup.csv (vendor staff only) → 403', async () => {
        for (const query of ['', '?groupBy=PROGRAM']) {
          const res = await get(`/api/revenue/rollup.csv${query}`, as());
          expect(res.status).toBe(403);
          expect(leaked(res.text)).toEqual([]);
        }
      });
    });
  });

  describe('the partner that lost a customer', () => {
    it('no longer reads it, but keeps its own history of it', async () => {
      expect(codeOf(await gql(DOCS.revenueCustomer, { id: moved.customerId }, contosoAdmin))).toBe('NOT_FOUND');
      const list = await gqlOk(t, DOCS.revenueCustomers, { first: 100 }, contosoAdmin);
      expect(collect(list, 'id')).not.toContain(moved.customerId);
      const movements = await gqlOk(t, DOCS.revenueMovements, { filter: { customerId: moved.customerId } }, contosoAdmin);
      expect(collect(movements, 'kind')).toEqual(['TRANSFER_OUT', 'NEW']);
      expect(new Set(collect(movements, 'organisationId'))).toEqual(new Set([contoso]));
      // And it cannot pull the customer back.
      const res = await gql(DOCS.transferRevenueCustomer, { input: { customerId: moved.customerId, organisationId: contoso, effectiveFrom: '2026-11-01' } }, contosoAdmin);
      expect(codeOf(res)).toBe('FORBIDDEN');
    });
  });

  describe('vendor roles', () => {
    it.each<[string, string, () => Vars]>([
      ['createRevenueCustomer', DOCS.createRevenueCustomer, () => ({ input: { name: 'Analyst made', organisationId: contoso } })],
      ['transferRevenueCustomer', DOCS.transferRevenueCustomer, () => ({ input: { customerId: foreign.customerId, organisationId: northwind, effectiveFrom: '2026-11-01' } })],
      ['recordSubscriptionEvent', DOCS.recordSubscriptionEvent, () => ({ input: { kind: 'CHANGE', subscriptionId: foreign.subscriptionId, effectiveDate: '2026-11-01', quantity: 9 } })],
      ['importSubscriptionEvents', DOCS.importSubscriptionEvents, () => ({ input: { csv: 'kind,effective_date\nSTART,2026-11-01\n', importValidRows: true } })],
      ['setExchangeRate', DOCS.setExchangeRate, () => ({ input: { currency: 'USD', validFrom: '2026-11-01', rate: '9.99' } })],
      ['importExchangeRates', DOCS.importExchangeRates, () => ({ input: { csv: 'currency,valid_from,rate\nUSD,2026-11-01,9.99\n', importValidRows: false } })],
    ])('an analyst may not %s', async (_name, document, variables) => {
      const before = await revenueTables();
      expect(codeOf(await gql(document, variables(), vendor.ANALYST))).toBe('FORBIDDEN');
      expect(await revenueTables()).toEqual(before);
    });

    it('a channel manager may not set exchange rates', async () => {
      const before = await revenueTables();
      expect(codeOf(await gql(DOCS.setExchangeRate, { input: { currency: 'USD', validFrom: '2026-11-01', rate: '9.99' } }, vendor.CHANNEL_MANAGER))).toBe('FORBIDDEN');
      expect(codeOf(await gql(DOCS.importExchangeRates, { input: { csv: 'currency,valid_from,rate\nUSD,2026-11-01,9.99\n', importValidRows: false } }, vendor.CHANNEL_MANAGER))).toBe('FORBIDDEN');
      expect(await revenueTables()).toEqual(before);
    });

    it('the CSV routes answer vendor staff with Contoso’s rows, and anonymous callers with 401', async () => {
      for (const as of Object.values(vendor)) {
        const movements = await get(`/api/revenue/movements.csv?organisationId=${contoso}`, as);
        expect(movements.status).toBe(200);
        expect(new Set(csvRows(movements.text).map((r) => r['organisationId']))).toEqual(new Set([contoso]));
        const renewals = await get(`/api/revenue/renewals.csv?organisationId=${contoso}`, as);
        expect(csvRows(renewals.text).map((r) => r['subscriptionId'])).toContain(foreign.subscriptionId);
        const board = await get('/api/revenue/leaderboard.csv', as);
        expect(csvRows(board.text).map((r) => r['organisationId'])).toEqual(expect.arrayContaining([northwind, contoso]));
        const rollup = await get('/api/revenue/rollup.csv?groupBy=PROGRAM', as);
        expect(rollup.status).toBe(200);
        expect(csvRows(rollup.text).length).toBeGreaterThan(0);
      }
      for (const path of ['movements.csv', 'renewals.csv', 'leaderboard.csv', 'rollup.csv', 'cohorts.csv']) {
        expect((await get(`/api/revenue/${path}`)).status).toBe(401);
      }
      expect((await get('/api/revenue/movements.csv?organisationId=not-a-uuid', vendor.ANALYST)).status).toBe(400);
    });
  });
});
