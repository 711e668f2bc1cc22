import { dealInput, gqlOk, isoDate, partnerIds } from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const HOUR = 3_600_000;
const METRICS = `query($input: DealMetricsInput!) { dealMetrics(input: $input) {
  key label registrations pending approved rejected won lost expired approvalRate medianHoursToDecision winRate averageWonValue pipelineValue
  leadsAssigned leadsAccepted leadAcceptanceRate medianLeadResponseHours } }`;

type Row = Record<string, unknown>;

describe('deal metrics', () => {
  let t: TestApp;
  let northwind: string;
  let contoso: string;
  let manager: string;
  let productId: string;
  let start: Date;
  const ids = new Map<string, string>();

  const register = async (token: string, label: string, mrr: string) => {
    const res = await gqlOk<{ createDealRegistration: { id: string } }>(
      t,
      `mutation($input: CreateDealRegistrationInput!) { createDealRegistration(input: $input) { id } }`,
      { input: dealInput(productId, t.clock.now(), { estimatedMrr: mrr, submit: true }) },
      { token },
    );
    ids.set(label, res.createDealRegistration.id);
  };
  const act = (mutation: string, label: string, extra: Record<string, unknown> = {}) =>
    gqlOk(t, `mutation($id: ID!, $reason: String!) { ${mutation}(id: $id, reason: $reason) { id } }`, { id: ids.get(label), reason: 'r', ...extra }, { token: manager });
  const approve = (label: string) => gqlOk(t, `mutation($id: ID!) { approveDealRegistration(id: $id) { id } }`, { id: ids.get(label) }, { token: manager });
  const metrics = async (token: string, input: Record<string, unknown>) =>
    (await gqlOk<{ dealMetrics: Row[] }>(t, METRICS, { input: { from: isoDate(start, -1), to: isoDate(start, 2), ...input } }, { token })).dealMetrics;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    start = t.clock.now();
    [northwind, contoso, manager] = await Promise.all(['rep@northwind.test', 'rep@contoso.test', 'manager@vendor.test'].map((e) => t.login(e)));
    productId = (await gqlOk<{ products: { id: string }[] }>(t, `{ products { id } }`, {}, { token: manager })).products[0].id;
    // Northwind: 4 registrations. Contoso: 2.
    await register(northwind, 'n1', '100.00');
    await register(northwind, 'n2', '200.00');
    await register(northwind, 'n3', '300.00');
    await register(northwind, 'n4', '400.00');
    await register(contoso, 'c1', '1000.00');
    await register(contoso, 'c2', '10.00');
    t.clock.advance(2 * HOUR);
    await approve('n1'); // decided after 2 h
    await approve('n2');
    t.clock.advance(4 * HOUR);
    await act('rejectDealRegistration', 'n3'); // after 6 h
    await approve('c1'); // after 6 h
    // n1 won with actual values; n2 lost; n4 and c2 still pending.
    await gqlOk(t, `mutation($id: ID!, $input: MarkDealWonInput!) { markDealWon(id: $id, input: $input) { id } }`, {
      id: ids.get('n1'),
      input: { actualMrr: '150.00', actualOneTime: '1000.01', closeDate: isoDate(t.clock.now()) },
    }, { token: northwind });
    await act('markDealLost', 'n2');
  });
  afterAll(() => t.close());

  it('computes counts, rates, medians and values per partner', async () => {
    const rows = await metrics(manager, { groupBy: 'PARTNER' });
    const partners = await partnerIds(t, manager);
    const byName = new Map(rows.map((r) => [r.label, r]));
    expect(byName.get('Northwind IT')).toMatchObject({
      key: partners.get('Northwind IT'),
      registrations: 4,
      pending: 1,
      approved: 2,
      rejected: 1,
      won: 1,
      lost: 1,
      expired: 0,
      approvalRate: '66.67',
      // decisions after 2, 2 and 6 hours: the median is 2.
      medianHoursToDecision: '2.0',
      winRate: '50.00',
      // 150.00 × 12 + 1000.01
      averageWonValue: '2800.01',
      // only n4 is still pending: 400.00 × 12
      pipelineValue: '4800.00',
    });
    expect(byName.get('Contoso Managed Services')).toMatchObject({
      registrations: 2,
      pending: 1,
      approved: 1,
      approvalRate: '100.00',
      medianHoursToDecision: '6.0',
      winRate: null,
      averageWonValue: null,
      // c1 approved (1000 × 12) + c2 pending (10 × 12)
      pipelineValue: '12120.00',
    });
  });

  it('totals everything without grouping, and counts only the period and the currency', async () => {
    const [all] = await metrics(manager, {});
    expect(all).toMatchObject({ key: null, registrations: 6, approved: 3, rejected: 1, approvalRate: '75.00' });
    expect(await metrics(manager, { from: isoDate(start, 5), to: isoDate(start, 6) })).toEqual([]);
    expect(await metrics(manager, { currency: 'USD' })).toEqual([]);
  });

  it('gives partners their own figures only', async () => {
    const rows = await metrics(contoso, { groupBy: 'PARTNER' });
    expect(rows.map((r) => r.label)).toEqual(['Contoso Managed Services']);
    const partners = await partnerIds(t, manager);
    const forced = await metrics(contoso, { groupBy: 'PARTNER', organisationId: partners.get('Northwind IT') });
    expect(forced.map((r) => r.label)).toEqual(['Contoso Managed Services']);
  });

  it('groups by program and tier with readable labels', async () => {
    const byProgram = await metrics(manager, { groupBy: 'PROGRAM' });
    expect(byProgram.reduce((sum, r) => sum + (r.registrations as number), 0)).toBe(6);
    expect(byProgram.every((r) => typeof r.label === 'string' && r.label !== r.key)).toBe(true);
    const byTier = await metrics(manager, { groupBy: 'TIER' });
    expect(byTier.map((r) => r.label)).toEqual(expect.arrayContaining([expect.stringMatching(/ · (Silver|Gold)$/)]));
  });

  it('refuses an empty or over-long period', async () => {
    const res = await t.gql(METRICS, { input: { from: isoDate(start), to: isoDate(start) } }, { token: manager });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const long = await t.gql(METRICS, { input: { from: '2020-01-01', to: '2026-01-01' } }, { token: manager });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
  });
});
