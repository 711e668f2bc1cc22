import { LeadsService } from '@prm/server/deals';
import { createPartner, createUser, gqlOk, programsByName } from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const HOUR = 3_600_000;
const LEAD_FIELDS = `id number status companyName domain country respondBy registrationId assignedOrganisationId
  assignments { organisationId method outcome declineReason responseSeconds }`;
const CREATE = `mutation($input: CreateLeadInput!) { createLead(input: $input) { ${LEAD_FIELDS} } }`;
const ASSIGN = `mutation($id: ID!, $org: ID) { assignLead(id: $id, organisationId: $org) { ${LEAD_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptLead(id: $id) { ${LEAD_FIELDS} } }`;
const DECLINE = `mutation($id: ID!, $reason: String!) { declineLead(id: $id, reason: $reason) }`;
const LEAD = `query($id: ID!) { lead(id: $id) { ${LEAD_FIELDS} } }`;
const LEADS = `query($filter: LeadFilter) { leads(first: 50, filter: $filter) { edges { node { id status companyName } } } }`;

interface Lead {
  id: string;
  number: number;
  status: string;
  companyName: string;
  domain: string | null;
  respondBy: string | null;
  registrationId: string | null;
  assignedOrganisationId: string | null;
  assignments: { organisationId: string; method: string; outcome: string | null; declineReason: string | null; responseSeconds: number | null }[];
}
interface Partner {
  id: string;
  rep: string;
  admin: string;
}

