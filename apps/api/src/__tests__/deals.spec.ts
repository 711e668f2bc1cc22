import { randomBytes } from 'node:crypto';
import { JobsService } from '@prm/server/core';
import { DealRegistrationsService } from '@prm/server/deals';
import { DEMO_PRODUCTS } from '../app/demo-data';
import { auditEntries, changesOf, createDealProgram, createPartnerWithRep, createUser, dealInput, gqlOk, isoDate } from '../testing/factories';
import { DOCS } from '../testing/operations';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Deal registration through the API, on real PostgreSQL: the lifecycle and its refusals, field
 * validation, protection windows with a moved clock, conflict detection, what partners may never
 * see, exclusivity under concurrent approvals, bulk decisions, house accounts, notifications and
 * the WON_DEALS metric. The job queue runs without workers, so enqueued jobs stay in pgboss.job.
 */

const DAY = 86_400_000;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const hex = (): string => randomBytes(3).toString('hex');

const REGISTRATION = `id number organisationId programId status customerName customerDomain customerCountry customerCity contactEmail
  currency estimatedMrr estimatedOneTime estimatedFirstYearValue expectedCloseDate salesStage notes fromVendorLead possibleConflict
  submittedAt reviewDueAt decidedAt decisionReason approvedAt protectionEndsAt protectionDaysLeft
  extensionsUsed extensionRequestedAt extensionReason actualMrr actualOneTime actualCloseDate
  products { productId sku quantity } timeline { type fromStatus toStatus note actorName actorSide }`;

/** Every document answers as `r`, so one helper reads them all. */
const R = {
  create: `mutation($input: CreateDealRegistrationInput!) { r: createDealRegistration(input: $input) { ${REGISTRATION} } }`,
  update: `mutation($id: ID!, $input: UpdateDealRegistrationInput!) { r: updateDealRegistration(id: $id, input: $input) { ${REGISTRATION} } }`,
  submit: `mutation($id: ID!) { r: submitDealRegistration(id: $id) { ${REGISTRATION} } }`,
  approve: `mutation($id: ID!, $note: String) { r: approveDealRegistration(id: $id, note: $note) { ${REGISTRATION} } }`,
  reject: `mutation($id: ID!, $reason: String!) { r: rejectDealRegistration(id: $id, reason: $reason) { ${REGISTRATION} } }`,
  requestInfo: `mutation($id: ID!, $reason: String!) { r: requestDealInformation(id: $id, reason: $reason) { ${REGISTRATION} } }`,
  requestExtension: `mutation($id: ID!, $reason: String!) { r: requestDealExtension(id: $id, reason: $reason) { ${REGISTRATION} } }`,
  decideExtension: `mutation($id: ID!, $approve: Boolean!, $note: String) { r: decideDealExtension(id: $id, approve: $approve, note: $note) { ${REGISTRATION} } }`,
  won: `mutation($id: ID!, $input: MarkDealWonInput!) { r: markDealWon(id: $id, input: $input) { ${REGISTRATION} } }`,
  lost: `mutation($id: ID!, $reason: String!) { r: markDealLost(id: $id, reason: $reason) { ${REGISTRATION} } }`,
  get: `query($id: ID!) { r: dealRegistration(id: $id) { ${REGISTRATION} } }`,
} as const;
type Action = keyof typeof R;
type Vars = Record<string, unknown>;

interface Event {
  type: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actorName: string | null;
  actorSide: string | null;
}
interface Registration {
  id: string;
  number: number;
  organisationId: string;
  programId: string;
  status: string;
  customerName: string;
  customerDomain: string | null;
  customerCity: string | null;
  currency: string;
  estimatedMrr: string;
  estimatedOneTime: string;
  estimatedFirstYearValue: string;
  fromVendorLead: boolean;
  possibleConflict: boolean;
  submittedAt: string | null;
  reviewDueAt: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  approvedAt: string | null;
  protectionEndsAt: string | null;
  protectionDaysLeft: number | null;
  extensionsUsed: number;
  extensionRequestedAt: string | null;
  extensionReason: string | null;
  actualMrr: string | null;
  actualOneTime: string | null;
  actualCloseDate: string | null;
  products: { productId: string; sku: string; quantity: number }[];
  timeline: Event[];
}
interface Conflict {
  source: string;
  score: number;
  reasons: string[];
  registrationId: string | null;
  registrationNumber: number | null;
  organisationId: string | null;
  organisationName: string | null;
  houseAccountId: string | null;
  customerName: string;
  customerDomain: string | null;
}
interface Notification {
  id: string;
  type: string;
  title: string;
  entityType: string | null;
  entityId: string | null;
  readAt: string | null;
}

type Status = 'DRAFT' | 'SUBMITTED' | 'MORE_INFO_REQUESTED' | 'APPROVED' | 'REJECTED' | 'WON' | 'LOST';
type Who = 'admin' | 'manager' | 'manager2' | 'analyst' | 'nwRep' | 'nwAdmin' | 'ctRep';
/** A demo user by name, or any signed-in user (e.g. a rep a test created). */
type As = Who | { token: string };

const iso = (ms: number): string => new Date(ms).toISOString();

/** The first Friday 15:00 UTC after tomorrow (a submission just before a weekend). */
function nextFriday(from: Date): Date {
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + 1, 15));
  while (day.getUTCDay() !== 5) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

function expectRefused(res: GqlResponse<unknown>, code: string, field?: string): void {
  expect(res.errors?.[0]?.extensions?.code).toBe(code);
  expect(res.data).toBeNull();
  if (field) expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toContain(field);
}

