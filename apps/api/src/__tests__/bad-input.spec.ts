import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { dbFingerprint } from '../testing/db-state';
import { dealInput, isoDate } from '../testing/factories';
import { cursorOf, DOCS } from '../testing/operations';
import { PDF, postClaim } from '../testing/mdf-fixtures';
import { createRevenueCustomer, customerWithSubscription, recordEvent, startInput } from '../testing/revenue-fixtures';
import { type Auth, codeOf, type GqlResponse, startTestApp, type TestApp } from '../testing/test-app';

/**
 * Bad input: every mutation that takes input, the list queries' paging and filters, and the
 * GraphQL limits. Whatever is sent, the answer is a clear client error (never a 500 or
 * INTERNAL_SERVER_ERROR) and nothing is written — compared table by table, audit log included.
 */

type Vars = Record<string, unknown>;
type As = 'VENDOR_ADMIN' | 'PARTNER_ADMIN' | 'PASSWORD_USER' | 'ANONYMOUS';

interface Fixture {
  vendorOrgId: string;
  contosoOrgId: string;
  northwindRepId: string;
  /** Contoso's program (4 tiers, so the next free rank is 4) and its tiers by rank. */
  programId: string;
  tierIds: string[];
  contosoEnrolmentId: string;
  /** A program Contoso is not enrolled in, and one of its tiers. */
  otherProgramId: string;
  otherProgramTierId: string;
  /** Deal registration: a product, a retired one, and a house account of the catalogue. */
  productId: string;
  retiredProductId: string;
  houseAccountId: string;
  /** Northwind's registrations (made by its admin) in the states the cases need, and one of Contoso's. */
  deals: { draftId: string; draftWithoutWebsiteId: string; submittedId: string; approvedId: string; contosoId: string };
  /** A lead in the pool. */
  leadId: string;
  /** Recurring revenue: Northwind's customer (external id 'bad-input-customer', since 2025-01-01) with a subscription started 2025-01-10, a paused one, and Contoso's customer. */
  revenue: { northwindOrgId: string; customerId: string; subscriptionId: string; pausedSubscriptionId: string; contosoCustomerId: string };
  /**
   * MDF: Northwind's fund for a later quarter (10,000.00) with requests by its admin in each state the cases need
   * (planned 1,000.00, requested 500.00 — the 50 % cap), claims submitted and approved, and Contoso's fund.
   */
  mdf: {
    fundId: string;
    periodStart: string;
    periodEnd: string;
    contosoFundId: string;
    draftId: string;
    submittedId: string;
    approvedId: string;
    approvedWithClaimId: string;
    completedId: string;
    claimSubmittedId: string;
    claimApprovedId: string;
  };
}