// Partners in Luxembourg only, so the routing rule chooses among these and not the demo partners.
describe('leads passed to partners', () => {
  let t: TestApp;
  let manager: string;
  let admin: string;
  let silver: Partner;
  let gold: Partner;
  let productId: string;
  let mspId: string;

  const partnerIn = async (name: string, tier: string): Promise<Partner> => {
    const org = await createPartner(t, admin, { name, country: 'LU' });
    const msp = (await programsByName(t, admin)).get('Managed Service Provider')!;
    await gqlOk(t, `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id } }`, {
      input: { organisationId: org.id, programId: msp.id, tierId: msp.tiers.find((x) => x.name === tier)!.id },
    }, { token: admin });
    const partnerAdmin = await createUser(t, admin, { role: 'PARTNER_ADMIN', organisationId: org.id });
    const rep = await createUser(t, partnerAdmin.token, { role: 'PARTNER_REP' });
    return { id: org.id, rep: rep.token, admin: partnerAdmin.token };
  };
  const newLead = async (extra: Record<string, unknown> = {}) =>
    (await gqlOk<{ createLead: Lead }>(t, CREATE, {
      input: { companyName: 'Kirchberg Logistics S.A.', website: 'https://www.kirchberg-logistics.lu/', country: 'LU', programId: mspId, productIds: [productId], estimatedMrr: '800.00', ...extra },
    }, { token: manager })).createLead;
  const leadAs = (token: string, id: string) => t.gql<{ lead: Lead }>(LEAD, { id }, { token });

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    [manager, admin] = await Promise.all([t.login('manager@vendor.test'), t.login('admin@vendor.test')]);
    mspId = (await programsByName(t, admin)).get('Managed Service Provider')!.id;
    silver = await partnerIn('Moselle IT', 'Silver');
    gold = await partnerIn('Ardennes Cloud', 'Gold');
    productId = (await gqlOk<{ products: { id: string }[] }>(t, `{ products { id } }`, {}, { token: manager })).products[0].id;
  });
  afterAll(() => t.close());

  it('routes by country, program and tier; a decline returns it to the pool and the next partner gets it', async () => {
    const lead = await newLead();
    expect(lead.status).toBe('OPEN');
    const first = (await gqlOk<{ assignLead: Lead }>(t, ASSIGN, { id: lead.id }, { token: manager })).assignLead;
    expect(first).toMatchObject({ status: 'ASSIGNED', assignedOrganisationId: gold.id });
    expect(new Date(first.respondBy!).getTime() - t.clock.now().getTime()).toBe(48 * HOUR);
    // The other partner cannot see it.
    expect(codeOf(await leadAs(silver.rep, lead.id))).toBe('NOT_FOUND');

    t.clock.advance(2 * HOUR);
    const declined = await t.gql<{ declineLead: boolean }>(DECLINE, { id: lead.id, reason: 'No capacity this quarter' }, { token: gold.rep });
    expect(declined.data?.declineLead).toBe(true);
    expect(codeOf(await leadAs(gold.rep, lead.id))).toBe('NOT_FOUND');
    const back = (await leadAs(manager, lead.id)).data!.lead;
    expect(back.status).toBe('OPEN');
    expect(back.assignments).toEqual([{ organisationId: gold.id, method: 'RULE', outcome: 'DECLINED', declineReason: 'No capacity this quarter', responseSeconds: 7200 }]);

    const second = (await gqlOk<{ assignLead: Lead }>(t, ASSIGN, { id: lead.id }, { token: manager })).assignLead;
    expect(second.assignedOrganisationId).toBe(silver.id);
  });

  it('reminds before the deadline, then lapses an unanswered lead back to the pool', async () => {
    const lead = await newLead({ companyName: 'Esch Data SARL', website: 'eschdata.lu', assignTo: silver.id });
    expect(lead.assignedOrganisationId).toBe(silver.id);
    const leads = t.app.get(LeadsService);
    t.clock.advance(30 * HOUR);
    expect((await leads.runSchedule()).reminded).toBe(0);
    t.clock.advance(7 * HOUR); // 11 h before the deadline
    // Two overlapping runs (two workers) still remind once.
    const [a, b] = await Promise.all([leads.runSchedule(), leads.runSchedule()]);
    expect(a.reminded + b.reminded).toBeGreaterThanOrEqual(1);
    const sent = await t.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE type = 'LEAD_RESPONSE_DUE' AND entity_id = $1`, [lead.id]);
    // One per active user of the partner (its admin and its rep).
    expect(sent[0].n).toBe(2);
    const unread = await gqlOk<{ notifications: { edges: { node: { type: string; entityId: string } }[] } }>(
      t, `{ notifications(first: 20) { edges { node { type entityId } } } }`, {}, { token: silver.rep });
    expect(unread.notifications.edges.map((e) => e.node)).toContainEqual({ type: 'LEAD_RESPONSE_DUE', entityId: lead.id });
    expect((await leads.runSchedule()).reminded).toBe(0);

    t.clock.advance(12 * HOUR);
    expect(codeOf(await t.gql(ACCEPT, { id: lead.id }, { token: silver.rep }))).toBe('CONFLICT');
    await leads.runSchedule();
    const lapsed = (await leadAs(manager, lead.id)).data!.lead;
    expect(lapsed.status).toBe('OPEN');
    expect(lapsed.assignments.map((a) => [a.outcome, a.responseSeconds])).toEqual([['LAPSED', null]]);
  });

  it('turns an accepted lead into a prefilled draft registration of the partner', async () => {
    const lead = await newLead({ companyName: 'Bertrange Foods S.A.', website: 'bertrange-foods.lu', assignTo: gold.id });
    const accepted = (await gqlOk<{ acceptLead: Lead }>(t, ACCEPT, { id: lead.id }, { token: gold.rep })).acceptLead;
    expect(accepted.status).toBe('ACCEPTED');
    const reg = await gqlOk<{ dealRegistration: Record<string, unknown> }>(
      t,
      `query($id: ID!) { dealRegistration(id: $id) { status organisationId customerName customerDomain customerCountry fromVendorLead estimatedMrr products { productId } } }`,
      { id: accepted.registrationId },
      { token: gold.rep },
    );
    expect(reg.dealRegistration).toEqual({
      status: 'DRAFT',
      organisationId: gold.id,
      customerName: 'Bertrange Foods S.A.',
      customerDomain: 'bertrange-foods.lu',
      customerCountry: 'LU',
      fromVendorLead: true,
      estimatedMrr: '800.00',
      products: [{ productId }],
    });
    // Accepting twice, or declining after accepting, changes nothing.
    expect(codeOf(await t.gql(ACCEPT, { id: lead.id }, { token: gold.rep }))).toBe('CONFLICT');
    expect(codeOf(await t.gql(DECLINE, { id: lead.id, reason: 'x' }, { token: gold.rep }))).toBe('CONFLICT');
    const mine = await gqlOk<{ leads: { edges: { node: { id: string } }[] } }>(t, LEADS, {}, { token: gold.admin });
    expect(mine.leads.edges.map((e) => e.node.id)).toContain(lead.id);
    const theirs = await gqlOk<{ leads: { edges: { node: { id: string } }[] } }>(t, LEADS, {}, { token: silver.admin });
    expect(theirs.leads.edges.map((e) => e.node.id)).not.toContain(lead.id);
  });

  it('refuses assignment when no partner matches, and to suspended or unknown partners', async () => {
    const lead = await newLead({ companyName: 'Nowhere GmbH', website: 'nowhere.de', country: 'DE' });
    expect(codeOf(await t.gql(ASSIGN, { id: lead.id }, { token: manager }))).toBe('CONFLICT');
    const res = await t.gql(ASSIGN, { id: lead.id, org: '00000000-0000-4000-8000-000000000000' }, { token: manager });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((await leadAs(manager, lead.id)).data!.lead.status).toBe('OPEN');
  });

  it('imports leads from CSV: all or nothing, with a row-level report', async () => {
    const csv = 'company_name,country,website,contact_email\nRemich Wines,LU,remich-wines.lu,info@remich-wines.lu\nBad Row,Luxembourg,not a site,nope\n';
    const IMPORT = `mutation($input: ImportLeadsInput!) { importLeads(input: $input) { rows imported rejected applied errors { row column message } } }`;
    const dry = (await gqlOk<{ importLeads: Record<string, unknown> }>(t, IMPORT, { input: { csv } }, { token: manager })).importLeads;
    expect(dry).toMatchObject({ rows: 2, imported: 0, rejected: 1, applied: false });
    expect((dry.errors as { row: number; column: string }[]).map((e) => [e.row, e.column])).toEqual([[3, 'country'], [3, 'website'], [3, 'contact_email']]);
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`);
    expect(before[0].n).toBeGreaterThan(0);
    const applied = (await gqlOk<{ importLeads: Record<string, unknown> }>(t, IMPORT, { input: { csv, importValidRows: true } }, { token: manager })).importLeads;
    expect(applied).toMatchObject({ imported: 1, applied: true });
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM leads`);
    expect(after[0].n).toBe(before[0].n + 1);
  });
  it('feeds lead acceptance and response times into the deal metrics', async () => {
    const res = await gqlOk<{ dealMetrics: Record<string, unknown>[] }>(
      t,
      `query($input: DealMetricsInput!) { dealMetrics(input: $input) { key leadsAssigned leadsAccepted leadAcceptanceRate medianLeadResponseHours } }`,
      { input: { from: '2000-01-01', to: '2002-01-01', groupBy: 'PARTNER' } },
      { token: manager },
    );
    expect(res.dealMetrics).toEqual([]);
    const day = (offset: number) => new Date(t.clock.now().getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const rows = (
      await gqlOk<{ dealMetrics: Record<string, unknown>[] }>(
        t,
        `query($input: DealMetricsInput!) { dealMetrics(input: $input) { key leadsAssigned leadsAccepted leadAcceptanceRate medianLeadResponseHours } }`,
        { input: { from: day(-10), to: day(1), groupBy: 'PARTNER' } },
        { token: manager },
      )
    ).dealMetrics;
    // Gold: declined after 2 h, accepted at once → 1 of 2 accepted; median of [0 s, 7200 s] (lower middle) = 0.
    expect(rows.find((r) => r.key === gold.id)).toEqual({ key: gold.id, leadsAssigned: 2, leadsAccepted: 1, leadAcceptanceRate: '50.00', medianLeadResponseHours: '0.0' });
    // Silver: one still waiting, one lapsed → 0 of 1 answered-or-lapsed accepted; no answers, no median.
    expect(rows.find((r) => r.key === silver.id)).toEqual({ key: silver.id, leadsAssigned: 2, leadsAccepted: 0, leadAcceptanceRate: '0.00', medianLeadResponseHours: null });
  });
  it('imports a large file (5,000 rows, about 300 kB) in one request', async () => {
    const lines = ['company_name,country,website'];
    for (let i = 0; i < 5000; i++) lines.push(`Bulk Lead ${i} S.A.,LU,bulk-lead-${i}.lu`);
    const csv = `${lines.join('\n')}\n`;
    expect(csv.length).toBeGreaterThan(200_000);
    const res = await t.gql<{ importLeads: { imported: number; applied: boolean } }>(
      `mutation($input: ImportLeadsInput!) { importLeads(input: $input) { imported applied } }`,
      { input: { csv } },
      { token: manager },
    );
    expect(res.status).toBe(200);
    expect(res.data?.importLeads).toEqual({ imported: 5000, applied: true });
  });
});
