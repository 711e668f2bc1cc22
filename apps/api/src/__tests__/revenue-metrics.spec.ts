import { seededRandom } from '@prm/domain/common';
import type { Percent } from '@prm/domain/money';
import {
  addDays,
  addMonths,
  customerMonths,
  customerMovements,
  daysBetween,
  endOfMonth,
  type IsoDate,
  laterOf,
  type LedgerEvent,
  monthOf,
  type MovementTotals,
  type PartnerOfRecord,
  ratioPercent,
  type SubscriptionTerms,
} from '@prm/domain/revenue';
import { RevenueRollupService } from '@prm/server/revenue';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { gqlOk, partnerIds, programsByName } from '../testing/factories';
import { type GqlError, startTestApp, type TestApp } from '../testing/test-app';

// The revenue figures on real PostgreSQL: every expected value is worked out by hand from the events
// a test records, except the random-ledger test, which checks the rollups against an independent
// recomputation with the pure domain functions (customerMovements, customerMonths).

// ---- harness ----------------------------------------------------------------------------------------

interface Harness {
  t: TestApp;
  admin: string;
  manager: string;
  org: (name: string) => string;
  rollups: RevenueRollupService;
}

const setToday = (h: Harness, today: IsoDate): void => h.t.clock.set(new Date(`${today}T10:00:00Z`));

let shared: Promise<Harness> | null = null;

/**
 * The app on its own database with the demo partners, programs, products and staff (booted once for
 * the file), and an empty revenue ledger: each call removes every revenue row (the demo ledger
 * included), so every figure below comes from the calling block's own events. Access tokens are checked
 * against the real time, so they are minted at the real time; then the clock moves to `today`.
 */
async function boot(today: IsoDate): Promise<Harness> {
  shared ??= (async () => {
    const t = await startTestApp({ now: new Date() });
    await t.seedDemo();
    const [admin, manager] = await Promise.all([t.login('admin@vendor.test'), t.login('manager@vendor.test')]);
    const ids = await partnerIds(t, admin);
    const org = (name: string): string => {
      const id = ids.get(name);
      if (!id) throw new Error(`no demo partner named ${name}`);
      return id;
    };
    return { t, admin, manager, org, rollups: t.app.get(RevenueRollupService) };
  })();
  const h = await shared;
  await h.t.dataSource.query(`TRUNCATE revenue_customers, revenue_movements, revenue_customer_months, revenue_partner_months, revenue_exchange_rates, revenue_rollup_state CASCADE`);
  setToday(h, today);
  return h;
}

afterAll(async () => {
  if (shared) await (await shared).t.close();
});

const NORTHWIND = 'Northwind IT';
const CONTOSO = 'Contoso Managed Services';
const TAILSPIN = 'Tailspin Cloud';
const FABRIKAM = 'Fabrikam Solutions';
const WINGTIP = 'Wingtip Systems';
const LUCERNE = 'Lucerne Data';
const MARGIE = 'Margie Digital';
const PROSEWARE = 'Proseware Networks';

// ---- operations -------------------------------------------------------------------------------------

const EVENT_FIELDS = 'id subscriptionId kind effectiveDate recordedOn status mrr currency termEndsOn paidThrough cancelledOn discountEndsOn earlyRenewal';
const RECORD_EVENT = `mutation($input: SubscriptionEventInput!) { recordSubscriptionEvent(input: $input) { duplicate event { ${EVENT_FIELDS} } } }`;
const CREATE_CUSTOMER = `mutation($input: CreateRevenueCustomerInput!) { createRevenueCustomer(input: $input) { id } }`;
const TRANSFER = `mutation($input: TransferRevenueCustomerInput!) {
  transferRevenueCustomer(input: $input) { id organisationId partnerHistory { id organisationId effectiveFrom } } }`;
const SET_RATE = `mutation($input: ExchangeRateInput!) { setExchangeRate(input: $input) { currency validFrom rate } }`;
const SUMMARY = `query($org: ID, $month: String) { revenueSummary(organisationId: $org, month: $month) {
  organisationId month currency mrr arr customers nrr grr cohortStartMrr logoChurnRate grossMrrChurn netMrrChurn arpa ltv ltvNote
  trend { month mrr arr customers }
  waterfall { opening new expansion contraction churn reactivation transferIn transferOut fx closing } } }`;
const LEADERBOARD = `query($sort: RevenueLeaderboardSort!, $descending: Boolean!, $first: Int, $after: String, $filter: RevenueLeaderboardFilter, $month: String) {
  revenueLeaderboard(sort: $sort, descending: $descending, first: $first, after: $after, filter: $filter, month: $month) {
    month currency totalCount hasNextPage endCursor rows { organisationId name country mrr arr mrrGrowth nrr grr logoChurnRate customers } } }`;
const ROLLUP = `query($groupBy: RevenueGroupBy!, $month: String) { revenueRollup(groupBy: $groupBy, month: $month) {
  key label partners mrr arr customers nrr grr logoChurnRate } }`;
const COHORTS = `{ revenueCohorts { quarter partners startMrr quarters { offset mrr retention } } }`;
const MOVEMENTS = `query($filter: RevenueMovementFilter, $after: String) { revenueMovements(filter: $filter, first: 100, after: $after) {
  edges { node { id customerId customerName subscriptionId organisationId date kind currency amount cause sourceId } }
  pageInfo { hasNextPage endCursor } } }`;
const RENEWALS = `query($org: ID) { upcomingRenewals(organisationId: $org) { subscriptionId customerId customerName organisationId termEndsOn daysLeft mrr currency } }`;

type EventInput = Record<string, string | number | boolean | null | undefined>;

interface RecordedEvent {
  id: string;
  subscriptionId: string;
  kind: string;
  effectiveDate: string;
  recordedOn: string;
  status: string;
  mrr: string;
  currency: string;
  termEndsOn: string | null;
  paidThrough: string | null;
  cancelledOn: string | null;
  discountEndsOn: string | null;
  earlyRenewal: boolean;
}

interface Waterfall {
  opening: string;
  new: string;
  expansion: string;
  contraction: string;
  churn: string;
  reactivation: string;
  transferIn: string;
  transferOut: string;
  fx: string;
  closing: string;
}

interface Summary {
  organisationId: string | null;
  month: string;
  currency: string;
  mrr: string;
  arr: string;
  customers: number;
  nrr: string | null;
  grr: string | null;
  cohortStartMrr: string;
  logoChurnRate: string | null;
  grossMrrChurn: string | null;
  netMrrChurn: string | null;
  arpa: string | null;
  ltv: string | null;
  ltvNote: string | null;
  trend: { month: string; mrr: string; arr: string; customers: number }[];
  waterfall: Waterfall;
}

interface LeaderboardRow {
  organisationId: string;
  name: string;
  country: string;
  mrr: string;
  arr: string;
  mrrGrowth: string | null;
  nrr: string | null;
  grr: string | null;
  logoChurnRate: string | null;
  customers: number;
}

interface Leaderboard {
  month: string;
  currency: string;
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  rows: LeaderboardRow[];
}

interface MovementNode {
  id: string;
  customerId: string;
  customerName: string;
  subscriptionId: string;
  organisationId: string;
  date: string;
  kind: string;
  currency: string;
  amount: string;
  cause: string;
  sourceId: string | null;
}

const ZERO_WATERFALL: Waterfall = {
  opening: '0.00',
  new: '0.00',
  expansion: '0.00',
  contraction: '0.00',
  churn: '0.00',
  reactivation: '0.00',
  transferIn: '0.00',
  transferOut: '0.00',
  fx: '0.00',
  closing: '0.00',
};
/** A waterfall whose lines not named are 0.00. */
const waterfall = (lines: Partial<Waterfall>): Waterfall => ({ ...ZERO_WATERFALL, ...lines });

async function record(h: Harness, input: EventInput): Promise<RecordedEvent> {
  const data = await gqlOk<{ recordSubscriptionEvent: { event: RecordedEvent } }>(h.t, RECORD_EVENT, { input }, { token: h.manager });
  return data.recordSubscriptionEvent.event;
}

/** A monthly EUR subscription unless `extra` says otherwise. */
const start = (h: Harness, customerId: string, productSku: string, effectiveDate: IsoDate, quantity: number, unitPrice: string, extra: EventInput = {}) =>
  record(h, { kind: 'START', customerId, productSku, effectiveDate, quantity, unitPrice, intervalMonths: 1, currency: 'EUR', ...extra });

async function refused(h: Harness, input: EventInput): Promise<GqlError> {
  const res = await h.t.gql(RECORD_EVENT, { input }, { token: h.manager });
  const error = res.errors?.[0];
  if (!error) throw new Error(`the event was accepted: ${JSON.stringify(res.data)}`);
  return error;
}

async function newCustomer(h: Harness, name: string, organisationId: string, since: IsoDate = '2024-01-01'): Promise<string> {
  const data = await gqlOk<{ createRevenueCustomer: { id: string } }>(h.t, CREATE_CUSTOMER, { input: { name, organisationId, since } }, { token: h.manager });
  return data.createRevenueCustomer.id;
}

async function transfer(h: Harness, customerId: string, organisationId: string, effectiveFrom: IsoDate): Promise<{ id: string; organisationId: string; effectiveFrom: string }[]> {
  const data = await gqlOk<{ transferRevenueCustomer: { partnerHistory: { id: string; organisationId: string; effectiveFrom: string }[] } }>(
    h.t,
    TRANSFER,
    { input: { customerId, organisationId, effectiveFrom } },
    { token: h.manager },
  );
  return data.transferRevenueCustomer.partnerHistory;
}