type Expected =
  /** Our validation: BAD_USER_INPUT with extensions.fields naming the field. */
  | { kind: 'field'; field: string }
  /** GraphQL itself (variable coercion, unknown enum value, wrong scalar): this exact code. */
  | { kind: 'graphql'; code: 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED'; message?: RegExp }
  /** A domain answer to well-formed input (an unknown id). */
  | { kind: 'code'; code: 'NOT_FOUND' | 'CONFLICT' };

interface BadCase {
  name: string;
  variables: (fx: Fixture) => Vars;
  expect: Expected;
  as?: As;
}

interface Group {
  op: string;
  document: string;
  as: As;
  cases: BadCase[];
}

const field = (name: string): Expected => ({ kind: 'field', field: name });
/** Apollo reports invalid variable values (unknown enum value, wrong scalar, missing field) as BAD_USER_INPUT. */
const coercion: Expected = { kind: 'graphql', code: 'BAD_USER_INPUT' };
const notFound: Expected = { kind: 'code', code: 'NOT_FOUND' };
const conflict: Expected = { kind: 'code', code: 'CONFLICT' };

const LONG = 'x'.repeat(10_000);
const BAD_ID = 'not-a-uuid';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const BENEFITS = { rebateRate: '1', mdfAccrualRate: '1', dealRegistrationDiscount: '1', referralCommissionRate: '1', mdfCofundingPct: '1' };

const c = (name: string, variables: (fx: Fixture) => Vars, expected: Expected, as?: As): BadCase => ({ name, variables, expect: expected, as });

/** A valid rebate plan (2 % up to 100,000.00, 3 % above); the incentive cases break one part of it. */
const rebateRules = (tiers: Vars[]): Vars => ({ rebate: { mode: 'RETROACTIVE', tiers } });
const incentivePlanBase = {
  name: 'Bad input plan',
  kind: 'REBATE',
  periodKind: 'QUARTER',
  currency: 'EUR',
  effectiveFrom: '2030-01-01',
  rules: rebateRules([{ from: '0', to: '100000.00', rate: '2' }, { from: '100000.00', rate: '3' }]),
};

/** Cases for an operation taking `{ input }`: a valid base input and one broken field per case. */
const inputCases = (base: (fx: Fixture) => Vars, list: [string, (fx: Fixture) => Vars, Expected][]): BadCase[] =>
  list.map(([name, patch, expected]) => c(name, (fx) => ({ input: { ...base(fx), ...patch(fx) } }), expected));

/** Cases for operations taking just an id. */
const idCases = (): BadCase[] => [
  c('malformed id', () => ({ id: BAD_ID }), field('id')),
  c('empty id', () => ({ id: '' }), field('id')),
  c('over-long id', () => ({ id: LONG }), field('id')),
  c('unknown id', () => ({ id: UNKNOWN_ID }), notFound),
  c('random unknown id', () => ({ id: randomUUID() }), notFound),
];

/** `idCases` plus another partner's record, which does not exist for the caller. */
const foreignIdCases = (foreignId: (fx: Fixture) => string, extra: Vars = {}): BadCase[] => [
  ...idCases().map((bad) => ({ ...bad, variables: (fx: Fixture) => ({ ...bad.variables(fx), ...extra }) })),
  c("another partner's registration", (fx) => ({ id: foreignId(fx), ...extra }), notFound),
];

/** Cases for an operation taking `{ id, input }`: a valid base and one broken input field per case. */
const idInputCases = (id: (fx: Fixture) => string, base: Vars, list: [string, Vars, Expected][]): BadCase[] =>
  list.map(([name, patch, expected]) => c(name, (fx) => ({ id: id(fx), input: { ...base, ...patch } }), expected));

/** Cases for a decision `{ id, reason }` on a registration waiting for review. */
const reasonCases = (id: (fx: Fixture) => string, wrongState: (fx: Fixture) => string): BadCase[] => [
  c('malformed id', () => ({ id: BAD_ID, reason: 'bad input' }), field('id')),
  c('empty reason', (fx) => ({ id: id(fx), reason: '' }), field('reason')),
  c('blank reason', (fx) => ({ id: id(fx), reason: '   ' }), field('reason')),
  c('over-long reason', (fx) => ({ id: id(fx), reason: LONG }), field('reason')),
  c('reason holding a NUL character', (fx) => ({ id: id(fx), reason: 'why\u0000' }), field('reason')),
  c('reason missing', (fx) => ({ id: id(fx) }), coercion),
  c('unknown id', () => ({ id: UNKNOWN_ID, reason: 'bad input' }), notFound),
  c('a registration in a state that does not allow it', (fx) => ({ id: wrongState(fx), reason: 'bad input' }), conflict),
];

const dealBase = (fx: Fixture): Vars => dealInput(fx.productId, new Date(), { customerName: 'Bad Input Customer', customerWebsite: 'bad-input-customer.test' });
const today = (): string => isoDate(new Date());

const createPartnerBase = (): Vars => ({ name: 'Bad Input Partner', country: 'NL' });
const createTierBase = (fx: Fixture): Vars => ({ programId: fx.programId, name: 'Diamond', rank: 4, benefits: BENEFITS, rules: [] });
const benefits = (patch: Record<string, string>): Vars => ({ benefits: { ...BENEFITS, ...patch } });

const mdfRequestBase = (fx: Fixture): Vars => ({
  fundId: fx.mdf.fundId,
  activityType: 'EVENT',
  title: 'Bad input event',
  startDate: fx.mdf.periodStart,
  endDate: fx.mdf.periodStart,
  plannedCost: '1000.00',
  requestedAmount: '500.00',
});
const mdfFundBase = (fx: Fixture): Vars => ({ organisationId: fx.revenue.northwindOrgId, programId: fx.programId, periodStart: isoDate(new Date(), 400), budgetKind: 'FIXED', budget: '100.00' });
/** Amount cases shared by every MDF amount field: more decimals than the currency has, negative, zero, not a number. */
const mdfAmountCases = (name: string, vars: (fx: Fixture, amount: string) => Vars): BadCase[] => [
  c(`${name} with three decimals`, (fx) => vars(fx, '100.001'), field(name)),
  c(`${name} negative`, (fx) => vars(fx, '-5.00'), field(name)),
  c(`${name} zero`, (fx) => vars(fx, '0.00'), field(name)),
  c(`${name} not a number`, (fx) => vars(fx, 'ten'), field(name)),
  c(`${name} with a thousands separator`, (fx) => vars(fx, '1,000.00'), field(name)),
];
/** A decision with a reason or comment (`key`), aimed at a record in a state that does not allow it. */
const mdfTextCases = (key: string, id: (fx: Fixture) => string, wrongState: (fx: Fixture) => string): BadCase[] => [
  c('malformed id', () => ({ id: BAD_ID, [key]: 'bad input' }), field('id')),
  c('unknown id', () => ({ id: UNKNOWN_ID, [key]: 'bad input' }), notFound),
  c(`empty ${key}`, (fx) => ({ id: id(fx), [key]: '' }), field(key)),
  c(`blank ${key}`, (fx) => ({ id: id(fx), [key]: '   ' }), field(key)),
  c(`over-long ${key}`, (fx) => ({ id: id(fx), [key]: LONG }), field(key)),
  c(`${key} missing`, (fx) => ({ id: id(fx) }), coercion),
  c('a record in a state that does not allow it', (fx) => ({ id: wrongState(fx), [key]: 'bad input' }), conflict),
];

const MUTATIONS: Group[] = [
  {
    op: 'acceptInvitation',
    document: DOCS.acceptInvitation,
    as: 'ANONYMOUS',
    cases: inputCases(() => ({ token: 'a-token-that-is-long-enough-0123456789', name: 'Ivy', password: 'ivy-password-123' }), [
      ['token too short', () => ({ token: 'short' }), field('token')],
      ['over-long token', () => ({ token: LONG }), field('token')],
      ['empty name', () => ({ name: '' }), field('name')],
      ['blank name', () => ({ name: '   ' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['password too short', () => ({ password: 'short' }), field('password')],
      ['over-long password', () => ({ password: LONG }), field('password')],
      ['name missing', () => ({ name: undefined }), coercion],
      ['well-formed but unknown token', () => ({}), notFound],
    ]),
  },
  {
    op: 'changePassword',
    document: DOCS.changePassword,
    as: 'PASSWORD_USER',
    cases: inputCases(() => ({ currentPassword: 'ivy-password-123', newPassword: 'ivy-new-password-456' }), [
      ['new password too short', () => ({ newPassword: 'short' }), field('newPassword')],
      ['empty new password', () => ({ newPassword: '' }), field('newPassword')],
      ['over-long new password', () => ({ newPassword: LONG }), field('newPassword')],
      ['over-long current password', () => ({ currentPassword: LONG }), field('currentPassword')],
      ['wrong current password', () => ({ currentPassword: 'not-my-password' }), field('currentPassword')],
    ]),
  },
  {
    op: 'createApiKey',
    document: DOCS.createApiKey,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ name: 'Bad input key', role: 'PARTNER_REP', organisationId: fx.contosoOrgId }), [
      ['empty name', () => ({ name: '' }), field('name')],
      ['blank name', () => ({ name: '   ' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['unknown role', () => ({ role: 'SUPERUSER' }), coercion],
      ['role in lower case', () => ({ role: 'partner_rep' }), coercion],
      ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
      ['unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), notFound],
      ['vendor role for a partner', () => ({ role: 'VENDOR_ADMIN' }), field('role')],
    ]),
  },
  {
    op: 'createPartner',
    document: DOCS.createPartner,
    as: 'VENDOR_ADMIN',
    cases: inputCases(createPartnerBase, [
      ['empty name', () => ({ name: '' }), field('name')],
      ['blank name', () => ({ name: '  ' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['name holding a NUL character', () => ({ name: 'Bad\u0000Partner' }), field('name')],
      ['over-long legal name', () => ({ legalName: LONG }), field('legalName')],
      ['over-long city', () => ({ city: LONG }), field('city')],
      ['over-long segment', () => ({ segment: LONG }), field('segment')],
      ['unknown country code', () => ({ country: 'XX' }), field('country')],
      ['three-letter country code', () => ({ country: 'NLD' }), field('country')],
      ['empty country', () => ({ country: '' }), field('country')],
      ['over-long country', () => ({ country: LONG }), field('country')],
      ['country missing', () => ({ country: undefined }), coercion],
      ['unknown currency code', () => ({ currency: 'ZZZ' }), field('currency')],
      ['currency as a word', () => ({ currency: 'EURO' }), field('currency')],
      ['currency symbol', () => ({ currency: '€' }), field('currency')],
      ['website that is no URL', () => ({ website: 'not a url' }), field('website')],
      ['over-long website', () => ({ website: `https://${'a'.repeat(10_000)}.test` }), field('website')],
      ['malformed VAT number', () => ({ vatNumber: '123' }), field('vatNumber')],
      ['over-long VAT number', () => ({ vatNumber: `NL${'1'.repeat(10_000)}` }), field('vatNumber')],
      ['unknown language', () => ({ preferredLanguage: 'de' }), coercion],
      ['malformed channelManagerId', () => ({ channelManagerId: BAD_ID }), field('channelManagerId')],
      ['unknown channelManagerId', () => ({ channelManagerId: UNKNOWN_ID }), field('channelManagerId')],
      ['a partner user as channel manager', (fx) => ({ channelManagerId: fx.northwindRepId }), field('channelManagerId')],
    ]),
  },
  {
    op: 'createProgram',
    document: DOCS.createProgram,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ name: 'Bad Input Program', segment: 'MSP' }), [
      ['empty name', () => ({ name: '' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['empty segment', () => ({ segment: ' ' }), field('segment')],
      ['over-long segment', () => ({ segment: LONG }), field('segment')],
      ['over-long description', () => ({ description: LONG }), field('description')],
      ['negative grace period', () => ({ demotionGraceDays: -1 }), field('demotionGraceDays')],
      ['grace period over two years', () => ({ demotionGraceDays: 731 }), field('demotionGraceDays')],
      ['fractional grace period', () => ({ demotionGraceDays: 1.5 }), coercion],
      ['grace period as a string', () => ({ demotionGraceDays: 'ninety' }), coercion],
      ['grace period beyond 32 bits', () => ({ demotionGraceDays: 2 ** 40 }), coercion],
      ['name missing', () => ({ name: undefined }), coercion],
    ]),
  },
  {
    op: 'createTier',
    document: DOCS.createTier,
    as: 'VENDOR_ADMIN',
    cases: inputCases(createTierBase, [
      ['negative rate', () => benefits({ rebateRate: '-1' }), field('benefits.rebateRate')],
      ['rate over 100 %', () => benefits({ mdfAccrualRate: '100.5' }), field('benefits.mdfAccrualRate')],
      ['rate of 101', () => benefits({ dealRegistrationDiscount: '101' }), field('benefits.dealRegistrationDiscount')],
      ['rate with 5 decimals', () => benefits({ referralCommissionRate: '12.34567' }), field('benefits.referralCommissionRate')],
      ['rate in exponent notation', () => benefits({ mdfCofundingPct: '1e2' }), field('benefits.mdfCofundingPct')],
      ['rate that is no number', () => benefits({ rebateRate: 'abc' }), field('benefits.rebateRate')],
      ['empty rate', () => benefits({ rebateRate: '' }), field('benefits.rebateRate')],
      ['over-long rate', () => benefits({ rebateRate: '1'.repeat(10_000) }), field('benefits.rebateRate')],
      ['rate missing', () => ({ benefits: { ...BENEFITS, rebateRate: undefined } }), coercion],
      ['empty name', () => ({ name: '' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['negative rank', () => ({ rank: -1 }), field('rank')],
      ['rank that is taken', () => ({ rank: 2 }), field('rank')],
      ['rank beyond the next free one', () => ({ rank: 7 }), field('rank')],
      ['malformed programId', () => ({ programId: BAD_ID }), field('programId')],
      ['unknown programId', () => ({ programId: UNKNOWN_ID }), notFound],
      ['unknown metric', () => ({ rules: [{ metric: 'KARMA', min: '1' }] }), coercion],
      ['negative rule minimum', () => ({ rules: [{ metric: 'WON_DEALS', min: '-5' }] }), field('rules.0.min')],
      ['rule minimum with 5 decimals', () => ({ rules: [{ metric: 'WON_DEALS', min: '1.23456' }] }), field('rules.0.min')],
      ['over-long rule minimum', () => ({ rules: [{ metric: 'WON_DEALS', min: '9'.repeat(10_000) }] }), field('rules.0.min')],
      ['name holding a NUL character', () => ({ name: 'Dia\u0000mond' }), field('name')],
      ['too many rules', () => ({ rules: Array.from({ length: 11 }, () => ({ metric: 'WON_DEALS', min: '1' })) }), field('rules')],
    ]),
  },
  {
    op: 'deactivateUser',
    document: DOCS.deactivateUser,
    as: 'VENDOR_ADMIN',
    cases: idCases(),
  },
  {
    op: 'enrolPartner',
    document: DOCS.enrolPartner,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ organisationId: fx.contosoOrgId, programId: fx.otherProgramId }), [
      ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
      ['malformed programId', () => ({ programId: BAD_ID }), field('programId')],
      ['malformed tierId', () => ({ tierId: BAD_ID }), field('tierId')],
      ['unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), notFound],
      ["the vendor's organisation", (fx) => ({ organisationId: fx.vendorOrgId }), notFound],
      ['unknown programId', () => ({ programId: UNKNOWN_ID }), notFound],
      ['unknown tierId', () => ({ tierId: UNKNOWN_ID }), field('tierId')],
      ['a tier of another program', (fx) => ({ tierId: fx.tierIds[1] }), field('tierId')],
      ['already enrolled', (fx) => ({ programId: fx.programId }), { kind: 'code', code: 'CONFLICT' }],
    ]),
  },
  {
    op: 'inviteUser',
    document: DOCS.inviteUser,
    as: 'VENDOR_ADMIN',
    cases: [
      ...inputCases((fx) => ({ email: 'bad.input@contoso.test', role: 'PARTNER_REP', organisationId: fx.contosoOrgId }), [
        ['malformed e-mail', () => ({ email: 'not-an-email' }), field('email')],
        ['e-mail without domain', () => ({ email: 'someone@' }), field('email')],
        ['e-mail with spaces', () => ({ email: 'some one@contoso.test' }), field('email')],
        ['empty e-mail', () => ({ email: '' }), field('email')],
        ['over-long e-mail', () => ({ email: `${'a'.repeat(10_000)}@contoso.test` }), field('email')],
        ['unknown role', () => ({ role: 'GOD' }), coercion],
        ['empty name', () => ({ name: '' }), field('name')],
        ['over-long name', () => ({ name: LONG }), field('name')],
        ['name holding a NUL character', () => ({ name: 'Ivy\u0000' }), field('name')],
        ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
        ['unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), notFound],
        ['vendor role for a partner', () => ({ role: 'VENDOR_ADMIN' }), field('role')],
        ['partner role for the vendor', (fx) => ({ role: 'PARTNER_ADMIN', organisationId: fx.vendorOrgId }), field('role')],
        ['an address that already has an account', () => ({ email: 'rep@contoso.test' }), { kind: 'code', code: 'CONFLICT' }],
      ]),
      c('partner admin: malformed e-mail', () => ({ input: { email: 'nope', role: 'PARTNER_REP' } }), field('email'), 'PARTNER_ADMIN'),
      c('partner admin: vendor role', () => ({ input: { email: 'x@northwind.test', role: 'VENDOR_ADMIN' } }), field('role'), 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'login',
    document: DOCS.login,
    as: 'ANONYMOUS',
    cases: inputCases(() => ({ email: 'admin@vendor.test', password: 'whatever-password' }), [
      ['malformed e-mail', () => ({ email: 'admin' }), field('email')],
      ['empty e-mail', () => ({ email: '' }), field('email')],
      ['over-long e-mail', () => ({ email: `${'a'.repeat(10_000)}@vendor.test` }), field('email')],
      ['empty password', () => ({ password: '' }), field('password')],
      ['over-long password', () => ({ password: LONG }), field('password')],
      ['e-mail as a number', () => ({ email: 42 }), coercion],
      ['password missing', () => ({ password: undefined }), coercion],
    ]),
  },
  {
    op: 'overrideTier',
    document: DOCS.overrideTier,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ enrolmentId: fx.contosoEnrolmentId, tierId: fx.tierIds[0], reason: 'bad input' }), [
      ['malformed enrolmentId', () => ({ enrolmentId: BAD_ID }), field('enrolmentId')],
      ['malformed tierId', () => ({ tierId: BAD_ID }), field('tierId')],
      ['empty reason', () => ({ reason: '' }), field('reason')],
      ['blank reason', () => ({ reason: '   ' }), field('reason')],
      ['over-long reason', () => ({ reason: LONG }), field('reason')],
      ['reason holding a NUL character', () => ({ reason: 'why\u0000' }), field('reason')],
      ['unknown enrolmentId', () => ({ enrolmentId: UNKNOWN_ID }), notFound],
      ['unknown tierId', () => ({ tierId: UNKNOWN_ID }), field('tierId')],
      ['a tier of another program', (fx) => ({ tierId: fx.otherProgramTierId }), field('tierId')],
    ]),
  },
  {
    op: 'reactivateUser',
    document: DOCS.reactivateUser,
    as: 'VENDOR_ADMIN',
    cases: idCases(),
  },
  {
    op: 'recordPartnerMetric',
    document: DOCS.recordPartnerMetric,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ organisationId: fx.contosoOrgId, metric: 'WON_DEALS', value: '1' }), [
      ['negative value', () => ({ value: '-1' }), field('value')],
      ['value with 5 decimals', () => ({ value: '1.23456' }), field('value')],
      ['value that is no number', () => ({ value: 'abc' }), field('value')],
      ['value in exponent notation', () => ({ value: '1e5' }), field('value')],
      ['empty value', () => ({ value: '' }), field('value')],
      ['over-long value', () => ({ value: '9'.repeat(10_000) }), field('value')],
      ['value beyond the stored precision (17 digits)', () => ({ value: '9'.repeat(17) }), field('value')],
      ['value of 18 digits', () => ({ value: '9'.repeat(18) }), field('value')],
      ['value of 19 digits', () => ({ value: '9'.repeat(19) }), field('value')],
      ['unknown metric', () => ({ metric: 'KARMA' }), coercion],
      ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
      ['unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), notFound],
      ["the vendor's organisation", (fx) => ({ organisationId: fx.vendorOrgId }), notFound],
    ]),
  },
  {
    op: 'rejectTierChange',
    document: DOCS.rejectTierChange,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ id: UNKNOWN_ID, reason: 'bad input' }), [
      ['malformed id', () => ({ id: BAD_ID }), field('id')],
      ['empty reason', () => ({ reason: '' }), field('reason')],
      ['over-long reason', () => ({ reason: LONG }), field('reason')],
      ['reason missing', () => ({ reason: undefined }), coercion],
      ['unknown id', () => ({}), notFound],
    ]),
  },
  {
    op: 'approveTierChange',
    document: DOCS.approveTierChange,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ id: UNKNOWN_ID }), [
      ['malformed id', () => ({ id: BAD_ID }), field('id')],
      ['empty reason', () => ({ reason: '' }), field('reason')],
      ['over-long reason', () => ({ reason: LONG }), field('reason')],
      ['unknown id', () => ({}), notFound],
    ]),
  },
  {
    op: 'revokeApiKey',
    document: DOCS.revokeApiKey,
    as: 'VENDOR_ADMIN',
    cases: idCases(),
  },
  {
    op: 'revokeInvitation',
    document: DOCS.revokeInvitation,
    as: 'VENDOR_ADMIN',
    cases: idCases(),
  },
  {
    op: 'updatePartner',
    document: DOCS.updatePartner,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { name: 'Renamed' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { name: 'Renamed' } }), notFound),
      c("the vendor's organisation", (fx) => ({ id: fx.vendorOrgId, input: { name: 'Renamed' } }), notFound),
      ...(
        [
          ['empty name', { name: '' }, field('name')],
          ['over-long name', { name: LONG }, field('name')],
          ['name null', { name: null }, field('name')],
          ['unknown country code', { country: 'XX' }, field('country')],
          ['country spelled out', { country: 'Netherlands' }, field('country')],
          ['country null', { country: null }, field('country')],
          ['unknown currency code', { currency: 'EU1' }, field('currency')],
          ['currency null', { currency: null }, field('currency')],
          ['unknown status', { status: 'DELETED' }, coercion],
          ['status null', { status: null }, field('status')],
          ['language null', { preferredLanguage: null }, field('preferredLanguage')],
          ['website that is no URL', { website: 'nope' }, field('website')],
          ['malformed VAT number', { vatNumber: 'x' }, field('vatNumber')],
          ['over-long city', { city: LONG }, field('city')],
          ['malformed channelManagerId', { channelManagerId: BAD_ID }, field('channelManagerId')],
        ] as [string, Vars, Expected][]
      ).map(([name, input, expected]) => c(name, (fx: Fixture) => ({ id: fx.contosoOrgId, input }), expected)),
      c('a partner user as channel manager', (fx) => ({ id: fx.contosoOrgId, input: { channelManagerId: fx.northwindRepId } }), field('channelManagerId')),
    ],
  },
  {
    op: 'updateMyOrganisation',
    document: DOCS.updateMyOrganisation,
    as: 'PARTNER_ADMIN',
    cases: [
      c('website that is no URL', () => ({ input: { website: 'nope' } }), field('website')),
      c('malformed VAT number', () => ({ input: { vatNumber: 'x' } }), field('vatNumber')),
      c('over-long city', () => ({ input: { city: LONG } }), field('city')),
      c('empty legal name', () => ({ input: { legalName: '' } }), field('legalName')),
      c('language null', () => ({ input: { preferredLanguage: null } }), field('preferredLanguage')),
      c('a field partners may not change', () => ({ input: { name: 'Renamed' } }), coercion),
    ],
  },
  {
    op: 'updateProgram',
    document: DOCS.updateProgram,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { name: 'Renamed' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { name: 'Renamed' } }), notFound),
      ...(
        [
          ['empty name', { name: '' }, field('name')],
          ['over-long name', { name: LONG }, field('name')],
          ['name null', { name: null }, field('name')],
          ['segment null', { segment: null }, field('segment')],
          ['active null', { active: null }, field('active')],
          ['grace period null', { demotionGraceDays: null }, field('demotionGraceDays')],
          ['grace period over two years', { demotionGraceDays: 1000 }, field('demotionGraceDays')],
          ['negative grace period', { demotionGraceDays: -5 }, field('demotionGraceDays')],
          ['over-long description', { description: LONG }, field('description')],
          ['active as a string', { active: 'yes' }, coercion],
        ] as [string, Vars, Expected][]
      ).map(([name, input, expected]) => c(name, (fx: Fixture) => ({ id: fx.programId, input }), expected)),
    ],
  },
  {
    op: 'updateTier',
    document: DOCS.updateTier,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { name: 'Renamed' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { name: 'Renamed' } }), notFound),
      ...(
        [
          ['empty name', { name: '' }, field('name')],
          ['over-long name', { name: LONG }, field('name')],
          ['co-funding over 100 %', { benefits: { ...BENEFITS, mdfCofundingPct: '150' } }, field('benefits.mdfCofundingPct')],
          ['negative rate', { benefits: { ...BENEFITS, rebateRate: '-0.5' } }, field('benefits.rebateRate')],
          ['rate with 5 decimals', { benefits: { ...BENEFITS, rebateRate: '0.00001' } }, field('benefits.rebateRate')],
          ['rule minimum with 5 decimals', { rules: [{ metric: 'WON_DEALS', min: '1.23456' }] }, field('rules.0.min')],
          ['unknown metric', { rules: [{ metric: 'KARMA', min: '1' }] }, coercion],
        ] as [string, Vars, Expected][]
      ).map(([name, input, expected]) => c(name, (fx: Fixture) => ({ id: fx.tierIds[1], input }), expected)),
    ],
  },

  // ----- deal registration: the vendor's setup
  {
    op: 'createProduct',
    document: DOCS.createProduct,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ sku: 'BAD-INPUT-1', name: 'Bad Input Product', productLine: 'Backup', pricing: 'RECURRING', listPrice: '10.00' }), [
      ['SKU with spaces', () => ({ sku: 'BAD INPUT' }), field('sku')],
      ['empty SKU', () => ({ sku: '' }), field('sku')],
      ['over-long SKU', () => ({ sku: 'S'.repeat(41) }), field('sku')],
      ['empty name', () => ({ name: '' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['blank product line', () => ({ productLine: '  ' }), field('productLine')],
      ['unknown pricing', () => ({ pricing: 'MONTHLY' }), coercion],
      ['negative list price', () => ({ listPrice: '-1' }), field('listPrice')],
      ['list price in exponent notation', () => ({ listPrice: '1e3' }), field('listPrice')],
      ['list price with 3 decimals', () => ({ listPrice: '1.234' }), field('listPrice')],
      ['decimals in a currency without them', () => ({ currency: 'JPY', listPrice: '10.50' }), field('listPrice')],
      ['unknown currency', () => ({ currency: 'ZZZ' }), field('currency')],
      ['a SKU already in the catalogue', () => ({ sku: 'ACME-BACKUP' }), conflict],
    ]),
  },
  {
    op: 'updateProduct',
    document: DOCS.updateProduct,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { name: 'Renamed' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { name: 'Renamed' } }), notFound),
      ...idInputCases((fx) => fx.productId, {}, [
        ['empty name', { name: '' }, field('name')],
        ['over-long name', { name: LONG }, field('name')],
        ['name null', { name: null }, field('name')],
        ['active null', { active: null }, field('active')],
        ['list price null', { listPrice: null }, field('listPrice')],
        ['negative list price', { listPrice: '-0.01' }, field('listPrice')],
        ['active as a string', { active: 'no' }, coercion],
      ]),
    ],
  },
  {
    op: 'updateDealRules',
    document: DOCS.updateDealRules,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed programId', () => ({ programId: BAD_ID, input: {} }), field('programId')),
      c('unknown programId', () => ({ programId: UNKNOWN_ID, input: { protectionDays: 60 } }), notFound),
      ...(
        [
          ['no protection', { protectionDays: 0 }, field('protectionDays')],
          ['protection over two years', { protectionDays: 731 }, field('protectionDays')],
          ['fractional protection', { protectionDays: 1.5 }, coercion],
          ['negative extensions', { maxExtensions: -1 }, field('maxExtensions')],
          ['eleven extensions', { maxExtensions: 11 }, field('maxExtensions')],
          ['extension of 0 days', { extensionDays: 0 }, field('extensionDays')],
          ['review SLA over 30 business days', { reviewSlaBusinessDays: 31 }, field('reviewSlaBusinessDays')],
          ['negative minimum value', { minimumValue: '-1' }, field('minimumValue')],
          ['minimum value in exponent notation', { minimumValue: '1e5' }, field('minimumValue')],
          ['minimum value with decimals in JPY', { minimumValue: '10.50', minimumValueCurrency: 'JPY' }, field('minimumValue')],
          ['unknown currency', { minimumValueCurrency: 'ZZZ' }, field('minimumValueCurrency')],
          ['allowHouseAccounts as a string', { allowHouseAccounts: 'yes' }, coercion],
        ] as [string, Vars, Expected][]
      ).map(([name, input, expected]) => c(name, (fx: Fixture) => ({ programId: fx.programId, input }), expected)),
    ],
  },
  {
    op: 'createHouseAccount',
    document: DOCS.createHouseAccount,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ companyName: 'Bad Input Account', website: 'bad-input-account.test', country: 'NL' }), [
      ['empty company name', () => ({ companyName: '' }), field('companyName')],
      ['over-long company name', () => ({ companyName: LONG }), field('companyName')],
      ['company name holding a NUL character', () => ({ companyName: 'Bad\u0000Account' }), field('companyName')],
      ['website that is no web address', () => ({ website: 'not a web address' }), field('website')],
      ['over-long website', () => ({ website: `https://${'a'.repeat(400)}.test` }), field('website')],
      ['country spelled out', () => ({ country: 'Netherlands' }), field('country')],
      ['unknown country code', () => ({ country: 'XX' }), field('country')],
      ['over-long notes', () => ({ notes: LONG }), field('notes')],
      ["a house account's domain", () => ({ website: 'https://www.rws.nl/' }), conflict],
    ]),
  },
  { op: 'deleteHouseAccount', document: DOCS.deleteHouseAccount, as: 'VENDOR_ADMIN', cases: idCases() },
  {
    op: 'importHouseAccounts',
    document: DOCS.importHouseAccounts,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ csv: 'company_name,website\nBad Input Import,bad-input-import.test\n' }), [
      ['no company_name column', () => ({ csv: 'name,website\nAcme,acme.test\n' }), field('csv')],
      ['an empty file', () => ({ csv: '' }), field('csv')],
      ['a file that is no CSV (unclosed quote)', () => ({ csv: 'company_name\n"Unclosed\n' }), field('csv')],
      ['more than 20,000 rows', () => ({ csv: `company_name\n${'x\n'.repeat(20_001)}` }), field('csv')],
      ['importValidRows as a string', () => ({ importValidRows: 'yes' }), coercion],
      ['csv missing', () => ({ csv: undefined }), coercion],
    ]),
  },

  // ----- leads passed to partners
  {
    op: 'createLead',
    document: DOCS.createLead,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ companyName: 'Bad Input Lead', country: 'NL' }), [
      ['empty company name', () => ({ companyName: '  ' }), field('companyName')],
      ['over-long company name', () => ({ companyName: LONG }), field('companyName')],
      ['country spelled out', () => ({ country: 'Netherlands' }), field('country')],
      ['country missing', () => ({ country: undefined }), coercion],
      ['website that is no address', () => ({ website: 'not a web site' }), field('website')],
      ['malformed contact e-mail', () => ({ contactEmail: 'nope' }), field('contactEmail')],
      ['malformed phone', () => ({ contactPhone: 'call me' }), field('contactPhone')],
      ['negative MRR', () => ({ estimatedMrr: '-5' }), field('estimatedMrr')],
      ['MRR with 3 decimals', () => ({ estimatedMrr: '12.345' }), field('estimatedMrr')],
      ['unknown currency', () => ({ currency: 'EURO' }), field('currency')],
      ['malformed product id', () => ({ productIds: [BAD_ID] }), field('productIds')],
      ['unknown product', () => ({ productIds: [UNKNOWN_ID] }), field('productIds')],
      ['unknown program', () => ({ programId: UNKNOWN_ID }), field('programId')],
      ['over-long notes', () => ({ notes: LONG }), field('notes')],
      ['assign to a malformed id', () => ({ assignTo: BAD_ID }), field('assignTo')],
      ['assign to an unknown partner (no lead is left behind)', () => ({ assignTo: UNKNOWN_ID }), field('assignTo')],
      ['assign to the vendor itself', (fx) => ({ assignTo: fx.vendorOrgId }), field('assignTo')],
      ['assign by rule where no partner matches (no lead is left behind)', () => ({ country: 'JP', assignByRule: true }), conflict],
      ['assignByRule as a string', () => ({ assignByRule: 'yes' }), coercion],
    ]),
  },
  {
    op: 'importLeads',
    document: DOCS.importLeads,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ csv: 'company_name,country\nBad Input Lead,NL\n' }), [
      ['no country column', () => ({ csv: 'company_name\nAcme\n' }), field('csv')],
      ['an empty file', () => ({ csv: '' }), field('csv')],
      ['a file that is no CSV (unclosed quote)', () => ({ csv: 'company_name,country\n"Unclosed,NL\n' }), field('csv')],
      ['more than 20,000 rows', () => ({ csv: `company_name,country\n${'x,NL\n'.repeat(20_001)}` }), field('csv')],
      ['importValidRows as a string', () => ({ importValidRows: 'yes' }), coercion],
    ]),
  },
  {
    op: 'assignLead',
    document: DOCS.assignLead,
    as: 'VENDOR_ADMIN',
    cases: [
      ...idCases(),
      c('an unknown lead', () => ({ id: UNKNOWN_ID }), notFound),
      c('a malformed partner id', (fx) => ({ id: fx.leadId, organisationId: BAD_ID }), field('organisationId')),
      c('an unknown partner', (fx) => ({ id: fx.leadId, organisationId: UNKNOWN_ID }), field('organisationId')),
    ],
  },
  { op: 'withdrawLead', document: DOCS.withdrawLead, as: 'VENDOR_ADMIN', cases: [...idCases(), c('an unknown lead', () => ({ id: UNKNOWN_ID }), notFound), c('close as a string', (fx) => ({ id: fx.leadId, close: 'yes' }), coercion)] },
  { op: 'acceptLead', document: DOCS.acceptLead, as: 'PARTNER_ADMIN', cases: [...idCases(), c('a lead in the pool (not assigned to it)', (fx) => ({ id: fx.leadId }), notFound)] },
  {
    op: 'declineLead',
    document: DOCS.declineLead,
    as: 'PARTNER_ADMIN',
    cases: [
      ...idCases().map((bad) => ({ ...bad, variables: (fx: Fixture) => ({ ...bad.variables(fx), reason: 'busy' }) })),
      c('an empty reason', (fx) => ({ id: fx.leadId, reason: ' ' }), field('reason')),
      c('an over-long reason', (fx) => ({ id: fx.leadId, reason: LONG }), field('reason')),
    ],
  },

  // ----- deal registration: the partner's side
  {
    op: 'createDealRegistration',
    document: DOCS.createDealRegistration,
    as: 'PARTNER_ADMIN',
    cases: inputCases(dealBase, [
      ['empty customer name', () => ({ customerName: '' }), field('customerName')],
      ['blank customer name', () => ({ customerName: '   ' }), field('customerName')],
      ['over-long customer name', () => ({ customerName: LONG }), field('customerName')],
      ['customer name holding a NUL character', () => ({ customerName: 'Bad\u0000Customer' }), field('customerName')],
      ['website that is no web address', () => ({ customerWebsite: 'not a web address' }), field('customerWebsite')],
      ['country spelled out', () => ({ customerCountry: 'Netherlands' }), field('customerCountry')],
      ['unknown country code', () => ({ customerCountry: 'XX' }), field('customerCountry')],
      ['country missing', () => ({ customerCountry: undefined }), coercion],
      ['malformed contact e-mail', () => ({ contactEmail: 'nope' }), field('contactEmail')],
      ['phone number that is none', () => ({ contactPhone: 'call me maybe' }), field('contactPhone')],
      ['over-long city', () => ({ customerCity: LONG }), field('customerCity')],
      ['no products', () => ({ products: [] }), field('products')],
      ['21 products', (fx) => ({ products: Array.from({ length: 21 }, () => ({ productId: fx.productId })) }), field('products')],
      ['malformed product id', () => ({ products: [{ productId: BAD_ID }] }), field('products.0.productId')],
      ['unknown product', () => ({ products: [{ productId: UNKNOWN_ID }] }), field('products.0.productId')],
      ['a product no longer offered', (fx) => ({ products: [{ productId: fx.retiredProductId }] }), field('products.0.productId')],
      ['the same product twice', (fx) => ({ products: [{ productId: fx.productId }, { productId: fx.productId }] }), field('products')],
      ['quantity 0', (fx) => ({ products: [{ productId: fx.productId, quantity: 0 }] }), field('products.0.quantity')],
      ['quantity beyond 32 bits', (fx) => ({ products: [{ productId: fx.productId, quantity: 2 ** 40 }] }), coercion],
      ['unknown currency', () => ({ currency: 'ZZZ' }), field('currency')],
      ['negative amount', () => ({ estimatedMrr: '-5' }), field('estimatedMrr')],
      ['amount in exponent notation', () => ({ estimatedMrr: '1e9' }), field('estimatedMrr')],
      ['amount with 3 decimals', () => ({ estimatedOneTime: '12.345' }), field('estimatedOneTime')],
      ['amount of 16 digits', () => ({ estimatedOneTime: '9'.repeat(16) }), field('estimatedOneTime')],
      ['over-long amount', () => ({ estimatedOneTime: '9'.repeat(10_000) }), field('estimatedOneTime')],
      ['decimals in a currency without them', () => ({ currency: 'JPY', estimatedMrr: '10.50' }), field('estimatedMrr')],
      ['a first-year value beyond bigint (KWD)', () => ({ currency: 'KWD', estimatedMrr: '999999999999999.99' }), field('estimatedMrr')],
      ['both values zero', () => ({ estimatedMrr: '0', estimatedOneTime: '0' }), field('estimatedMrr')],
      ['close date in the past', () => ({ expectedCloseDate: '2020-01-01' }), field('expectedCloseDate')],
      ['close date that is no real date', () => ({ expectedCloseDate: '2026-02-30' }), field('expectedCloseDate')],
      ['close date in another format', () => ({ expectedCloseDate: '30-01-2027' }), field('expectedCloseDate')],
      ['close date ten years ahead', () => ({ expectedCloseDate: isoDate(new Date(), 3660) }), field('expectedCloseDate')],
      ['unknown sales stage', () => ({ salesStage: 'DREAMING' }), coercion],
      ['over-long notes', () => ({ notes: LONG }), field('notes')],
      ['malformed programId', () => ({ programId: BAD_ID }), field('programId')],
      ['unknown programId', () => ({ programId: UNKNOWN_ID }), field('programId')],
      ['a program the partner is not enrolled in', (fx) => ({ programId: fx.otherProgramId }), field('programId')],
      ['submitted without a website', () => ({ customerWebsite: undefined, submit: true }), field('customerWebsite')],
      ['an organisationId (there is no such field)', (fx) => ({ organisationId: fx.contosoOrgId }), coercion],
    ]),
  },
  {
    op: 'updateDealRegistration',
    document: DOCS.updateDealRegistration,
    as: 'PARTNER_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { notes: 'bad input' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { notes: 'bad input' } }), notFound),
      c("another partner's registration", (fx) => ({ id: fx.deals.contosoId, input: { notes: 'bad input' } }), notFound),
      c('a submitted registration', (fx) => ({ id: fx.deals.submittedId, input: { notes: 'bad input' } }), conflict),
      c('another program', (fx) => ({ id: fx.deals.draftId, input: { programId: fx.otherProgramId } }), field('programId')),
      ...idInputCases((fx) => fx.deals.draftId, {}, [
        ['empty customer name', { customerName: '' }, field('customerName')],
        ['country spelled out', { customerCountry: 'Netherlands' }, field('customerCountry')],
        ['website that is no web address', { customerWebsite: 'not a web address' }, field('customerWebsite')],
        ['negative amount', { estimatedMrr: '-5' }, field('estimatedMrr')],
        ['both values zero', { estimatedMrr: '0', estimatedOneTime: '0' }, field('estimatedMrr')],
        ['close date in the past', { expectedCloseDate: '2020-01-01' }, field('expectedCloseDate')],
        ['close date that is no real date', { expectedCloseDate: '2026-02-30' }, field('expectedCloseDate')],
        ['no products', { products: [] }, field('products')],
        ['unknown product', { products: [{ productId: UNKNOWN_ID }] }, field('products.0.productId')],
        ['over-long notes', { notes: LONG }, field('notes')],
        ['unknown sales stage', { salesStage: 'DREAMING' }, coercion],
        ['website cleared while submitting', { customerWebsite: null, submit: true }, field('customerWebsite')],
      ]),
    ],
  },
  {
    op: 'submitDealRegistration',
    document: DOCS.submitDealRegistration,
    as: 'PARTNER_ADMIN',
    cases: [
      ...foreignIdCases((fx) => fx.deals.contosoId),
      c('a draft without a website', (fx) => ({ id: fx.deals.draftWithoutWebsiteId }), field('customerWebsite')),
      c('an approved registration', (fx) => ({ id: fx.deals.approvedId }), conflict),
    ],
  },
  {
    op: 'requestDealExtension',
    document: DOCS.requestDealExtension,
    as: 'PARTNER_ADMIN',
    cases: [...reasonCases((fx) => fx.deals.approvedId, (fx) => fx.deals.submittedId), c("another partner's registration", (fx) => ({ id: fx.deals.contosoId, reason: 'x' }), notFound)],
  },
  {
    op: 'markDealWon',
    document: DOCS.markDealWon,
    as: 'PARTNER_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { closeDate: today() } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { closeDate: today() } }), notFound),
      c("another partner's registration", (fx) => ({ id: fx.deals.contosoId, input: { closeDate: today() } }), notFound),
      c('a submitted registration', (fx) => ({ id: fx.deals.submittedId, input: { closeDate: today() } }), conflict),
      ...(
        [
          ['close date as a word', () => ({ closeDate: 'yesterday' }), field('closeDate')],
          ['close date that is no real date', () => ({ closeDate: '2026-02-30' }), field('closeDate')],
          ['close date in the future', () => ({ closeDate: isoDate(new Date(), 2) }), field('closeDate')],
          ['close date missing', () => ({}), coercion],
          ['negative actual MRR', () => ({ closeDate: today(), actualMrr: '-5' }), field('actualMrr')],
          ['actual one-time amount in exponent notation', () => ({ closeDate: today(), actualOneTime: '1e3' }), field('actualOneTime')],
          ['actual MRR null', () => ({ closeDate: today(), actualMrr: null }), field('actualMrr')],
          ['both actual values zero', () => ({ closeDate: today(), actualMrr: '0', actualOneTime: '0' }), field('actualMrr')],
        ] as [string, () => Vars, Expected][]
      ).map(([name, input, expected]) => c(name, (fx: Fixture) => ({ id: fx.deals.approvedId, input: input() }), expected)),
    ],
  },
  {
    op: 'markDealLost',
    document: DOCS.markDealLost,
    as: 'PARTNER_ADMIN',
    cases: [...reasonCases((fx) => fx.deals.approvedId, (fx) => fx.deals.draftId), c("another partner's registration", (fx) => ({ id: fx.deals.contosoId, reason: 'x' }), notFound)],
  },

  // ----- deal registration: the vendor's decisions
  {
    op: 'approveDealRegistration',
    document: DOCS.approveDealRegistration,
    as: 'VENDOR_ADMIN',
    cases: [
      ...idCases(),
      c('over-long note', (fx) => ({ id: fx.deals.submittedId, note: LONG }), field('note')),
      c('a draft (not registered yet)', (fx) => ({ id: fx.deals.draftId }), notFound),
      c('an approved registration', (fx) => ({ id: fx.deals.approvedId }), conflict),
    ],
  },
  { op: 'rejectDealRegistration', document: DOCS.rejectDealRegistration, as: 'VENDOR_ADMIN', cases: reasonCases((fx) => fx.deals.submittedId, (fx) => fx.deals.approvedId) },
  { op: 'requestDealInformation', document: DOCS.requestDealInformation, as: 'VENDOR_ADMIN', cases: reasonCases((fx) => fx.deals.submittedId, (fx) => fx.deals.approvedId) },
  {
    op: 'decideDealRegistrations',
    document: DOCS.decideDealRegistrations,
    as: 'VENDOR_ADMIN',
    cases: [
      c('no ids', () => ({ ids: [], decision: 'APPROVE' }), field('ids')),
      c('a malformed id', (fx) => ({ ids: [fx.deals.submittedId, BAD_ID], decision: 'APPROVE' }), field('ids')),
      c('101 ids', () => ({ ids: Array.from({ length: 101 }, () => randomUUID()), decision: 'APPROVE' }), field('ids')),
      c('unknown decision', (fx) => ({ ids: [fx.deals.submittedId], decision: 'MAYBE' }), field('decision')),
      c('decision in lower case', (fx) => ({ ids: [fx.deals.submittedId], decision: 'approve' }), field('decision')),
      c('reject without a reason', (fx) => ({ ids: [fx.deals.submittedId], decision: 'REJECT' }), field('reason')),
      c('ask for information with a blank reason', (fx) => ({ ids: [fx.deals.submittedId], decision: 'REQUEST_INFO', reason: '  ' }), field('reason')),
      c('over-long reason', (fx) => ({ ids: [fx.deals.submittedId], decision: 'REJECT', reason: LONG }), field('reason')),
      c('ids missing', () => ({ decision: 'APPROVE' }), coercion),
    ],
  },
  {
    op: 'decideDealExtension',
    document: DOCS.decideDealExtension,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, approve: true }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, approve: true }), notFound),
      c('over-long note', (fx) => ({ id: fx.deals.approvedId, approve: true, note: LONG }), field('note')),
      c('approve missing', (fx) => ({ id: fx.deals.approvedId }), coercion),
      c('approve as a string', (fx) => ({ id: fx.deals.approvedId, approve: 'yes' }), coercion),
      c('no extension was requested', (fx) => ({ id: fx.deals.approvedId, approve: true }), conflict),
    ],
  },

  // ----- recurring revenue
  {
    op: 'createRevenueCustomer',
    document: DOCS.createRevenueCustomer,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ name: 'Bad Input Customer', organisationId: fx.contosoOrgId, since: '2025-01-01' }), [
      ['empty name', () => ({ name: '' }), field('name')],
      ['blank name', () => ({ name: '   ' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['name holding a NUL character', () => ({ name: 'Bad\u0000Customer' }), field('name')],
      ['over-long external id', () => ({ externalId: LONG }), field('externalId')],
      ['domain that is none', () => ({ domain: 'not a domain' }), field('domain')],
      ['over-long domain', () => ({ domain: `${'a'.repeat(300)}.test` }), field('domain')],
      ['unknown country code', () => ({ country: 'XX' }), field('country')],
      ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
      ['unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), field('organisationId')],
      ['the vendor as partner of record', (fx) => ({ organisationId: fx.vendorOrgId }), field('organisationId')],
      ['organisationId missing', () => ({ organisationId: undefined }), coercion],
      ['a partner of record from a future day', () => ({ since: isoDate(new Date(), 2) }), field('since')],
      ['since that is no real date', () => ({ since: '2025-02-30' }), field('since')],
      ['an external id already in use', () => ({ externalId: 'bad-input-customer' }), conflict],
    ]),
  },
  {
    op: 'transferRevenueCustomer',
    document: DOCS.transferRevenueCustomer,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ customerId: fx.revenue.customerId, organisationId: fx.contosoOrgId, effectiveFrom: today() }), [
      ['malformed customerId', () => ({ customerId: BAD_ID }), field('customerId')],
      ['unknown customerId', () => ({ customerId: UNKNOWN_ID }), notFound],
      ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
      ['unknown organisationId', () => ({ organisationId: UNKNOWN_ID }), field('organisationId')],
      ['the vendor as partner of record', (fx) => ({ organisationId: fx.vendorOrgId }), field('organisationId')],
      ['a move on a future day', () => ({ effectiveFrom: isoDate(new Date(), 2) }), field('effectiveFrom')],
      ['a day that does not exist', () => ({ effectiveFrom: '2025-02-30' }), field('effectiveFrom')],
      ['a move before the current partner of record started', () => ({ effectiveFrom: '2024-12-31' }), field('effectiveFrom')],
      ['to the partner it is already with', (fx) => ({ organisationId: fx.revenue.northwindOrgId }), conflict],
      ['effectiveFrom missing', () => ({ effectiveFrom: undefined }), coercion],
    ]),
  },
  {
    op: 'recordSubscriptionEvent',
    document: DOCS.recordSubscriptionEvent,
    as: 'VENDOR_ADMIN',
    cases: [
      ...inputCases((fx) => startInput(fx.revenue.customerId), [
        ['unknown kind', () => ({ kind: 'UPGRADE' }), coercion],
        ['effectiveDate missing', () => ({ effectiveDate: undefined }), coercion],
        ['effectiveDate that is no real date', () => ({ effectiveDate: '2025-02-29' }), field('effectiveDate')],
        ['over-long event id', () => ({ eventId: LONG }), field('eventId')],
        ['event id holding a NUL character', () => ({ eventId: 'evt\u0000' }), field('eventId')],
        ['malformed customerId', () => ({ customerId: BAD_ID }), field('customerId')],
        ['unknown customer', () => ({ customerId: UNKNOWN_ID }), field('customerId')],
        ['unknown product', () => ({ productSku: 'ACME-NOPE' }), field('productSku')],
        ['a one-time product', () => ({ productSku: 'ACME-ONBOARD' }), field('productSku')],
        ['negative price', () => ({ unitPrice: '-450.00' }), field('unitPrice')],
        ['price in exponent notation', () => ({ unitPrice: '4.5e2' }), field('unitPrice')],
        ['more decimals than the currency has', () => ({ unitPrice: '450.001' }), field('unitPrice')],
        ['a charge too large to sum', () => ({ quantity: 1_000_000, unitPrice: '999999999999999.99' }), field('unitPrice')],
        ['unknown currency code', () => ({ currency: 'ZZZ' }), field('currency')],
        ['a currency without an exchange rate for the month', () => ({ currency: 'USD', effectiveDate: '2015-07-15' }), field('currency')],
        ['quantity beyond the limit', () => ({ quantity: 1_000_001 }), field('quantity')],
        ['quantity beyond 32 bits', () => ({ quantity: 2 ** 40 }), coercion],
        ['interval of 0 months', () => ({ intervalMonths: 0 }), field('intervalMonths')],
        ['paid through before the start', () => ({ paidThrough: '2025-01-01' }), field('paidThrough')],
        ['term ending before the start', () => ({ termEndsOn: '2025-01-01' }), field('termEndsOn')],
        ['discount ending on the start day', () => ({ discountPercent: '10', discountEndsOn: '2025-01-10' }), field('discountEndsOn')],
        ['both a percentage and an amount off', () => ({ discountPercent: '10', discountAmount: '5.00' }), field('discountPercent')],
        ['a status that is not TRIAL or ACTIVE', () => ({ status: 'PAUSED' }), field('status')],
      ]),
      c('a change before the subscription starts', (fx) => ({ input: { kind: 'CHANGE', subscriptionId: fx.revenue.subscriptionId, effectiveDate: '2025-01-09', quantity: 2 } }), field('effectiveDate')),
      c('a change of an unknown subscription', () => ({ input: { kind: 'CHANGE', subscriptionId: UNKNOWN_ID, effectiveDate: '2025-06-01', quantity: 2 } }), field('subscriptionId')),
      c('a renewal without the new term end', (fx) => ({ input: { kind: 'RENEW', subscriptionId: fx.revenue.subscriptionId, effectiveDate: '2025-06-01' } }), field('termEndsOn')),
      c('pausing a paused subscription', (fx) => ({ input: { kind: 'PAUSE', subscriptionId: fx.revenue.pausedSubscriptionId, effectiveDate: '2025-06-01' } }), conflict),
    ],
  },
  {
    op: 'importSubscriptionEvents',
    document: DOCS.importSubscriptionEvents,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ csv: 'kind,subscription_external_id,effective_date,quantity\nCHANGE,bad-input-sub,2025-06-01,2\n', importValidRows: false }), [
      ['no effective_date column', () => ({ csv: 'kind,subscription_external_id\nCHANGE,bad-input-sub\n' }), field('csv')],
      ['an empty file', () => ({ csv: '' }), field('csv')],
      ['a file that is no CSV (unclosed quote)', () => ({ csv: 'kind,effective_date\n"CHANGE,2025-06-01\n' }), field('csv')],
      ['a file that is not UTF-8', () => ({ csv: 'kind,effective_date,product_sku\nSTART,2025-06-01,Caf\uFFFD\n' }), field('csv')],
      ['a file holding NUL bytes', () => ({ csv: 'kind,effective_date\nSTART\u0000,2025-06-01\n' }), field('csv')],
      ['more than 20,000 rows', () => ({ csv: `kind,effective_date\n${'START,2025-06-01\n'.repeat(20_001)}` }), field('csv')],
      ['importValidRows as a string', () => ({ importValidRows: 'yes' }), coercion],
      ['csv missing', () => ({ csv: undefined }), coercion],
    ]),
  },
  {
    op: 'setExchangeRate',
    document: DOCS.setExchangeRate,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ currency: 'CHF', validFrom: '2025-01-01', rate: '1.05' }), [
      ['the base currency', () => ({ currency: 'EUR' }), field('currency')],
      ['unknown currency code', () => ({ currency: 'ZZZ' }), field('currency')],
      ['currency as a word', () => ({ currency: 'FRANC' }), field('currency')],
      ['rate 0', () => ({ rate: '0' }), field('rate')],
      ['rate 0 with decimals', () => ({ rate: '0.0000' }), field('rate')],
      ['negative rate', () => ({ rate: '-1.05' }), field('rate')],
      ['rate with 11 decimals', () => ({ rate: '1.05000000001' }), field('rate')],
      ['rate in exponent notation', () => ({ rate: '1e2' }), field('rate')],
      ['rate with 15 digits before the point', () => ({ rate: '123456789012345' }), field('rate')],
      ['empty rate', () => ({ rate: '' }), field('rate')],
      ['validFrom that is no real date', () => ({ validFrom: '2025-02-30' }), field('validFrom')],
      ['rate missing', () => ({ rate: undefined }), coercion],
    ]),
  },
  {
    op: 'importExchangeRates',
    document: DOCS.importExchangeRates,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ csv: 'currency,valid_from,rate\nCHF,2025-01-01,1.05\n', importValidRows: false }), [
      ['no rate column', () => ({ csv: 'currency,valid_from\nCHF,2025-01-01\n' }), field('csv')],
      ['an empty file', () => ({ csv: '' }), field('csv')],
      ['a file that is no CSV (unclosed quote)', () => ({ csv: 'currency,valid_from,rate\n"CHF,2025-01-01,1.05\n' }), field('csv')],
      ['a file that is not UTF-8', () => ({ csv: 'currency,valid_from,rate\nCH\uFFFD,2025-01-01,1.05\n' }), field('csv')],
      ['importValidRows as a string', () => ({ importValidRows: 'yes' }), coercion],
    ]),
  },
  {
    op: 'createSubscriptionsFromDeal',
    document: DOCS.createSubscriptionsFromDeal,
    as: 'VENDOR_ADMIN',
    cases: [...idCases(), c('an approved deal (not won)', (fx) => ({ id: fx.deals.approvedId }), conflict), c('a draft (not registered yet)', (fx) => ({ id: fx.deals.draftId }), notFound)],
  },

  // ----- notifications
  {
    op: 'markNotificationsRead',
    document: DOCS.markNotificationsRead,
    as: 'PARTNER_ADMIN',
    cases: [
      c('a malformed id', () => ({ ids: [BAD_ID] }), field('ids')),
      c('501 ids', () => ({ ids: Array.from({ length: 501 }, () => randomUUID()) }), field('ids')),
      c('ids null', () => ({ ids: null }), coercion),
    ],
  },
  {
    op: 'setNotificationMute',
    document: DOCS.setNotificationMute,
    as: 'PARTNER_ADMIN',
    cases: [
      c('unknown type', () => ({ type: 'DEAL_WHATEVER', muted: true }), field('type')),
      c('type in lower case', () => ({ type: 'deal_approved', muted: true }), field('type')),
      c('empty type', () => ({ type: '', muted: true }), field('type')),
      c('over-long type', () => ({ type: LONG, muted: true }), field('type')),
      c('muted missing', () => ({ type: 'DEAL_APPROVED' }), coercion),
      c('muted as a string', () => ({ type: 'DEAL_APPROVED', muted: 'yes' }), coercion),
    ],
  },

  // ----- market development funds
  {
    op: 'createMdfRequest',
    document: DOCS.createMdfRequest,
    as: 'PARTNER_ADMIN',
    cases: [
      ...mdfAmountCases('plannedCost', (fx, amount) => ({ input: { ...mdfRequestBase(fx), plannedCost: amount } })),
      ...mdfAmountCases('requestedAmount', (fx, amount) => ({ input: { ...mdfRequestBase(fx), requestedAmount: amount } })),
      ...inputCases(mdfRequestBase, [
        ['requested above the co-funding cap (50 % of 1,000.00)', () => ({ requestedAmount: '500.01' }), field('requestedAmount')],
        ['requested above a cap rounded down (50 % of 999.99 = 499.995 → 499.99)', () => ({ plannedCost: '999.99', requestedAmount: '500.00' }), field('requestedAmount')],
        ['start before the fund window', (fx) => ({ startDate: isoDate(new Date(`${fx.mdf.periodStart}T00:00:00Z`), -1) }), field('startDate')],
        ['end after the fund window', (fx) => ({ endDate: isoDate(new Date(`${fx.mdf.periodEnd}T00:00:00Z`), 1) }), field('endDate')],
        ['end before start', (fx) => ({ startDate: fx.mdf.periodEnd, endDate: fx.mdf.periodStart }), field('endDate')],
        ['a date that does not exist', () => ({ startDate: '2026-02-30' }), field('startDate')],
        ['a date as text', () => ({ endDate: 'next week' }), field('endDate')],
        ['empty title', () => ({ title: '' }), field('title')],
        ['over-long title', () => ({ title: LONG }), field('title')],
        ['unknown activity type', () => ({ activityType: 'PARTY' }), coercion],
        ['negative expected leads', () => ({ expectedLeads: -1 }), field('expectedLeads')],
        ['expected pipeline with three decimals', () => ({ expectedPipeline: '1.001' }), field('expectedPipeline')],
        ['malformed fundId', () => ({ fundId: BAD_ID }), field('fundId')],
        ['unknown fund', () => ({ fundId: UNKNOWN_ID }), notFound],
        ["another partner's fund", (fx) => ({ fundId: fx.mdf.contosoFundId }), notFound],
      ]),
    ],
  },
  {
    op: 'updateMdfRequest',
    document: DOCS.updateMdfRequest,
    as: 'PARTNER_ADMIN',
    cases: [
      ...mdfAmountCases('requestedAmount', (fx, amount) => ({ id: fx.mdf.draftId, input: { requestedAmount: amount } })),
      c('requested above the cap', (fx) => ({ id: fx.mdf.draftId, input: { requestedAmount: '500.01' } }), field('requestedAmount')),
      c('start outside the fund window', (fx) => ({ id: fx.mdf.draftId, input: { startDate: isoDate(new Date(`${fx.mdf.periodStart}T00:00:00Z`), -1) } }), field('startDate')),
      c('a submitted request (not editable)', (fx) => ({ id: fx.mdf.submittedId, input: { title: 'Changed' } }), conflict),
      c('an approved request (not editable)', (fx) => ({ id: fx.mdf.approvedId, input: { title: 'Changed' } }), conflict),
      c('malformed id', () => ({ id: BAD_ID, input: { title: 'Changed' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { title: 'Changed' } }), notFound),
    ],
  },
  {
    op: 'submitMdfRequest',
    document: DOCS.submitMdfRequest,
    as: 'PARTNER_ADMIN',
    cases: [...idCases(), c('an approved request', (fx) => ({ id: fx.mdf.approvedId }), conflict), c('a submitted request', (fx) => ({ id: fx.mdf.submittedId }), conflict)],
  },
  {
    op: 'cancelMdfRequest',
    document: DOCS.cancelMdfRequest,
    as: 'PARTNER_ADMIN',
    cases: [
      ...idCases(),
      c('an approved request with an open claim', (fx) => ({ id: fx.mdf.approvedWithClaimId }), conflict),
      c('a completed request', (fx) => ({ id: fx.mdf.completedId }), conflict),
      c('over-long reason', (fx) => ({ id: fx.mdf.draftId, reason: LONG }), field('reason')),
    ],
  },
  {
    op: 'approveMdfRequest',
    document: DOCS.approveMdfRequest,
    as: 'VENDOR_ADMIN',
    cases: [
      ...idCases(),
      ...mdfAmountCases('amount', (fx, amount) => ({ id: fx.mdf.submittedId, amount })),
      c('more than requested', (fx) => ({ id: fx.mdf.submittedId, amount: '500.01' }), field('amount')),
      c('an approved request', (fx) => ({ id: fx.mdf.approvedId }), conflict),
      c('a draft (vendor staff do not see drafts)', (fx) => ({ id: fx.mdf.draftId }), notFound),
    ],
  },
  { op: 'rejectMdfRequest', document: DOCS.rejectMdfRequest, as: 'VENDOR_ADMIN', cases: mdfTextCases('reason', (fx) => fx.mdf.submittedId, (fx) => fx.mdf.approvedId) },
  { op: 'requestMdfRequestInfo', document: DOCS.requestMdfRequestInfo, as: 'VENDOR_ADMIN', cases: mdfTextCases('comment', (fx) => fx.mdf.submittedId, (fx) => fx.mdf.approvedId) },
  {
    op: 'commentOnMdfRequest',
    document: DOCS.commentOnMdfRequest,
    as: 'VENDOR_ADMIN',
    cases: mdfTextCases('comment', (fx) => fx.mdf.submittedId, () => UNKNOWN_ID).map((bad) => (bad.expect === conflict ? { ...bad, name: 'unknown request', expect: notFound } : bad)),
  },
  {
    op: 'extendMdfClaimDeadline',
    document: DOCS.extendMdfClaimDeadline,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, until: '2099-01-01', reason: 'x' }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, until: '2099-01-01', reason: 'x' }), notFound),
      c('until as text', (fx) => ({ id: fx.mdf.approvedId, until: 'later', reason: 'x' }), field('until')),
      c('until a date that does not exist', (fx) => ({ id: fx.mdf.approvedId, until: '2099-02-30', reason: 'x' }), field('until')),
      c('until before the current deadline', (fx) => ({ id: fx.mdf.approvedId, until: fx.mdf.periodStart, reason: 'x' }), field('until')),
      c('empty reason', (fx) => ({ id: fx.mdf.approvedId, until: '2099-01-01', reason: '' }), field('reason')),
      c('a request that is not approved', (fx) => ({ id: fx.mdf.submittedId, until: '2099-01-01', reason: 'x' }), conflict),
    ],
  },
  {
    op: 'approveMdfClaim',
    document: DOCS.approveMdfClaim,
    as: 'VENDOR_ADMIN',
    cases: [
      ...idCases(),
      ...mdfAmountCases('amount', (fx, amount) => ({ id: fx.mdf.claimSubmittedId, amount })),
      c('more than claimed', (fx) => ({ id: fx.mdf.claimSubmittedId, amount: '500.01' }), field('amount')),
      c('an approved claim', (fx) => ({ id: fx.mdf.claimApprovedId }), conflict),
    ],
  },
  { op: 'rejectMdfClaim', document: DOCS.rejectMdfClaim, as: 'VENDOR_ADMIN', cases: mdfTextCases('reason', (fx) => fx.mdf.claimSubmittedId, (fx) => fx.mdf.claimApprovedId) },
  { op: 'requestMdfClaimInfo', document: DOCS.requestMdfClaimInfo, as: 'VENDOR_ADMIN', cases: mdfTextCases('comment', (fx) => fx.mdf.claimSubmittedId, (fx) => fx.mdf.claimApprovedId) },
  {
    op: 'commentOnMdfClaim',
    document: DOCS.commentOnMdfClaim,
    as: 'VENDOR_ADMIN',
    cases: mdfTextCases('comment', (fx) => fx.mdf.claimSubmittedId, () => UNKNOWN_ID).map((bad) => (bad.expect === conflict ? { ...bad, name: 'unknown claim', expect: notFound } : bad)),
  },
  {
    op: 'markMdfClaimsPaid',
    document: DOCS.markMdfClaimsPaid,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ claimIds: [fx.mdf.claimApprovedId], paymentReference: 'BAD-1', paymentDate: isoDate(new Date()), idempotencyKey: 'bad-input' }), [
      ['no claims', () => ({ claimIds: [] }), field('claimIds')],
      ['a malformed claim id', () => ({ claimIds: [BAD_ID] }), field('claimIds')],
      ['an unknown claim', () => ({ claimIds: [UNKNOWN_ID] }), notFound],
      ['a claim that is not approved', (fx) => ({ claimIds: [fx.mdf.claimSubmittedId] }), conflict],
      ['an approved and a submitted claim (all or nothing)', (fx) => ({ claimIds: [fx.mdf.claimApprovedId, fx.mdf.claimSubmittedId] }), conflict],
      ['payment date as text', () => ({ paymentDate: 'today' }), field('paymentDate')],
      ['payment date that does not exist', () => ({ paymentDate: '2026-02-30' }), field('paymentDate')],
      ['payment date in the future', () => ({ paymentDate: isoDate(new Date(), 3) }), field('paymentDate')],
      ['empty payment reference', () => ({ paymentReference: '' }), field('paymentReference')],
      ['empty idempotency key', () => ({ idempotencyKey: '' }), field('idempotencyKey')],
      ['over-long idempotency key', () => ({ idempotencyKey: LONG }), field('idempotencyKey')],
    ]),
  },
  {
    op: 'createMdfFund',
    document: DOCS.createMdfFund,
    as: 'VENDOR_ADMIN',
    cases: [
      ...mdfAmountCases('budget', (fx, amount) => ({ input: { ...mdfFundBase(fx), budget: amount } })).filter((bad) => !bad.name.includes('zero')),
      ...inputCases(mdfFundBase, [
        ['a fixed fund without a budget', () => ({ budget: undefined }), field('budget')],
        ['a period start that does not exist', () => ({ periodStart: '2026-02-30' }), field('periodStart')],
        ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
        ['the vendor as the partner', (fx) => ({ organisationId: fx.vendorOrgId }), field('organisationId')],
        ['unknown program', () => ({ programId: UNKNOWN_ID }), field('programId')],
        ['unknown budget kind', () => ({ budgetKind: 'GIFT' }), coercion],
        ['an accrual for a partner not in the program', (fx) => ({ programId: fx.otherProgramId, budgetKind: 'ACCRUAL', budget: undefined }), field('organisationId')],
        ['a second fund for the same period', (fx) => ({ periodStart: fx.mdf.periodStart }), conflict],
      ]),
    ],
  },
  {
    op: 'bulkCreateMdfFunds',
    document: DOCS.bulkCreateMdfFunds,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ programId: fx.programId, periodStart: isoDate(new Date(), 400), budgetKind: 'FIXED', budget: '100.00' }), [
      ['budget with three decimals', () => ({ budget: '1.001' }), field('budget')],
      ['negative budget', () => ({ budget: '-1.00' }), field('budget')],
      ['no budget for fixed funds', () => ({ budget: undefined }), field('budget')],
      ['malformed programId', () => ({ programId: BAD_ID }), field('programId')],
      ['unknown program', () => ({ programId: UNKNOWN_ID }), field('programId')],
      ['a tier of another program', (fx) => ({ tierId: fx.otherProgramTierId }), field('tierId')],
      ['a period start that does not exist', () => ({ periodStart: '2026-02-30' }), field('periodStart')],
    ]),
  },
  {
    op: 'updateMdfFundBudget',
    document: DOCS.updateMdfFundBudget,
    as: 'VENDOR_ADMIN',
    cases: [
      ...mdfAmountCases('budget', (fx, amount) => ({ id: fx.mdf.fundId, budget: amount, reason: 'x' })).filter((bad) => !bad.name.includes('zero')),
      c('below what is reserved, approved and paid', (fx) => ({ id: fx.mdf.fundId, budget: '0.00', reason: 'x' }), conflict),
      c('empty reason', (fx) => ({ id: fx.mdf.fundId, budget: '100.00', reason: '' }), field('reason')),
      c('malformed id', () => ({ id: BAD_ID, budget: '100.00', reason: 'x' }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, budget: '100.00', reason: 'x' }), notFound),
    ],
  },
  {
    op: 'recomputeMdfAccruals',
    document: DOCS.recomputeMdfAccruals,
    as: 'VENDOR_ADMIN',
    cases: [c('malformed fundId', () => ({ fundId: BAD_ID }), field('fundId')), c('unknown fund', () => ({ fundId: UNKNOWN_ID }), notFound)],
  },
  {
    op: 'setMdfProgramSettings',
    document: DOCS.setMdfProgramSettings,
    as: 'VENDOR_ADMIN',
    cases: [
      c('negative claim deadline days', (fx) => ({ programId: fx.programId, input: { claimDeadlineDays: -1 } }), field('claimDeadlineDays')),
      c('claim deadline days beyond two years', (fx) => ({ programId: fx.programId, input: { claimDeadlineDays: 731 } }), field('claimDeadlineDays')),
      c('negative grace days', (fx) => ({ programId: fx.programId, input: { expiryGraceDays: -1 } }), field('expiryGraceDays')),
      c('unknown currency', (fx) => ({ programId: fx.programId, input: { currency: 'EURO' } }), field('currency')),
      c('unknown period kind', (fx) => ({ programId: fx.programId, input: { periodKind: 'MONTH' } }), coercion),
      c('malformed programId', () => ({ programId: BAD_ID, input: { claimDeadlineDays: 30 } }), field('programId')),
      c('unknown program', () => ({ programId: UNKNOWN_ID, input: { claimDeadlineDays: 30 } }), notFound),
    ],
  },
  // ----- Incentives
  {
    op: 'createIncentivePlan',
    document: DOCS.createIncentivePlan,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => incentivePlanBase, [
      ['overlapping tiers', () => ({ rules: rebateRules([{ from: '0', to: '200', rate: '2' }, { from: '100', rate: '3' }]) }), field('rules.rebate.tiers[1].fromMinor')],
      ['tiers out of order', () => ({ rules: rebateRules([{ from: '100', to: '200', rate: '2' }, { from: '0', rate: '3' }]) }), field('rules.rebate.tiers[1].fromMinor')],
      ['a rate above 100 %', () => ({ rules: rebateRules([{ from: '0', rate: '100.01' }]) }), field('rules.rebate.tiers[0].ratePct')],
      ['a rate below 0 %', () => ({ rules: rebateRules([{ from: '0', rate: '-1' }]) }), field('rules.rebate.tiers[0].ratePct')],
      ['a rate with five decimals', () => ({ rules: rebateRules([{ from: '0', rate: '1.00001' }]) }), field('rules.rebate.tiers.0.rate')],
      ['a last tier with an upper bound', () => ({ rules: rebateRules([{ from: '0', to: '100', rate: '1' }]) }), field('rules.rebate.tiers[0].toMinor')],
      ['no tiers', () => ({ rules: rebateRules([]) }), field('rules.rebate.tiers')],
      ['a tier bound with three decimals', () => ({ rules: rebateRules([{ from: '0.001', rate: '1' }]) }), field('rules.rebate.tiers.0.from')],
      ['no period', () => ({ periodKind: undefined }), field('periodKind')],
      ['unknown period kind', () => ({ periodKind: 'WEEK' }), coercion],
      ['no rules of the plan kind', () => ({ rules: {} }), field('rules.rebate')],
      ['POINTS for a plan that pays cash', () => ({ currency: 'POINTS' }), field('currency')],
      ['an activity plan naming an unknown activity type', () => ({ kind: 'ACTIVITY', rules: { activity: { activities: [{ activityTypeId: UNKNOWN_ID, amount: '10.00' }] } } }), field('rules.activity.activities[0].activityTypeId')],
      ['an activity plan with a negative cap', () => ({ kind: 'ACTIVITY', rules: { activity: { activities: [{ activityTypeId: UNKNOWN_ID, amount: '10.00', capPerPeriod: '-1' }] } } }), field('rules.activity.activities.0.capPerPeriod')],
      ['a points plan paying fractions of a point', () => ({ kind: 'TRAINING', currency: 'POINTS', rules: { training: { courses: [{ courseId: UNKNOWN_ID, amount: '1.5' }] } } }), field('rules.training.courses[0].amount')],
      ['a training plan without courses', () => ({ kind: 'TRAINING', rules: { training: { courses: [] } } }), field('rules.training.courses')],
      ['a retention plan without any reward', () => ({ kind: 'RETENTION', rules: { retention: {} } }), field('rules.retention')],
      ['a retention plan with an NRR threshold but no reward', () => ({ kind: 'RETENTION', rules: { retention: { nrrThreshold: '105' } } }), field('rules.retention.nrrReward')],
      ['a retention plan with an expansion rate above 100 %', () => ({ kind: 'RETENTION', rules: { retention: { expansionRate: '100.5' } } }), field('rules.retention.expansionRate')],
      ['a retention plan with a negative clawback window', () => ({ kind: 'RETENTION', rules: { retention: { expansionRate: '1', clawbackDays: -1 } } }), field('rules.retention.clawbackDays')],
      ['a retention plan not in the revenue base currency', () => ({ kind: 'RETENTION', currency: 'USD', rules: { retention: { expansionRate: '1' } } }), field('currency')],
      ['a referral plan with neither months nor lifetime', () => ({ kind: 'REFERRAL', rules: { referral: { rate: '10' } } }), field('rules.referral.months')],
      ['a referral plan with months and lifetime', () => ({ kind: 'REFERRAL', rules: { referral: { rate: '10', months: 3, lifetime: true } } }), field('rules.referral.months')],
      ['a referral plan for 0 months', () => ({ kind: 'REFERRAL', rules: { referral: { rate: '10', months: 0 } } }), field('rules.referral.months')],
      ['a referral plan without referral rules', () => ({ kind: 'REFERRAL', rules: {} }), field('rules.referral')],
      ['a new-ARR rebate not in the revenue base currency', () => ({ currency: 'USD', rules: { rebate: { mode: 'RETROACTIVE', measure: 'NEW_ARR', tiers: [{ from: '0', rate: '1' }] } } }), field('rules.rebate.measure')],
      ['an unknown rebate measure', () => ({ rules: { rebate: { mode: 'RETROACTIVE', measure: 'PROFIT', tiers: [{ from: '0', rate: '1' }] } } }), coercion],
      ['a version not starting on the first day of a period', () => ({ effectiveFrom: '2030-02-01' }), field('effectiveFrom')],
      ['a date that does not exist', () => ({ effectiveFrom: '2030-02-30' }), field('effectiveFrom')],
      ['unknown currency', () => ({ currency: 'EURO' }), field('currency')],
      ['unknown program', () => ({ programId: UNKNOWN_ID }), field('programId')],
      ['empty name', () => ({ name: '' }), field('name')],
      ['a SPIF paying a fixed amount without the amount', () => ({ kind: 'SPIF', rules: { spif: { startsOn: '2030-01-01', endsOn: '2030-03-31', payoutKind: 'FIXED' } } }), field('rules.spif.amount')],
      ['a SPIF ending before it starts', () => ({ kind: 'SPIF', rules: { spif: { startsOn: '2030-03-01', endsOn: '2030-01-31', payoutKind: 'FIXED', amount: '10.00' } } }), field('rules.spif.endsOn')],
      ['a SPIF paying more than 100 %', () => ({ kind: 'SPIF', rules: { spif: { startsOn: '2030-01-01', endsOn: '2030-03-31', payoutKind: 'PERCENT', rate: '150' } } }), field('rules.spif.payout.ratePct')],
      ['a SPIF with a negative cap', () => ({ kind: 'SPIF', rules: { spif: { startsOn: '2030-01-01', endsOn: '2030-03-31', payoutKind: 'FIXED', amount: '10.00', repCap: '-1.00' } } }), field('rules.spif.repCap')],
    ]),
  },
  {
    op: 'addIncentivePlanVersion',
    document: DOCS.addIncentivePlanVersion,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed planId', () => ({ planId: BAD_ID, effectiveFrom: '2030-01-01', rules: incentivePlanBase.rules }), field('planId')),
      c('unknown plan', () => ({ planId: UNKNOWN_ID, effectiveFrom: '2030-01-01', rules: incentivePlanBase.rules }), notFound),
      c('a date as text', () => ({ planId: UNKNOWN_ID, effectiveFrom: 'next year', rules: incentivePlanBase.rules }), field('effectiveFrom')),
    ],
  },
  { op: 'publishIncentivePlan', document: DOCS.publishIncentivePlan, as: 'VENDOR_ADMIN', cases: idCases() },
  {
    op: 'recomputeIncentiveAccruals',
    document: DOCS.recomputeIncentiveAccruals,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed planId', () => ({ planId: BAD_ID }), field('planId')),
      c('unknown plan', () => ({ planId: UNKNOWN_ID }), notFound),
      c('a period that is no period', () => ({ planId: UNKNOWN_ID, period: '2026-13' }), field('period')),
    ],
  },
  {
    op: 'closeIncentivePeriod',
    document: DOCS.closeIncentivePeriod,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed planId', () => ({ planId: BAD_ID, period: '2026-Q1' }), field('planId')),
      c('unknown plan', () => ({ planId: UNKNOWN_ID, period: '2026-Q1' }), notFound),
      c('a period that is no period', () => ({ planId: UNKNOWN_ID, period: 'Q1' }), field('period')),
      c('a fifth quarter', () => ({ planId: UNKNOWN_ID, period: '2026-Q5' }), field('period')),
    ],
  },
  {
    op: 'reverseIncentiveDeal',
    document: DOCS.reverseIncentiveDeal,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ dealId: fx.deals.approvedId, reason: 'Bad input' }), [
      ['malformed dealId', () => ({ dealId: BAD_ID }), field('dealId')],
      ['unknown deal', () => ({ dealId: UNKNOWN_ID }), notFound],
      ['empty reason', () => ({ reason: '' }), field('reason')],
      ['a deal that is not won', () => ({}), conflict],
    ]),
  },
  {
    op: 'linkReferralSignup',
    document: DOCS.linkReferralSignup,
    as: 'VENDOR_ADMIN',
    cases: inputCases((fx) => ({ signupId: UNKNOWN_ID, customerId: fx.revenue.customerId }), [
      ['malformed signupId', () => ({ signupId: BAD_ID }), field('signupId')],
      ['malformed customerId', () => ({ customerId: BAD_ID }), field('customerId')],
      ['an unknown sign-up', () => ({}), notFound],
      ['a customer id as the sign-up', (fx) => ({ signupId: fx.revenue.customerId }), notFound],
    ]),
  },
  { op: 'approveIncentiveStatement', document: DOCS.approveIncentiveStatement, as: 'VENDOR_ADMIN', cases: idCases() },
  {
    op: 'markIncentiveStatementsPaid',
    document: DOCS.markIncentiveStatementsPaid,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ statementIds: [UNKNOWN_ID], method: 'CASH', idempotencyKey: 'bad-input-0001' }), [
      ['an unknown statement', () => ({}), notFound],
      ['no statements', () => ({ statementIds: [] }), field('statementIds')],
      ['a malformed statement id', () => ({ statementIds: [BAD_ID] }), field('statementIds')],
      ['unknown method', () => ({ method: 'CHEQUE' }), coercion],
      ['empty idempotency key', () => ({ idempotencyKey: '' }), field('idempotencyKey')],
      ['over-long idempotency key', () => ({ idempotencyKey: LONG }), field('idempotencyKey')],
    ]),
  },
  {
    op: 'createReward',
    document: DOCS.createReward,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ name: 'Bad input voucher', kind: 'GIFT_VOUCHER', pointsPrice: 100, stock: 5 }), [
      ['price 0', () => ({ pointsPrice: 0 }), field('pointsPrice')],
      ['negative stock', () => ({ stock: -1 }), field('stock')],
      ['unknown kind', () => ({ kind: 'CAR' }), coercion],
      ['empty name', () => ({ name: '' }), field('name')],
      ['an unknown tier', () => ({ eligibleTierIds: [UNKNOWN_ID] }), field('eligibleTierIds')],
    ]),
  },
  {
    op: 'redeemReward',
    document: DOCS.redeemReward,
    as: 'PARTNER_ADMIN',
    cases: [c('malformed rewardId', () => ({ input: { rewardId: BAD_ID } }), field('rewardId')), c('unknown reward', () => ({ input: { rewardId: UNKNOWN_ID } }), notFound)],
  },
  { op: 'approveRewardRedemption', document: DOCS.approveRewardRedemption, as: 'VENDOR_ADMIN', cases: idCases() },
  // ----- Activities and training
  {
    op: 'createActivityType',
    document: DOCS.createActivityType,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ name: 'Bad input type', kind: 'DEMO_HELD', approval: 'AUTO' }), [
      ['empty name', () => ({ name: '' }), field('name')],
      ['over-long name', () => ({ name: LONG }), field('name')],
      ['unknown kind', () => ({ kind: 'PARTY' }), coercion],
      ['unknown approval mode', () => ({ approval: 'MAYBE' }), coercion],
    ]),
  },
  {
    op: 'updateActivityType',
    document: DOCS.updateActivityType,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { name: 'Bad input type', kind: 'DEMO_HELD', approval: 'AUTO' } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { name: 'Bad input type', kind: 'DEMO_HELD', approval: 'AUTO' } }), notFound),
      c('empty name', () => ({ id: UNKNOWN_ID, input: { name: '', kind: 'DEMO_HELD', approval: 'AUTO' } }), field('input.name')),
    ],
  },
  {
    op: 'logActivity',
    document: DOCS.logActivity,
    as: 'PARTNER_ADMIN',
    cases: inputCases(() => ({ typeId: UNKNOWN_ID, occurredOn: '2026-01-05', description: 'Bad input webinar' }), [
      ['malformed typeId', () => ({ typeId: BAD_ID }), field('typeId')],
      ['unknown type', () => ({}), notFound],
      ['a date as text', () => ({ occurredOn: 'yesterday' }), field('occurredOn')],
      ['empty description', () => ({ description: '' }), field('description')],
      ['over-long description', () => ({ description: LONG }), field('description')],
      ['evidence that is not a web address', () => ({ evidenceUrl: 'javascript:alert(1)' }), field('evidenceUrl')],
    ]),
  },
  { op: 'approveActivity', document: DOCS.approveActivity, as: 'VENDOR_ADMIN', cases: idCases() },
  {
    op: 'rejectActivity',
    document: DOCS.rejectActivity,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, reason: 'bad input' }), field('id')),
      c('empty reason', () => ({ id: UNKNOWN_ID, reason: '' }), field('reason')),
      c('unknown id', () => ({ id: UNKNOWN_ID, reason: 'bad input' }), notFound),
    ],
  },
  {
    op: 'createCourse',
    document: DOCS.createCourse,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ name: 'Bad input course', certification: true, validityMonths: 12 }), [
      ['validity 0', () => ({ validityMonths: 0 }), field('validityMonths')],
      ['validity above 240 months', () => ({ validityMonths: 241 }), field('validityMonths')],
      ['a validity for a course that does not certify', () => ({ certification: false }), field('validityMonths')],
      ['empty name', () => ({ name: '' }), field('name')],
      ['certification missing', () => ({ certification: undefined }), coercion],
    ]),
  },
  {
    op: 'updateCourse',
    document: DOCS.updateCourse,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed id', () => ({ id: BAD_ID, input: { name: 'Bad input course', certification: false } }), field('id')),
      c('unknown id', () => ({ id: UNKNOWN_ID, input: { name: 'Bad input course', certification: false } }), notFound),
      c('validity 0', () => ({ id: UNKNOWN_ID, input: { name: 'Bad input course', certification: true, validityMonths: 0 } }), field('input.validityMonths')),
    ],
  },
  {
    op: 'recordCourseCompletion',
    document: DOCS.recordCourseCompletion,
    as: 'PARTNER_ADMIN',
    cases: inputCases(() => ({ courseId: UNKNOWN_ID, completedOn: '2026-01-05' }), [
      ['malformed courseId', () => ({ courseId: BAD_ID }), field('courseId')],
      ['unknown course', () => ({}), notFound],
      ['a date as text', () => ({ completedOn: 'last week' }), field('completedOn')],
      ['an unknown person', () => ({ userId: UNKNOWN_ID }), notFound],
      ['evidence that is not a web address', () => ({ evidenceUrl: 'ftp://x' }), field('evidenceUrl')],
    ]),
  },
  {
    op: 'importCourseCompletions',
    document: DOCS.importCourseCompletions,
    as: 'VENDOR_ADMIN',
    cases: [
      c('no header row', () => ({ input: { csv: 'lms-1,rep@northwind.test,x,2026-01-05\n' } }), field('csv')),
      c('not UTF-8', () => ({ input: { csv: 'external_id,email,course_id,completed_on\nlms-1,r\uFFFDp@northwind.test,x,2026-01-05\n' } }), field('csv')),
      c('csv missing', () => ({ input: {} }), coercion),
    ],
  },
  {
    op: 'fulfilRewardRedemption',
    document: DOCS.fulfilRewardRedemption,
    as: 'VENDOR_ADMIN',
    cases: [...idCases(), c('unknown redemption', () => ({ id: UNKNOWN_ID }), notFound)],
  },
  {
    op: 'rejectRewardRedemption',
    document: DOCS.rejectRewardRedemption,
    as: 'VENDOR_ADMIN',
    cases: [
      ...idCases().map((bad) => ({ ...bad, variables: (fx: Fixture) => ({ ...bad.variables(fx), reason: 'Bad input' }) })),
      c('empty reason', () => ({ id: UNKNOWN_ID, reason: '' }), field('reason')),
    ],
  },
];

