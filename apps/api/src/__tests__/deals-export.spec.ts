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

const CREATE_LEAD = `mutation($input: CreateLeadInput!) { createLead(input: $input) { id status assignedOrganisationId } }`;
const CREATE_HOUSE_ACCOUNT = `mutation($input: CreateHouseAccountInput!) { createHouseAccount(input: $input) { id } }`;

describe('leads and house accounts CSV exports', () => {
  let t: TestApp;
  let northwindRep: string;
  let contosoRep: string;
  let manager: string;
  let analyst: string;
  let northwindId: string;
  let contosoId: string;
  const leads: Record<string, string> = {};
  const houseAccounts: Record<string, string> = {};

  const get = (path: string, token: string | null, query = '') => {
    const req = request(t.app.getHttpServer()).get(`/api/exports/${path}${query}`);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  const table = (text: string) => {
    const [header, ...rows] = parse(text) as string[][];
    return { header, rows, col: (name: string) => header.indexOf(name), ids: rows.map((r) => r[header.indexOf('id')]) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    [northwindRep, contosoRep, manager] = await Promise.all(['rep@northwind.test', 'rep@contoso.test', 'manager@vendor.test'].map((e) => t.login(e)));
    const one = async (sql: string): Promise<string> => ((await t.dataSource.query(sql)) as { id: string }[])[0].id;
    northwindId = await one(`SELECT id FROM organisations WHERE name = 'Northwind IT'`);
    contosoId = await one(`SELECT id FROM organisations WHERE name = 'Contoso Managed Services'`);
    analyst = await t.login('analyst@vendor.test');
    const lead = async (key: string, companyName: string, assignTo?: string) => {
      const data = await gqlOk<{ createLead: { id: string } }>(
        t,
        CREATE_LEAD,
        { input: { companyName, website: `${key}.example`, country: 'NL', estimatedMrr: '800.25', ...(assignTo ? { assignTo } : {}) } },
        { token: manager },
      );
      leads[key] = data.createLead.id;
    };
    await lead('nw', '@SUM(A1:A9) Export Lead', northwindId);
    await lead('ct', 'Contoso Export Lead', contosoId);
    await lead('pool', 'Pool Export Lead');
    const account = async (key: string, companyName: string) => {
      const data = await gqlOk<{ createHouseAccount: { id: string } }>(
        t,
        CREATE_HOUSE_ACCOUNT,
        { input: { companyName, website: `${key}.example`, country: 'NL', notes: '=1+1' } },
        { token: manager },
      );
      houseAccounts[key] = data.createHouseAccount.id;
    };
    await account('zephyr-export', 'Zephyr Export Holding');
    await account('quartz-export', '+Quartz Export Group');
  });
  afterAll(() => t.close());

  it('gives a partner only the leads the leads query shows it, with exact amounts and escaped formulas', async () => {
    const res = await get('leads.csv', northwindRep);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = table(res.text);
    expect(csv.ids).toContain(leads.nw);
    expect(csv.ids).not.toContain(leads.ct);
    expect(csv.ids).not.toContain(leads.pool);
    for (const row of csv.rows) {
      expect(row[csv.col('assignedOrganisationId')]).toBe(northwindId);
      expect(['ASSIGNED', 'ACCEPTED']).toContain(row[csv.col('status')]);
    }
    const mine = csv.rows.find((r) => r[csv.col('id')] === leads.nw)!;
    expect(mine[csv.col('companyName')]).toBe(`'@SUM(A1:A9) Export Lead`);
    expect(mine[csv.col('estimatedMrr')]).toBe('800.25');
    expect(mine[csv.col('createdAt')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(res.text).not.toContain('Contoso Export Lead');

    // Asking for another organisation changes nothing: the partner scope wins.
    const other = table((await get('leads.csv', northwindRep, `?organisationId=${contosoId}`)).text);
    expect(other.ids).toContain(leads.nw);
    expect(other.ids).not.toContain(leads.ct);
    const contoso = table((await get('leads.csv', contosoRep)).text);
    expect(contoso.ids).toContain(leads.ct);
    expect(contoso.ids).not.toContain(leads.nw);
  });

  it('gives vendor staff every lead and applies the statuses, organisation and search filters', async () => {
    const all = table((await get('leads.csv', manager)).text);
    expect(all.ids).toEqual(expect.arrayContaining([leads.nw, leads.ct, leads.pool]));
    const open = table((await get('leads.csv', manager, '?statuses=OPEN')).text);
    expect(open.ids).toContain(leads.pool);
    expect(open.ids).not.toContain(leads.nw);
    expect(open.rows.every((r) => r[open.col('status')] === 'OPEN')).toBe(true);
    const listed = table((await get('leads.csv', manager, '?statuses=open,ASSIGNED&search=export%20lead')).text);
    expect(listed.ids.sort()).toEqual([leads.nw, leads.ct, leads.pool].sort());
    const repeated = table((await get('leads.csv', manager, '?statuses=OPEN&statuses=ASSIGNED&search=export%20lead')).text);
    expect(repeated.ids.sort()).toEqual([leads.nw, leads.ct, leads.pool].sort());
    const byOrg = table((await get('leads.csv', manager, `?organisationId=${contosoId}&search=export`)).text);
    expect(byOrg.ids).toEqual([leads.ct]);
    const none = table((await get('leads.csv', manager, '?search=no-such-lead-anywhere')).text);
    expect(none.rows).toHaveLength(0);
    expect(none.header).toContain('companyName');
  });

  it('refuses anonymous callers and bad filters', async () => {
    expect((await get('leads.csv', null)).status).toBe(401);
    expect((await get('leads.csv', manager, '?statuses=NONSENSE')).status).toBe(400);
    expect((await get('leads.csv', manager, '?organisationId=not-an-id')).status).toBe(400);
  });

  it('exports house accounts to vendor staff with the search filter and escaped formulas', async () => {
    for (const token of [manager, analyst]) {
      const res = await get('house-accounts.csv', token);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="house-accounts-\d{4}-\d{2}-\d{2}\.csv"/);
      expect(table(res.text).ids).toEqual(expect.arrayContaining([houseAccounts['zephyr-export'], houseAccounts['quartz-export']]));
    }
    const found = table((await get('house-accounts.csv', manager, '?search=zephyr')).text);
    expect(found.ids).toEqual([houseAccounts['zephyr-export']]);
    const row = found.rows[0];
    expect(row[found.col('companyName')]).toBe('Zephyr Export Holding');
    expect(row[found.col('domain')]).toBe('zephyr-export.example');
    expect(row[found.col('notes')]).toBe(`'=1+1`);
    const quartz = table((await get('house-accounts.csv', manager, '?search=quartz')).text);
    expect(quartz.rows[0][quartz.col('companyName')]).toBe(`'+Quartz Export Group`);
  });

  it('refuses house accounts to anonymous callers and partners', async () => {
    expect((await get('house-accounts.csv', null)).status).toBe(401);
    for (const token of [northwindRep, contosoRep]) {
      const res = await get('house-accounts.csv', token, '?search=zephyr');
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('Zephyr');
    }
  });
});
