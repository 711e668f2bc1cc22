import request from 'supertest';
import { DEMO_PARTNERS, DEMO_PROGRAMS, DEMO_TIERS, type DemoPartner } from '../app/demo-data';
import { auditEntries, createPartner, createUser, gqlOk, NEW_PASSWORD, programsByName } from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const PARTNERS = `query($first: Int!, $after: String, $filter: PartnerFilter) {
  partners(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id name country status channelManagerId } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id status channelManagerId channelManager { name } } }`;
const CREATE = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id name kind website domain country currency preferredLanguage status } }`;

interface Node {
  id: string;
  name: string;
  country: string;
  status: string;
  channelManagerId: string | null;
}
interface Page {
  partners: { edges: { cursor: string; node: Node }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const DEMO_NAMES = new Set(DEMO_PARTNERS.map((p) => p.name));
const byName = (a: string, b: string): number => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0);
const demo = (pick: (p: DemoPartner) => boolean): string[] => DEMO_PARTNERS.filter(pick).map((p) => p.name).sort(byName);

/** A minimal RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('partner directory', () => {
  let t: TestApp;
  let admin: string;
  let analyst: string;
  let managerIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    admin = await t.login('admin@vendor.test');
    analyst = await t.login('analyst@vendor.test');
    managerIds = [];
    for (const email of ['manager@vendor.test', 'manager2@vendor.test']) {
      managerIds.push((await gqlOk<{ me: { id: string } }>(t, `{ me { id } }`, {}, { token: await t.login(email) })).me.id);
    }
  });
  afterAll(() => t.close());

  async function all(filter: Record<string, unknown> = {}, first = 100, token = analyst): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const page: Page = await gqlOk<Page>(t, PARTNERS, { first, after, filter }, { token });
      expect(page.partners.edges.length).toBeLessThanOrEqual(first);
      nodes.push(...page.partners.edges.map((e) => e.node));
      if (!page.partners.pageInfo.hasNextPage) return nodes;
      expect(page.partners.edges).toHaveLength(first);
      after = page.partners.pageInfo.endCursor;
    }
    throw new Error('pagination did not end');
  }
  const names = async (filter: Record<string, unknown>): Promise<string[]> => (await all(filter)).map((n) => n.name);

  describe('listing', () => {
    it('pages through every partner, sorted by name case-insensitively, without duplicates', async () => {
      await createPartner(t, admin, { name: 'aardvark Systems', country: 'DE' });
      await createPartner(t, admin, { name: 'ZULU Partners', country: 'DE' });
      const paged = await all({}, 7);
      const single = await all({}, 100);
      expect(paged.map((n) => n.id)).toEqual(single.map((n) => n.id));
      expect(new Set(paged.map((n) => n.id)).size).toBe(paged.length);
      const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM organisations WHERE kind = 'PARTNER'`);
      expect(new Set(paged.map((n) => n.id))).toEqual(new Set(rows.map((r) => r.id)));
      const pagedNames = paged.map((n) => n.name);
      expect(pagedNames).toEqual([...pagedNames].sort(byName));
      expect(pagedNames.filter((n) => DEMO_NAMES.has(n))).toEqual(demo(() => true));
      expect(pagedNames.indexOf('aardvark Systems')).toBeLessThan(pagedNames.indexOf('Adventure Works Consulting'));
      expect(pagedNames.indexOf('ZULU Partners')).toBeGreaterThan(pagedNames.indexOf('Woodgrove Secure'));
      // The vendor never appears in the partner directory.
      expect(pagedNames).not.toContain('Acme Cloud');
    });

    it('filters by search over name, legal name, city and domain', async () => {
      const matches = (term: string) => (p: DemoPartner) =>
        [p.name, p.legalName, p.city, p.domain].some((v) => v.toLowerCase().includes(term.toLowerCase()));
      for (const term of ['cloud', 'TECH', 'Liège', 'bvba', 'it.test']) {
        expect(await names({ search: term })).toEqual(demo(matches(term)));
      }
      expect(await names({ search: 'cloud' })).toContain('Relecloud Services');
      expect(await names({ search: '%' })).toEqual([]);
      expect(await names({ search: '_' })).toEqual([]);
    });

    it('filters by country, program, tier, channel manager and status', async () => {
      expect(await names({ country: 'be' })).toEqual(demo((p) => p.country === 'BE'));
      expect(await names({ country: 'NL' })).toEqual(demo((p) => p.country === 'NL'));

      const programs = await programsByName(t, analyst);
      const reseller = programs.get(DEMO_PROGRAMS[1].name);
      const msp = programs.get(DEMO_PROGRAMS[0].name);
      if (!reseller || !msp) throw new Error('demo programs missing');
      expect(await names({ programId: reseller.id })).toEqual(demo((p) => p.program === 1));
      const mspGold = msp.tiers.find((tier) => tier.name === DEMO_TIERS[2].name);
      expect(await names({ tierId: mspGold?.id })).toEqual(demo((p) => p.program === 0 && p.tier === 2));
      expect(await names({ programId: msp.id, country: 'NL' })).toEqual(demo((p) => p.program === 0 && p.country === 'NL'));
      // A tier of another program matches no one in this program.
      expect(await names({ programId: msp.id, tierId: reseller.tiers[0].id })).toEqual([]);

      expect(await names({ channelManagerId: managerIds[1] })).toEqual(demo((p) => p.manager === 1));
      expect(await names({ channelManagerId: managerIds[0], country: 'BE' })).toEqual([]);

      const suspended = await createPartner(t, admin, { country: 'DE' });
      await gqlOk(t, UPDATE, { id: suspended.id, input: { status: 'SUSPENDED' } }, { token: admin });
      const suspendedNames = await names({ status: 'SUSPENDED' });
      expect(suspendedNames).toContain(suspended.name);
      expect(suspendedNames.filter((n) => DEMO_NAMES.has(n))).toEqual([]);
      const active = await names({ status: 'ACTIVE' });
      expect(active).not.toContain(suspended.name);
      expect(active.filter((n) => DEMO_NAMES.has(n))).toEqual(demo(() => true));
    });
  });

  describe('editing', () => {
    it('creates a partner and normalises its website to a domain', async () => {
      const res = await t.gql<{ createPartner: Record<string, unknown> }>(CREATE, { input: { name: '  Example Partner ', country: 'de', website: 'https://WWW.Example.com/path' } }, { token: admin });
      expect(res.errors).toBeUndefined();
      expect(res.data?.createPartner).toMatchObject({ name: 'Example Partner', kind: 'PARTNER', country: 'DE', domain: 'example.com', currency: 'EUR', status: 'ACTIVE' });
      const updated = await gqlOk<{ updatePartner: { id: string } }>(t, `mutation($id: ID!) { updatePartner(id: $id, input: { website: "http://shop.Example.org:8080/x?y" }) { id } }`, { id: res.data?.createPartner['id'] }, { token: admin });
      const read = await gqlOk<{ organisation: { domain: string } }>(t, `query($id: ID!) { organisation(id: $id) { domain } }`, { id: updated.updatePartner.id }, { token: admin });
      expect(read.organisation.domain).toBe('shop.example.org');
    });

    it('suspends a partner: its users can no longer sign in or use their tokens, until reactivated', async () => {
      const partner = await createPartner(t, admin, { country: 'DE' });
      const user = await createUser(t, admin, { role: 'PARTNER_ADMIN', organisationId: partner.id });
      const suspended = await gqlOk<{ updatePartner: { status: string } }>(t, UPDATE, { id: partner.id, input: { status: 'SUSPENDED' } }, { token: admin });
      expect(suspended.updatePartner.status).toBe('SUSPENDED');
      expect(codeOf(await t.gql(`{ me { id } }`, {}, { token: user.token }))).toBe('UNAUTHENTICATED');
      await expect(t.login(user.email, NEW_PASSWORD)).rejects.toThrow(/UNAUTHENTICATED/);
      await gqlOk(t, UPDATE, { id: partner.id, input: { status: 'ACTIVE' } }, { token: admin });
      const token = await t.login(user.email, NEW_PASSWORD);
      expect((await t.gql(`{ me { id } }`, {}, { token })).errors).toBeUndefined();
    });

    it('lets a partner admin update their own profile, and nothing else', async () => {
      const partner = await createPartner(t, admin, { country: 'DE' });
      const partnerAdmin = await createUser(t, admin, { role: 'PARTNER_ADMIN', organisationId: partner.id });
      const rep = await createUser(t, partnerAdmin.token, { role: 'PARTNER_REP' });
      const OWN = `mutation($input: UpdateOrganisationProfileInput!) { updateMyOrganisation(input: $input) { id name city website domain vatNumber preferredLanguage status } }`;
      const res = await gqlOk<{ updateMyOrganisation: Record<string, unknown> }>(
        t,
        OWN,
        { input: { city: ' Berlin ', website: 'https://www.Own-Profile.test/about', vatNumber: 'de123456789', preferredLanguage: 'nl' } },
        { token: partnerAdmin.token },
      );
      expect(res.updateMyOrganisation).toEqual({
        id: partner.id,
        name: partner.name,
        city: 'Berlin',
        website: 'https://www.Own-Profile.test/about',
        domain: 'own-profile.test',
        vatNumber: 'DE123456789',
        preferredLanguage: 'nl',
        status: 'ACTIVE',
      });
      const [entry] = await auditEntries(t, admin, { entityType: 'Organisation', entityId: partner.id, operation: 'updateMyOrganisation' });
      expect(entry.changes.map((c) => c.field).sort()).toEqual(['city', 'domain', 'preferredLanguage', 'vatNumber', 'website']);
      expect(codeOf(await t.gql(OWN, { input: { city: 'Hamburg' } }, { token: rep.token }))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(OWN, { input: { city: 'Hamburg' } }, { token: admin }))).toBe('FORBIDDEN');
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(await t.gql(OWN, { input: { status: 'SUSPENDED' } }, { token: partnerAdmin.token })));
    });

    it('assigns only an active vendor channel manager or admin', async () => {
      const partner = await createPartner(t, admin, { country: 'DE' });
      const partnerAdmin = await createUser(t, admin, { role: 'PARTNER_ADMIN', organisationId: partner.id });
      const analystId = (await gqlOk<{ me: { id: string } }>(t, `{ me { id } }`, {}, { token: analyst })).me.id;
      const gone = await createUser(t, admin, { role: 'CHANNEL_MANAGER' });
      await gqlOk(t, `mutation($id: ID!) { deactivateUser(id: $id) { status } }`, { id: gone.id }, { token: admin });
      for (const id of [partnerAdmin.id, analystId, gone.id, '00000000-0000-4000-8000-000000000000']) {
        const res = await t.gql(UPDATE, { id: partner.id, input: { channelManagerId: id } }, { token: admin });
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors?.[0].extensions?.fields).toHaveProperty('channelManagerId');
      }
      expect(codeOf(await t.gql(CREATE, { input: { name: 'With bad manager', country: 'DE', channelManagerId: partnerAdmin.id } }, { token: admin }))).toBe('BAD_USER_INPUT');

      const ok = await gqlOk<{ updatePartner: { channelManagerId: string; channelManager: { name: string } } }>(t, UPDATE, { id: partner.id, input: { channelManagerId: managerIds[1] } }, { token: admin });
      expect(ok.updatePartner).toEqual(expect.objectContaining({ channelManagerId: managerIds[1], channelManager: { name: 'Sofie Peeters' } }));
    });
  });

  describe('CSV export', () => {
    const exportCsv = (query = '', token?: string) => {
      const req = request(t.app.getHttpServer()).get(`/api/exports/partners.csv${query}`);
      return token ? req.set('Authorization', `Bearer ${token}`) : req;
    };

    it('exports the filtered directory as CSV for vendor users', async () => {
      const res = await exportCsv('', analyst);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/attachment; filename="partners-\d{4}-\d{2}-\d{2}\.csv"/);
      const rows = parseCsv(res.text);
      expect(rows[0]).toEqual(['id', 'name', 'legalName', 'country', 'city', 'website', 'domain', 'vatNumber', 'segment', 'preferredLanguage', 'currency', 'status', 'channelManagerId', 'createdAt']);
      const listed = await all();
      expect(rows.slice(1).map((r) => r[0])).toEqual(listed.map((n) => n.id));
      const northwind = rows.find((r) => r[1] === 'Northwind IT');
      expect(northwind?.slice(2, 7)).toEqual(['Northwind IT B.V.', 'NL', 'Utrecht', 'https://www.northwind.test', 'northwind.test']);

      const be = parseCsv((await exportCsv('?country=BE', analyst)).text);
      expect(be.slice(1).map((r) => r[1])).toEqual(demo((p) => p.country === 'BE'));
      const searched = parseCsv((await exportCsv(`?search=cloud&country=NL`, admin)).text);
      expect(searched.slice(1).map((r) => r[1])).toEqual(demo((p) => p.country === 'NL' && [p.name, p.legalName, p.city, p.domain].some((v) => v.toLowerCase().includes('cloud'))));
    });

    it('refuses partner users (403) and anonymous callers (401)', async () => {
      const partnerToken = await t.login('admin@northwind.test');
      const forbidden = await exportCsv('', partnerToken);
      expect(forbidden.status).toBe(403);
      expect(forbidden.text).not.toContain('Northwind IT B.V.');
      const anonymous = await exportCsv();
      expect(anonymous.status).toBe(401);
      expect(anonymous.text).not.toContain('Contoso');
    });

    it('guards against spreadsheet formula injection', async () => {
      const evil = await createPartner(t, admin, { name: '=HYPERLINK("http://evil.test","x")', legalName: '+cmd|calc', city: '@SUM(1)', country: 'DE' });
      const plain = await createPartner(t, admin, { name: 'Plain-Name Partner', city: 'Köln', country: 'DE' });
      const rows = parseCsv((await exportCsv('?country=DE', admin)).text);
      const row = rows.find((r) => r[0] === evil.id);
      expect(row?.[1]).toBe(`'=HYPERLINK("http://evil.test","x")`);
      expect(row?.[2]).toBe(`'+cmd|calc`);
      expect(row?.[4]).toBe(`'@SUM(1)`);
      // Ordinary values are left alone.
      expect(rows.find((r) => r[0] === plain.id)?.slice(1, 5)).toEqual(['Plain-Name Partner', '', 'DE', 'Köln']);
    });
  });
});