/** Paging and filters of the list queries. */
/** Too large a page: our validation names `first`, unless the cost limit (first × selection) refuses the query earlier. */
const costRefusal: Expected = { kind: 'graphql', code: 'GRAPHQL_VALIDATION_FAILED', message: /Query cost \d+ exceeds the limit of 10000/ };

const pagingCases = (cursorOfWrongTypes: string, cursorOfWrongArity: string, firstTooLarge: Expected = field('first')): BadCase[] => [
  c('after: "garbage"', () => ({ after: 'garbage' }), field('after')),
  c('after: empty', () => ({ after: '' }), field('after')),
  c('after: over-long', () => ({ after: LONG }), field('after')),
  c('after: a cursor with the wrong number of values', () => ({ after: cursorOfWrongArity }), field('after')),
  c('after: a well-formed cursor with values of the wrong type', () => ({ after: cursorOfWrongTypes }), field('after')),
  c('first: 0', () => ({ first: 0 }), field('first')),
  c('first: -1', () => ({ first: -1 }), field('first')),
  c('first: 101', () => ({ first: 101 }), field('first')),
  c('first: 1000', () => ({ first: 1000 }), firstTooLarge),
  c('first beyond 32 bits', () => ({ first: 2 ** 40 }), coercion),
  c('first: "ten"', () => ({ first: 'ten' }), coercion),
];