async function summary(h: Harness, org: string | null, month: IsoDate): Promise<Summary> {
  return (await gqlOk<{ revenueSummary: Summary }>(h.t, SUMMARY, { org, month }, { token: h.manager })).revenueSummary;
}

async function leaderboard(h: Harness, variables: { sort: string; descending: boolean; first?: number; after?: string | null; filter?: Record<string, string> }): Promise<Leaderboard> {
  return (await gqlOk<{ revenueLeaderboard: Leaderboard }>(h.t, LEADERBOARD, { first: 50, ...variables }, { token: h.manager })).revenueLeaderboard;
}

async function movements(h: Harness, filter: Record<string, string>): Promise<MovementNode[]> {
  const all: MovementNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { revenueMovements: { edges: { node: MovementNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gqlOk(
      h.t,
      MOVEMENTS,
      { filter, after },
      { token: h.manager },
    );
    all.push(...page.revenueMovements.edges.map((e) => e.node));
    if (!page.revenueMovements.pageInfo.hasNextPage) return all;
    after = page.revenueMovements.pageInfo.endCursor;
  }
}

/** Movements as "kind amount date", oldest first, for compact expectations. */
const brief = (list: readonly MovementNode[]): string[] =>
  [...list].sort((a, b) => (a.date === b.date ? Number(a.id) - Number(b.id) : a.date < b.date ? -1 : 1)).map((m) => `${m.kind} ${m.amount} ${m.date}`);

async function csv(h: Harness, path: string): Promise<Record<string, string>[]> {
  const res = await request(h.t.app.getHttpServer()).get(path).set('Authorization', `Bearer ${h.manager}`);
  expect(res.status).toBe(200);
  return parse(res.text, { columns: true }) as Record<string, string>[];
}

/** The derived tables, ids left out, in a stable order: what a rebuild must reproduce exactly. */
async function derivedTables(t: TestApp) {
  const [movementRows, customerMonthRows, partnerMonthRows] = await Promise.all([
    t.dataSource.query(
      `SELECT customer_id, subscription_id, organisation_id, date::text AS date, month::text AS month, kind, currency, amount_minor::text AS amount, cause, source_id
         FROM revenue_movements ORDER BY customer_id, subscription_id, date, kind, amount_minor, organisation_id, cause, source_id`,
    ),
    t.dataSource.query(`SELECT * FROM revenue_customer_months ORDER BY customer_id, month, organisation_id, currency`),
    t.dataSource.query(`SELECT * FROM revenue_partner_months ORDER BY organisation_id, month`),
  ]);
  return { movementRows, customerMonthRows, partnerMonthRows };
}

// ---- 4. churn timing ----------------------------------------------------------------------------------

describe('revenue: when MRR starts and stops', () => {
  let h: Harness;
  let northwind: string;
  let contoso: string;
  let fabrikam: string;
  let tailspin: string;
  let pausedCustomer: string;
  let movedCustomer: string;
  const events: Record<string, RecordedEvent> = {};

  beforeAll(async () => {
    h = await boot('2026-05-20');
    [northwind, contoso, fabrikam, tailspin] = [NORTHWIND, CONTOSO, FABRIKAM, TAILSPIN].map(h.org);

    // Northwind: 10 × 12.50 a month, cancelled on 14 March with March paid → MRR stops on 1 April.
    const monthly = await newCustomer(h, 'Monthly Cancelled', northwind);
    events.monthly = await start(h, monthly, 'ACME-BACKUP', '2026-01-01', 10, '12.50');
    events.monthlyCancel = await record(h, { kind: 'CANCEL', subscriptionId: events.monthly.subscriptionId, effectiveDate: '2026-03-14', paidThrough: '2026-03-31' });

    // Contoso: started on 3 February and cancelled on 20 February, nothing paid beyond.
    const sameMonth = await newCustomer(h, 'Same Month', contoso);
    events.brief = await start(h, sameMonth, 'ACME-SIEM', '2026-02-03', 1, '450.00');
    events.briefCancel = await record(h, { kind: 'CANCEL', subscriptionId: events.brief.subscriptionId, effectiveDate: '2026-02-20' });

    // Fabrikam: annual plans. 2 × 5400.00 a year at 10 % off until 15 April; 3 × 99.99 a year at 15 % off.
    const annual = await newCustomer(h, 'Annual Plan', fabrikam);
    events.annual = await start(h, annual, 'ACME-SIEM', '2026-01-15', 2, '5400.00', { intervalMonths: 12, discountPercent: '10', discountEndsOn: '2026-04-15' });
    const small = await newCustomer(h, 'Small Annual', fabrikam);
    events.small = await start(h, small, 'ACME-BACKUP', '2026-02-01', 3, '99.99', { intervalMonths: 12, discountPercent: '15' });

    // Tailspin: one customer paused and resumed; another pauses one of its two subscriptions.
    pausedCustomer = await newCustomer(h, 'Paused And Back', tailspin);
    events.paused = await start(h, pausedCustomer, 'ACME-BACKUP', '2026-01-01', 4, '12.50');
    events.pause = await record(h, { kind: 'PAUSE', subscriptionId: events.paused.subscriptionId, effectiveDate: '2026-02-10' });
    events.resume = await record(h, { kind: 'RESUME', subscriptionId: events.paused.subscriptionId, effectiveDate: '2026-03-05' });
    const twoSubscriptions = await newCustomer(h, 'Two Subscriptions', tailspin);
    await start(h, twoSubscriptions, 'ACME-BACKUP', '2026-01-01', 2, '12.50');
    events.second = await start(h, twoSubscriptions, 'ACME-MAILSEC', '2026-01-01', 10, '3.20');
    events.secondPause = await record(h, { kind: 'PAUSE', subscriptionId: events.second.subscriptionId, effectiveDate: '2026-02-10' });

    // Wingtip: 8 × 12.50 a month, moved to Lucerne on 10 March and cancelled on 20 March.
    movedCustomer = await newCustomer(h, 'Moved Then Lost', h.org(WINGTIP), '2026-01-01');
    const moved = await start(h, movedCustomer, 'ACME-BACKUP', '2026-01-01', 8, '12.50');
    await transfer(h, movedCustomer, h.org(LUCERNE), '2026-03-10');
    await record(h, { kind: 'CANCEL', subscriptionId: moved.subscriptionId, effectiveDate: '2026-03-20' });

    expect(await h.rollups.drain()).toBe(7);
  });

  it('counts a customer moved and lost in the same month as lost once, by the partner it left last', async () => {
    expect((await summary(h, h.org(WINGTIP), '2026-03-01')).waterfall).toEqual(waterfall({ opening: '100.00', transferOut: '-100.00' }));
    const lucerne = await summary(h, h.org(LUCERNE), '2026-03-01');
    expect(lucerne.waterfall).toEqual(waterfall({ transferIn: '100.00', churn: '-100.00' }));
    const march = await summary(h, null, '2026-03-01');
    // Opening 125.00 (Northwind) + 831.25 (Fabrikam) + 25.00 (Tailspin) + 100.00 (Wingtip); Tailspin's 50.00 comes back.
    expect(march.waterfall).toEqual(
      waterfall({ opening: '1081.25', reactivation: '50.00', churn: '-100.00', transferIn: '100.00', transferOut: '-100.00', closing: '1031.25' }),
    );
    expect(march).toMatchObject({ grossMrrChurn: '9.25', netMrrChurn: '4.62' });
    // Lost: the paused customer (February) and this one (March) over 5 + 5 customers at the start of February and March.
    expect(march.logoChurnRate).toBe('20.00');
  });

  it('recognises churn at the end of the paid period, not on the day of cancelling', async () => {
    expect(events.monthly.mrr).toBe('125.00');
    expect(events.monthlyCancel).toMatchObject({ effectiveDate: '2026-04-01', cancelledOn: '2026-03-14', status: 'CANCELLED', mrr: '0.00' });
    const march = await summary(h, northwind, '2026-03-31');
    expect(march).toMatchObject({ mrr: '125.00', customers: 1 });
    expect(march.waterfall).toEqual(waterfall({ opening: '125.00', closing: '125.00' }));
    const april = await summary(h, northwind, '2026-04-01');
    expect(april).toMatchObject({ mrr: '0.00', customers: 0, grossMrrChurn: '100.00', netMrrChurn: '100.00', arpa: null, ltv: null });
    expect(april.waterfall).toEqual(waterfall({ opening: '125.00', churn: '-125.00' }));
    // One customer lost over the customer-months at risk of February, March and April.
    expect(april.logoChurnRate).toBe('33.33');
    const churn = await movements(h, { organisationId: northwind, kind: 'CHURN' });
    expect(churn).toEqual([expect.objectContaining({ date: '2026-04-01', amount: '-125.00', cause: 'EVENT', sourceId: events.monthlyCancel.id })]);
  });

  it('counts a subscription started and cancelled in one month as new and churn of the same month', async () => {
    expect(events.briefCancel).toMatchObject({ effectiveDate: '2026-02-20', status: 'CANCELLED' });
    const february = await summary(h, contoso, '2026-02-01');
    expect(february).toMatchObject({ mrr: '0.00', customers: 0, grossMrrChurn: null, netMrrChurn: null });
    expect(february.waterfall).toEqual(waterfall({ new: '450.00', churn: '-450.00' }));
    // It was never a customer at the start of a month, so no customer is at risk: the rate is undefined.
    expect(february.logoChurnRate).toBeNull();
    expect(brief(await movements(h, { organisationId: contoso }))).toEqual(['NEW 450.00 2026-02-03', 'CHURN -450.00 2026-02-20']);
    expect((await summary(h, contoso, '2026-03-01')).waterfall).toEqual(ZERO_WATERFALL);
  });

  it('normalises annual plans to a month, after the discount and once it ends', async () => {
    // 2 × 5400.00 = 10800.00 a year, 10 % off → 9720.00 ÷ 12 = 810.00; from 15 April 10800.00 ÷ 12 = 900.00.
    expect(events.annual.mrr).toBe('810.00');
    // 3 × 99.99 = 299.97 a year, 15 % off → 254.9745 ÷ 12 = 21.247875 → 21.25.
    expect(events.small.mrr).toBe('21.25');
    expect((await summary(h, fabrikam, '2026-01-01')).waterfall).toEqual(waterfall({ new: '810.00', closing: '810.00' }));
    expect((await summary(h, fabrikam, '2026-02-01')).waterfall).toEqual(waterfall({ opening: '810.00', new: '21.25', closing: '831.25' }));
    const april = await summary(h, fabrikam, '2026-04-30');
    expect(april.waterfall).toEqual(waterfall({ opening: '831.25', expansion: '90.00', closing: '921.25' }));
    const ending = await movements(h, { organisationId: fabrikam, month: '2026-04-01' });
    expect(ending).toEqual([expect.objectContaining({ kind: 'EXPANSION', date: '2026-04-15', amount: '90.00', cause: 'DISCOUNT_END', sourceId: events.annual.id })]);
    // ARR = MRR × 12; ARPA = 921.25 ÷ 2 = 460.625 → 460.63.
    expect(await summary(h, fabrikam, '2026-05-01')).toMatchObject({ mrr: '921.25', arr: '11055.00', customers: 2, arpa: '460.63' });
  });

  it('treats a pause as churn and the resume as reactivation; a paused second subscription as contraction', async () => {
    expect(brief(await movements(h, { customerId: pausedCustomer }))).toEqual([
      'NEW 50.00 2026-01-01',
      'CHURN -50.00 2026-02-10',
      'REACTIVATION 50.00 2026-03-05',
    ]);
    const february = await summary(h, tailspin, '2026-02-01');
    // Opening 50.00 + 25.00 + 32.00 = 107.00; lost 50.00 (churn) and 32.00 (contraction): 82 ÷ 107 = 76.64 %.
    expect(february.waterfall).toEqual(waterfall({ opening: '107.00', contraction: '-32.00', churn: '-50.00', closing: '25.00' }));
    expect(february).toMatchObject({ grossMrrChurn: '76.64', netMrrChurn: '76.64', customers: 1, logoChurnRate: '50.00' });
    const march = await summary(h, tailspin, '2026-03-01');
    expect(march.waterfall).toEqual(waterfall({ opening: '25.00', reactivation: '50.00', closing: '75.00' }));
    // Net churn counts the reactivation against the losses: −50 ÷ 25 = −200 %.
    expect(march).toMatchObject({ grossMrrChurn: '0.00', netMrrChurn: '-200.00', customers: 2 });
  });

  it('carries paying customers into a new month without a movement', async () => {
    const before = await h.t.dataSource.query(`SELECT count(*)::int AS n FROM revenue_movements`);
    setToday(h, '2026-06-03');
    // Nothing has run yet: the new month has no rows.
    expect((await summary(h, fabrikam, '2026-06-01')).mrr).toBe('0.00');
    expect(await h.rollups.drain()).toBe(0);
    const june = await summary(h, fabrikam, '2026-06-01');
    expect(june).toMatchObject({ mrr: '921.25', customers: 2, grossMrrChurn: '0.00', netMrrChurn: '0.00' });
    expect(june.waterfall).toEqual(waterfall({ opening: '921.25', closing: '921.25' }));
    expect((await summary(h, tailspin, '2026-06-01')).waterfall).toEqual(waterfall({ opening: '75.00', closing: '75.00' }));
    expect((await summary(h, northwind, '2026-06-01')).waterfall).toEqual(ZERO_WATERFALL);
    const vendor = await summary(h, null, '2026-06-01');
    expect(vendor).toMatchObject({ mrr: '996.25', arr: '11955.00', customers: 4 });
    expect(await h.t.dataSource.query(`SELECT count(*)::int AS n FROM revenue_movements`)).toEqual(before);
    expect(await movements(h, { month: '2026-06-01' })).toEqual([]);
    // The roll-forward leaves exactly what a full rebuild computes.
    const incremental = await derivedTables(h.t);
    await h.rollups.rebuild();
    expect(await derivedTables(h.t)).toEqual(incremental);
  });
});

// ---- 2. currencies ------------------------------------------------------------------------------------

describe('revenue: other currencies in the base currency', () => {
  let h: Harness;
  let northwind: string;
  let dollars: string;
  let dollarStart: RecordedEvent;

  const setRate = (currency: string, validFrom: IsoDate, rate: string) => gqlOk(h.t, SET_RATE, { input: { currency, validFrom, rate } }, { token: h.admin });

  beforeAll(async () => {
    h = await boot('2026-11-25');
    northwind = h.org(NORTHWIND);
    dollars = await newCustomer(h, 'Dollar Customer', northwind, '2025-01-01');
  });

  it('refuses an event in a currency without a rate for the first day of its month, naming both', async () => {
    const input = { kind: 'START', customerId: dollars, productSku: 'ACME-SIEM', effectiveDate: '2025-03-01', quantity: 1, unitPrice: '500.00', intervalMonths: 1, currency: 'USD' };
    const none = await refused(h, input);
    expect(none.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.extensions?.fields?.['currency']?.[0]).toMatch(/USD.*2025-03-01/);

    await setRate('USD', '2025-01-01', '0.90');
    await setRate('USD', '2026-06-01', '0.95');
    // A rate from 1 January 2025 does not cover December 2024.
    const before = await refused(h, { ...input, effectiveDate: '2024-12-15' });
    expect(before.extensions?.fields?.['currency']?.[0]).toMatch(/USD.*2024-12-01/);
    expect(await h.t.dataSource.query(`SELECT count(*)::int AS n FROM revenue_subscription_events`)).toEqual([{ n: 0 }]);

    dollarStart = await record(h, input);
    expect(dollarStart).toMatchObject({ currency: 'USD', mrr: '500.00' });
  });

  it('converts each month at the rate of its first day and shows a rate change as the FX line', async () => {
    const euros = await newCustomer(h, 'Euro Customer', northwind, '2025-01-01');
    await start(h, euros, 'ACME-SIEM', '2025-03-01', 1, '200.00');
    await record(h, { kind: 'CHANGE', subscriptionId: dollarStart.subscriptionId, effectiveDate: '2026-08-01', quantity: 2 });
    await h.rollups.drain();

    // 500 USD × 0.90 = 450.00, plus 200.00 EUR.
    const march = await summary(h, northwind, '2025-03-01');
    expect(march).toMatchObject({ currency: 'EUR', mrr: '650.00' });
    expect(march.waterfall).toEqual(waterfall({ new: '650.00', closing: '650.00' }));
    // June 2026: 500 USD × 0.95 = 475.00 — the 25.00 is exchange rates alone, not expansion.
    const june = await summary(h, northwind, '2026-06-01');
    expect(june.waterfall).toEqual(waterfall({ opening: '650.00', fx: '25.00', closing: '675.00' }));
    // NRR holds currency constant: the cohort of June 2025 is valued at June 2026's rate then and now.
    expect(june).toMatchObject({ nrr: '100.00', grr: '100.00', cohortStartMrr: '675.00' });
    const vendorJune = await summary(h, null, '2026-06-01');
    expect(vendorJune.waterfall).toEqual(waterfall({ opening: '650.00', fx: '25.00', closing: '675.00' }));
    expect(vendorJune).toMatchObject({ nrr: '100.00', grr: '100.00' });
    // August: one more tenant, 500 USD × 0.95 = 475.00 of expansion, no FX.
    expect((await summary(h, northwind, '2026-08-01')).waterfall).toEqual(waterfall({ opening: '675.00', expansion: '475.00', closing: '1150.00' }));
    // November against November 2025, both at 0.95: (950 + 200) ÷ (475 + 200) = 170.37 %.
    expect(await summary(h, northwind, '2026-11-01')).toMatchObject({ mrr: '1150.00', nrr: '170.37', grr: '100.00', cohortStartMrr: '675.00' });
    // The movements keep their own currency.
    expect((await movements(h, { customerId: dollars })).map((m) => `${m.kind} ${m.amount} ${m.currency} ${m.date}`).sort()).toEqual([
      'EXPANSION 500.00 USD 2026-08-01',
      'NEW 500.00 USD 2025-03-01',
    ]);
  });

  it('revalues the months from a new rate on; a rate from the 10th applies from the next month', async () => {
    await setRate('USD', '2026-09-10', '1.00');
    await h.rollups.drain();
    // September still converts at the rate valid on 1 September (0.95).
    const september = await summary(h, northwind, '2026-09-01');
    expect(september.waterfall).toEqual(waterfall({ opening: '1150.00', closing: '1150.00' }));
    expect((await summary(h, northwind, '2026-10-01')).waterfall).toEqual(waterfall({ opening: '1150.00', fx: '50.00', closing: '1200.00' }));
    // NRR at 1.00 then and now: (1000 + 200) ÷ (500 + 200) = 171.43 %.
    const november = await summary(h, northwind, '2026-11-01');
    expect(november).toMatchObject({ mrr: '1200.00', arr: '14400.00', nrr: '171.43', grr: '100.00', cohortStartMrr: '700.00' });
    const board = await leaderboard(h, { sort: 'ARR', descending: true });
    expect(board.rows).toEqual([expect.objectContaining({ name: NORTHWIND, mrr: '1200.00', nrr: '171.43', grr: '100.00' })]);
    // The same as a full rebuild.
    const incremental = await derivedTables(h.t);
    await h.rollups.rebuild();
    expect(await derivedTables(h.t)).toEqual(incremental);
  });
});

// ---- 3. reports ---------------------------------------------------------------------------------------

/**
 * Seven demo partners with a small EUR ledger, reported in November 2026 (all hand-worked):
 *
 * Northwind (MSP Silver, NL, Maarten): N1 SIEM 450 from Nov 2025, 900 from Mar 2026; N2 backup 125 from
 *   Nov 2025, cancelled 10 Jun with June paid → churn Jul 2026; N3 mail 160 from Feb 2026.
 * Contoso (MSP Gold, BE, Sofie): C1 SIEM 900 from Jun 2024, transferred to Tailspin on 1 Apr 2026;
 *   C2 backup 250 at 20 % off (200) from Jan 2025 until 1 Jan 2026 (250).
 * Tailspin (MSP Platinum, NL, Maarten): T1 mail 320 from 15 Nov 2025, paused 1 May, resumed 1 Sep 2026.
 * Fabrikam (Reseller Registered, NL, Maarten): F1 backup 100 from Nov 2025, 75 from Apr 2026.
 * Wingtip (Reseller Silver, BE, Sofie): W1 SIEM 4800.00 a year (400) from Sep 2026.
 * Lucerne (Referral Registered, BE, Sofie): L1 SIEM 450 from Jun 2025, cancelled 31 Dec 2025.
 * Margie (Referral Registered, NL, Maarten): M1 trial from 1 Nov 2026, paying 25 from 10 Nov 2026.
 */
describe('revenue: reports', () => {
  let h: Harness;
  const ids: Record<string, string> = {};
  const customers: Record<string, string> = {};
  const events: Record<string, RecordedEvent> = {};
  let transferRecord: { id: string; organisationId: string; effectiveFrom: string };

  beforeAll(async () => {
    h = await boot('2026-11-25');
    for (const name of [NORTHWIND, CONTOSO, TAILSPIN, FABRIKAM, WINGTIP, LUCERNE, MARGIE, PROSEWARE]) ids[name] = h.org(name);
    const add = async (key: string, partner: string) => (customers[key] = await newCustomer(h, `Customer ${key}`, ids[partner]!));
    for (const [key, partner] of [
      ['N1', NORTHWIND], ['N2', NORTHWIND], ['N3', NORTHWIND], ['C1', CONTOSO], ['C2', CONTOSO], ['T1', TAILSPIN],
      ['F1', FABRIKAM], ['W1', WINGTIP], ['L1', LUCERNE], ['M1', MARGIE],
    ] as const) await add(key, partner);

    events.N1 = await start(h, customers.N1!, 'ACME-SIEM', '2025-11-01', 1, '450.00', { termEndsOn: '2027-01-31' });
    events.N1up = await record(h, { kind: 'CHANGE', subscriptionId: events.N1.subscriptionId, effectiveDate: '2026-03-01', quantity: 2 });
    events.N2 = await start(h, customers.N2!, 'ACME-BACKUP', '2025-11-01', 10, '12.50', { termEndsOn: '2026-12-31' });
    events.N2cancel = await record(h, { kind: 'CANCEL', subscriptionId: events.N2.subscriptionId, effectiveDate: '2026-06-10', paidThrough: '2026-06-30' });
    events.N3 = await start(h, customers.N3!, 'ACME-MAILSEC', '2026-02-01', 50, '3.20');
    events.C1 = await start(h, customers.C1!, 'ACME-SIEM', '2024-06-01', 2, '450.00');
    events.C2 = await start(h, customers.C2!, 'ACME-BACKUP', '2025-01-01', 20, '12.50', { discountPercent: '20', discountEndsOn: '2026-01-01' });
    events.T1 = await start(h, customers.T1!, 'ACME-MAILSEC', '2025-11-15', 100, '3.20', { termEndsOn: '2026-12-31' });
    events.T1pause = await record(h, { kind: 'PAUSE', subscriptionId: events.T1.subscriptionId, effectiveDate: '2026-05-01' });
    events.T1resume = await record(h, { kind: 'RESUME', subscriptionId: events.T1.subscriptionId, effectiveDate: '2026-09-01' });
    events.F1 = await start(h, customers.F1!, 'ACME-BACKUP', '2025-11-01', 8, '12.50', { termEndsOn: '2027-03-31' });
    events.F1down = await record(h, { kind: 'CHANGE', subscriptionId: events.F1.subscriptionId, effectiveDate: '2026-04-01', quantity: 6 });
    events.W1 = await start(h, customers.W1!, 'ACME-SIEM', '2026-09-01', 1, '4800.00', { intervalMonths: 12 });
    events.L1 = await start(h, customers.L1!, 'ACME-SIEM', '2025-06-01', 1, '450.00');
    events.L1cancel = await record(h, { kind: 'CANCEL', subscriptionId: events.L1.subscriptionId, effectiveDate: '2025-12-31' });
    events.M1 = await start(h, customers.M1!, 'ACME-BACKUP', '2026-11-01', 2, '12.50', { status: 'TRIAL' });
    events.M1paid = await record(h, { kind: 'CHANGE', subscriptionId: events.M1.subscriptionId, effectiveDate: '2026-11-10', status: 'ACTIVE' });
    const history = await transfer(h, customers.C1!, ids[TAILSPIN]!, '2026-04-01');
    transferRecord = history.find((r) => r.organisationId === ids[TAILSPIN])!;
    expect(await h.rollups.drain()).toBe(10);
  });

  it('summarises a partner: trend, waterfall, retention, churn rates, ARPA and LTV', async () => {
    const northwind = ids[NORTHWIND]!;
    const november = await summary(h, northwind, '2026-11-25');
    expect(november).toEqual({
      organisationId: northwind,
      month: '2026-11-01',
      currency: 'EUR',
      mrr: '1060.00',
      arr: '12720.00',
      customers: 2,
      // N1 and N2 paid 575.00 in November 2025; now 900.00 (N2 left): 900 ÷ 575 and min(900, 450) ÷ 575.
      nrr: '156.52',
      grr: '78.26',
      cohortStartMrr: '575.00',
      // 1 customer lost over 2+2+2+3+3+3+3+3+2+2+2+2 = 29 customer-months at risk.
      logoChurnRate: '3.45',
      grossMrrChurn: '0.00',
      netMrrChurn: '0.00',
      arpa: '530.00',
      // 530.00 × 29 ÷ 1.
      ltv: '15370.00',
      ltvNote: null,
      trend: [575, 575, 735, 1185, 1185, 1185, 1185, 1060, 1060, 1060, 1060, 1060].map((mrr, i) => ({
        month: addMonths('2025-12-01', i),
        mrr: `${mrr}.00`,
        arr: `${mrr * 12}.00`,
        customers: [2, 2, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2][i],
      })),
      waterfall: waterfall({ opening: '1060.00', closing: '1060.00' }),
    });

    const march = await summary(h, northwind, '2026-03-01');
    expect(march.waterfall).toEqual(waterfall({ opening: '735.00', expansion: '450.00', closing: '1185.00' }));
    // Expansion is negative net churn: −450 ÷ 735.
    expect(march).toMatchObject({ grossMrrChurn: '0.00', netMrrChurn: '-61.22' });

    const july = await summary(h, northwind, '2026-07-31');
    expect(july.waterfall).toEqual(waterfall({ opening: '1185.00', churn: '-125.00', closing: '1060.00' }));
    // 125 ÷ 1185; 1 lost over 2+2+2+3+3+3+3+3 = 21 customer-months; LTV 530.00 × 21. No cohort in July 2025.
    expect(july).toMatchObject({ grossMrrChurn: '10.55', netMrrChurn: '10.55', logoChurnRate: '4.76', arpa: '530.00', ltv: '11130.00', nrr: null, grr: null, cohortStartMrr: '0.00' });

    // Contoso lost nobody (its customer was transferred), so LTV is undefined and says why.
    expect(await summary(h, ids[CONTOSO]!, '2026-11-01')).toMatchObject({
      mrr: '250.00',
      customers: 1,
      nrr: '22.73',
      grr: '18.18',
      logoChurnRate: '0.00',
      arpa: '250.00',
      ltv: null,
      ltvNote: 'No customer churned in the window, so lifetime value is unbounded.',
    });
    // Tailspin: 1 lost (the pause) over 15 customer-months; ARPA 1220 ÷ 2 = 610.00; LTV 610.00 × 15.
    expect(await summary(h, ids[TAILSPIN]!, '2026-11-01')).toMatchObject({
      mrr: '1220.00',
      nrr: '100.00',
      grr: '100.00',
      logoChurnRate: '6.67',
      arpa: '610.00',
      ltv: '9150.00',
    });
  });

  it('summarises the vendor: a transfer is neither churn nor new, and retention follows the customer', async () => {
    const april = await summary(h, null, '2026-04-01');
    // Opening: 1185 + 1150 + 320 + 100; the transfer moves 900.00 out of Contoso and into Tailspin.
    expect(april.waterfall).toEqual(waterfall({ opening: '2755.00', contraction: '-25.00', transferIn: '900.00', transferOut: '-900.00', closing: '2730.00' }));
    expect(april).toMatchObject({ organisationId: null, customers: 7, grossMrrChurn: '0.91', netMrrChurn: '0.91' });
    expect((await summary(h, ids[CONTOSO]!, '2026-04-01')).waterfall).toEqual(waterfall({ opening: '1150.00', transferOut: '-900.00', closing: '250.00' }));
    expect((await summary(h, ids[TAILSPIN]!, '2026-04-01')).waterfall).toEqual(waterfall({ opening: '320.00', transferIn: '900.00', closing: '1220.00' }));

    const november = await summary(h, null, '2026-11-01');
    expect(november).toMatchObject({
      mrr: '3030.00',
      arr: '36360.00',
      customers: 8,
      // Paying in November 2025: 450 + 125 + 900 + 200 + 320 + 100 + 450 = 2545; now 900 + 0 + 900 + 250 + 320 + 75 + 0 = 2445;
      // capped: 450 + 0 + 900 + 200 + 320 + 75 + 0 = 1945. C1 counts as kept although it changed partner.
      nrr: '96.07',
      grr: '76.42',
      cohortStartMrr: '2545.00',
      // Lost: N2 (July), T1 (May), L1 (December 2025) over 29 + 17 + 15 + 12 + 2 + 1 + 0 = 76 customer-months.
      logoChurnRate: '3.95',
      arpa: '378.75',
      ltv: '9595.00',
    });
    expect(november.waterfall).toEqual(waterfall({ opening: '3005.00', new: '25.00', closing: '3030.00' }));
  });

  it('ranks the leaderboard by NRR, ARR and logo churn in both directions, undefined values last', async () => {
    const order = async (sort: string, descending: boolean) => (await leaderboard(h, { sort, descending })).rows.map((r) => r.name);
    expect(await order('NRR', true)).toEqual([NORTHWIND, TAILSPIN, FABRIKAM, CONTOSO, LUCERNE, MARGIE, WINGTIP]);
    expect(await order('NRR', false)).toEqual([LUCERNE, CONTOSO, FABRIKAM, TAILSPIN, NORTHWIND, MARGIE, WINGTIP]);
    expect(await order('ARR', true)).toEqual([TAILSPIN, NORTHWIND, WINGTIP, CONTOSO, FABRIKAM, MARGIE, LUCERNE]);
    expect(await order('ARR', false)).toEqual([LUCERNE, MARGIE, FABRIKAM, CONTOSO, WINGTIP, NORTHWIND, TAILSPIN]);
    expect(await order('LOGO_CHURN', true)).toEqual([LUCERNE, TAILSPIN, NORTHWIND, CONTOSO, FABRIKAM, WINGTIP, MARGIE]);
    expect(await order('LOGO_CHURN', false)).toEqual([CONTOSO, FABRIKAM, WINGTIP, NORTHWIND, TAILSPIN, LUCERNE, MARGIE]);

    const board = await leaderboard(h, { sort: 'ARR', descending: true });
    expect(board).toMatchObject({ month: '2026-11-01', currency: 'EUR', totalCount: 7, hasNextPage: false });
    const row = (name: string, mrr: string, arr: string, mrrGrowth: string | null, nrr: string | null, grr: string | null, logoChurnRate: string | null, customers: number) =>
      ({ organisationId: ids[name], name, country: name === CONTOSO || name === WINGTIP || name === LUCERNE ? 'BE' : 'NL', mrr, arr, mrrGrowth, nrr, grr, logoChurnRate, customers });
    expect(board.rows).toEqual([
      row(TAILSPIN, '1220.00', '14640.00', '281.25', '100.00', '100.00', '6.67', 2),
      row(NORTHWIND, '1060.00', '12720.00', '84.35', '156.52', '78.26', '3.45', 2),
      row(WINGTIP, '400.00', '4800.00', null, null, null, '0.00', 1),
      row(CONTOSO, '250.00', '3000.00', '-77.27', '22.73', '18.18', '0.00', 1),
      row(FABRIKAM, '75.00', '900.00', '-25.00', '75.00', '75.00', '0.00', 1),
      row(MARGIE, '25.00', '300.00', null, null, null, null, 1),
      row(LUCERNE, '0.00', '0.00', '-100.00', '0.00', '0.00', '100.00', 0),
    ]);
  });

  it('filters the leaderboard by program, tier, country and channel manager, and pages through it', async () => {
    const programs = await programsByName(h.t, h.manager);
    const msp = programs.get('Managed Service Provider')!;
    const mspSilver = msp.tiers.find((tier) => tier.name === 'Silver')!.id;
    const { me } = await gqlOk<{ me: { id: string } }>(h.t, `{ me { id } }`, {}, { token: h.manager });
    const names = async (filter: Record<string, string>) => (await leaderboard(h, { sort: 'ARR', descending: true, filter })).rows.map((r) => r.name);
    expect(await names({ programId: msp.id })).toEqual([TAILSPIN, NORTHWIND, CONTOSO]);
    expect(await names({ tierId: mspSilver })).toEqual([NORTHWIND]);
    expect(await names({ country: 'BE' })).toEqual([WINGTIP, CONTOSO, LUCERNE]);
    expect(await names({ channelManagerId: me.id })).toEqual([TAILSPIN, NORTHWIND, FABRIKAM, MARGIE]);
    expect(await names({ programId: msp.id, country: 'BE' })).toEqual([CONTOSO]);

    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await leaderboard(h, { sort: 'ARR', descending: true, first: 2, after });
      expect(page.totalCount).toBe(7);
      pages.push(page.rows.map((r) => r.name));
      if (!page.hasNextPage) {
        expect(page.endCursor).toBeNull();
        break;
      }
      after = page.endCursor;
    }
    expect(pages).toEqual([[TAILSPIN, NORTHWIND], [WINGTIP, CONTOSO], [FABRIKAM, MARGIE], [LUCERNE]]);
  });

  it('rolls the partners up by tier and by program', async () => {
    const programs = await programsByName(h.t, h.manager);
    const tier = (program: string, name: string) => programs.get(program)!.tiers.find((x) => x.name === name)!.id;
    const rollup = async (groupBy: string) =>
      (await gqlOk<{ revenueRollup: Record<string, string | number | null>[] }>(h.t, ROLLUP, { groupBy, month: '2026-11-01' }, { token: h.manager })).revenueRollup;
    const group = (key: string, label: string, partners: number, mrr: string, arr: string, customers: number, nrr: string | null, grr: string | null, logoChurnRate: string | null) =>
      ({ key, label, partners, mrr, arr, customers, nrr, grr, logoChurnRate });
    expect(await rollup('TIER')).toEqual([
      group(tier('Managed Service Provider', 'Platinum'), 'Platinum', 1, '1220.00', '14640.00', 2, '100.00', '100.00', '6.67'),
      group(tier('Managed Service Provider', 'Silver'), 'Silver', 1, '1060.00', '12720.00', 2, '156.52', '78.26', '3.45'),
      group(tier('Reseller', 'Silver'), 'Silver', 1, '400.00', '4800.00', 1, null, null, '0.00'),
      group(tier('Managed Service Provider', 'Gold'), 'Gold', 1, '250.00', '3000.00', 1, '22.73', '18.18', '0.00'),
      group(tier('Reseller', 'Registered'), 'Registered', 1, '75.00', '900.00', 1, '75.00', '75.00', '0.00'),
      // Lucerne (lost its only customer, 450.00 a year ago) and Margie (new this month).
      group(tier('Referral & Affiliate', 'Registered'), 'Registered', 2, '25.00', '300.00', 1, '0.00', '0.00', '100.00'),
    ]);
    expect(await rollup('PROGRAM')).toEqual([
      // Cohort 575 + 1100 + 320 = 1995, now 900 + 250 + 320 = 1470, capped 450 + 200 + 320 = 970; 2 lost over 29 + 17 + 15.
      group(programs.get('Managed Service Provider')!.id, 'Managed Service Provider', 3, '2530.00', '30360.00', 5, '73.68', '48.62', '3.28'),
      group(programs.get('Reseller')!.id, 'Reseller', 2, '475.00', '5700.00', 2, '75.00', '75.00', '0.00'),
      group(programs.get('Referral & Affiliate')!.id, 'Referral & Affiliate', 2, '25.00', '300.00', 1, '0.00', '0.00', '100.00'),
    ]);
  });

  it('groups partners into cohorts by the quarter of their first recurring revenue', async () => {
    const { revenueCohorts } = await gqlOk<{ revenueCohorts: { quarter: string; partners: number; startMrr: string; quarters: { offset: number; mrr: string; retention: string | null }[] }[] }>(
      h.t,
      COHORTS,
      {},
      { token: h.manager },
    );
    expect(revenueCohorts.map((c) => [c.quarter, c.partners, c.startMrr])).toEqual([
      ['2024-Q2', 1, '900.00'],
      ['2025-Q2', 1, '450.00'],
      ['2025-Q4', 3, '995.00'],
      ['2026-Q3', 1, '400.00'],
      ['2026-Q4', 1, '25.00'],
    ]);
    const cohort = (quarter: string) => revenueCohorts.find((c) => c.quarter === quarter)!.quarters;
    // Northwind, Tailspin and Fabrikam at the end of Dec 2025, Mar, Jun and Sep 2026, and now (November).
    expect(cohort('2025-Q4')).toEqual([
      { offset: 0, mrr: '995.00', retention: '100.00' },
      { offset: 1, mrr: '1605.00', retention: '161.31' },
      { offset: 2, mrr: '2160.00', retention: '217.09' },
      { offset: 3, mrr: '2355.00', retention: '236.68' },
      { offset: 4, mrr: '2355.00', retention: '236.68' },
    ]);
    expect(cohort('2025-Q2').map((q) => q.retention)).toEqual(['100.00', '100.00', '0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(cohort('2024-Q2').map((q) => q.mrr)).toEqual(['900.00', '900.00', '900.00', '1100.00', '1100.00', '1100.00', '1100.00', '1150.00', '250.00', '250.00', '250.00']);
    expect(cohort('2026-Q3')).toEqual([{ offset: 0, mrr: '400.00', retention: '100.00' }, { offset: 1, mrr: '400.00', retention: '100.00' }]);
  });

  it('drills down to the movements behind a figure, each naming the event or partner record behind it', async () => {
    const april = await movements(h, { month: '2026-04-15' });
    expect(april.map((m) => [m.organisationId, m.kind, m.amount, m.date, m.cause, m.sourceId]).sort()).toEqual(
      [
        [ids[CONTOSO], 'TRANSFER_OUT', '-900.00', '2026-04-01', 'TRANSFER', transferRecord.id],
        [ids[FABRIKAM], 'CONTRACTION', '-25.00', '2026-04-01', 'EVENT', events.F1down!.id],
        [ids[TAILSPIN], 'TRANSFER_IN', '900.00', '2026-04-01', 'TRANSFER', transferRecord.id],
      ].sort(),
    );
    expect(brief(await movements(h, { month: '2026-07-01', kind: 'CHURN' }))).toEqual(['CHURN -125.00 2026-07-01']);
    expect((await movements(h, { month: '2026-07-01', kind: 'CHURN' }))[0]).toMatchObject({ customerId: customers.N2, sourceId: events.N2cancel!.id });
    expect(await movements(h, { kind: 'REACTIVATION' })).toEqual([expect.objectContaining({ customerId: customers.T1, amount: '320.00', date: '2026-09-01', sourceId: events.T1resume!.id })]);
    // A discount ending points at the event that set it; a trial converting is new when it starts paying.
    expect(await movements(h, { month: '2026-01-01', kind: 'EXPANSION' })).toEqual([
      expect.objectContaining({ customerId: customers.C2, amount: '50.00', date: '2026-01-01', cause: 'DISCOUNT_END', sourceId: events.C2!.id }),
    ]);
    expect(await movements(h, { month: '2026-11-01' })).toEqual([expect.objectContaining({ kind: 'NEW', amount: '25.00', date: '2026-11-10', sourceId: events.M1paid!.id })]);

    // Every movement names a stored event of its own subscription, or the partner record of the transfer.
    const all = await movements(h, {});
    expect(all.length).toBe(19);
    const stored: { id: string; subscription_id: string }[] = await h.t.dataSource.query(`SELECT id, subscription_id FROM revenue_subscription_events`);
    const subscriptionOf = new Map(stored.map((e) => [e.id, e.subscription_id]));
    for (const m of all) {
      if (m.cause === 'TRANSFER') expect(m.sourceId).toBe(transferRecord.id);
      else expect(subscriptionOf.get(m.sourceId ?? '')).toBe(m.subscriptionId);
    }
    // The drill-down adds up to the waterfall: Northwind's March expansion.
    const march = await movements(h, { organisationId: ids[NORTHWIND]!, month: '2026-03-01', kind: 'EXPANSION' });
    expect(march.map((m) => [m.amount, m.sourceId])).toEqual([['450.00', events.N1up!.id]]);
  });

  it('exports the leaderboard and the movements as CSV with the same numbers as the API', async () => {
    const board = await leaderboard(h, { sort: 'ARR', descending: true });
    const csvBoard = await csv(h, '/api/revenue/leaderboard.csv');
    expect(csvBoard).toEqual(
      board.rows.map((r) => ({
        organisationId: r.organisationId,
        name: r.name,
        country: r.country,
        currency: 'EUR',
        mrr: r.mrr,
        arr: r.arr,
        mrrGrowthPct: r.mrrGrowth ?? '',
        nrrPct: r.nrr ?? '',
        grrPct: r.grr ?? '',
        logoChurnPct: r.logoChurnRate ?? '',
        customers: String(r.customers),
      })),
    );
    expect(csvBoard.find((r) => r['name'] === CONTOSO)).toMatchObject({ mrr: '250.00', mrrGrowthPct: '-77.27', nrrPct: '22.73' });

    const april = await movements(h, { month: '2026-04-01' });
    const csvApril = await csv(h, '/api/revenue/movements.csv?month=2026-04-01');
    expect(csvApril).toEqual(
      april.map((m) => ({
        id: m.id,
        date: m.date,
        organisationId: m.organisationId,
        customerId: m.customerId,
        customerName: m.customerName,
        subscriptionId: m.subscriptionId,
        kind: m.kind,
        currency: m.currency,
        amount: m.amount,
        cause: m.cause,
        sourceId: m.sourceId ?? '',
      })),
    );
    expect(csvApril.map((r) => r['amount']).sort()).toEqual(['-25.00', '-900.00', '900.00']);
  });

  it('lists renewals due within 90 days (active subscriptions only) and flags renewals recorded 90 days ahead', async () => {
    const proseware = ids[PROSEWARE]!;
    const customer = await newCustomer(h, 'Renewal Co', proseware);
    const sub = (termEndsOn: string, extra: EventInput = {}) => start(h, customer, 'ACME-BACKUP', '2026-01-01', 10, '12.50', { termEndsOn, ...extra });
    const today = await sub('2026-11-25');
    const soon = await sub('2026-12-31', { productSku: 'ACME-SIEM', quantity: 1, unitPrice: '450.00' });
    const edge = await sub('2027-02-23');
    await sub('2027-02-24'); // 91 days: not yet
    await sub('2026-11-24'); // ended yesterday
    await sub('2026-12-10', { status: 'TRIAL' });
    const paused = await sub('2026-12-15');
    await record(h, { kind: 'PAUSE', subscriptionId: paused.subscriptionId, effectiveDate: '2026-10-01' });
    const cancelled = await sub('2026-12-20');
    await record(h, { kind: 'CANCEL', subscriptionId: cancelled.subscriptionId, effectiveDate: '2026-11-01' });
    const later = await sub('2027-06-30');

    const due = async () =>
      (await gqlOk<{ upcomingRenewals: { subscriptionId: string; termEndsOn: string; daysLeft: number; mrr: string; currency: string }[] }>(h.t, RENEWALS, { org: proseware }, { token: h.manager }))
        .upcomingRenewals.map((r) => [r.subscriptionId, r.termEndsOn, r.daysLeft, r.mrr, r.currency]);
    expect(await due()).toEqual([
      [today.subscriptionId, '2026-11-25', 0, '125.00', 'EUR'],
      [soon.subscriptionId, '2026-12-31', 36, '450.00', 'EUR'],
      [edge.subscriptionId, '2027-02-23', 90, '125.00', 'EUR'],
    ]);

    // Renewed today: 36 days before the term ends is not early; exactly 90 days is.
    const renewSoon = await record(h, { kind: 'RENEW', subscriptionId: soon.subscriptionId, effectiveDate: '2026-11-25', termEndsOn: '2027-12-31' });
    const renewEdge = await record(h, { kind: 'RENEW', subscriptionId: edge.subscriptionId, effectiveDate: '2026-11-25', termEndsOn: '2028-02-23' });
    expect([renewSoon.earlyRenewal, renewEdge.earlyRenewal]).toEqual([false, true]);
    expect(renewSoon).toMatchObject({ recordedOn: '2026-11-25', mrr: '450.00', termEndsOn: '2027-12-31' });
    // Recorded today, 217 days before the term ends, for a new term that starts when the old one ends: early.
    const renewLater = await record(h, { kind: 'RENEW', subscriptionId: later.subscriptionId, effectiveDate: '2027-07-01', termEndsOn: '2028-06-30' });
    expect(renewLater).toMatchObject({ recordedOn: '2026-11-25', earlyRenewal: true });
    // Renewed subscriptions are no longer at risk.
    expect(await due()).toEqual([[today.subscriptionId, '2026-11-25', 0, '125.00', 'EUR']]);
    // Back-dated from a billing history: recorded (in effect) 121 days before the term it renews ended.
    const history = await sub('2025-12-31', { effectiveDate: '2025-01-01' });
    expect((await record(h, { kind: 'RENEW', subscriptionId: history.subscriptionId, effectiveDate: '2025-09-01', termEndsOn: '2027-12-31' })).earlyRenewal).toBe(true);
    // A renewal at the same terms moves no MRR.
    await h.rollups.drain();
    expect((await movements(h, { customerId: customer })).map((m) => `${m.kind} ${m.amount} ${m.date}`)).not.toContainEqual(expect.stringMatching(/2026-11-25|2027-07-01/));
  });
});

// ---- 1. random ledgers --------------------------------------------------------------------------------

interface ModelEvent {
  date: IsoDate;
  order: number;
  status: string;
  termEndsOn: string | null;
}

interface ModelSubscription {
  id: string;
  start: IsoDate;
  events: ModelEvent[];
}

interface ModelCustomer {
  id: string;
  organisationId: string;
  partnerFrom: IsoDate;
  subscriptions: ModelSubscription[];
}

const SKUS = ['ACME-BACKUP', 'ACME-MAILSEC', 'ACME-SIEM'] as const;

/**
 * Writes a random but valid ledger through the API. It keeps just enough of each subscription (the
 * status and term in effect from each date) to choose events the ledger accepts, back-dated ones included.
 */
class RandomLedger {
  readonly customers: ModelCustomer[] = [];
  readonly counts = { starts: 0, events: 0, backdated: 0, transfers: 0 };
  private order = 0;

  constructor(
    private readonly h: Harness,
    private readonly random: () => number,
    private readonly partners: readonly string[],
    private readonly firstDay: IsoDate,
  ) {}

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  private day(from: IsoDate, to: IsoDate): IsoDate {
    return addDays(from, this.int(0, daysBetween(from, to)));
  }

  private price(): string {
    return `${this.int(5, 480)}.${String(this.int(0, 99)).padStart(2, '0')}`;
  }

  private discount(date: IsoDate): EventInput {
    const discountEndsOn = this.chance(0.7) ? addDays(date, this.int(20, 400)) : undefined;
    return this.chance(0.5) ? { discountPercent: this.pick(['10', '12.5', '25']), discountEndsOn } : { discountAmount: `${this.int(1, 30)}.00`, discountEndsOn };
  }

  private remember(subscription: ModelSubscription, event: RecordedEvent): void {
    subscription.events.push({ date: event.effectiveDate, order: (this.order += 1), status: event.status, termEndsOn: event.termEndsOn });
  }

  async addCustomers(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      const organisationId = this.partners[i % this.partners.length]!;
      const id = await newCustomer(this.h, `Random ${i + 1}`, organisationId, this.firstDay);
      this.customers.push({ id, organisationId, partnerFrom: this.firstDay, subscriptions: [] });
    }
  }

  /** `steps` events dated from `from` to `to` — a `backdated` share of them from the ledger's first day — then `transfers` partner changes. */
  async batch(from: IsoDate, to: IsoDate, steps: number, backdated: number, transfers: number): Promise<void> {
    for (let i = 0; i < steps; i++) {
      const back = this.chance(backdated);
      const earliest = back ? this.firstDay : from;
      const customer = this.pick(this.customers);
      if (customer.subscriptions.length === 0 || (customer.subscriptions.length < 3 && this.chance(0.1))) await this.start(customer, this.day(earliest, to));
      else await this.change(this.pick(customer.subscriptions), earliest, to);
      if (back) this.counts.backdated += 1;
    }
    for (let i = 0; i < transfers; i++) await this.transfer(this.pick(this.customers), to);
  }

  private async start(customer: ModelCustomer, date: IsoDate): Promise<void> {
    const event = await record(this.h, {
      kind: 'START',
      customerId: customer.id,
      productSku: this.pick(SKUS),
      effectiveDate: date,
      status: this.chance(0.15) ? 'TRIAL' : 'ACTIVE',
      quantity: this.int(1, 20),
      unitPrice: this.price(),
      intervalMonths: this.pick([1, 1, 1, 3, 12]),
      currency: 'EUR',
      termEndsOn: this.chance(0.5) ? addDays(date, 364) : undefined,
      ...(this.chance(0.3) ? this.discount(date) : {}),
    });
    const subscription: ModelSubscription = { id: event.subscriptionId, start: date, events: [] };
    this.remember(subscription, event);
    customer.subscriptions.push(subscription);
    this.counts.starts += 1;
  }

  private async change(subscription: ModelSubscription, from: IsoDate, to: IsoDate): Promise<void> {
    const date = this.day(laterOf(subscription.start, from), to);
    const inEffect = [...subscription.events].sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1)).filter((e) => e.date <= date);
    const base = inEffect[inEffect.length - 1]!;
    const { kind, extra } = this.nextEvent(base, date);
    this.remember(subscription, await record(this.h, { kind, subscriptionId: subscription.id, effectiveDate: date, ...extra }));
    this.counts.events += 1;
  }

  /** An event the ledger accepts on top of the terms in effect (`base`). */
  private nextEvent(base: ModelEvent, date: IsoDate): { kind: string; extra: EventInput } {
    const roll = this.random();
    const change = (extra: EventInput) => ({ kind: 'CHANGE', extra });
    const cancel = () => ({ kind: 'CANCEL', extra: this.chance(0.5) ? { paidThrough: endOfMonth(date) } : {} });
    const resume = { kind: 'RESUME', extra: {} };
    const terms = (): EventInput => {
      const r = this.random();
      return r < 0.45 ? { quantity: this.int(0, 25) } : r < 0.7 ? { unitPrice: this.price() } : r < 0.9 ? this.discount(date) : { removeDiscount: true };
    };
    switch (base.status) {
      case 'TRIAL':
        return roll < 0.6 ? change({ status: 'ACTIVE' }) : roll < 0.8 ? change(terms()) : cancel();
      case 'ACTIVE':
        if (roll < 0.5) return change(terms());
        if (roll < 0.65) return { kind: 'PAUSE', extra: {} };
        if (roll < 0.85) return cancel();
        return { kind: 'RENEW', extra: { termEndsOn: addDays(laterOf(base.termEndsOn ?? date, date), this.int(300, 400)) } };
      case 'PAUSED':
        return roll < 0.6 ? resume : roll < 0.8 ? cancel() : change({ quantity: this.int(1, 25) });
      default:
        return roll < 0.7 ? resume : change({ quantity: this.int(1, 25) });
    }
  }

  private async transfer(customer: ModelCustomer, today: IsoDate): Promise<void> {
    const earliest = addDays(customer.partnerFrom, 1);
    if (earliest > today) return;
    const date = this.day(earliest, today);
    const organisationId = this.pick(this.partners.filter((p) => p !== customer.organisationId));
    await transfer(this.h, customer.id, organisationId, date);
    Object.assign(customer, { organisationId, partnerFrom: date });
    this.counts.transfers += 1;
  }
}

