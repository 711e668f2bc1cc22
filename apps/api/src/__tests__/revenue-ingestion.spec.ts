import request from 'supertest';
import { dbFingerprint } from '../testing/db-state';
import { gqlOk, partnerIds } from '../testing/factories';
import { DOCS } from '../testing/operations';
import { createRevenueCustomer, customerWithSubscription, recordEvent, setExchangeRate, startInput, startRevenueApp } from '../testing/revenue-fixtures';
import { codeOf, type GqlResponse, type TestApp } from '../testing/test-app';

/**
 * Getting subscription events into the ledger: the billing-system endpoint (API key, idempotent by
 * event id), the CSV import (all or nothing, or valid rows only) and recordSubscriptionEvent's
 * refusals; plus exchange rates. Every refusal is checked to leave the database as it was.
 */

type Vars = Record<string, unknown>;
type ImportReport = { rows: number; applied: number; duplicates: number; errors: { row: number; column: string; message: string }[] };
type HttpError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const EVENT_HEADER = 'event_id,kind,customer_external_id,subscription_external_id,product_sku,effective_date,quantity,unit_price,interval_months,currency';

describe('revenue ingestion', () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let northwind: string;
  let contoso: string;
  /** Billing-system keys: the vendor's (channel manager role), the vendor's analyst role, and a partner's. */
  let billingKey: string;
  let billingKeyId: string;
  let analystKey: string;
  let partnerKey: string;

  const createKey = async (token: string, input: Vars): Promise<{ secret: string; apiKey: { id: string; organisationId: string } }> =>
    (await gqlOk<{ createApiKey: { secret: string; apiKey: { id: string; organisationId: string } } }>(t, DOCS.createApiKey, { input }, { token })).createApiKey;

  const post = (path: string, body: Vars, apiKey?: string) => {
    const req = request(t.app.getHttpServer()).post(path).set('Content-Type', 'application/json');
    return apiKey === undefined ? req.send(body) : req.set('X-Api-Key', apiKey).send(body);
  };
  const eventRows = (eventId: string): Promise<{ id: string; source: string; api_key_id: string | null }[]> =>
    t.dataSource.query(`SELECT id, source, api_key_id FROM revenue_subscription_events WHERE external_event_id = $1`, [eventId]);

  /** Runs `act` and proves that not one row of any table changed. */
  const unchanged = async <T>(act: () => Promise<T>): Promise<T> => {
    const before = await dbFingerprint(t.dataSource);
    const result = await act();
    expect(await dbFingerprint(t.dataSource)).toEqual(before);
    return result;
  };
  const revenueTables = async (): Promise<Record<string, unknown>> =>
    Object.fromEntries(Object.entries(await dbFingerprint(t.dataSource)).filter(([table]) => table.startsWith('revenue_')));
  /** A GraphQL call that must be refused with `code` (and `field` among the error's fields), writing nothing. */
  const refused = async (document: string, variables: Vars, code: string, field?: string, token = manager): Promise<GqlResponse> => {
    const res = await unchanged(() => t.gql(document, variables, { token }));
    expect(res.status).toBeLessThan(500);
    expect(codeOf(res)).toBe(code);
    expect(res.data).toBeNull();
    if (field) expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toContain(field);
    return res;
  };
  const importEvents = async (csv: string, importValidRows = false, token = manager): Promise<ImportReport> =>
    (await gqlOk<{ importSubscriptionEvents: ImportReport }>(t, DOCS.importSubscriptionEvents, { input: { csv, importValidRows } }, { token })).importSubscriptionEvents;

  let login: (email: string) => Promise<string>;

  beforeAll(async () => {
    ({ t, login } = await startRevenueApp(new Date('2026-11-25T10:00:00Z')));
    [admin, manager] = await Promise.all(['admin@vendor.test', 'manager@vendor.test'].map(login));
    const ids = await partnerIds(t, admin);
    northwind = ids.get('Northwind IT')!;
    contoso = ids.get('Contoso Managed Services')!;
    const billing = await createKey(admin, { name: 'Billing system', role: 'CHANNEL_MANAGER' });
    [billingKey, billingKeyId] = [billing.secret, billing.apiKey.id];
    analystKey = (await createKey(admin, { name: 'Read-only billing', role: 'ANALYST' })).secret;
    partnerKey = (await createKey(admin, { name: 'Northwind sync', role: 'PARTNER_ADMIN', organisationId: northwind })).secret;
    expect(billing.apiKey.organisationId).not.toBe(northwind);
    // Rates for the foreign-currency cases (the demo ledger's USD rates go back three years, not to 2015).
    await setExchangeRate(t, admin, { currency: 'GBP', validFrom: '2024-01-01', rate: '1.15' });
    await setExchangeRate(t, admin, { currency: 'USD', validFrom: '2026-01-01', rate: '0.92' });
  });
  afterAll(() => t?.close());

  describe('the billing endpoint POST /api/revenue/events', () => {
    let customerId: string;
    beforeAll(async () => {
      customerId = (await createRevenueCustomer(t, manager, { organisationId: northwind, name: 'Billing Customer', externalId: 'billing-customer' })).id;
    });

    it('answers 201 for a first delivery and 200 with duplicate: true for a retry, storing the event once', async () => {
      const body = startInput(customerId, { eventId: 'bill-evt-1', subscriptionExternalId: 'bill-sub-1' });
      const first = await post('/api/revenue/events', body, billingKey);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ duplicate: false, event: { kind: 'START', status: 'ACTIVE', mrr: '450.00', source: 'BILLING', externalEventId: 'bill-evt-1' } });

      const retry = await unchanged(() => post('/api/revenue/events', body, billingKey));
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ duplicate: true, event: { id: (first.body as { event: { id: string } }).event.id } });
      // Even a retry whose body differs is the same event: the sender's id decides.
      const changed = await unchanged(() => post('/api/revenue/events', { ...body, quantity: 7 }, billingKey));
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ duplicate: true });

      expect(await eventRows('bill-evt-1')).toEqual([expect.objectContaining({ source: 'BILLING', api_key_id: billingKeyId })]);
      const subs: unknown[] = await t.dataSource.query(`SELECT id FROM revenue_subscriptions WHERE external_id = 'bill-sub-1'`);
      expect(subs).toHaveLength(1);
      // The write marked the customer for the rollups.
      const pending: unknown[] = await t.dataSource.query(`SELECT 1 FROM revenue_pending WHERE customer_id = $1`, [customerId]);
      expect(pending).toHaveLength(1);
    });

    it('applies 10 concurrent deliveries of one new subscription exactly once', async () => {
      const body = startInput(customerId, { eventId: 'bill-race-start', subscriptionExternalId: 'bill-race-sub', effectiveDate: '2025-03-01' });
      const responses = await Promise.all(Array.from({ length: 10 }, () => post('/api/revenue/events', body, billingKey)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      const ids = new Set(responses.map((r) => (r.body as { event: { id: string } }).event.id));
      expect(ids.size).toBe(1);
      expect(responses.filter((r) => (r.body as { duplicate: boolean }).duplicate)).toHaveLength(9);
      expect(await eventRows('bill-race-start')).toHaveLength(1);
      const subs: unknown[] = await t.dataSource.query(`SELECT id FROM revenue_subscriptions WHERE external_id = 'bill-race-sub'`);
      expect(subs).toHaveLength(1);
    });

    it.each([
      ['PAUSE', {}],
      ['CANCEL', {}],
      ['RENEW', { termEndsOn: '2027-06-30' }],
      ['CHANGE', { quantity: 3 }],
    ])('applies 10 concurrent deliveries of one %s exactly once (the losers answer as retries)', async (kind, extra) => {
      const { subscriptionId } = await customerWithSubscription(t, manager, northwind, {}, { termEndsOn: '2026-12-31' });
      const body = { kind, subscriptionId, effectiveDate: '2026-06-01', eventId: `bill-race-${kind}`, ...extra };
      const responses = await Promise.all(Array.from({ length: 10 }, () => post('/api/revenue/events', body, billingKey)));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(await eventRows(`bill-race-${kind}`)).toHaveLength(1);
      const events: unknown[] = await t.dataSource.query(`SELECT 1 FROM revenue_subscription_events WHERE subscription_id = $1`, [subscriptionId]);
      expect(events).toHaveLength(2);
    });

    it('refuses a missing or invalid key (401) and keys without a writing vendor role (403), writing nothing', async () => {
      const body = startInput(customerId, { eventId: 'bill-denied' });
      const partnerSession = await login('admin@northwind.test');
      // (The keys' first use stamps their last_used_at; the ledger is what must not change.)
      const before = await revenueTables();
      expect((await post('/api/revenue/events', body)).status).toBe(401);
      expect((await post('/api/revenue/events', body, 'prm_nope')).status).toBe(401);
      expect((await post('/api/revenue/events', body, `${billingKey.slice(0, -4)}AAAA`)).status).toBe(401);
      const partner = await post('/api/revenue/events', body, partnerKey);
      expect(partner.status).toBe(403);
      expect((partner.body as HttpError).error.code).toBe('FORBIDDEN');
      expect((await post('/api/revenue/events', body, analystKey)).status).toBe(403);
      // A partner user's session is no way in either.
      const rep = await request(t.app.getHttpServer()).post('/api/revenue/events').set('Authorization', `Bearer ${partnerSession}`).send(body);
      expect(rep.status).toBe(403);
      expect(await revenueTables()).toEqual(before);
      expect(await eventRows('bill-denied')).toEqual([]);
    });

    it('answers invalid events with 400 and the fields, writing nothing', async () => {
      const cases: [Vars, string][] = [
        [{ ...startInput(customerId), effectiveDate: '2025-02-30' }, 'effectiveDate'],
        [{ ...startInput(customerId), kind: 'UPGRADE' }, 'kind'],
        [{ ...startInput(customerId), unitPrice: '-1' }, 'unitPrice'],
        [{ ...startInput(customerId), customerId: UNKNOWN_ID }, 'customerId'],
        [{ ...startInput(customerId), productSku: 'ACME-ONBOARD' }, 'productSku'],
        [{ kind: 'CHANGE', subscriptionExternalId: 'no-such-subscription', effectiveDate: '2026-01-01', quantity: 2 }, 'subscriptionExternalId'],
      ];
      for (const [body, field] of cases) {
        const res = await unchanged(() => post('/api/revenue/events', body, billingKey));
        expect(res.status).toBe(400);
        expect((res.body as HttpError).error).toMatchObject({ code: 'BAD_USER_INPUT' });
        expect(Object.keys((res.body as HttpError).error.fields ?? {})).toContain(field);
      }
    });
  });

  describe('the billing endpoint POST /api/revenue/customers', () => {
    it('creates a customer with its partner of record (201); refuses partners (403), bad input (400) and a reused external id (409)', async () => {
      const created = await post('/api/revenue/customers', { name: 'Billing Created', externalId: 'crm-77', organisationId: contoso, since: '2025-05-01', country: 'BE' }, billingKey);
      expect(created.status).toBe(201);
      const customer = (created.body as { customer: { id: string; organisationId: string; externalId: string } }).customer;
      expect(customer).toMatchObject({ organisationId: contoso, externalId: 'crm-77' });
      const history: { organisation_id: string; from: string }[] = await t.dataSource.query(
        `SELECT organisation_id, effective_from::text AS "from" FROM revenue_customer_partners WHERE customer_id = $1`,
        [customer.id],
      );
      expect(history).toEqual([{ organisation_id: contoso, from: '2025-05-01' }]);

      await unchanged(async () => {
        expect((await post('/api/revenue/customers', { name: 'Sneaky', organisationId: northwind }, partnerKey)).status).toBe(403);
        expect((await post('/api/revenue/customers', { name: 'Anonymous', organisationId: northwind })).status).toBe(401);
        const bad: [Vars, string][] = [
          [{ name: '', organisationId: northwind }, 'name'],
          [{ name: 'No partner', organisationId: 'not-a-uuid' }, 'organisationId'],
          [{ name: 'Unknown partner', organisationId: UNKNOWN_ID }, 'organisationId'],
          [{ name: 'Future', organisationId: northwind, since: '2027-01-01' }, 'since'],
          [{ name: 'Bad domain', organisationId: northwind, domain: 'not a domain' }, 'domain'],
        ];
        for (const [body, field] of bad) {
          const res = await post('/api/revenue/customers', body, billingKey);
          expect(res.status).toBe(400);
          expect(Object.keys((res.body as HttpError).error.fields ?? {})).toContain(field);
        }
        const reused = await post('/api/revenue/customers', { name: 'Again', externalId: 'crm-77', organisationId: northwind }, billingKey);
        expect(reused.status).toBe(409);
        expect((reused.body as HttpError).error.fields).toHaveProperty('externalId');
      });
    });
  });

  describe('CSV import (importSubscriptionEvents)', () => {
    beforeAll(async () => {
      for (const externalId of ['csv-a', 'csv-b', 'csv-c']) await createRevenueCustomer(t, manager, { organisationId: northwind, name: `CSV ${externalId}`, externalId });
    });
    const rows = (lines: string[]): string => `${EVENT_HEADER}\n${lines.join('\n')}\n`;

    it('applies every row of a valid file, later rows changing subscriptions started earlier in the same file', async () => {
      const report = await importEvents(
        rows([
          'csv-1,START,csv-a,csv-sub-a,ACME-SIEM,2025-02-01,2,450.00,1,EUR',
          'csv-2,START,csv-b,csv-sub-b,ACME-BACKUP,2025-02-01,10,12.50,1,EUR',
          'csv-3,CHANGE,,csv-sub-a,,2025-04-01,3,,,',
          'csv-4,START,csv-c,csv-sub-c,ACME-MAILSEC,2026-02-01,40,3.20,1,USD',
        ]),
      );
      expect(report).toEqual({ rows: 4, applied: 4, duplicates: 0, errors: [] });
      const events: { kind: string; quantity: number; source: string; subscription: string }[] = await t.dataSource.query(
        `SELECT e.kind, e.quantity, e.source, s.external_id AS subscription FROM revenue_subscription_events e
           JOIN revenue_subscriptions s ON s.id = e.subscription_id WHERE e.external_event_id LIKE 'csv-%' ORDER BY e.external_event_id`,
      );
      expect(events).toEqual([
        { kind: 'START', quantity: 2, source: 'CSV', subscription: 'csv-sub-a' },
        { kind: 'START', quantity: 10, source: 'CSV', subscription: 'csv-sub-b' },
        { kind: 'CHANGE', quantity: 3, source: 'CSV', subscription: 'csv-sub-a' },
        { kind: 'START', quantity: 40, source: 'CSV', subscription: 'csv-sub-c' },
      ]);
    });

    it('counts repeated event ids as duplicates, within a file and across imports', async () => {
      const file = rows(['dup-1,CHANGE,,csv-sub-b,,2025-06-01,12,,,', 'dup-1,CHANGE,,csv-sub-b,,2025-06-01,12,,,', 'dup-2,CHANGE,,csv-sub-b,,2025-07-01,14,,,']);
      expect(await importEvents(file)).toEqual({ rows: 3, applied: 2, duplicates: 1, errors: [] });
      // A second import changes no ledger row (it is audited as an import that applied nothing).
      const before = await revenueTables();
      expect(await importEvents(file)).toEqual({ rows: 3, applied: 0, duplicates: 3, errors: [] });
      expect(await revenueTables()).toEqual(before);
      expect(await eventRows('dup-1')).toHaveLength(1);
    });

    const withBadRow = rows([
      'bad-1,START,csv-a,csv-sub-x,ACME-SIEM,2025-02-01,1,450.00,1,EUR',
      'bad-2,START,csv-b,csv-sub-y,ACME-SIEM,2025-02-01,1,-450.00,1,EUR',
      'bad-3,CHANGE,,csv-sub-x,,2025-05-01,2,,,',
      'bad-4,START,csv-c,csv-sub-z,ACME-ONBOARD,2025-02-01,1,1500.00,1,EUR',
      'bad-5,PAUSE,,csv-sub-x,,2025-31-01,,,,',
    ]);

    it('applies nothing from a file with bad rows, and reports each with its row, column and message', async () => {
      const report = await unchanged(() => importEvents(withBadRow));
      expect(report).toMatchObject({ rows: 5, applied: 0, duplicates: 0 });
      expect(report.errors).toEqual([
        { row: 3, column: 'unit_price', message: expect.stringMatching(/./) },
        { row: 5, column: 'product_sku', message: expect.stringMatching(/one-time/) },
        { row: 6, column: 'effective_date', message: 'Enter a date as YYYY-MM-DD.' },
      ]);
    });

    it('with importValidRows applies the good rows only', async () => {
      const report = await importEvents(withBadRow, true);
      expect(report).toMatchObject({ rows: 5, applied: 2, duplicates: 0 });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([
        [3, 'unit_price'],
        [5, 'product_sku'],
        [6, 'effective_date'],
      ]);
      expect(await eventRows('bad-1')).toHaveLength(1);
      expect(await eventRows('bad-3')).toHaveLength(1);
      for (const id of ['bad-2', 'bad-4', 'bad-5']) expect(await eventRows(id)).toEqual([]);
      const subs: { external_id: string }[] = await t.dataSource.query(`SELECT external_id FROM revenue_subscriptions WHERE external_id LIKE 'csv-sub-_' ORDER BY 1`);
      expect(subs.map((s) => s.external_id)).toEqual(['csv-sub-a', 'csv-sub-b', 'csv-sub-c', 'csv-sub-x']);
    });

    it.each([
      ['no header row naming the columns', 'START,csv-a,2025-01-01\n'],
      ['the effective_date column missing', 'kind,customer_external_id,product_sku\nSTART,csv-a,ACME-SIEM\n'],
      ['an empty file', ''],
      ['an unclosed quote', `${EVENT_HEADER}\n"csv-9,START,csv-a\n`],
      ['a JSON document', '{"events": [{"kind": "START"}]}'],
      ['binary data with NUL bytes', '\u0000\u0001PK\u0003\u0004\u0000garbage'],
      ['more than 20,000 rows', `kind,effective_date\n${'START,2025-01-01\n'.repeat(20_001)}`],
    ])('refuses %s as BAD_USER_INPUT on csv', async (_name, csv) => {
      const res = await refused(DOCS.importSubscriptionEvents, { input: { csv, importValidRows: true } }, 'BAD_USER_INPUT', 'csv');
      expect(res.errors?.[0]?.extensions?.fields?.['csv']?.[0]).toMatch(/\w/);
    });

    it('refuses a file in another encoding (read as UTF-8, with replacement characters), naming the line', async () => {
      const csv = rows(['enc-1,CHANGE,,csv-sub-a,,2025-08-01,4,,,', 'enc-2,START,Caf\uFFFD Noord,enc-sub,ACME-SIEM,2025-08-01,1,450.00,1,EUR']);
      const res = await refused(DOCS.importSubscriptionEvents, { input: { csv, importValidRows: true } }, 'BAD_USER_INPUT', 'csv');
      expect(res.errors?.[0]?.extensions?.fields?.['csv']?.[0]).toMatch(/Line 3\b.*UTF-8/);
    });

    it('reads a file with a byte-order mark, CRLF line ends and columns in another order', async () => {
      const csv = '\uFEFFeffective_date,Kind,Event ID,subscription_external_id,quantity\r\n2025-09-01,change,crlf-1,csv-sub-a,5\r\n';
      expect(await importEvents(csv)).toEqual({ rows: 1, applied: 1, duplicates: 0, errors: [] });
    });

    it('is for vendor admins and channel managers only', async () => {
      const csv = rows(['denied-1,CHANGE,,csv-sub-a,,2025-10-01,9,,,']);
      for (const email of ['analyst@vendor.test', 'admin@northwind.test', 'rep@contoso.test']) {
        await refused(DOCS.importSubscriptionEvents, { input: { csv, importValidRows: false } }, 'FORBIDDEN', undefined, await login(email));
      }
    });
  });

  describe('recordSubscriptionEvent refuses bad input and writes nothing', () => {
    let customerId: string;
    let subscriptionId: string;
    let pausedId: string;
    beforeAll(async () => {
      ({ customerId, subscriptionId } = await customerWithSubscription(t, manager, northwind, { name: 'Validation Customer', externalId: 'validation' }, { termEndsOn: '2025-12-31' }));
      pausedId = (await customerWithSubscription(t, manager, northwind)).subscriptionId;
      await recordEvent(t, manager, { kind: 'PAUSE', subscriptionId: pausedId, effectiveDate: '2025-03-01' });
    });
    const start = (patch: Vars): Vars => ({ input: startInput(customerId, patch) });
    const change = (patch: Vars): Vars => ({ input: { kind: 'CHANGE', subscriptionId, effectiveDate: '2025-06-01', ...patch } });

    it.each<[string, () => Vars, string]>([
      ['an unknown customer', () => start({ customerId: UNKNOWN_ID }), 'customerId'],
      ['an unknown customer external id', () => ({ input: { ...startInput(''), customerId: undefined, customerExternalId: 'nobody' } }), 'customerExternalId'],
      ['an unknown product', () => start({ productSku: 'ACME-NOPE' }), 'productSku'],
      ['an unknown product id', () => start({ productSku: undefined, productId: UNKNOWN_ID }), 'productId'],
      ['a one-time product (ACME-ONBOARD)', () => start({ productSku: 'ACME-ONBOARD' }), 'productSku'],
      ['a negative price', () => start({ unitPrice: '-450.00' }), 'unitPrice'],
      ['more decimals than EUR has', () => start({ unitPrice: '450.005' }), 'unitPrice'],
      ['decimals in JPY', () => start({ unitPrice: '450.5', currency: 'JPY' }), 'unitPrice'],
      ['an unknown currency code', () => start({ currency: 'ZZZ' }), 'currency'],
      ['a currency as a word', () => start({ currency: 'EURO' }), 'currency'],
      ['no price', () => start({ unitPrice: undefined }), 'unitPrice'],
      ['no billing interval', () => start({ intervalMonths: undefined }), 'intervalMonths'],
      ['an interval of 121 months', () => start({ intervalMonths: 121 }), 'intervalMonths'],
      ['a negative quantity', () => start({ quantity: -1 }), 'quantity'],
      ['a date that does not exist', () => start({ effectiveDate: '2025-02-29' }), 'effectiveDate'],
      ['paid through before the start', () => start({ paidThrough: '2025-01-09' }), 'paidThrough'],
      ['a term ending before the start', () => start({ termEndsOn: '2025-01-01' }), 'termEndsOn'],
      ['a discount ending on the start day', () => start({ discountPercent: '10', discountEndsOn: '2025-01-10' }), 'discountEndsOn'],
      ['a discount ending before the start', () => start({ discountAmount: '50.00', discountEndsOn: '2024-12-31' }), 'discountEndsOn'],
      ['both a percentage and an amount off', () => start({ discountPercent: '10', discountAmount: '50.00' }), 'discountPercent'],
      ['a discount over 100 %', () => start({ discountPercent: '150' }), 'discountPercent'],
      ['an end to a discount that does not exist', () => change({ discountEndsOn: '2025-09-01' }), 'discountEndsOn'],
      ['an external id already used by a subscription', () => start({ subscriptionExternalId: 'csv-sub-a' }), 'subscriptionExternalId'],
      ['a change before the subscription starts', () => change({ effectiveDate: '2025-01-09' }), 'effectiveDate'],
      ['a change of an unknown subscription', () => change({ subscriptionId: UNKNOWN_ID }), 'subscriptionId'],
      ['a paying subscription back to a trial', () => change({ status: 'TRIAL' }), 'status'],
      ['a renewal without the new term end', () => change({ kind: 'RENEW' }), 'termEndsOn'],
      ['a renewal that does not extend the term', () => change({ kind: 'RENEW', termEndsOn: '2025-12-31' }), 'termEndsOn'],
      ['a cancellation dated before the start', () => change({ kind: 'CANCEL', cancelledOn: '2025-01-01' }), 'cancelledOn'],
      ['a price in another currency without the new price', () => change({ currency: 'GBP' }), 'unitPrice'],
    ])('%s → BAD_USER_INPUT', async (_name, variables, field) => {
      await refused(DOCS.recordSubscriptionEvent, variables(), 'BAD_USER_INPUT', field);
    });

    it('a USD subscription without a USD rate for its month → names the currency and the month', async () => {
      const res = await refused(DOCS.recordSubscriptionEvent, start({ currency: 'USD', effectiveDate: '2015-07-15' }), 'BAD_USER_INPUT', 'currency');
      const [message] = res.errors?.[0]?.extensions?.fields?.['currency'] ?? [];
      expect(message).toContain('USD');
      expect(message).toContain('2015-07-01');
      // From the rate's first month on, the same subscription is accepted.
      const ok = await recordEvent(t, manager, startInput(customerId, { currency: 'USD', effectiveDate: '2026-01-15' }));
      expect(ok.event).toMatchObject({ currency: 'USD', mrr: '450.00' });
    });

    it.each<[string, () => Vars]>([
      ['PAUSE of a paused subscription', () => ({ input: { kind: 'PAUSE', subscriptionId: pausedId, effectiveDate: '2025-06-01' } })],
      ['a CHANGE of status of a paused subscription', () => ({ input: { kind: 'CHANGE', subscriptionId: pausedId, effectiveDate: '2025-06-01', status: 'ACTIVE' } })],
      ['RENEW of a paused subscription', () => ({ input: { kind: 'RENEW', subscriptionId: pausedId, effectiveDate: '2025-06-01', termEndsOn: '2027-01-01' } })],
      ['RESUME of an active subscription', () => change({ kind: 'RESUME' })],
    ])('%s → CONFLICT', async (_name, variables) => {
      await refused(DOCS.recordSubscriptionEvent, variables(), 'CONFLICT');
    });

    it('is for vendor admins and channel managers only', async () => {
      for (const email of ['analyst@vendor.test', 'admin@northwind.test', 'rep@northwind.test']) {
        await refused(DOCS.recordSubscriptionEvent, change({ quantity: 2 }), 'FORBIDDEN', undefined, await login(email));
      }
    });

    it('refuses a charge too large to be summed (quantity × unit price), instead of storing it', async () => {
      const res = await refused(DOCS.recordSubscriptionEvent, start({ quantity: 1_000_000, unitPrice: '999999999999999.99' }), 'BAD_USER_INPUT');
      expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toEqual(expect.arrayContaining(['unitPrice']));
    });

    it('records a change after a discount has ended (the ended discount is not carried on)', async () => {
      const { subscriptionId: discounted } = await customerWithSubscription(t, manager, northwind, {}, { discountPercent: '20', discountEndsOn: '2025-04-01' });
      const changed = await recordEvent(t, manager, { kind: 'CHANGE', subscriptionId: discounted, effectiveDate: '2025-06-01', quantity: 2 });
      expect(changed.event).toMatchObject({ mrr: '900.00' });
      const cancelled = await recordEvent(t, manager, { kind: 'CANCEL', subscriptionId: discounted, effectiveDate: '2025-08-05', paidThrough: '2025-08-31' });
      expect(cancelled.event).toMatchObject({ status: 'CANCELLED', effectiveDate: '2025-09-01' });
    });
  });

  describe('exchange rates', () => {
    const importRates = async (csv: string): Promise<ImportReport> =>
      (await gqlOk<{ importExchangeRates: ImportReport }>(t, DOCS.importExchangeRates, { input: { csv, importValidRows: false } }, { token: admin })).importExchangeRates;

    it.each<[string, Vars, string]>([
      ['the base currency EUR', { currency: 'EUR', validFrom: '2025-01-01', rate: '1' }, 'currency'],
      ['a rate of 0', { currency: 'CHF', validFrom: '2025-01-01', rate: '0' }, 'rate'],
      ['a rate of 0.0000000000', { currency: 'CHF', validFrom: '2025-01-01', rate: '0.0000000000' }, 'rate'],
      ['a negative rate', { currency: 'CHF', validFrom: '2025-01-01', rate: '-1.05' }, 'rate'],
      ['a rate with 11 decimals', { currency: 'CHF', validFrom: '2025-01-01', rate: '1.00000000001' }, 'rate'],
      ['a rate in exponent notation', { currency: 'CHF', validFrom: '2025-01-01', rate: '1e2' }, 'rate'],
      ['an unknown currency', { currency: 'ZZZ', validFrom: '2025-01-01', rate: '1' }, 'currency'],
      ['a day that does not exist', { currency: 'CHF', validFrom: '2025-02-30', rate: '1' }, 'validFrom'],
    ])('setExchangeRate refuses %s', async (_name, input, field) => {
      await refused(DOCS.setExchangeRate, { input }, 'BAD_USER_INPUT', field, admin);
    });

    it('setExchangeRate is for the vendor admin only', async () => {
      for (const token of [manager, await login('analyst@vendor.test'), await login('admin@contoso.test')]) {
        await refused(DOCS.setExchangeRate, { input: { currency: 'CHF', validFrom: '2025-01-01', rate: '1.05' } }, 'FORBIDDEN', undefined, token);
      }
    });

    it('importExchangeRates reports each bad row by row and column and applies nothing; a valid file applies every row', async () => {
      const bad = 'currency,valid_from,rate\nCHF,2025-01-01,1.05\nEUR,2025-01-01,1\nSEK,2025-13-01,0.088\nNOK,2025-01-01,0\nDKK,2025-01-01,0.13400000001\n';
      const report = await unchanged(() => importRates(bad));
      expect(report).toMatchObject({ rows: 5, applied: 0 });
      expect(report.errors.map((e) => [e.row, e.column])).toEqual([
        [3, 'currency'],
        [4, 'valid_from'],
        [5, 'rate'],
        [6, 'rate'],
      ]);
      expect(report.errors.every((e) => e.message.length > 0)).toBe(true);

      const good = await importRates('currency,valid_from,rate\nchf,2025-01-01,1.05\nSEK,2025-01-01,0.088\nCHF,2025-07-01,1.07\n');
      expect(good).toEqual({ rows: 3, applied: 3, duplicates: 0, errors: [] });
      const { exchangeRates } = await gqlOk<{ exchangeRates: { currency: string; validFrom: string; rate: string }[] }>(t, DOCS.exchangeRates, {}, { token: await login('rep@northwind.test') });
      expect(exchangeRates.filter((r) => r.currency === 'CHF').map((r) => [r.validFrom, r.rate])).toEqual([
        ['2025-07-01', '1.0700000000'],
        ['2025-01-01', '1.0500000000'],
      ]);
    });

    it('importExchangeRates refuses a file without its columns, and callers other than the vendor admin', async () => {
      await refused(DOCS.importExchangeRates, { input: { csv: 'currency,rate\nCHF,1.05\n', importValidRows: false } }, 'BAD_USER_INPUT', 'csv', admin);
      await refused(DOCS.importExchangeRates, { input: { csv: 'currency,valid_from,rate\nCHF,2025-01-01,1.05\n', importValidRows: false } }, 'FORBIDDEN', undefined, manager);
    });
  });
});