const QUERIES: Group[] = [
  {
    op: 'mdfFunds',
    document: DOCS.mdfFunds,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01'), costRefusal),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: unknown status', () => ({ filter: { status: 'GONE' } }), coercion),
      c('filter: a date as text', () => ({ filter: { periodStart: 'today' } }), field('periodStart')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'mdfRequests',
    document: DOCS.mdfRequests,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal),
      c('filter: unknown status', () => ({ filter: { status: ['GONE'] } }), coercion),
      c('filter: malformed fundId', () => ({ filter: { fundId: BAD_ID } }), field('fundId')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'mdfClaims',
    document: DOCS.mdfClaims,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal),
      c('filter: unknown status', () => ({ filter: { status: ['LOST'] } }), coercion),
      c('filter: malformed requestId', () => ({ filter: { requestId: BAD_ID } }), field('requestId')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'mdfReport',
    document: DOCS.mdfReport,
    as: 'VENDOR_ADMIN',
    cases: [
      c('unknown grouping', () => ({ groupBy: 'COUNTRY' }), coercion),
      c('filter: a date as text', () => ({ filter: { periodFrom: 'last year' } }), field('periodFrom')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'mdfExpiringFunds',
    document: DOCS.mdfExpiringFunds,
    as: 'VENDOR_ADMIN',
    cases: [c('withinDays: 0', () => ({ withinDays: 0 }), field('withinDays')), c('withinDays: 367', () => ({ withinDays: 367 }), field('withinDays'))],
  },
  {
    op: 'users',
    document: DOCS.users,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('someone', 'not-a-uuid'), cursorOf('someone'), costRefusal),
      c('after: a text cursor holding NUL', () => ({ after: cursorOf('a\u0000b', UNKNOWN_ID) }), field('after')),
      c('filter: search holding NUL', () => ({ filter: { search: 'a\u0000b' } }), field('search')),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: unknown role', () => ({ filter: { role: 'GOD' } }), coercion),
      c('filter: over-long search', () => ({ filter: { search: LONG } }), field('search')),
    ],
  },
  {
    op: 'partners',
    document: DOCS.partners,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('someone', 'not-a-uuid'), cursorOf('someone', UNKNOWN_ID, 3)),
      c('filter: unknown country', () => ({ filter: { country: 'XXX' } }), field('country')),
      c('filter: malformed programId', () => ({ filter: { programId: BAD_ID } }), field('programId')),
      c('filter: malformed tierId', () => ({ filter: { tierId: BAD_ID } }), field('tierId')),
      c('filter: unknown status', () => ({ filter: { status: 'GONE' } }), coercion),
      c('filter: over-long search', () => ({ filter: { search: LONG } }), field('search')),
    ],
  },
  {
    op: 'invitations',
    document: DOCS.invitations,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2025-01-01T00:00:00.000Z'), costRefusal),
      c('after: a date beyond what PostgreSQL stores', () => ({ after: cursorOf('-271821-04-20T00:00:00.000Z', UNKNOWN_ID) }), field('after')),
      c('malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')),
    ],
  },
  {
    op: 'tierChanges',
    document: DOCS.tierChanges,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', UNKNOWN_ID), cursorOf(UNKNOWN_ID), costRefusal),
      c('filter: unknown status', () => ({ filter: { status: 'MAYBE' } }), coercion),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: malformed programId', () => ({ filter: { programId: BAD_ID } }), field('programId')),
    ],
  },
  {
    op: 'auditLog',
    document: DOCS.auditLog,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-number'), cursorOf('1', '2'), costRefusal),
      c('after: a cursor beyond bigint', () => ({ after: cursorOf('99999999999999999999999') }), field('after')),
      c('filter: malformed actorUserId', () => ({ filter: { actorUserId: BAD_ID } }), field('actorUserId')),
      c('filter: date that is no date', () => ({ filter: { from: 'yesterday' } }), field('from')),
      c('filter: impossible date', () => ({ filter: { to: '2025-13-45T00:00:00Z' } }), field('to')),
      c('filter: over-long entityId', () => ({ filter: { entityId: LONG } }), field('entityId')),
      c('filter: entityType holding NUL', () => ({ filter: { entityType: 'Organisation\u0000' } }), field('entityType')),
    ],
  },
  { op: 'apiKeys', document: DOCS.apiKeys, as: 'VENDOR_ADMIN', cases: [c('malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId'))] },
  { op: 'tierStatus', document: DOCS.tierStatus, as: 'VENDOR_ADMIN', cases: [c('malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId'))] },
  { op: 'organisation', document: DOCS.organisation, as: 'VENDOR_ADMIN', cases: idCases() },
  { op: 'user', document: DOCS.user, as: 'VENDOR_ADMIN', cases: idCases() },
  { op: 'program', document: DOCS.program, as: 'VENDOR_ADMIN', cases: idCases() },
  {
    op: 'dealRegistrations',
    document: DOCS.dealRegistrations,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', UNKNOWN_ID), cursorOf('2025-01-01T00:00:00.000Z'), costRefusal),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: malformed programId', () => ({ filter: { programId: BAD_ID } }), field('programId')),
      c('filter: unknown status', () => ({ filter: { statuses: ['APPROVED', 'MAYBE'] } }), field('statuses')),
      c('filter: nine statuses', () => ({ filter: { statuses: Array.from({ length: 9 }, () => 'APPROVED') } }), field('statuses')),
      c('filter: over-long search', () => ({ filter: { search: LONG } }), field('search')),
      c('filter: search holding NUL', () => ({ filter: { search: 'a\u0000b' } }), field('search')),
      c('partner admin: filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId'), 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'leads',
    document: DOCS.leads,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', UNKNOWN_ID), cursorOf('2025-01-01T00:00:00.000Z'), costRefusal),
      c('filter: unknown status', () => ({ filter: { statuses: ['NOPE'] } }), coercion),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: over-long search', () => ({ filter: { search: LONG } }), field('search')),
    ],
  },
  {
    op: 'dealMetrics',
    document: DOCS.dealMetrics,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ from: '2026-01-01', to: '2026-04-01' }), [
      ['from not a date', () => ({ from: 'yesterday' }), field('from')],
      ['to before from', () => ({ to: '2025-12-01' }), field('to')],
      ['a period of more than 3 years', () => ({ from: '2020-01-01' }), field('to')],
      ['unknown grouping', () => ({ groupBy: 'COUNTRY' }), coercion],
      ['unknown currency', () => ({ currency: 'EURO' }), field('currency')],
      ['malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')],
    ]),
  },
  {
    op: 'dealReviewQueue',
    document: DOCS.dealReviewQueue,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', UNKNOWN_ID), cursorOf('2025-01-01T00:00:00.000Z'), costRefusal),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: over-long search', () => ({ filter: { search: LONG } }), field('search')),
    ],
  },
  { op: 'dealRegistration', document: DOCS.dealRegistration, as: 'PARTNER_ADMIN', cases: foreignIdCases((fx) => fx.deals.contosoId) },
  { op: 'dealConflicts', document: DOCS.dealConflicts, as: 'VENDOR_ADMIN', cases: [...idCases(), c('a draft (not registered yet)', (fx) => ({ id: fx.deals.draftId }), notFound)] },
  {
    op: 'checkDealConflicts',
    document: DOCS.checkDealConflicts,
    as: 'VENDOR_ADMIN',
    cases: inputCases(() => ({ customerName: 'Bad Input Customer', customerCountry: 'NL' }), [
      ['empty customer name', () => ({ customerName: '' }), field('customerName')],
      ['over-long customer name', () => ({ customerName: LONG }), field('customerName')],
      ['website that is no web address', () => ({ customerWebsite: 'not a web address' }), field('customerWebsite')],
      ['country spelled out', () => ({ customerCountry: 'Netherlands' }), field('customerCountry')],
      ['malformed registrationId', () => ({ registrationId: BAD_ID }), field('registrationId')],
      ['unknown registrationId', () => ({ registrationId: UNKNOWN_ID }), notFound],
      ['a draft as registrationId', (fx) => ({ registrationId: fx.deals.draftId }), notFound],
    ]),
  },
  {
    op: 'dealRules',
    document: DOCS.dealRules,
    as: 'PARTNER_ADMIN',
    cases: [c('malformed programId', () => ({ programId: BAD_ID }), field('programId')), c('unknown programId', () => ({ programId: UNKNOWN_ID }), notFound)],
  },
  {
    op: 'houseAccounts',
    document: DOCS.houseAccounts,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('someone', 'not-a-uuid'), cursorOf('someone'), costRefusal),
      c('over-long search', () => ({ search: LONG }), field('search')),
    ],
  },
  {
    op: 'notifications',
    document: DOCS.notifications,
    as: 'PARTNER_ADMIN',
    cases: [...pagingCases(cursorOf('not-a-date', UNKNOWN_ID), cursorOf(UNKNOWN_ID), costRefusal), c('unreadOnly as a string', () => ({ unreadOnly: 'yes' }), coercion)],
  },
  { op: 'products', document: DOCS.products, as: 'PARTNER_ADMIN', cases: [c('activeOnly null', () => ({ activeOnly: null }), coercion)] },

  // ----- recurring revenue
  {
    op: 'revenueCustomers',
    document: DOCS.revenueCustomers,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('someone', 'not-a-uuid'), cursorOf('someone'), costRefusal),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: over-long search', () => ({ filter: { search: LONG } }), field('search')),
      c('filter: search holding NUL', () => ({ filter: { search: 'a\u0000b' } }), field('search')),
      c("partner admin: filter: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'revenueMovements',
    document: DOCS.revenueMovements,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-number'), cursorOf('1', '2'), costRefusal),
      c('after: a cursor beyond bigint', () => ({ after: cursorOf('99999999999999999999999') }), field('after')),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c('filter: malformed customerId', () => ({ filter: { customerId: BAD_ID } }), field('customerId')),
      c('filter: unknown kind', () => ({ filter: { kind: 'GAIN' } }), field('kind')),
      c('filter: month that is no date', () => ({ filter: { month: 'last month' } }), field('month')),
      c('filter: a month still to come', () => ({ filter: { month: isoDate(new Date(), 62) } }), field('month')),
      c("partner admin: filter: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'revenueLeaderboard',
    document: DOCS.revenueLeaderboard,
    as: 'VENDOR_ADMIN',
    cases: [
      // An empty `after` reads as no cursor here (the board pages by offset), so that paging case is left out.
      ...pagingCases(cursorOf('not-a-number'), cursorOf('1', '2'), costRefusal).filter((bad) => bad.name !== 'after: empty'),
      c('unknown sort', () => ({ sort: 'REVENUE' }), coercion),
      c('descending as a string', () => ({ descending: 'yes' }), coercion),
      c('month that is no date', () => ({ month: '2025-13-01' }), field('month')),
      c('a month still to come', () => ({ month: isoDate(new Date(), 62) }), field('month')),
      c('filter: malformed programId', () => ({ filter: { programId: BAD_ID } }), field('programId')),
      c('filter: malformed channelManagerId', () => ({ filter: { channelManagerId: BAD_ID } }), field('channelManagerId')),
      c('filter: unknown country', () => ({ filter: { country: 'XX' } }), field('country')),
    ],
  },
  {
    op: 'revenueCustomer',
    document: DOCS.revenueCustomer,
    as: 'VENDOR_ADMIN',
    cases: [...idCases(), c("partner admin: another partner's customer", (fx) => ({ id: fx.revenue.contosoCustomerId }), notFound, 'PARTNER_ADMIN')],
  },
  {
    op: 'revenueSummary',
    document: DOCS.revenueSummary,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')),
      c('month that is no date', () => ({ month: 'November' }), field('month')),
      c('a month still to come', () => ({ month: isoDate(new Date(), 62) }), field('month')),
      c("partner admin: another partner's organisationId", (fx) => ({ organisationId: fx.contosoOrgId }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'upcomingRenewals',
    document: DOCS.upcomingRenewals,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')),
      c("partner admin: another partner's organisationId", (fx) => ({ organisationId: fx.contosoOrgId }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'revenueRollup',
    document: DOCS.revenueRollup,
    as: 'VENDOR_ADMIN',
    cases: [
      c('unknown grouping', () => ({ groupBy: 'COUNTRY' }), coercion),
      c('grouping null', () => ({ groupBy: null }), coercion),
      c('month that is no date', () => ({ month: '2025-02-30' }), field('month')),
      c('a month still to come', () => ({ month: isoDate(new Date(), 62) }), field('month')),
    ],
  },
  // ----- Incentives
  {
    op: 'incentivePlans',
    document: DOCS.incentivePlans,
    as: 'VENDOR_ADMIN',
    cases: [...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal), c('filter: unknown kind', () => ({ filter: { kind: 'BONUS' } }), coercion)],
  },
  {
    op: 'activities',
    document: DOCS.activities,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal),
      c('filter: unknown status', () => ({ filter: { status: 'LOST' } }), coercion),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'courseCompletions',
    document: DOCS.courseCompletions,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', UNKNOWN_ID), cursorOf('2026-01-01'), costRefusal),
      c('filter: malformed courseId', () => ({ filter: { courseId: BAD_ID } }), field('courseId')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'incentiveAccruals',
    document: DOCS.incentiveAccruals,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('2026-Q1', 'not-a-date', 'not-a-uuid'), cursorOf('2026-Q1'), costRefusal),
      c('filter: a period that is no period', () => ({ filter: { period: 'spring' } }), field('period')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'incentiveStatements',
    document: DOCS.incentiveStatements,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-03-31'), costRefusal),
      c('filter: unknown status', () => ({ filter: { status: 'LATE' } }), coercion),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  { op: 'incentiveStatement', document: DOCS.incentiveStatement, as: 'VENDOR_ADMIN', cases: idCases() },
  { op: 'incentivePlan', document: DOCS.incentivePlan, as: 'VENDOR_ADMIN', cases: idCases() },
  {
    op: 'incentiveProgress',
    document: DOCS.incentiveProgress,
    as: 'VENDOR_ADMIN',
    cases: [c('malformed planId', () => ({ planId: BAD_ID }), field('planId')), c('unknown plan', () => ({ planId: UNKNOWN_ID }), notFound)],
  },
  {
    op: 'incentiveMeasurement',
    document: DOCS.incentiveMeasurement,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed planId', () => ({ planId: BAD_ID }), field('planId')),
      c('unknown plan', () => ({ planId: UNKNOWN_ID }), notFound),
      c('a period that is no period', () => ({ periodKey: 'spring' }), field('periodKey')),
    ],
  },
  {
    op: 'previewIncentivePlan',
    document: DOCS.previewIncentivePlan,
    as: 'VENDOR_ADMIN',
    cases: [
      c('malformed planId', () => ({ planId: BAD_ID }), field('planId')),
      c('unknown plan', () => ({ planId: UNKNOWN_ID }), notFound),
      c('a period that is no period', () => ({ planId: UNKNOWN_ID, periodKey: '2026-13' }), field('periodKey')),
    ],
  },
  {
    op: 'rewardRedemptions',
    document: DOCS.rewardRedemptions,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal),
      c('filter: unknown status', () => ({ filter: { status: 'LOST' } }), coercion),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('organisationId')),
      c("partner admin: another partner's organisationId", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'pointsEntries',
    document: DOCS.pointsEntries,
    as: 'PARTNER_ADMIN',
    cases: [...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal), c('vendor staff without the partner', () => ({}), field('organisationId'), 'VENDOR_ADMIN')],
  },
  {
    op: 'pointsBalance',
    document: DOCS.pointsBalance,
    as: 'VENDOR_ADMIN',
    cases: [c('without the partner', () => ({}), field('organisationId')), c('malformed userId', (fx) => ({ organisationId: fx.contosoOrgId, userId: BAD_ID }), field('userId'))],
  },
  { op: 'rewards', document: DOCS.rewards, as: 'PARTNER_ADMIN', cases: pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal) },
  {
    op: 'referralSignups',
    document: DOCS.referralSignups,
    as: 'VENDOR_ADMIN',
    cases: [
      ...pagingCases(cursorOf('not-a-date', 'not-a-uuid'), cursorOf('2026-01-01T00:00:00.000Z'), costRefusal),
      c('filter: malformed organisationId', () => ({ filter: { organisationId: BAD_ID } }), field('filter.organisationId')),
      c("filter: another partner's organisation, as a partner", (fx) => ({ filter: { organisationId: fx.contosoOrgId } }), notFound, 'PARTNER_ADMIN'),
    ],
  },
  {
    op: 'referralLink',
    document: DOCS.referralLink,
    as: 'VENDOR_ADMIN',
    cases: [
      c('no partner named by vendor staff', () => ({}), field('organisationId')),
      c('malformed organisationId', () => ({ organisationId: BAD_ID }), field('organisationId')),
      c("another partner's organisation, as a partner", (fx) => ({ organisationId: fx.contosoOrgId }), notFound, 'PARTNER_ADMIN'),
    ],
  },
];

