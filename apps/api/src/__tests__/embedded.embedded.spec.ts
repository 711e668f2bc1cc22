import { JobsService } from '@prm/server/core';
import { RevenueRollupService } from '@prm/server/revenue';
import { createPartner, gqlOk, partnerIds } from '../testing/factories';
import { createFund, createRequest, fundById, submitClaim } from '../testing/mdf-fixtures';
import { DOCS } from '../testing/operations';
import { startTestApp, type TestApp } from '../testing/test-app';

// The same application on the embedded engine (PGlite): migrations, demo data, sign-in, queries,
// transaction serialisation on its single connection, and background jobs.
describe('embedded database (PGlite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
  }, 120_000);
  afterAll(() => t.close());

  it('runs in embedded mode', () => {
    expect(t.mode).toBe('embedded');
  });

  it('signs in and lists partners with their tiers', async () => {
    const token = await t.login('manager@vendor.test');
    const res = await t.gql<{ partners: { edges: { node: { name: string; enrolments: { tier: { name: string } }[] } }[] } }>(
      `{ partners(first: 5, filter: { search: "north" }) { edges { node { name enrolments { tier { name } } } } } }`,
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.partners.edges.map((e) => e.node.name)).toEqual(['Northwind IT']);
    expect(res.data?.partners.edges[0].node.enrolments[0].tier.name).toBe('Silver');
  });

  it('shows a partner rep their tier and what is missing for the next one', async () => {
    const token = await t.login('rep@northwind.test');
    const res = await t.gql<{ tierStatus: { currentTier: { name: string }; nextTier: { name: string }; nextTierRules: { metric: string; current: string; target: string; missing: string; met: boolean }[] }[] }>(
      `{ tierStatus { currentTier { name } nextTier { name } nextTierRules { metric current target missing met } } }`,
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    const [status] = res.data?.tierStatus ?? [];
    expect(status.currentTier.name).toBe('Silver');
    expect(status.nextTier.name).toBe('Gold');
    expect(status.nextTierRules).toEqual([
      { metric: 'WON_DEALS', current: '9', target: '15', missing: '6', met: false },
      { metric: 'CERTIFIED_PEOPLE', current: '3', target: '5', missing: '2', met: false },
    ]);
  });

  it('never interleaves two transactions on the single connection', async () => {
    await t.dataSource.query(`CREATE TABLE serial_probe (id serial PRIMARY KEY, note text)`);
    const events: string[] = [];
    let seenInside = -1;
    const slow = t.dataSource.transaction(async (em) => {
      events.push('A:begin');
      await em.query(`INSERT INTO serial_probe (note) VALUES ('a')`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      events.push('A:commit');
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = t.dataSource.transaction(async (em) => {
      events.push('B:begin');
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM serial_probe`);
      seenInside = n;
      await em.query(`INSERT INTO serial_probe (note) VALUES ('b')`);
      events.push('B:commit');
    });
    const failing = t.dataSource
      .transaction(async (em) => {
        await em.query(`INSERT INTO serial_probe (note) VALUES ('rolled back')`);
        throw new Error('boom');
      })
      .catch((err: Error) => err.message);
    await Promise.all([slow, other]);
    expect(await failing).toBe('boom');
    // B started only after A committed, so it saw A's row; the rolled-back row never appears.
    expect(events).toEqual(['A:begin', 'A:commit', 'B:begin', 'B:commit']);
    expect(seenInside).toBe(1);
    const rows: { note: string }[] = await t.dataSource.query(`SELECT note FROM serial_probe ORDER BY id`);
    expect(rows.map((r) => r.note)).toEqual(['a', 'b']);
  });

  it('registers a deal, finds conflicts with pg_trgm and enforces exclusivity on approval', async () => {
    const rep = await t.login('rep@northwind.test');
    const otherRep = await t.login('rep@contoso.test');
    const manager = await t.login('manager@vendor.test');
    const products = await t.gql<{ products: { id: string }[] }>(`{ products { id } }`, {}, { token: rep });
    const closeDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const register = (token: string, customerName: string, customerWebsite: string) =>
      t.gql<{ createDealRegistration: { id: string; status: string; possibleConflict: boolean } }>(
        `mutation($input: CreateDealRegistrationInput!) { createDealRegistration(input: $input) { id status possibleConflict } }`,
        {
          input: {
            customerName,
            customerWebsite,
            customerCountry: 'NL',
            products: [{ productId: products.data!.products[0].id, quantity: 5 }],
            estimatedMrr: '250.00',
            expectedCloseDate: closeDate,
            salesStage: 'QUALIFIED',
            submit: true,
          },
        },
        { token },
      );
    const first = await register(rep, 'Van Dijk Installatietechniek B.V.', 'https://www.vandijk-installatie.nl/over-ons');
    expect(first.errors).toBeUndefined();
    expect(first.data?.createDealRegistration).toMatchObject({ status: 'SUBMITTED', possibleConflict: false });
    const second = await register(otherRep, 'VAN DIJK INSTALLATIETECHNIEK BV', 'vandijk-installatie.nl');
    expect(second.data?.createDealRegistration.possibleConflict).toBe(true);
    const approve = (id: string) => t.gql(`mutation($id: ID!) { approveDealRegistration(id: $id) { status } }`, { id }, { token: manager });
    expect((await approve(first.data!.createDealRegistration.id)).errors).toBeUndefined();
    expect((await approve(second.data!.createDealRegistration.id)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // The session carries the trigram threshold of the scoring rule, as a server's connections do.
    const [row] = await t.dataSource.query(`SELECT current_setting('pg_trgm.similarity_threshold') AS value`);
    expect(row.value).toBe('0.6');
  });

  it('records revenue events, drains, rebuilds and reports the same summary', async () => {
    // Tokens are minted at the real time; the ledger is dated against a fixed day, and the clock is put back after.
    const [admin, manager] = [await t.login('admin@vendor.test'), await t.login('manager@vendor.test')];
    const organisationId = (await createPartner(t, admin, { name: 'Embedded Revenue Partner' })).id;
    const realNow = t.clock.now();
    t.clock.set(new Date('2026-11-25T10:00:00Z'));
    try {
      const { createRevenueCustomer: customer } = await gqlOk<{ createRevenueCustomer: { id: string } }>(
        t, `mutation($input: CreateRevenueCustomerInput!) { createRevenueCustomer(input: $input) { id } }`,
        { input: { name: 'Embedded Customer', organisationId, since: '2025-01-01' } }, { token: manager });
      const record = async (input: Record<string, unknown>) =>
        (await gqlOk<{ recordSubscriptionEvent: { event: { subscriptionId: string; mrr: string } } }>(
          t, `mutation($input: SubscriptionEventInput!) { recordSubscriptionEvent(input: $input) { event { subscriptionId mrr } } }`, { input }, { token: manager })).recordSubscriptionEvent.event;
      const siem = await record({ kind: 'START', customerId: customer.id, productSku: 'ACME-SIEM', effectiveDate: '2025-01-10', quantity: 2, unitPrice: '450.00', intervalMonths: 1, currency: 'EUR' });
      await record({ kind: 'CHANGE', subscriptionId: siem.subscriptionId, effectiveDate: '2025-06-15', quantity: 3 });
      // An annual plan: 12 × 150.00 a year is 150.00 a month, cancelled with October paid → gone in November.
      const backup = await record({ kind: 'START', customerId: customer.id, productSku: 'ACME-BACKUP', effectiveDate: '2025-09-01', quantity: 12, unitPrice: '150.00', intervalMonths: 12, currency: 'EUR' });
      expect(backup.mrr).toBe('150.00');
      await record({ kind: 'CANCEL', subscriptionId: backup.subscriptionId, effectiveDate: '2026-10-20', paidThrough: '2026-10-31' });
      const rollups = t.app.get(RevenueRollupService);
      await rollups.drain();

      const summary = async () =>
        (await gqlOk<{ revenueSummary: Record<string, unknown> }>(t, `query($org: ID) { revenueSummary(organisationId: $org, month: "2026-11-01") {
          mrr arr customers nrr grr waterfall { opening expansion contraction churn closing } } }`, { org: organisationId }, { token: manager })).revenueSummary;
      const expected = {
        mrr: '1350.00',
        arr: '16200.00',
        customers: 1,
        // November 2025: 1350.00 + 150.00 = 1500.00; now 1350.00.
        nrr: '90.00',
        grr: '90.00',
        waterfall: { opening: '1500.00', expansion: '0.00', contraction: '-150.00', churn: '0.00', closing: '1350.00' },
      };
      expect(await summary()).toEqual(expected);
      const before = await t.dataSource.query(`SELECT * FROM revenue_partner_months WHERE organisation_id = $1 ORDER BY month`, [organisationId]);
      await rollups.rebuild();
      expect(await t.dataSource.query(`SELECT * FROM revenue_partner_months WHERE organisation_id = $1 ORDER BY month`, [organisationId])).toEqual(before);
      expect(await summary()).toEqual(expected);
    } finally {
      t.clock.set(realNow);
    }
  });

  it('runs an MDF request through claim and payment, and approves on one fund exactly what it holds', async () => {
    const [manager, rep] = [await t.login('manager@vendor.test'), await t.login('rep@northwind.test')];
    const northwind = (await partnerIds(t, manager)).get('Northwind IT')!;
    const [enrolment]: { program_id: string }[] = await t.dataSource.query(`SELECT program_id FROM enrolments WHERE organisation_id = $1`, [northwind]);
    // A fund far from the demo data's current quarter: €2,000 covers two requests of €1,000.
    const fund = await createFund(t, manager, { organisationId: northwind, programId: enrolment!.program_id, periodStart: '2031-01-01', budget: '2000.00' });
    const requests = await Promise.all([1, 2, 3, 4, 5].map(() => createRequest(t, rep, fund)));
    const approvals = await Promise.all(requests.map((r) => t.gql(DOCS.approveMdfRequest, { id: r.id }, { token: manager })));
    expect(approvals.filter((a) => !a.errors).length).toBe(2);
    for (const refused of approvals.filter((a) => a.errors)) {
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('CONFLICT');
      expect(refused.errors?.[0]?.message).toBe('insufficient funds: €0.00 available');
    }
    const approved = requests.filter((_, i) => !approvals[i]!.errors);
    // The proof file goes through the multipart route and the local storage; the claim is approved in part and paid once.
    const claim = await submitClaim(t, rep, approved[0]!.id, { actualCost: '2000.00', claimedAmount: '1000.00' });
    expect(claim.files.map((f) => f.contentType)).toEqual(['application/pdf']);
    await gqlOk(t, DOCS.approveMdfClaim, { id: claim.id, amount: '900.00' }, { token: manager });
    const pay = { claimIds: [claim.id], paymentReference: 'EMB-1', paymentDate: t.clock.now().toISOString().slice(0, 10), idempotencyKey: 'embedded-payment-1' };
    const [first, again] = [
      await gqlOk<{ markMdfClaimsPaid: { duplicate: boolean } }>(t, DOCS.markMdfClaimsPaid, { input: pay }, { token: manager }),
      await gqlOk<{ markMdfClaimsPaid: { duplicate: boolean } }>(t, DOCS.markMdfClaimsPaid, { input: pay }, { token: manager }),
    ];
    expect([first.markMdfClaimsPaid.duplicate, again.markMdfClaimsPaid.duplicate]).toEqual([false, true]);
    expect((await fundById(t, manager, fund.id)).balances).toEqual({
      currency: 'EUR', budget: '2000.00', reserved: '1000.00', claimed: '0.00', approved: '0.00', paid: '900.00', available: '100.00',
    });
  });

  it('runs background jobs, enqueued atomically with the transaction that causes them', async () => {
    const jobs = t.app.get(JobsService);
    const seen: string[] = [];
    jobs.register<{ note: string }>('probe-job', async (data) => {
      seen.push(data.note);
    });
    await jobs.start({ workers: true });
    await t.dataSource.transaction(async (em) => {
      await jobs.send('probe-job', { note: 'committed' }, { manager: em });
    });
    await t.dataSource
      .transaction(async (em) => {
        await jobs.send('probe-job', { note: 'rolled back' }, { manager: em });
        throw new Error('abort');
      })
      .catch(() => undefined);
    const deadline = Date.now() + 20_000;
    while (seen.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(seen).toEqual(['committed']);
  }, 40_000);
});