const MONEY_COLUMNS = ['opening', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'transfer_in', 'transfer_out', 'fx', 'closing', 'cohort_start', 'cohort_current', 'cohort_retained'] as const;
const COUNT_COLUMNS = ['customers_start', 'customers_end', 'new_customers', 'churned_customers'] as const;
const MOVEMENT_COLUMNS = ['new', 'expansion', 'contraction', 'churn', 'reactivation', 'transfer_in', 'transfer_out'] as const;
type PartnerMonthRow = Record<'organisation_id' | 'month' | (typeof MONEY_COLUMNS)[number] | (typeof COUNT_COLUMNS)[number], string>;

const KIND_OF: Record<(typeof MOVEMENT_COLUMNS)[number], keyof MovementTotals> = {
  new: 'NEW',
  expansion: 'EXPANSION',
  contraction: 'CONTRACTION',
  churn: 'CHURN',
  reactivation: 'REACTIVATION',
  transfer_in: 'TRANSFER_IN',
  transfer_out: 'TRANSFER_OUT',
};

async function storedRollups(t: TestApp): Promise<{ movements: string[]; customerMonths: string[]; partnerMonths: PartnerMonthRow[] }> {
  const movementRows: Record<string, string | null>[] = await t.dataSource.query(
    `SELECT customer_id, subscription_id, organisation_id, date::text AS date, kind, currency, amount_minor::text AS amount, cause, source_id FROM revenue_movements`,
  );
  const monthRows: Record<string, string>[] = await t.dataSource.query(
    `SELECT customer_id, month::text AS month, organisation_id, currency, opening_minor::text AS opening,
            ${MOVEMENT_COLUMNS.map((c) => `${c}_minor::text AS ${c}`).join(', ')}, closing_minor::text AS closing FROM revenue_customer_months`,
  );
  const partnerMonths: PartnerMonthRow[] = await t.dataSource.query(
    `SELECT organisation_id, month::text AS month, ${MONEY_COLUMNS.map((c) => `${c}_minor::text AS ${c}`).join(', ')},
            ${COUNT_COLUMNS.map((c) => `${c}::text AS ${c}`).join(', ')}
       FROM revenue_partner_months ORDER BY organisation_id, month`,
  );
  return {
    movements: movementRows.map((r) => Object.values(r).map((v) => v ?? '').join('|')).sort(),
    customerMonths: monthRows.map((r) => Object.values(r).join('|')).sort(),
    partnerMonths,
  };
}