// ---- GraphQL limits --------------------------------------------------------------------------------

/** `me { organisation { channelManager { organisation { … id } } } }`, `levels` fields deep. */
function deepQuery(levels: number): string {
  const chain = ['me'];
  while (chain.length < levels - 1) chain.push(chain.length % 2 === 1 ? 'organisation' : 'channelManager');
  return `query { ${chain.map((f) => `${f} {`).join(' ')} id ${'}'.repeat(chain.length)} }`;
}

const aliasQuery = (count: number): string => `query { ${Array.from({ length: count }, (_, i) => `a${i}: programs { id }`).join(' ')} }`;

/** Several users(first: 100) connections with nested organisation → enrolments → program → tiers. */
const costlyQuery = (connections: number): string =>
  `query { ${Array.from(
    { length: connections },
    (_, i) =>
      `u${i}: users(first: 100) { edges { node { id email name role status organisation { id name country city enrolments { id tier { id name rank rules { metric min } } program { id name tiers { id name } } } } } } }`,
  ).join(' ')} }`;

interface LimitCase {
  name: string;
  document: string;
  code: 'GRAPHQL_VALIDATION_FAILED' | 'GRAPHQL_PARSE_FAILED';
  message: RegExp;
}

const LIMITS: LimitCase[] = [
  { name: 'a query 11 levels deep (limit 10)', document: deepQuery(11), code: 'GRAPHQL_VALIDATION_FAILED', message: /Query depth 11 exceeds the limit of 10/ },
  { name: 'a query 30 levels deep', document: deepQuery(30), code: 'GRAPHQL_VALIDATION_FAILED', message: /exceeds the limit of 10/ },
  { name: '31 aliases (limit 30)', document: aliasQuery(31), code: 'GRAPHQL_VALIDATION_FAILED', message: /Too many aliases \(31\); the limit is 30/ },
  { name: '500 aliases', document: aliasQuery(500), code: 'GRAPHQL_VALIDATION_FAILED', message: /Too many aliases/ },
  { name: 'nested connections with first: 100 (cost over 10,000)', document: costlyQuery(4), code: 'GRAPHQL_VALIDATION_FAILED', message: /Query cost \d+ exceeds the limit of 10000/ },
  {
    name: 'an unknown enum value written inline',
    document: `mutation { createApiKey(input: { name: "x", role: SUPERUSER }) { secret } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /SUPERUSER/,
  },
  {
    name: 'a string where an Int is expected, inline',
    document: `query { users(first: "ten") { edges { cursor } } }`,
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /Int/,
  },
  { name: 'a document that does not parse', document: `query { users(first: 10 { edges }`, code: 'GRAPHQL_PARSE_FAILED', message: /Syntax Error/ },
];

// ---- the suite -------------------------------------------------------------------------------------

describe('bad input never causes a 500 and never writes', () => {
  let t: TestApp;
  let fx: Fixture;
  const auth: Record<As, Auth> = { VENDOR_ADMIN: {}, PARTNER_ADMIN: {}, PASSWORD_USER: {}, ANONYMOUS: {} };

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '10000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100' } });
    await t.seedDemo();
    auth.VENDOR_ADMIN = { token: await t.login('admin@vendor.test') };
    auth.PARTNER_ADMIN = { token: await t.login('admin@northwind.test') };

    // changePassword cases run as a user of their own, so a case that wrongly succeeds harms nobody else.
    const invited = await t.gql<{ inviteUser: { inviteUrl: string } }>(DOCS.inviteUser, { input: { email: 'ivy@northwind.test', role: 'PARTNER_REP' } }, auth.PARTNER_ADMIN);
    const token = invited.data?.inviteUser.inviteUrl.split('/invite/')[1];
    const accepted = await t.gql<{ acceptInvitation: { accessToken: string } }>(DOCS.acceptInvitation, { input: { token, name: 'Ivy', password: 'ivy-password-123' } });
    if (!accepted.data) throw new Error(`could not create the password user: ${JSON.stringify(accepted.errors ?? invited.errors)}`);
    auth.PASSWORD_USER = { token: accepted.data.acceptInvitation.accessToken };

    const one = async (sql: string, params: unknown[] = []): Promise<{ id: string; program_id: string }> => {
      const rows: { id: string; program_id: string }[] = await t.dataSource.query(sql, params);
      if (rows.length !== 1) throw new Error(`expected one row for ${sql}`);
      return rows[0];
    };
    const contosoOrgId = (await one(`SELECT id FROM organisations WHERE name = 'Contoso Managed Services'`)).id;
    const enrolment = await one(`SELECT id, program_id FROM enrolments WHERE organisation_id = $1`, [contosoOrgId]);
    const otherProgramId = (await one(`SELECT id FROM programs WHERE id <> $1 ORDER BY name LIMIT 1`, [enrolment.program_id])).id;
    const tiers: { id: string }[] = await t.dataSource.query(`SELECT id FROM tiers WHERE program_id = $1 ORDER BY rank`, [enrolment.program_id]);
    // Deal registration: a retired product, and Northwind's registrations (by its admin) in the states the cases need.
    const call = async <T>(document: string, variables: Vars, as: Auth): Promise<T> => {
      const res = await t.gql<T>(document, variables, as);
      if (!res.data || res.errors) throw new Error(`setup call failed: ${JSON.stringify(res.errors)}`);
      return res.data;
    };
    const productId = (await one(`SELECT id FROM products WHERE sku = 'ACME-BACKUP'`)).id;
    const retired = await call<{ createProduct: { id: string } }>(
      DOCS.createProduct,
      { input: { sku: 'RETIRED-1', name: 'Retired', productLine: 'Legacy', pricing: 'ONE_TIME', listPrice: '1.00' } },
      auth.VENDOR_ADMIN,
    );
    await call(DOCS.updateProduct, { id: retired.createProduct.id, input: { active: false } }, auth.VENDOR_ADMIN);
    const register = async (as: Auth, patch: Vars = {}): Promise<string> =>
      (await call<{ createDealRegistration: { id: string } }>(DOCS.createDealRegistration, { input: dealInput(productId, new Date(), patch) }, as)).createDealRegistration.id;
    const approvedId = await register(auth.PARTNER_ADMIN, { submit: true });
    await call(DOCS.approveDealRegistration, { id: approvedId }, auth.VENDOR_ADMIN);
    const deals = {
      draftId: await register(auth.PARTNER_ADMIN),
      draftWithoutWebsiteId: await register(auth.PARTNER_ADMIN, { customerWebsite: undefined }),
      submittedId: await register(auth.PARTNER_ADMIN, { submit: true }),
      approvedId,
      contosoId: await register({ token: await t.login('rep@contoso.test') }, { submit: true }),
    };

    // Recurring revenue: Northwind's customer with a subscription, a paused one, and Contoso's customer.
    const northwindOrgId = (await one(`SELECT id FROM organisations WHERE name = 'Northwind IT'`)).id;
    const vendorToken = auth.VENDOR_ADMIN.token ?? '';
    const customer = await createRevenueCustomer(t, vendorToken, { organisationId: northwindOrgId, name: 'Bad Input Revenue', externalId: 'bad-input-customer' });
    const started = await recordEvent(t, vendorToken, startInput(customer.id, { subscriptionExternalId: 'bad-input-sub' }));
    const paused = await recordEvent(t, vendorToken, startInput(customer.id));
    await recordEvent(t, vendorToken, { kind: 'PAUSE', subscriptionId: paused.event.subscriptionId, effectiveDate: '2025-03-01' });
    const revenue = {
      northwindOrgId,
      customerId: customer.id,
      subscriptionId: started.event.subscriptionId,
      pausedSubscriptionId: paused.event.subscriptionId,
      contosoCustomerId: (await customerWithSubscription(t, vendorToken, contosoOrgId)).customerId,
    };

    // MDF: Northwind's fund for a later quarter (the demo data funds this one), requests by its admin in each state, claims; Contoso's fund.
    const northwindProgramId = (await one(`SELECT id, program_id FROM enrolments WHERE organisation_id = $1`, [northwindOrgId])).program_id;
    const fundOf = async (organisationId: string, programId: string): Promise<{ id: string; periodStart: string; periodEnd: string }> =>
      (
        await call<{ createMdfFund: { id: string; periodStart: string; periodEnd: string } }>(
          DOCS.createMdfFund,
          { input: { organisationId, programId, periodStart: isoDate(new Date(), 92), budgetKind: 'FIXED', budget: '10000.00' } },
          auth.VENDOR_ADMIN,
        )
      ).createMdfFund;
    const mdfFund = await fundOf(northwindOrgId, northwindProgramId);
    const contosoFund = await fundOf(contosoOrgId, enrolment.program_id);
    const mdfRequest = async (submit: boolean): Promise<string> =>
      (
        await call<{ createMdfRequest: { id: string } }>(
          DOCS.createMdfRequest,
          { input: { fundId: mdfFund.id, activityType: 'EVENT', title: 'Bad input fixture', startDate: mdfFund.periodStart, endDate: mdfFund.periodStart, plannedCost: '1000.00', requestedAmount: '500.00', submit } },
          auth.PARTNER_ADMIN,
        )
      ).createMdfRequest.id;
    const approvedMdf = async (): Promise<string> => {
      const id = await mdfRequest(true);
      await call(DOCS.approveMdfRequest, { id }, auth.VENDOR_ADMIN);
      return id;
    };
    const claimOn = async (requestId: string): Promise<string> => {
      const res = await postClaim(t, auth.PARTNER_ADMIN, requestId, { actualCost: '1000.00', claimedAmount: '500.00' }, [{ name: 'proof.pdf', bytes: PDF }]);
      if (res.status !== 201) throw new Error(`setup claim failed: ${JSON.stringify(res.body)}`);
      return (res.body as { claim: { id: string } }).claim.id;
    };
    const approvedWithClaimId = await approvedMdf();
    const claimSubmittedId = await claimOn(approvedWithClaimId);
    const completedId = await approvedMdf();
    const claimApprovedId = await claimOn(completedId);
    await call(DOCS.approveMdfClaim, { id: claimApprovedId }, auth.VENDOR_ADMIN);
    const mdf = {
      fundId: mdfFund.id,
      periodStart: mdfFund.periodStart,
      periodEnd: mdfFund.periodEnd,
      contosoFundId: contosoFund.id,
      draftId: await mdfRequest(false),
      submittedId: await mdfRequest(true),
      approvedId: await approvedMdf(),
      approvedWithClaimId,
      completedId,
      claimSubmittedId,
      claimApprovedId,
    };

    fx = {
      vendorOrgId: (await one(`SELECT id FROM organisations WHERE kind = 'VENDOR'`)).id,
      contosoOrgId,
      northwindRepId: (await one(`SELECT id FROM users WHERE email = 'rep@northwind.test'`)).id,
      programId: enrolment.program_id,
      tierIds: tiers.map((tier) => tier.id),
      contosoEnrolmentId: enrolment.id,
      otherProgramId,
      otherProgramTierId: (await one(`SELECT id FROM tiers WHERE program_id = $1 AND rank = 1`, [otherProgramId])).id,
      productId,
      retiredProductId: retired.createProduct.id,
      houseAccountId: (await one(`SELECT id FROM house_accounts WHERE domain = 'rws.nl'`)).id,
      deals,
      leadId: (await call<{ createLead: { id: string } }>(DOCS.createLead, { input: { companyName: 'Pool Lead', country: 'NL' } }, auth.VENDOR_ADMIN)).createLead.id,
      revenue,
      mdf,
    };
    expect(fx.tierIds).toHaveLength(4);
  });
  afterAll(() => t?.close());

  /** The common part of every case: a client error, no 500, no data, and the database untouched. */
  async function send(document: string, variables: Vars, as: Auth): Promise<GqlResponse> {
    const before = await dbFingerprint(t.dataSource);
    const res = await t.gql(document, variables, as);
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.length ?? 0).toBeGreaterThan(0);
    expect(codeOf(res)).not.toBe('INTERNAL_SERVER_ERROR');
    expect(res.data).toBeNull();
    expect(await dbFingerprint(t.dataSource)).toEqual(before);
    return res;
  }

  it('has cases for every mutation that takes arguments, and for every list query (first/after)', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const withArgs = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((f) => f.args.length > 0).map((f) => f.name);
    expect(MUTATIONS.map((g) => g.op).sort()).toEqual(withArgs.sort());
    const paged = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((f) => f.args.some((a) => a.name === 'after')).map((f) => f.name);
    expect(QUERIES.map((g) => g.op)).toEqual(expect.arrayContaining(paged));
  });

  const describeExpected = (e: Expected): string =>
    e.kind === 'field' ? `BAD_USER_INPUT on ${e.field}` : e.kind === 'graphql' ? `${e.code} (GraphQL)` : e.code;

  describe.each([...MUTATIONS.map((g) => [`Mutation.${g.op}`, g] as const), ...QUERIES.map((g) => [`Query.${g.op}`, g] as const)])('%s', (_op, group) => {
    it.each(group.cases.map((bad) => [`${bad.name} → ${describeExpected(bad.expect)}`, bad] as const))('%s', async (_title, bad) => {
      const res = await send(group.document, bad.variables(fx), auth[bad.as ?? group.as]);
      const expected = bad.expect;
      const error = res.errors?.[0];
      if (expected.kind === 'field') {
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(Object.keys(error?.extensions?.fields ?? {})).toContain(expected.field);
      } else if (expected.kind === 'graphql') {
        expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(codeOf(res));
        expect(codeOf(res)).toBe(expected.code);
        expect(res.status).toBe(400);
        if (expected.message) expect(error?.message).toMatch(expected.message);
      } else {
        expect(codeOf(res)).toBe(expected.code);
      }
    });
  });

  describe('GraphQL limits', () => {
    it.each(LIMITS.map((l) => [l.name, l] as const))('%s → rejected with a clear message', async (_name, limit) => {
      const res = await send(limit.document, {}, auth.VENDOR_ADMIN);
      expect(res.status).toBe(400);
      expect(codeOf(res)).toBe(limit.code);
      expect(res.errors?.map((e) => e.message).join('\n')).toMatch(limit.message);
    });

    it('still answers a query at the depth limit, with 30 aliases, and a connection of 100 (the limits are not too tight)', async () => {
      const atDepth = await t.gql(deepQuery(10), {}, auth.VENDOR_ADMIN);
      expect(atDepth.errors).toBeUndefined();
      const aliases = await t.gql(aliasQuery(30), {}, auth.VENDOR_ADMIN);
      expect(aliases.errors).toBeUndefined();
      const oneConnection = await t.gql(costlyQuery(1), {}, auth.VENDOR_ADMIN);
      expect(oneConnection.errors).toBeUndefined();
    });
  });
});