describe('deal registration', () => {
  let t: TestApp;
  const tokens = {} as Record<Who, string>;
  const ids = { northwind: '', contoso: '', mspProgram: '', otherProgram: '', nwRep: '', manager: '', rws: '' };
  const sku = {} as Record<(typeof DEMO_PRODUCTS)[number]['sku'], string>;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    // The queue without workers: outcome events and notification e-mails stay in pgboss.job to be looked at.
    await t.app.get(JobsService).start({ workers: false });
    const emails: Record<Who, string> = {
      admin: 'admin@vendor.test',
      manager: 'manager@vendor.test',
      manager2: 'manager2@vendor.test',
      analyst: 'analyst@vendor.test',
      nwRep: 'rep@northwind.test',
      nwAdmin: 'admin@northwind.test',
      ctRep: 'rep@contoso.test',
    };
    for (const [who, email] of Object.entries(emails)) tokens[who as Who] = await t.login(email);

    const products = await gqlOk<{ products: { id: string; sku: keyof typeof sku }[] }>(t, DOCS.products, {}, auth('nwRep'));
    for (const p of products.products) sku[p.sku] = p.id;
    const one = async (sql: string, params: unknown[] = []): Promise<string> => ((await t.dataSource.query(sql, params)) as { id: string }[])[0].id;
    ids.northwind = await one(`SELECT id FROM organisations WHERE name = 'Northwind IT'`);
    ids.contoso = await one(`SELECT id FROM organisations WHERE name = 'Contoso Managed Services'`);
    ids.mspProgram = await one(`SELECT program_id AS id FROM enrolments WHERE organisation_id = $1`, [ids.northwind]);
    ids.otherProgram = await one(`SELECT id FROM programs WHERE id <> $1 ORDER BY name LIMIT 1`, [ids.mspProgram]);
    ids.nwRep = await one(`SELECT id FROM users WHERE email = 'rep@northwind.test'`);
    ids.manager = await one(`SELECT id FROM users WHERE email = 'manager@vendor.test'`);
    ids.rws = await one(`SELECT id FROM house_accounts WHERE domain = 'rws.nl'`);
  });
  afterAll(() => t?.close());
  // Tests that move the clock leave it where it was: at the real time.
  afterEach(() => t.clock.set(new Date()));

  const auth = (as: As): { token: string } => ({ token: typeof as === 'string' ? tokens[as] : as.token });
  const run = async (action: Action, variables: Vars, as: As): Promise<Registration> => (await gqlOk<{ r: Registration }>(t, R[action], variables, auth(as))).r;
  const attempt = (action: Action, variables: Vars, as: As): Promise<GqlResponse<{ r: Registration }>> => t.gql(R[action], variables, auth(as));
  const query = <T>(document: string, variables: Vars, as: As): Promise<T> => gqlOk<T>(t, document, variables, auth(as));
  const rows = <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.dataSource.query(sql, params);

  /** A registration made by a partner rep (Northwind's unless `rep`), driven to `status` through the API. */
  async function registration(status: Status, overrides: Vars = {}, rep: As = 'nwRep'): Promise<Registration> {
    const draft = await run('create', { input: dealInput(sku['ACME-BACKUP'], t.clock.now(), overrides) }, rep);
    if (status === 'DRAFT') return draft;
    const { id } = draft;
    const submitted = await run('submit', { id }, rep);
    if (status === 'SUBMITTED') return submitted;
    if (status === 'MORE_INFO_REQUESTED') return run('requestInfo', { id, reason: 'Which sites are included?' }, 'manager');
    if (status === 'REJECTED') return run('reject', { id, reason: 'The customer buys from us directly.' }, 'manager');
    const approved = await run('approve', { id }, 'manager');
    if (status === 'WON') return run('won', { id, input: { closeDate: isoDate(t.clock.now()) } }, rep);
    if (status === 'LOST') return run('lost', { id, reason: 'Went with a competitor.' }, rep);
    return approved;
  }

  /** Everything stored about one registration, to prove a refused operation changed nothing. */
  const stored = async (id: string) => ({
    registration: await rows(`SELECT * FROM deal_registrations WHERE id = $1`, [id]),
    lines: await rows(`SELECT * FROM deal_registration_products WHERE registration_id = $1 ORDER BY product_id`, [id]),
    events: await rows(`SELECT id FROM deal_events WHERE registration_id = $1 ORDER BY id`, [id]),
    conflicts: await rows(`SELECT * FROM deal_conflicts WHERE registration_id = $1 ORDER BY id`, [id]),
  });
  const totals = async () => (await rows<{ registrations: number; events: number }>(
    `SELECT (SELECT count(*) FROM deal_registrations)::int AS registrations, (SELECT count(*) FROM deal_events)::int AS events`,
  ))[0];
  const protectedLines = (id: string) => rows<{ protected: boolean }>(`SELECT protected FROM deal_registration_products WHERE registration_id = $1`, [id]);
  const outcomeJobs = (id: string) =>
    rows<{ data: { type: string; mrrMinor: string; oneTimeMinor: string; closeDate: string | null; products: { sku: string; quantity: number }[] } }>(
      `SELECT data FROM pgboss.job WHERE name = 'deal-outcome' AND data->>'registrationId' = $1`,
      [id],
    );
  const notificationsOf = (userId: string, type: string, entityId: string) =>
    rows<{ id: string; title: string }>(`SELECT id, title FROM notifications WHERE user_id = $1 AND type = $2 AND entity_id = $3 ORDER BY created_at, id`, [
      userId,
      type,
      entityId,
    ]);
  const conflictsOf = async (id: string): Promise<Conflict[]> => (await query<{ dealConflicts: Conflict[] }>(DOCS.dealConflicts, { id }, 'manager')).dealConflicts;
  const liveCheck = (input: Vars, who: As) => t.gql<{ checkDealConflicts: { matches: Conflict[] } }>(DOCS.checkDealConflicts, { input }, auth(who));

  // ---------------------------------------------------------------------------------------------------

  describe('lifecycle', () => {
    it('a draft is edited, submitted, sent back, resubmitted and approved; each step is on the timeline and in the audit log', async () => {
      const friday = nextFriday(new Date());
      t.clock.set(friday);
      const draft = await run('create', { input: dealInput(sku['ACME-BACKUP'], friday, { estimatedMrr: '312.50', estimatedOneTime: '1500' }) }, 'nwRep');
      expect(draft).toMatchObject({ status: 'DRAFT', organisationId: ids.northwind, programId: ids.mspProgram, currency: 'EUR', possibleConflict: false });
      // 312.50 × 12 + 1500.00
      expect(draft).toMatchObject({ estimatedMrr: '312.50', estimatedOneTime: '1500.00', estimatedFirstYearValue: '5250.00', submittedAt: null, reviewDueAt: null });

      const lines = [{ productId: sku['ACME-ONBOARD'], quantity: 1 }, { productId: sku['ACME-BACKUP'], quantity: 40 }];
      const edited = await run('update', { id: draft.id, input: { estimatedMrr: '400', notes: 'Two sites', products: lines } }, 'nwRep');
      expect(edited).toMatchObject({ status: 'DRAFT', estimatedMrr: '400.00', estimatedFirstYearValue: '6300.00', notes: 'Two sites' });
      expect([...edited.products].sort((a, b) => a.sku.localeCompare(b.sku))).toEqual([
        { productId: sku['ACME-BACKUP'], sku: 'ACME-BACKUP', quantity: 40 },
        { productId: sku['ACME-ONBOARD'], sku: 'ACME-ONBOARD', quantity: 1 },
      ]);

      // Friday 15:00 plus two business days is Tuesday 15:00.
      const submitted = await run('submit', { id: draft.id }, 'nwRep');
      expect(submitted).toMatchObject({ status: 'SUBMITTED', submittedAt: friday.toISOString(), reviewDueAt: iso(friday.getTime() + 4 * DAY) });

      const sentBack = await run('requestInfo', { id: draft.id, reason: 'Which sites are included?' }, 'manager');
      expect(sentBack).toMatchObject({ status: 'MORE_INFO_REQUESTED', decisionReason: 'Which sites are included?' });

      // Resubmitted on Saturday: the SLA counts from Monday 00:00 UTC, so it is due on Wednesday 00:00.
      t.clock.advance(DAY);
      const saturday = t.clock.now();
      const resubmitted = await run('update', { id: draft.id, input: { customerCity: 'Utrecht', salesStage: 'PROPOSAL', submit: true } }, 'nwRep');
      const wednesday = Date.UTC(saturday.getUTCFullYear(), saturday.getUTCMonth(), saturday.getUTCDate() + 4);
      expect(resubmitted).toMatchObject({ status: 'SUBMITTED', customerCity: 'Utrecht', submittedAt: saturday.toISOString(), reviewDueAt: iso(wednesday) });

      const approved = await run('approve', { id: draft.id, note: 'Welcome aboard' }, 'manager');
      expect(approved).toMatchObject({
        status: 'APPROVED',
        approvedAt: saturday.toISOString(),
        decidedAt: saturday.toISOString(),
        protectionEndsAt: iso(saturday.getTime() + 90 * DAY),
        protectionDaysLeft: 90,
        decisionReason: 'Welcome aboard',
        extensionsUsed: 0,
      });
      expect(await protectedLines(draft.id)).toEqual([{ protected: true }, { protected: true }]);

      const rep = { actorName: 'Ruben Visser', actorSide: 'PARTNER' };
      const manager = { actorName: 'Maarten de Vries', actorSide: 'VENDOR' };
      expect(approved.timeline).toEqual([
        { type: 'CREATED', fromStatus: null, toStatus: 'DRAFT', note: null, ...rep },
        { type: 'UPDATED', fromStatus: 'DRAFT', toStatus: 'DRAFT', note: null, ...rep },
        { type: 'SUBMITTED', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', note: null, ...rep },
        { type: 'INFO_REQUESTED', fromStatus: 'SUBMITTED', toStatus: 'MORE_INFO_REQUESTED', note: 'Which sites are included?', ...manager },
        { type: 'UPDATED', fromStatus: 'MORE_INFO_REQUESTED', toStatus: 'MORE_INFO_REQUESTED', note: null, ...rep },
        { type: 'SUBMITTED', fromStatus: 'MORE_INFO_REQUESTED', toStatus: 'SUBMITTED', note: null, ...rep },
        { type: 'APPROVED', fromStatus: 'SUBMITTED', toStatus: 'APPROVED', note: 'Welcome aboard', ...manager },
      ]);

      const audit = await auditEntries(t, tokens.admin, { entityType: 'DealRegistration', entityId: draft.id });
      expect(audit.map((e) => e.operation).reverse()).toEqual([
        'createDealRegistration',
        'updateDealRegistration',
        'submitDealRegistration',
        'requestDealInformation',
        'updateDealRegistration',
        'submitDealRegistration',
        'approveDealRegistration',
      ]);
      expect(audit[0].actorUserId).toBe(ids.manager);
      expect(changesOf(audit[0])['status']).toEqual({ before: 'SUBMITTED', after: 'APPROVED' });
      expect(changesOf(audit[audit.length - 2])['estimatedMrrMinor']).toEqual({ before: '31250', after: '40000' });
    });

    it('an edit keeps every field it leaves out: currency, vendor lead, website, products', async () => {
      const draft = await registration('DRAFT', { currency: 'USD', estimatedMrr: '99.99', fromVendorLead: true });
      const edited = await run('update', { id: draft.id, input: { notes: 'Only a note' } }, 'nwRep');
      expect(edited).toMatchObject({ notes: 'Only a note', currency: 'USD', estimatedMrr: '99.99', fromVendorLead: true, customerDomain: draft.customerDomain });
      expect(edited.products).toEqual(draft.products);
    });

    it('rejecting and marking lost need a reason, which the partner then reads', async () => {
      const submitted = await registration('SUBMITTED');
      const before = await stored(submitted.id);
      for (const reason of ['', '   ']) expectRefused(await attempt('reject', { id: submitted.id, reason }, 'manager'), 'BAD_USER_INPUT', 'reason');
      expect(await stored(submitted.id)).toEqual(before);
      await run('reject', { id: submitted.id, reason: 'The customer buys from us directly.' }, 'manager');
      expect(await run('get', { id: submitted.id }, 'nwRep')).toMatchObject({ status: 'REJECTED', decisionReason: 'The customer buys from us directly.' });

      const approved = await registration('APPROVED');
      const approvedBefore = await stored(approved.id);
      for (const reason of ['', '   ']) expectRefused(await attempt('lost', { id: approved.id, reason }, 'nwRep'), 'BAD_USER_INPUT', 'reason');
      expect(await stored(approved.id)).toEqual(approvedBefore);
      const lost = await run('lost', { id: approved.id, reason: 'Budget frozen.' }, 'nwRep');
      expect(lost).toMatchObject({ status: 'LOST', decisionReason: 'Budget frozen.', protectionDaysLeft: null });
      expect(lost.timeline.at(-1)).toEqual({ type: 'LOST', fromStatus: 'APPROVED', toStatus: 'LOST', note: 'Budget frozen.', actorName: 'Ruben Visser', actorSide: 'PARTNER' });
      expect(await protectedLines(approved.id)).toEqual([{ protected: false }]);
      expect((await outcomeJobs(approved.id)).map((j) => j.data.type)).toEqual(['DEAL_LOST']);
    });

    it('marking won records the actual values and close date, releases the protection and sends the outcome event', async () => {
      const approved = await registration('APPROVED', { estimatedMrr: '250.00' });
      const closeDate = isoDate(t.clock.now());
      const won = await run('won', { id: approved.id, input: { actualMrr: '275.50', actualOneTime: '1500', closeDate } }, 'nwRep');
      expect(won).toMatchObject({ status: 'WON', actualMrr: '275.50', actualOneTime: '1500.00', actualCloseDate: closeDate, estimatedMrr: '250.00', protectionDaysLeft: null });
      expect(won.timeline.at(-1)).toMatchObject({ type: 'WON', fromStatus: 'APPROVED', toStatus: 'WON', actorName: 'Ruben Visser' });
      expect(await protectedLines(approved.id)).toEqual([{ protected: false }]);
      const [job, ...more] = await outcomeJobs(approved.id);
      expect(more).toEqual([]);
      expect(job.data).toMatchObject({ type: 'DEAL_WON', mrrMinor: '27550', oneTimeMinor: '150000', closeDate, products: [{ sku: 'ACME-BACKUP', quantity: 10 }] });

      // Left out, the actual values are the estimates; a close date in the future is refused.
      const other = await registration('APPROVED', { estimatedMrr: '80.00', estimatedOneTime: '400.00' });
      expectRefused(await attempt('won', { id: other.id, input: { closeDate: isoDate(t.clock.now(), 1) } }, 'manager'), 'BAD_USER_INPUT', 'closeDate');
      expect(await run('won', { id: other.id, input: { closeDate } }, 'manager')).toMatchObject({ status: 'WON', actualMrr: '80.00', actualOneTime: '400.00' });
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('transitions that are not allowed', () => {
    const cases: [string, Status, (id: string) => [Action, Vars, Who]][] = [
      ['approving a LOST deal', 'LOST', (id) => ['approve', { id }, 'manager']],
      ['submitting an APPROVED deal', 'APPROVED', (id) => ['submit', { id }, 'nwRep']],
      ['editing a SUBMITTED deal', 'SUBMITTED', (id) => ['update', { id, input: { notes: 'sneaky edit' } }, 'nwRep']],
      ['editing a REJECTED deal', 'REJECTED', (id) => ['update', { id, input: { customerName: 'Renamed' } }, 'nwRep']],
      ['rejecting an APPROVED deal', 'APPROVED', (id) => ['reject', { id, reason: 'Changed my mind' }, 'manager']],
      ['asking more information about a REJECTED deal', 'REJECTED', (id) => ['requestInfo', { id, reason: 'Tell me more' }, 'manager']],
      ['approving a deal waiting for information', 'MORE_INFO_REQUESTED', (id) => ['approve', { id }, 'manager']],
      ['marking a SUBMITTED deal won', 'SUBMITTED', (id) => ['won', { id, input: { closeDate: isoDate(new Date()) } }, 'nwRep']],
      ['marking a WON deal lost', 'WON', (id) => ['lost', { id, reason: 'Oops' }, 'nwRep']],
      ['marking a DRAFT lost', 'DRAFT', (id) => ['lost', { id, reason: 'Never mind' }, 'nwRep']],
      ['requesting an extension of a SUBMITTED deal', 'SUBMITTED', (id) => ['requestExtension', { id, reason: 'More time' }, 'nwRep']],
      ['deciding an extension nobody asked for', 'APPROVED', (id) => ['decideExtension', { id, approve: true }, 'manager']],
    ];
    it.each(cases)('%s → CONFLICT, and nothing changes', async (_label, status, act) => {
      const reg = await registration(status);
      const before = await stored(reg.id);
      const [action, variables, who] = act(reg.id);
      expectRefused(await attempt(action, variables, who), 'CONFLICT');
      expect(await stored(reg.id)).toEqual(before);
      expect((await run('get', { id: reg.id }, 'nwRep')).status).toBe(status);
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('bad input is refused with field errors, and nothing is written', () => {
    let retiredProduct: string;
    beforeAll(async () => {
      const created = await query<{ createProduct: { id: string } }>(
        DOCS.createProduct,
        { input: { sku: `RETIRED-${hex()}`, name: 'Retired product', productLine: 'Legacy', pricing: 'ONE_TIME', listPrice: '10.00' } },
        'admin',
      );
      retiredProduct = created.createProduct.id;
      const retired = await query<{ updateProduct: { active: boolean } }>(DOCS.updateProduct, { id: retiredProduct, input: { active: false } }, 'admin');
      expect(retired.updateProduct.active).toBe(false);
    });

    const threeYearsAhead = (): string => {
      const today = isoDate(new Date());
      return `${Number(today.slice(0, 4)) + 3}${today.slice(4)}`;
    };
    const cases: [string, () => Vars, string[]][] = [
      ['a close date in the past', () => ({ expectedCloseDate: isoDate(new Date(), -1) }), ['expectedCloseDate']],
      ['a close date that is no real date (2026-02-30)', () => ({ expectedCloseDate: '2026-02-30' }), ['expectedCloseDate']],
      ['a close date more than 3 years ahead', () => ({ expectedCloseDate: isoDate(new Date(`${threeYearsAhead()}T00:00:00Z`), 1) }), ['expectedCloseDate']],
      ['a negative amount', () => ({ estimatedMrr: '-5' }), ['estimatedMrr']],
      ['an amount in exponent notation', () => ({ estimatedOneTime: '1e9' }), ['estimatedOneTime']],
      ['an amount with 3 decimals', () => ({ estimatedMrr: '12.345' }), ['estimatedMrr']],
      ['decimals in a currency without them (JPY)', () => ({ currency: 'JPY', estimatedMrr: '100.50' }), ['estimatedMrr']],
      ['a first-year value beyond what can be stored (KWD)', () => ({ currency: 'KWD', estimatedMrr: '999999999999999.99' }), ['estimatedMrr']],
      ['an unknown product', () => ({ products: [{ productId: UNKNOWN_ID }] }), ['products.0.productId']],
      ['a product that is no longer offered', () => ({ products: [{ productId: retiredProduct }] }), ['products.0.productId']],
      ['the same product twice', () => ({ products: [{ productId: sku['ACME-BACKUP'] }, { productId: sku['ACME-BACKUP'], quantity: 2 }] }), ['products']],
      ['notes over 4000 characters', () => ({ notes: 'n'.repeat(4001) }), ['notes']],
      ['no website when submitting at once', () => ({ customerWebsite: undefined, submit: true }), ['customerWebsite']],
      ['both values zero', () => ({ estimatedMrr: '0', estimatedOneTime: '0.00' }), ['estimatedMrr']],
      ['a program the partner is not enrolled in', () => ({ programId: ids.otherProgram }), ['programId']],
      ['two mistakes at once: both are named', () => ({ expectedCloseDate: isoDate(new Date(), -1), products: [{ productId: UNKNOWN_ID }] }), ['expectedCloseDate', 'products.0.productId']],
    ];
    it.each(cases)('%s', async (_label, patch, fields) => {
      const before = await totals();
      const res = await attempt('create', { input: dealInput(sku['ACME-BACKUP'], new Date(), patch()) }, 'nwRep');
      expectRefused(res, 'BAD_USER_INPUT');
      expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {}).sort()).toEqual([...fields].sort());
      expect(await totals()).toEqual(before);
    });

    it('accepts the edges: a close date today and exactly 3 years ahead', async () => {
      for (const expectedCloseDate of [isoDate(new Date()), threeYearsAhead()]) {
        expect((await registration('DRAFT', { expectedCloseDate })).status).toBe('DRAFT');
      }
    });

    it('a draft without a website can be saved, but not submitted', async () => {
      const draft = await registration('DRAFT', { customerWebsite: undefined });
      expect(draft.customerDomain).toBeNull();
      const before = await stored(draft.id);
      expectRefused(await attempt('submit', { id: draft.id }, 'nwRep'), 'BAD_USER_INPUT', 'customerWebsite');
      expect(await stored(draft.id)).toEqual(before);
    });

    it("the program's minimum value (MRR × 12 + one-time) is enforced", async () => {
      const programId = await createDealProgram(t, tokens.admin);
      const partner = await createPartnerWithRep(t, tokens.admin, programId);
      const rules = await query<{ updateDealRules: { minimumValue: string } }>(DOCS.updateDealRules, { programId, input: { minimumValue: '10000' } }, 'admin');
      expect(rules.updateDealRules.minimumValue).toBe('10000.00');
      expect(await query(DOCS.dealRules, { programId }, partner.rep)).toMatchObject({ dealRules: { minimumValue: '10000.00', minimumValueCurrency: 'EUR' } });

      const before = await totals();
      // 700 × 12 + 1599.99 = 9999.99
      const below = await attempt('create', { input: dealInput(sku['ACME-BACKUP'], new Date(), { estimatedMrr: '700', estimatedOneTime: '1599.99' }) }, partner.rep);
      expectRefused(below, 'BAD_USER_INPUT', 'estimatedMrr');
      expect(await totals()).toEqual(before);
      // 700 × 12 + 1600 = 10000.00, the minimum itself
      const atMinimum = await registration('SUBMITTED', { estimatedMrr: '700', estimatedOneTime: '1600' }, partner.rep);
      expect(atMinimum).toMatchObject({ status: 'SUBMITTED', estimatedFirstYearValue: '10000.00' });
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('protection: reminders and expiry with a moved clock', () => {
    it('reminds 14 and 3 days before the end (once each), then expires and frees the customer for another partner', async () => {
      const schedule = t.app.get(DealRegistrationsService);
      const domain = `expiring-${hex()}.nl`;
      const ours = await registration('APPROVED', { customerWebsite: domain });
      const end = Date.parse(ours.protectionEndsAt ?? '');
      const theirs = await registration('SUBMITTED', { customerWebsite: `https://www.${domain}/contact` }, 'ctRep');
      expectRefused(await attempt('approve', { id: theirs.id }, 'manager'), 'CONFLICT');

      const reminders = async () => (await notificationsOf(ids.nwRep, 'DEAL_PROTECTION_ENDING', ours.id)).map((n) => n.title);
      const reminderEvents = async () => (await run('get', { id: ours.id }, 'nwRep')).timeline.filter((e) => e.type === 'REMINDER_SENT');
      const title = `Protection of DR-${ours.number} (${ours.customerName}) ends on ${iso(end).slice(0, 10)}`;

      // Two runs at once (an overlapping job) and one after: still one reminder.
      t.clock.advance(76 * DAY + 60_000);
      await Promise.all([schedule.runSchedule(), schedule.runSchedule()]);
      await schedule.runSchedule();
      expect(await reminders()).toEqual([title]);
      expect(await reminderEvents()).toEqual([
        { type: 'REMINDER_SENT', fromStatus: 'APPROVED', toStatus: 'APPROVED', note: '14 days before the protection ends', actorName: null, actorSide: null },
      ]);
      expect((await run('get', { id: ours.id }, 'nwRep')).protectionDaysLeft).toBe(14);

      t.clock.set(new Date(end - 3 * DAY + 60_000));
      await Promise.all([schedule.runSchedule(), schedule.runSchedule()]);
      await schedule.runSchedule();
      expect(await reminders()).toEqual([title, title]);
      expect((await reminderEvents()).map((e) => e.note)).toEqual(['14 days before the protection ends', '3 days before the protection ends']);
      expect((await run('get', { id: ours.id }, 'nwRep')).status).toBe('APPROVED');

      t.clock.set(new Date(end + 60_000));
      await schedule.runSchedule();
      const expired = await run('get', { id: ours.id }, 'nwRep');
      expect(expired).toMatchObject({ status: 'EXPIRED', protectionDaysLeft: null });
      expect(expired.timeline.at(-1)).toEqual({ type: 'EXPIRED', fromStatus: 'APPROVED', toStatus: 'EXPIRED', note: null, actorName: null, actorSide: null });
      expect(await notificationsOf(ids.nwRep, 'DEAL_EXPIRED', ours.id)).toHaveLength(1);
      expect(await protectedLines(ours.id)).toEqual([{ protected: false }]);
      expect((await outcomeJobs(ours.id)).map((j) => j.data.type)).toEqual(['DEAL_EXPIRED']);
      expect(await reminders()).toHaveLength(2);

      const approved = await run('approve', { id: theirs.id }, 'manager');
      expect(approved).toMatchObject({ status: 'APPROVED', protectionEndsAt: iso(end + 60_000 + 90 * DAY) });
    });

    it("an approval after another partner's protection ended goes through before the schedule ran", async () => {
      const domain = `lapsed-${hex()}.nl`;
      const ours = await registration('APPROVED', { customerWebsite: domain });
      const theirs = await registration('SUBMITTED', { customerWebsite: domain }, 'ctRep');
      t.clock.set(new Date(Date.parse(ours.protectionEndsAt ?? '') + 1000));
      expect((await run('approve', { id: theirs.id }, 'manager')).status).toBe('APPROVED');
      expect((await run('get', { id: ours.id }, 'nwRep')).status).toBe('EXPIRED');
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('extensions', () => {
    it('a request with a reason, once approved, adds 30 days; the program allows one', async () => {
      const reg = await registration('APPROVED');
      const end = Date.parse(reg.protectionEndsAt ?? '');
      expectRefused(await attempt('requestExtension', { id: reg.id, reason: ' ' }, 'nwRep'), 'BAD_USER_INPUT', 'reason');

      const requested = await run('requestExtension', { id: reg.id, reason: 'The board meets next month' }, 'nwRep');
      expect(requested).toMatchObject({ extensionRequestedAt: t.clock.now().toISOString(), extensionReason: 'The board meets next month', extensionsUsed: 0, protectionEndsAt: iso(end) });
      expect(await notificationsOf(ids.manager, 'DEAL_EXTENSION_REQUESTED', reg.id)).toHaveLength(1);
      expectRefused(await attempt('requestExtension', { id: reg.id, reason: 'Again' }, 'nwRep'), 'CONFLICT');

      const extended = await run('decideExtension', { id: reg.id, approve: true, note: 'Fine' }, 'manager');
      expect(extended).toMatchObject({ protectionEndsAt: iso(end + 30 * DAY), extensionsUsed: 1, extensionRequestedAt: null, protectionDaysLeft: 120 });
      expect(extended.timeline.slice(-2)).toEqual([
        { type: 'EXTENSION_REQUESTED', fromStatus: 'APPROVED', toStatus: 'APPROVED', note: 'The board meets next month', actorName: 'Ruben Visser', actorSide: 'PARTNER' },
        { type: 'EXTENSION_APPROVED', fromStatus: 'APPROVED', toStatus: 'APPROVED', note: 'Fine', actorName: 'Maarten de Vries', actorSide: 'VENDOR' },
      ]);
      const [decided] = await notificationsOf(ids.nwRep, 'DEAL_EXTENSION_DECIDED', reg.id);
      expect(decided.title).toContain(iso(end + 30 * DAY).slice(0, 10));

      const before = await stored(reg.id);
      const second = await attempt('requestExtension', { id: reg.id, reason: 'Just a little more' }, 'nwRep');
      expectRefused(second, 'CONFLICT');
      expect(second.errors?.[0]?.message).toMatch(/one extension/);
      expect(await stored(reg.id)).toEqual(before);
    });

    it('a declined request leaves the protection as it was, and the partner may ask again', async () => {
      const reg = await registration('APPROVED');
      await run('requestExtension', { id: reg.id, reason: 'Need time' }, 'nwRep');
      const declined = await run('decideExtension', { id: reg.id, approve: false, note: 'Not this time' }, 'manager');
      expect(declined).toMatchObject({ protectionEndsAt: reg.protectionEndsAt, extensionsUsed: 0, extensionRequestedAt: null });
      expect(declined.timeline.at(-1)).toMatchObject({ type: 'EXTENSION_DECLINED', note: 'Not this time' });
      expect((await run('requestExtension', { id: reg.id, reason: 'Asking again' }, 'nwRep')).extensionReason).toBe('Asking again');
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('conflict detection', () => {
    /** Northwind registers first, Contoso second; what a reviewer sees on Contoso's registration about Northwind's. */
    async function contosoAfterNorthwind(northwind: Vars, contoso: Vars): Promise<{ ours: Registration; theirs: Registration; match?: Conflict }> {
      const ours = await registration('SUBMITTED', northwind);
      const theirs = await registration('SUBMITTED', contoso, 'ctRep');
      return { ours, theirs, match: (await conflictsOf(theirs.id)).find((c) => c.registrationId === ours.id) };
    }

    it('"Acme B.V." and "ACME BV" in one country are one customer, whatever their domains', async () => {
      const { ours, theirs, match } = await contosoAfterNorthwind(
        { customerName: 'Acme B.V.', customerWebsite: 'acme-bv.nl', customerCountry: 'NL' },
        { customerName: 'ACME BV', customerWebsite: 'acme-holding.nl', customerCountry: 'NL' },
      );
      expect(theirs.possibleConflict).toBe(true);
      expect(match).toMatchObject({ source: 'OTHER_PARTNER', registrationNumber: ours.number, organisationId: ids.northwind, organisationName: 'Northwind IT', customerName: 'Acme B.V.' });
      expect(match?.reasons).toContain('SAME_COUNTRY');
      expect(match?.reasons).not.toContain('SAME_DOMAIN');
      expect(match?.reasons.filter((r) => r === 'SAME_NAME' || r === 'SIMILAR_NAME')).toHaveLength(1);
      expect(match?.score).toBeGreaterThanOrEqual(60);
    });

    it('https://www.acme.nl/contact and acme.nl are the same domain, whatever the names', async () => {
      const { theirs, match } = await contosoAfterNorthwind(
        { customerName: 'Roadrunner Supplies', customerWebsite: 'https://www.acme.nl/contact', customerCountry: 'NL' },
        { customerName: 'Coyote Logistics', customerWebsite: 'acme.nl', customerCountry: 'NL' },
      );
      expect(theirs).toMatchObject({ possibleConflict: true, customerDomain: 'acme.nl' });
      expect(match).toMatchObject({ source: 'OTHER_PARTNER', customerDomain: 'acme.nl', score: 100 });
      expect(match?.reasons).toEqual(['SAME_DOMAIN', 'SAME_COUNTRY']);
    });

    it('the same name in another country, on another domain, is another company', async () => {
      const { theirs, match } = await contosoAfterNorthwind(
        { customerName: 'Acme B.V.', customerWebsite: 'acme-nederland.nl', customerCountry: 'NL' },
        { customerName: 'Acme NV', customerWebsite: 'acme.be', customerCountry: 'BE' },
      );
      expect(match).toBeUndefined();
      expect(theirs.possibleConflict).toBe(false);
    });

    it('a house account is flagged, and approval is refused unless the program allows house accounts', async () => {
      const programId = await createDealProgram(t, tokens.admin);
      const partner = await createPartnerWithRep(t, tokens.admin, programId);
      const reg = await registration('SUBMITTED', { customerName: 'Rijkswaterstaat Oost-Nederland', customerWebsite: 'https://www.rws.nl/contact' }, partner.rep);
      expect(reg.possibleConflict).toBe(true);
      const house = (await conflictsOf(reg.id)).find((c) => c.source === 'HOUSE_ACCOUNT');
      expect(house).toMatchObject({ houseAccountId: ids.rws, customerName: 'Rijkswaterstaat', customerDomain: 'rws.nl', registrationId: null, organisationName: null });
      expect(house?.reasons).toContain('SAME_DOMAIN');

      const before = await stored(reg.id);
      const refused = await attempt('approve', { id: reg.id }, 'manager');
      expectRefused(refused, 'CONFLICT');
      expect(refused.errors?.[0]?.message).toMatch(/house account/);
      expect(await stored(reg.id)).toEqual(before);

      await query(DOCS.updateDealRules, { programId, input: { allowHouseAccounts: true } }, 'admin');
      expect((await run('approve', { id: reg.id }, 'manager')).status).toBe('APPROVED');
    });

    it("a partner's own earlier registration shows in its live check as OWN_REGISTRATION", async () => {
      const name = `Initech ${hex()}`;
      const earlier = await registration('SUBMITTED', { customerName: name });
      const check = await liveCheck({ customerName: `${name.toUpperCase()} B.V.`, customerWebsite: `other-${hex()}.nl`, customerCountry: 'NL' }, 'nwRep');
      expect(check.data?.checkDealConflicts.matches).toEqual([
        expect.objectContaining({ source: 'OWN_REGISTRATION', registrationId: earlier.id, registrationNumber: earlier.number, customerName: name }),
      ]);
      // The registration being edited is left out of its own check.
      const editing = await liveCheck({ customerName: name, customerCountry: 'NL', registrationId: earlier.id }, 'nwRep');
      expect(editing.data?.checkDealConflicts.matches).toEqual([]);
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('what partners never see of each other, and vendor staff never see of drafts', () => {
    it("a partner's live check shows nothing of another partner's registration or of house accounts", async () => {
      const tag = hex();
      const contact = `buyer-${tag}@globex.test`;
      const customer = { customerName: `Globex ${tag} NV`, customerWebsite: `globex-${tag}.be`, customerCountry: 'BE' };
      const theirs = await registration('APPROVED', { ...customer, contactEmail: contact, contactName: 'Hank Scorpio' }, 'ctRep');
      const secrets = ['Contoso', contact, 'Hank Scorpio', theirs.id, ids.contoso];

      const check = await liveCheck({ ...customer, customerWebsite: `https://www.globex-${tag}.be/` }, 'nwRep');
      expect(check.errors).toBeUndefined();
      expect(check.data?.checkDealConflicts.matches).toEqual([]);
      for (const secret of secrets) expect(JSON.stringify(check)).not.toContain(secret);
      const house = await liveCheck({ customerName: 'Rijkswaterstaat', customerWebsite: 'rws.nl', customerCountry: 'NL' }, 'nwAdmin');
      expect(house.data?.checkDealConflicts.matches).toEqual([]);
      expect(JSON.stringify(house)).not.toContain(ids.rws);

      // The same check by vendor staff finds both (the partner's answer is empty because it is filtered).
      const vendor = await liveCheck(customer, 'analyst');
      expect(vendor.data?.checkDealConflicts.matches).toEqual([expect.objectContaining({ source: 'OTHER_PARTNER', registrationId: theirs.id })]);
      const vendorHouse = await liveCheck({ customerName: 'Rijkswaterstaat', customerWebsite: 'rws.nl', customerCountry: 'NL' }, 'analyst');
      expect(vendorHouse.data?.checkDealConflicts.matches).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'HOUSE_ACCOUNT', houseAccountId: ids.rws })]));

      // Northwind registers the customer anyway: its registration is flagged, without any detail.
      const ours = await registration('SUBMITTED', customer);
      expect(ours.possibleConflict).toBe(true);
      const read = await t.gql(DOCS.dealRegistration, { id: ours.id }, auth('nwRep'));
      expect(read.errors).toBeUndefined();
      for (const secret of secrets) expect(JSON.stringify(read)).not.toContain(secret);
      for (const who of ['nwRep', 'nwAdmin'] as const) expectRefused(await t.gql(DOCS.dealConflicts, { id: ours.id }, auth(who)), 'FORBIDDEN');
      expect((await conflictsOf(ours.id)).map((c) => c.registrationId)).toEqual([theirs.id]);

      // Named by id, another partner's registration does not exist.
      const theirsBefore = await stored(theirs.id);
      expectRefused(await attempt('get', { id: theirs.id }, 'nwRep'), 'NOT_FOUND');
      expectRefused(await attempt('lost', { id: theirs.id, reason: 'sabotage' }, 'nwRep'), 'NOT_FOUND');
      expectRefused(await attempt('requestExtension', { id: theirs.id, reason: 'sabotage' }, 'nwAdmin'), 'NOT_FOUND');
      expect(await stored(theirs.id)).toEqual(theirsBefore);
    });

    it("lists show a partner its own organisation's registrations, and vendor staff everything but drafts", async () => {
      const mine = [await registration('DRAFT'), await registration('SUBMITTED')];
      const theirs = [await registration('DRAFT', {}, 'ctRep'), await registration('SUBMITTED', {}, 'ctRep')];
      type Page = { edges: { node: { id: string; organisationId: string; status: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      const all = async (document: string, field: 'dealRegistrations' | 'dealReviewQueue', who: Who, filter: Vars = {}) => {
        const nodes: { id: string; organisationId: string; status: string }[] = [];
        let after: string | null = null;
        do {
          const page: Page = (await query<Record<string, Page>>(document, { first: 100, after, filter }, who))[field];
          nodes.push(...page.edges.map((e) => e.node));
          after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
        } while (after);
        return nodes;
      };
      const idsOf = (nodes: { id: string }[]) => new Set(nodes.map((n) => n.id));
      const inDb = async (sql: string, params: unknown[] = []) => new Set((await rows<{ id: string }>(sql, params)).map((r) => r.id));

      for (const filter of [{}, { organisationId: ids.contoso }]) {
        const partnerView = await all(DOCS.dealRegistrations, 'dealRegistrations', 'nwRep', filter);
        expect(idsOf(partnerView)).toEqual(await inDb(`SELECT id FROM deal_registrations WHERE organisation_id = $1`, [ids.northwind]));
        expect(mine.every((r) => idsOf(partnerView).has(r.id))).toBe(true);
      }

      const vendorView = await all(DOCS.dealRegistrations, 'dealRegistrations', 'analyst');
      expect(idsOf(vendorView)).toEqual(await inDb(`SELECT id FROM deal_registrations WHERE status <> 'DRAFT'`));
      expect(idsOf(vendorView).has(theirs[1].id)).toBe(true);
      expect(await all(DOCS.dealRegistrations, 'dealRegistrations', 'manager', { statuses: ['DRAFT'] })).toEqual([]);

      const queue = await all(DOCS.dealReviewQueue, 'dealReviewQueue', 'analyst');
      expect(idsOf(queue)).toEqual(await inDb(`SELECT id FROM deal_registrations WHERE status = 'SUBMITTED'`));
      const dueTimes = await rows<{ id: string }>(`SELECT id FROM deal_registrations WHERE status = 'SUBMITTED' ORDER BY review_due_at, id`);
      expect(queue.map((n) => n.id)).toEqual(dueTimes.map((r) => r.id));

      for (const draft of [mine[0], theirs[0]]) {
        expectRefused(await attempt('get', { id: draft.id }, 'analyst'), 'NOT_FOUND');
        expectRefused(await t.gql(DOCS.dealConflicts, { id: draft.id }, auth('manager')), 'NOT_FOUND');
        expectRefused(await attempt('approve', { id: draft.id }, 'manager'), 'NOT_FOUND');
      }
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('exclusivity under concurrency', () => {
    it('20 partners register one customer and product; of 20 simultaneous approvals exactly one succeeds', async () => {
      const programId = await createDealProgram(t, tokens.admin);
      const domain = `contested-${hex()}.nl`;
      const registrations: Registration[] = [];
      for (let i = 0; i < 20; i += 1) {
        const partner = await createPartnerWithRep(t, tokens.admin, programId);
        registrations.push(await registration('SUBMITTED', { customerName: `Contested Customer ${i}`, customerWebsite: `https://${domain}` }, partner.rep));
      }
      expect(new Set(registrations.map((r) => r.organisationId)).size).toBe(20);

      const results = await Promise.all(registrations.map((r) => attempt('approve', { id: r.id }, r.number % 2 ? 'manager' : 'manager2')));
      const winners = results.flatMap((res) => (res.data ? [res.data.r] : []));
      expect(winners).toHaveLength(1);
      expect(results.map(codeOf).filter((code) => code === 'CONFLICT')).toHaveLength(19);

      const protectedRows = await rows<{ registration_id: string }>(
        `SELECT registration_id FROM deal_registration_products WHERE customer_domain = $1 AND product_id = $2 AND protected`,
        [domain, sku['ACME-BACKUP']],
      );
      expect(protectedRows).toEqual([{ registration_id: winners[0].id }]);
      const statuses = await rows<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM deal_registrations WHERE customer_domain = $1 GROUP BY status ORDER BY status`,
        [domain],
      );
      expect(statuses).toEqual([{ status: 'APPROVED', n: 1 }, { status: 'SUBMITTED', n: 19 }]);
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('bulk decisions', () => {
    const DECIDE = DOCS.decideDealRegistrations;
    type Result = { id: string; ok: boolean; code: string | null; message: string | null };

    it('decides several registrations at once, each succeeding or failing on its own', async () => {
      const [a, b] = [await registration('SUBMITTED'), await registration('SUBMITTED')];
      const approved = await registration('APPROVED');
      const rejected = await registration('REJECTED');
      const draft = await registration('DRAFT');
      const before = { approved: await stored(approved.id), rejected: await stored(rejected.id), draft: await stored(draft.id) };

      const ids = [a.id, approved.id, b.id, rejected.id, UNKNOWN_ID, draft.id, a.id];
      const results = (await query<{ decideDealRegistrations: Result[] }>(DECIDE, { ids, decision: 'APPROVE' }, 'manager')).decideDealRegistrations;
      const failed = (id: string, code: string): Result => ({ id, ok: false, code, message: expect.any(String) as unknown as string });
      expect(results).toEqual([
        { id: a.id, ok: true, code: null, message: null },
        failed(approved.id, 'CONFLICT'),
        { id: b.id, ok: true, code: null, message: null },
        failed(rejected.id, 'CONFLICT'),
        failed(UNKNOWN_ID, 'NOT_FOUND'),
        failed(draft.id, 'NOT_FOUND'),
      ]);
      for (const reg of [a, b]) expect((await run('get', { id: reg.id }, 'nwRep')).status).toBe('APPROVED');
      expect({ approved: await stored(approved.id), rejected: await stored(rejected.id), draft: await stored(draft.id) }).toEqual(before);
    });

    it('rejecting or asking for information needs a reason for all', async () => {
      const c = await registration('SUBMITTED');
      const before = await stored(c.id);
      for (const decision of ['REJECT', 'REQUEST_INFO']) {
        expectRefused(await t.gql(DECIDE, { ids: [c.id], decision }, auth('manager')), 'BAD_USER_INPUT', 'reason');
      }
      expect(await stored(c.id)).toEqual(before);
      const results = (await query<{ decideDealRegistrations: Result[] }>(DECIDE, { ids: [c.id], decision: 'REQUEST_INFO', reason: 'Which sites?' }, 'manager')).decideDealRegistrations;
      expect(results).toEqual([{ id: c.id, ok: true, code: null, message: null }]);
      expect(await run('get', { id: c.id }, 'nwRep')).toMatchObject({ status: 'MORE_INFO_REQUESTED', decisionReason: 'Which sites?' });
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('house accounts', () => {
    type Report = { rows: number; imported: number; updated: number; rejected: number; applied: boolean; errors: { row: number; column: string; message: string }[] };
    const importCsv = async (csv: string, importValidRows = false): Promise<Report> =>
      (await query<{ importHouseAccounts: Report }>(DOCS.importHouseAccounts, { input: { csv, importValidRows } }, 'manager')).importHouseAccounts;
    const accountsIn = (domains: string[]) =>
      rows<{ company_name: string; domain: string; country: string | null }>(`SELECT company_name, domain, country FROM house_accounts WHERE domain = ANY($1) ORDER BY domain`, [domains]);
    const houseCount = async () => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM house_accounts`))[0].n;

    it('one per domain; listed, searched and deleted', async () => {
      const tag = hex();
      const created = await query<{ createHouseAccount: { id: string; domain: string; country: string } }>(
        DOCS.createHouseAccount,
        { input: { companyName: `Wayne Enterprises ${tag}`, website: `https://www.wayne-${tag}.com/about`, country: 'nl' } },
        'manager',
      );
      expect(created.createHouseAccount).toMatchObject({ domain: `wayne-${tag}.com`, country: 'NL' });
      const count = await houseCount();
      expectRefused(await t.gql(DOCS.createHouseAccount, { input: { companyName: 'Wayne Again', website: `wayne-${tag}.com` } }, auth('admin')), 'CONFLICT', 'website');
      expect(await houseCount()).toBe(count);

      const search = async () => (await query<{ houseAccounts: { edges: { node: { id: string } }[] } }>(DOCS.houseAccounts, { search: tag }, 'analyst')).houseAccounts.edges;
      expect((await search()).map((e) => e.node.id)).toEqual([created.createHouseAccount.id]);
      expect(await query(DOCS.deleteHouseAccount, { id: created.createHouseAccount.id }, 'manager')).toEqual({ deleteHouseAccount: true });
      expectRefused(await t.gql(DOCS.deleteHouseAccount, { id: created.createHouseAccount.id }, auth('manager')), 'NOT_FOUND');
      expect(await search()).toEqual([]);
    });

    it('imports a CSV; a domain that is already a house account is updated', async () => {
      const tag = hex();
      const domains = [`stark-${tag}.com`, `oscorp-${tag}.com`];
      const first = await importCsv(`company_name,website,country,notes\nStark Industries,https://www.${domains[0]},US,Key account\n"Oscorp, Inc.",${domains[1]},us,\nUmbrella ${tag},,,No website\n`);
      expect(first).toEqual({ rows: 3, imported: 3, updated: 0, rejected: 0, applied: true, errors: [] });
      expect(await accountsIn(domains)).toEqual([
        { company_name: 'Oscorp, Inc.', domain: domains[1], country: 'US' },
        { company_name: 'Stark Industries', domain: domains[0], country: 'US' },
      ]);

      const domain3 = `wayne-${tag}.com`;
      const second = await importCsv(`Company Name,Website,Country\nStark International,${domains[0]},GB\nWayne ${tag},${domain3},US\n`);
      expect(second).toMatchObject({ rows: 2, imported: 1, updated: 1, applied: true });
      expect((await accountsIn([domains[0], domain3])).map((a) => [a.company_name, a.country])).toEqual([
        ['Stark International', 'GB'],
        [`Wayne ${tag}`, 'US'],
      ]);
    });

    it('a file with bad rows imports nothing, unless the valid rows are asked for', async () => {
      const tag = hex();
      const good = [`good-${tag}.nl`, `fine-${tag}.nl`];
      const csv = `company_name,website,country\nGood ${tag},${good[0]},NL\nBad Country ${tag},bad-${tag}.nl,Netherlands\nBad Website ${tag},not a web address,NL\nFine ${tag},${good[1]},BE\n`;
      const count = await houseCount();
      const report = await importCsv(csv);
      expect(report).toMatchObject({ rows: 4, imported: 0, updated: 0, rejected: 2, applied: false });
      expect(report.errors.map(({ row, column }) => ({ row, column }))).toEqual([
        { row: 3, column: 'country' },
        { row: 4, column: 'website' },
      ]);
      for (const error of report.errors) expect(error.message.length).toBeGreaterThan(0);
      expect(await houseCount()).toBe(count);

      const partial = await importCsv(csv, true);
      expect(partial).toMatchObject({ rows: 4, imported: 2, rejected: 2, applied: true });
      expect(await houseCount()).toBe(count + 2);
      expect((await accountsIn(good)).map((a) => a.domain).sort()).toEqual([...good].sort());
    });

    it('refuses a file without a company_name column, or that is no CSV, as a whole', async () => {
      const count = await houseCount();
      for (const csv of ['name,website\nAcme,acme.test\n', 'company_name,website\n"Unclosed,acme.test\n']) {
        expectRefused(await t.gql(DOCS.importHouseAccounts, { input: { csv } }, auth('manager')), 'BAD_USER_INPUT', 'csv');
      }
      expect(await houseCount()).toBe(count);
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('notifications', () => {
    const unread = async (who: Who) => (await query<{ unreadNotificationCount: number }>(DOCS.unreadNotificationCount, {}, who)).unreadNotificationCount;
    /** The caller's notifications about one registration (the clock stands still, so they are picked by entity, not by order). */
    const inbox = async (as: As, entityId: string, unreadOnly = false) =>
      (await query<{ notifications: { edges: { node: Notification }[] } }>(DOCS.notifications, { unreadOnly, first: 100 }, as)).notifications.edges
        .map((e) => e.node)
        .filter((n) => n.entityId === entityId);
    const markRead = async (as: As, ids: string[]) => (await query<{ markNotificationsRead: number }>(DOCS.markNotificationsRead, { ids }, as)).markNotificationsRead;
    const emailJobs = async (notificationId: string) =>
      (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'notification-email' AND data->>'notificationId' = $1`, [notificationId]))[0].n;

    it("a submission notifies the partner's channel manager, who reads it; the rep hears of the decision", async () => {
      // Northwind's channel manager is manager@vendor.test; manager2 looks after Contoso.
      const before = { manager: await unread('manager'), manager2: await unread('manager2') };
      const reg = await registration('SUBMITTED');
      expect(await unread('manager')).toBe(before.manager + 1);
      expect(await unread('manager2')).toBe(before.manager2);
      const [latest, ...more] = await inbox('manager', reg.id, true);
      expect(more).toEqual([]);
      expect(latest).toMatchObject({ type: 'DEAL_SUBMITTED', entityType: 'DealRegistration', entityId: reg.id, title: `DR-${reg.number} submitted: ${reg.customerName}`, readAt: null });
      expect(await emailJobs(latest.id)).toBe(1);

      // Only its own recipient can mark it read.
      expect(await markRead('manager2', [latest.id])).toBe(0);
      expect(await unread('manager')).toBe(before.manager + 1);
      expect(await markRead('manager', [latest.id])).toBe(1);
      expect(await markRead('manager', [latest.id])).toBe(0);
      expect(await unread('manager')).toBe(before.manager);
      expect((await inbox('manager', reg.id)).map((n) => n.readAt)).toEqual([t.clock.now().toISOString()]);

      const approved = await run('approve', { id: reg.id }, 'manager');
      const [decision] = await inbox('nwRep', reg.id, true);
      expect(decision).toMatchObject({ type: 'DEAL_APPROVED', entityType: 'DealRegistration' });
      expect(decision.title).toContain(`protected until ${approved.protectionEndsAt?.slice(0, 10)}`);
      // No ids: everything of one's own is marked read.
      expect(await markRead('nwRep', [])).toBeGreaterThanOrEqual(1);
      expect(await unread('nwRep')).toBe(0);
    });

    it('a partner without a channel manager: the vendor admins are told', async () => {
      const partner = await createPartnerWithRep(t, tokens.admin, ids.mspProgram);
      const before = await unread('admin');
      const reg = await registration('SUBMITTED', {}, partner.rep);
      expect(await unread('admin')).toBe(before + 1);
      expect((await inbox('admin', reg.id, true)).map((n) => n.type)).toEqual(['DEAL_SUBMITTED']);
    });

    it('muting a type keeps the in-app notification but sends no e-mail for it', async () => {
      const rep = await createUser(t, tokens.admin, { role: 'PARTNER_REP', organisationId: ids.northwind, name: 'Muted Rep' });
      const mute = async (type: string, muted: boolean) => (await query<{ setNotificationMute: string[] }>(DOCS.setNotificationMute, { type, muted }, rep)).setNotificationMute;
      expect(await mute('DEAL_APPROVED', true)).toEqual(['DEAL_APPROVED']);
      expect(await mute('DEAL_APPROVED', true)).toEqual(['DEAL_APPROVED']);
      expect(await mute('DEAL_REJECTED', true)).toEqual(['DEAL_APPROVED', 'DEAL_REJECTED']);
      expect(await query(DOCS.mutedNotificationTypes, {}, rep)).toEqual({ mutedNotificationTypes: ['DEAL_APPROVED', 'DEAL_REJECTED'] });
      // Another user's settings are their own.
      expect(await query(DOCS.mutedNotificationTypes, {}, 'nwRep')).toEqual({ mutedNotificationTypes: [] });

      const muted = await registration('APPROVED', {}, rep);
      const [mutedNotice] = await notificationsOf(rep.id, 'DEAL_APPROVED', muted.id);
      expect(mutedNotice).toBeDefined();
      expect(await emailJobs(mutedNotice.id)).toBe(0);

      expect(await mute('DEAL_APPROVED', false)).toEqual(['DEAL_REJECTED']);
      const heard = await registration('APPROVED', {}, rep);
      const [notice] = await notificationsOf(rep.id, 'DEAL_APPROVED', heard.id);
      expect(await emailJobs(notice.id)).toBe(1);

      for (const type of ['DEAL_WHATEVER', 'deal_approved', '']) {
        expectRefused(await t.gql(DOCS.setNotificationMute, { type, muted: true }, auth(rep)), 'BAD_USER_INPUT', 'type');
      }
      expect(await query(DOCS.mutedNotificationTypes, {}, rep)).toEqual({ mutedNotificationTypes: ['DEAL_REJECTED'] });
    });
  });

  // ---------------------------------------------------------------------------------------------------

  describe('WON_DEALS metric', () => {
    it('counts the deals won in the trailing 12 months, from the close date', async () => {
      const programId = await createDealProgram(t, tokens.admin);
      const partner = await createPartnerWithRep(t, tokens.admin, programId);
      const deals = t.app.get(DealRegistrationsService);
      const metric = async () =>
        (await rows<{ value: string; source: string }>(`SELECT value::text AS value, source FROM partner_metrics WHERE organisation_id = $1 AND metric = 'WON_DEALS'`, [
          partner.id,
        ])).map((r) => ({ value: Number(r.value), source: r.source }));

      const today = new Date();
      const closeDates = [isoDate(today), isoDate(today, -200), isoDate(today, -400)];
      for (const closeDate of closeDates) {
        const reg = await registration('APPROVED', {}, partner.rep);
        await run('won', { id: reg.id, input: { closeDate } }, partner.rep);
      }
      await registration('LOST', {}, partner.rep);
      await registration('APPROVED', {}, partner.rep);
      // Someone else's win does not count for this partner.
      await registration('WON');

      const withinYear = (now: Date) => closeDates.filter((d) => Date.parse(d) > now.getTime() - 365 * DAY).length;
      await deals.refreshWonDealsMetric(partner.id);
      expect(await metric()).toEqual([{ value: withinYear(today), source: 'deals' }]);
      expect(withinYear(today)).toBe(2);

      // Half a year later the deal won 200 days ago has left the window too.
      t.clock.advance(183 * DAY);
      await deals.refreshWonDealsMetric(partner.id);
      expect(await metric()).toEqual([{ value: withinYear(t.clock.now()), source: 'deals' }]);
      expect(withinYear(t.clock.now())).toBe(1);
    });
  });
});