interface CustomerMonthRow {
  organisationId: string;
  month: IsoDate;
  customerId: string;
  opening: bigint;
  closing: bigint;
  moves: MovementTotals;
}

/**
 * The rollups recomputed from the stored ledger with the domain functions only: movements and customer
 * months per customer, then partner months summed here (EUR only, so no conversion and no FX).
 */
async function independentRollups(t: TestApp, current: IsoDate): Promise<{ movements: string[]; customerMonths: string[]; partnerMonths: PartnerMonthRow[] }> {
  const events: Record<string, string | number | null>[] = await t.dataSource.query(
    `SELECT e.id, e.subscription_id, s.customer_id, e.effective_date::text AS effective_date, e.sequence::text AS sequence, e.status, e.quantity,
            e.unit_price_minor::text AS unit_price_minor, e.interval_months, e.currency, e.discount_kind, e.discount_value::text AS discount_value,
            e.discount_ends_on::text AS discount_ends_on
       FROM revenue_subscription_events e JOIN revenue_subscriptions s ON s.id = e.subscription_id`,
  );
  const records: { id: string; customer_id: string; organisation_id: string; from: string }[] = await t.dataSource.query(
    `SELECT id, customer_id, organisation_id, effective_from::text AS "from" FROM revenue_customer_partners`,
  );
  const text = (v: string | number | null | undefined): string => String(v ?? '');
  const termsOf = (e: Record<string, string | number | null>): SubscriptionTerms => {
    const kind = e['discount_kind'];
    const value = BigInt(text(e['discount_value']) || '0');
    return {
      status: text(e['status']) as SubscriptionTerms['status'],
      quantity: Number(e['quantity']),
      unitPriceMinor: BigInt(text(e['unit_price_minor'])),
      intervalMonths: Number(e['interval_months']),
      currency: text(e['currency']),
      discount: kind === 'PERCENT' ? { kind: 'PERCENT', percent: value as Percent } : kind === 'AMOUNT' ? { kind: 'AMOUNT', amountMinor: value } : null,
      discountEndsOn: kind ? (e['discount_ends_on'] as string | null) : null,
    };
  };

  const movementKeys: string[] = [];
  const monthKeys: string[] = [];
  const rows = new Map<string, CustomerMonthRow>();
  for (const customerId of new Set(records.map((r) => r.customer_id))) {
    const ledger: LedgerEvent[] = events
      .filter((e) => e['customer_id'] === customerId)
      .map((e) => ({ id: text(e['id']), subscriptionId: text(e['subscription_id']), effectiveDate: text(e['effective_date']), sequence: Number(e['sequence']), terms: termsOf(e) }));
    const history: PartnerOfRecord[] = records.filter((r) => r.customer_id === customerId).map((r) => ({ id: r.id, organisationId: r.organisation_id, from: r.from }));
    const moves = customerMovements(ledger, history);
    for (const m of moves) movementKeys.push([customerId, m.subscriptionId, m.organisationId, m.date, m.kind, m.currency, m.amountMinor, m.cause, m.sourceId ?? ''].join('|'));
    const last = moves.length > 0 ? monthOf(moves[moves.length - 1]!.date) : current;
    for (const cm of customerMonths(moves, last > current ? last : current)) {
      const totals = MOVEMENT_COLUMNS.map((c) => cm.movements[KIND_OF[c]]);
      monthKeys.push([customerId, cm.month, cm.organisationId, cm.currency, cm.openingMinor, ...totals, cm.closingMinor].join('|'));
      const row = { organisationId: cm.organisationId, month: cm.month, customerId, opening: cm.openingMinor, closing: cm.closingMinor, moves: cm.movements };
      if (cm.month <= current) rows.set(`${cm.organisationId}|${cm.month}|${customerId}`, row);
    }
  }

  const sums = new Map<string, Map<string, bigint>>();
  const sum = (organisationId: string, month: IsoDate): Map<string, bigint> => {
    const key = `${organisationId}|${month}`;
    const found = sums.get(key);
    if (found) return found;
    const fresh = new Map<string, bigint>([...MONEY_COLUMNS, ...COUNT_COLUMNS].map((c) => [c, 0n]));
    sums.set(key, fresh);
    return fresh;
  };
  const add = (s: Map<string, bigint>, column: string, amount: bigint | boolean) => s.set(column, s.get(column)! + (typeof amount === 'boolean' ? (amount ? 1n : 0n) : amount));
  const sameMonth = new Map<string, CustomerMonthRow[]>();
  for (const r of rows.values()) sameMonth.set(`${r.customerId}|${r.month}`, [...(sameMonth.get(`${r.customerId}|${r.month}`) ?? []), r]);
  for (const r of rows.values()) {
    const s = sum(r.organisationId, r.month);
    add(s, 'opening', r.opening);
    add(s, 'closing', r.closing);
    for (const c of MOVEMENT_COLUMNS) add(s, c, r.moves[KIND_OF[c]]);
    add(s, 'customers_start', r.opening > 0n);
    add(s, 'customers_end', r.closing > 0n);
    add(s, 'new_customers', r.moves.NEW !== 0n);
    // Lost: paying at the start (here, or with the partner it moved from this month), not at the end, not moved on.
    const movedInPaying = r.moves.TRANSFER_IN !== 0n && (sameMonth.get(`${r.customerId}|${r.month}`) ?? []).some((o) => o.organisationId !== r.organisationId && o.opening > 0n && o.moves.TRANSFER_OUT !== 0n);
    add(s, 'churned_customers', (r.opening > 0n || movedInPaying) && r.closing === 0n && r.moves.TRANSFER_OUT === 0n);
    // The cohort 12 months on: this customer's MRR now with the same partner, and capped at it.
    const later = addMonths(r.month, 12);
    if (r.closing !== 0n && later <= current) {
      const now = rows.get(`${r.organisationId}|${later}|${r.customerId}`)?.closing ?? 0n;
      const c = sum(r.organisationId, later);
      add(c, 'cohort_start', r.closing);
      add(c, 'cohort_current', now);
      add(c, 'cohort_retained', now < r.closing ? now : r.closing);
    }
  }
  const partnerMonths = [...sums.entries()]
    .filter(([, s]) => [...s.values()].some((v) => v !== 0n))
    .map(([key, s]) => {
      const [organisation_id, month] = key.split('|') as [string, string];
      return { organisation_id, month, ...Object.fromEntries([...s.entries()].map(([c, v]) => [c, v.toString()])) } as PartnerMonthRow;
    })
    .sort((a, b) => (a.organisation_id === b.organisation_id ? (a.month < b.month ? -1 : 1) : a.organisation_id < b.organisation_id ? -1 : 1));
  return { movements: movementKeys.sort(), customerMonths: monthKeys.sort(), partnerMonths };
}

