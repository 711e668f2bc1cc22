import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { gqlOk } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

const CREATE = `mutation($input: CreateDealRegistrationInput!) { createDealRegistration(input: $input) { id number status } }`;

describe('deal registrations CSV export', () => {
  let t: TestApp;
  let northwindRep: string;
  let contosoRep: string;
  let manager: string;
  const ids: Record<string, string> = {};

  const exportCsv = (token: string | null, query = '') => {
    const req = request(t.app.getHttpServer()).get(`/api/exports/deal-registrations.csv${query}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  const rowsOf = (text: string): string[][] => parse(text) as string[][];

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    [northwindRep, contosoRep, manager] = await Promise.all(['rep@northwind.test', 'rep@contoso.test', 'manager@vendor.test'].map((e) => t.login(e)));
    const { products } = await gqlOk<{ products: { id: string }[] }>(t, `{ products { id } }`, {}, { token: northwindRep });
    const closeDate = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const register = async (token: string, key: string, customerName: string, submit: boolean) => {
      const data = await gqlOk<{ createDealRegistration: { id: string } }>(
        t,
        CREATE,
        {
          input: {
            customerName,
            customerWebsite: `${key}.example`,
            customerCountry: 'NL',
            products: [{ productId: products[0].id, quantity: 1 }],
            estimatedMrr: '1234.50',
            estimatedOneTime: '99.99',
            expectedCloseDate: closeDate,
            salesStage: 'PROPOSAL',
            submit,
          },
        },
        { token },
      );
      ids[key] = data.createDealRegistration.id;
    };
    await register(northwindRep, 'northwind-submitted', '=HYPERLINK("http://evil")', true);
    await register(northwindRep, 'northwind-draft', 'Draft Customer', false);
    await register(contosoRep, 'contoso-submitted', 'Contoso Customer', true);
  });
  afterAll(() => t.close());

  it('exports only the partner’s own registrations, drafts included, with exact amounts and escaped formulas', async () => {
    const res = await exportCsv(northwindRep);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="deal-registrations-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = rowsOf(res.text);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r[col('id')]).sort()).toEqual([ids['northwind-submitted'], ids['northwind-draft']].sort());
    const submitted = rows.find((r) => r[col('id')] === ids['northwind-submitted'])!;
    expect(submitted[col('customerName')]).toBe(`'=HYPERLINK("http://evil")`);
    expect(submitted[col('estimatedMrr')]).toBe('1234.50');
    expect(submitted[col('estimatedOneTime')]).toBe('99.99');
    expect(submitted[col('status')]).toBe('SUBMITTED');
    expect(res.text).not.toContain('Contoso Customer');
  });

  it('gives vendor staff every submitted registration (no drafts) and applies the status filter', async () => {
    const all = rowsOf((await exportCsv(manager)).text);
    const idCol = all[0].indexOf('id');
    expect(all.slice(1).map((r) => r[idCol]).sort()).toEqual([ids['northwind-submitted'], ids['contoso-submitted']].sort());
    const none = rowsOf((await exportCsv(manager, '?statuses=APPROVED,WON')).text);
    expect(none).toHaveLength(1);
  });

  it('refuses anonymous callers and unknown statuses', async () => {
    expect((await exportCsv(null)).status).toBe(401);
    const bad = await exportCsv(manager, '?statuses=NONSENSE');
    expect(bad.status).toBe(400);
  });
});