describe('revenue rollups on a random ledger', () => {
  const SEED = 20_261_125;
  const FIRST_DAY = '2024-06-01';
  let h: Harness;
  let ledger: RandomLedger;
  let stored: Awaited<ReturnType<typeof storedRollups>>;

  beforeAll(async () => {
    h = await boot('2025-03-15');
    ledger = new RandomLedger(h, seededRandom(SEED), [NORTHWIND, CONTOSO, FABRIKAM].map(h.org), FIRST_DAY);
  });

  it(`ingests 30 months of events for 30 customers in batches, with back-dated events and transfers (seed ${SEED})`, async () => {
    await ledger.addCustomers(30);
    await ledger.batch(FIRST_DAY, '2025-03-15', 60, 0, 0);
    expect(await h.rollups.drain()).toBeGreaterThan(0);
    setToday(h, '2025-12-10');
    await ledger.batch('2025-03-01', '2025-12-10', 60, 0.25, 6);
    expect(await h.rollups.drain()).toBeGreaterThan(0);
    setToday(h, '2026-11-25');
    await ledger.batch('2025-12-01', '2026-11-25', 40, 0.4, 4);
    expect(await h.rollups.drain()).toBeGreaterThan(0);
    await ledger.batch('2025-12-01', '2026-11-25', 30, 0.6, 3);
    expect(await h.rollups.drain()).toBeGreaterThan(0);
    expect(await h.t.dataSource.query(`SELECT count(*)::int AS n FROM revenue_pending`)).toEqual([{ n: 0 }]);
    expect(ledger.counts.backdated).toBeGreaterThan(20);
    expect(ledger.counts.transfers).toBeGreaterThan(8);

    stored = await storedRollups(h.t);
    // The ledger exercises every kind of movement and discounts that end.
    const kinds = new Set(stored.movements.map((m) => m.split('|')[4]));
    expect([...kinds].sort()).toEqual(['CHURN', 'CONTRACTION', 'EXPANSION', 'NEW', 'REACTIVATION', 'TRANSFER_IN', 'TRANSFER_OUT']);
    expect(stored.movements.some((m) => m.split('|')[7] === 'DISCOUNT_END')).toBe(true);
  });

  it('(a) adds up every partner month: closing = opening + movements + FX, opening = last month’s closing', () => {
    expect(stored.partnerMonths.length).toBeGreaterThan(60);
    const byKey = new Map(stored.partnerMonths.map((r) => [`${r.organisation_id}|${r.month}`, r]));
    for (const row of stored.partnerMonths) {
      const moved = MOVEMENT_COLUMNS.reduce((total, c) => total + BigInt(row[c]), 0n);
      expect(BigInt(row.closing)).toBe(BigInt(row.opening) + moved + BigInt(row.fx));
      const previous = byKey.get(`${row.organisation_id}|${addMonths(row.month, -1)}`);
      expect([row.month, row.opening]).toEqual([row.month, previous?.closing ?? '0']);
      expect(row.fx).toBe('0');
    }
  });

  it('(b) equals an independent recomputation from the ledger with the domain functions', async () => {
    const expected = await independentRollups(h.t, '2026-11-01');
    expect(stored.movements).toEqual(expected.movements);
    expect(stored.customerMonths).toEqual(expected.customerMonths);
    expect(stored.partnerMonths).toEqual(expected.partnerMonths);
  });

  it('(c) keeps GRR at or under 100 % and NRR at or over GRR wherever there is a cohort', async () => {
    const withCohort = stored.partnerMonths.filter((r) => BigInt(r.cohort_start) > 0n);
    expect(withCohort.length).toBeGreaterThan(30);
    for (const row of withCohort) {
      expect(BigInt(row.cohort_retained)).toBeLessThanOrEqual(BigInt(row.cohort_start));
      expect(BigInt(row.cohort_current)).toBeGreaterThanOrEqual(BigInt(row.cohort_retained));
      const s = await summary(h, row.organisation_id, row.month);
      expect([row.organisation_id, row.month, s.nrr, s.grr]).toEqual([
        row.organisation_id,
        row.month,
        ratioPercent(BigInt(row.cohort_current), BigInt(row.cohort_start)),
        ratioPercent(BigInt(row.cohort_retained), BigInt(row.cohort_start)),
      ]);
      expect(Number(s.grr)).toBeLessThanOrEqual(100);
      expect(Number(s.nrr)).toBeGreaterThanOrEqual(Number(s.grr));
    }
    for (let month = '2025-06-01'; month <= '2026-11-01'; month = addMonths(month, 1)) {
      const vendor = await summary(h, null, month);
      expect(Number(vendor.grr)).toBeLessThanOrEqual(100);
      expect(Number(vendor.nrr)).toBeGreaterThanOrEqual(Number(vendor.grr));
    }
  });

  it('(d) gives exactly the same movements, customer months and partner months after a full rebuild', async () => {
    const incremental = await derivedTables(h.t);
    expect(incremental.movementRows.length).toBe(stored.movements.length);
    const counts = await h.rollups.rebuild();
    expect(counts).toEqual({
      customers: 30,
      movements: incremental.movementRows.length,
      customerMonths: incremental.customerMonthRows.length,
      partnerMonths: incremental.partnerMonthRows.length,
    });
    expect(await derivedTables(h.t)).toEqual(incremental);
  });
});
