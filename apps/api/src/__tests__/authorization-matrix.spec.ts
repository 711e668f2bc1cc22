import { Role } from '@prm/server/core';
import { RevenueRollupService } from '@prm/server/revenue';
import request from 'supertest';
import { dbFingerprint, organisationSnapshot } from '../testing/db-state';
import { dealInput } from '../testing/factories';
import { getAs, PDF, postClaim } from '../testing/mdf-fixtures';
import { collect, declaredAllowRules, DOCS, mentions, schemaOperations } from '../testing/operations';
import { type Auth, codeOf, type GqlResponse, startTestApp, type TestApp } from '../testing/test-app';

/**
 * The authorization matrix: every query and mutation × every kind of caller.
 *
 * The security property under test: a partner user (or a partner's API key) never reads or changes
 * another partner organisation's data, whatever id it sends, and every operation admits exactly the
 * roles its @Allow declares. We act as Northwind IT and aim every operation at Contoso's records.
 *
 * Adding an operation to the API means adding a row to OPERATIONS; the first test fails until then.
 */

type Caller = 'VENDOR_ADMIN' | 'CHANNEL_MANAGER' | 'ANALYST' | 'PARTNER_ADMIN' | 'PARTNER_REP' | 'PARTNER_API_KEY' | 'ANONYMOUS';

const CALLERS: readonly Caller[] = ['VENDOR_ADMIN', 'CHANNEL_MANAGER', 'ANALYST', 'PARTNER_ADMIN', 'PARTNER_REP', 'PARTNER_API_KEY', 'ANONYMOUS'];

/** The role each caller acts with; the API key is Northwind's, created with role PARTNER_ADMIN. */
const ROLE_OF: Record<Caller, Role | null> = {
  VENDOR_ADMIN: Role.VENDOR_ADMIN,
  CHANNEL_MANAGER: Role.CHANNEL_MANAGER,
  ANALYST: Role.ANALYST,
  PARTNER_ADMIN: Role.PARTNER_ADMIN,
  PARTNER_REP: Role.PARTNER_REP,
  PARTNER_API_KEY: Role.PARTNER_ADMIN,
  ANONYMOUS: null,
};

const isPartnerCaller = (caller: Caller): boolean => caller === 'PARTNER_ADMIN' || caller === 'PARTNER_REP' || caller === 'PARTNER_API_KEY';
const isVendorCaller = (caller: Caller): boolean => caller === 'VENDOR_ADMIN' || caller === 'CHANNEL_MANAGER' || caller === 'ANALYST';

interface PartnerIds {
  orgId: string;
  adminUserId: string;
  repUserId: string;
  invitationId: string;
  apiKeyId: string;
  enrolmentId: string;
  programId: string;
}

interface Fixture {
  vendorOrgId: string;
  northwind: PartnerIds & {
    /** A submitted deal registration of Northwind's. */
    dealId: string;
    /** Northwind's end customer and its subscription (its term ends within the renewal window). */
    revenueCustomerId: string;
    subscriptionId: string;
    /** Northwind's MDF fund for the current quarter. */
    mdfFundId: string;
  };
  contoso: PartnerIds & {
    /** An open (PROPOSED) promotion of Contoso. */
    tierChangeId: string;
    /** The entry tier of Contoso's program (a legal override target). */
    entryTierId: string;
    /** A program Contoso is not enrolled in. */
    otherProgramId: string;
    /** Contoso's deal registrations: a draft, one waiting for review, an approved one. */
    dealDraftId: string;
    dealSubmittedId: string;
    dealApprovedId: string;
    /** The notification Contoso's rep got for the approval. */
    notificationId: string;
    /** A lead assigned to Contoso, waiting for its answer. */
    leadId: string;
    /** Contoso's end customer and its subscription (its term ends within the renewal window). */
    revenueCustomerId: string;
    subscriptionId: string;
    /** Contoso's MDF fund, an approved request with a submitted claim, and the claim's proof file. */
    mdfFundId: string;
    mdfRequestId: string;
    mdfClaimId: string;
    mdfFileId: string;
    /** Incentives: the SPIF on the shared program, a draft plan, Contoso's won deal, its line and statement (paid in points), a reward and its rep's redemption. */
    incentivePlanId: string;
    incentiveDraftPlanId: string;
    incentiveDealId: string;
    incentiveLineId: string;
    incentiveStatementId: string;
    rewardId: string;
    redemptionId: string;
    /** Activities and training: an activity Contoso's rep logged (waiting for approval) and a completion Contoso's rep recorded. */
    activityId: string;
    completionId: string;
  };
  /** The vendor's catalogue: a product and a house account. */
  productId: string;
  houseAccountId: string;
  /** The vendor's activity type and course catalogues. */
  activityTypeId: string;
  courseId: string;
}

type Vars = Record<string, unknown>;
type Check = (data: unknown, fx: Fixture) => void;

type Outcome =
  /** The guard refuses: FORBIDDEN (signed in, wrong role) or UNAUTHENTICATED (anonymous); no data. */
  | { kind: 'denied'; code: 'FORBIDDEN' | 'UNAUTHENTICATED' }
  /** A partner naming another organisation's record: NOT_FOUND or FORBIDDEN, no data. */
  | { kind: 'hidden' }
  /** A specific refusal after the guard (e.g. a role a partner admin may not hand out). */
  | { kind: 'error'; codes: readonly string[] }
  /** Invalid input for a caller who passed the guard: BAD_USER_INPUT naming the field (proves the gate let it through, writes nothing). */
  | { kind: 'invalid'; field: string }
  /** Answers without errors; the check looks at what came back. */
  | { kind: 'ok'; check?: Check };

interface Variant {
  label: string;
  variables: (fx: Fixture) => Vars;
  /** Allowed partner callers; default: hidden. */
  partner?: Outcome;
  /** Allowed vendor callers (queries, and mutations without a probe); default: ok. */
  vendor?: Outcome;
  /** Public operations: every caller, signed in or not. */
  public?: Outcome;
  overrides?: Partial<Record<Caller, Outcome>>;
}

interface OperationSpec {
  op: string;
  document: string;
  allow: 'public' | readonly Role[];
  variants: Variant[];
  /**
   * Mutations: allowed vendor staff would really change Contoso with the variants' variables, so
   * they send these instead — input that fails validation, which only a caller past the guard sees.
   */
  probe?: { variables: (fx: Fixture) => Vars; field: string };
}

const { VENDOR_ADMIN, CHANNEL_MANAGER, ANALYST, PARTNER_ADMIN, PARTNER_REP } = Role;
const EVERYONE = [VENDOR_ADMIN, CHANNEL_MANAGER, ANALYST, PARTNER_ADMIN, PARTNER_REP];
const VENDOR_STAFF = [VENDOR_ADMIN, CHANNEL_MANAGER, ANALYST];
const USER_READERS = [VENDOR_ADMIN, CHANNEL_MANAGER, ANALYST, PARTNER_ADMIN];
const USER_ADMINS = [VENDOR_ADMIN, PARTNER_ADMIN];
const MANAGERS = [VENDOR_ADMIN, CHANNEL_MANAGER];
const ONLY_VENDOR_ADMIN = [VENDOR_ADMIN];
const PARTNER_USERS = [PARTNER_ADMIN, PARTNER_REP];
const DEAL_CLOSERS = [PARTNER_ADMIN, PARTNER_REP, VENDOR_ADMIN, CHANNEL_MANAGER];

/** Contoso's deal customers (by number); the contact address is one of Contoso's markers. */
const CONTOSO_CONTACT = 'purchasing@globex-matrix.test';
const contosoCustomer = (n: number): Vars => ({ customerName: `Globex Matrix ${n}`, customerWebsite: `globex-matrix-${n}.test`, customerCountry: 'BE', contactEmail: CONTOSO_CONTACT });

const BAD_ID = 'not-a-uuid';
/** A claim within Contoso's cap (50 % of the actual cost, at most the approved 500.00). */
const CLAIM_INPUT = { actualCost: '1000.00', claimedAmount: '500.00' };
/** Today plus `days`, as YYYY-MM-DD (UTC). */
const isoDay = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Yesterday to tomorrow (UTC), around the fixture's registrations. */
const aroundToday = (): { from: string; to: string } => ({
  from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
  to: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
});

// ---- checks on answers --------------------------------------------------------------------------

const ok = (check?: Check): Outcome => ({ kind: 'ok', check });
const hidden: Outcome = { kind: 'hidden' };
const refused = (...codes: string[]): Outcome => ({ kind: 'error', codes });
/** Another organisation's record named by id: it does not exist for the caller. */
const notFound = refused('NOT_FOUND');
/** Notifications belong to people: an API key has no inbox. */
const noInbox: Partial<Record<Caller, Outcome>> = { PARTNER_API_KEY: refused('FORBIDDEN') };

/** Every organisationId in the answer is Northwind's, and there is at least one. */
const onlyNorthwind: Check = (data, fx) => {
  const orgs = collect(data, 'organisationId');
  expect(orgs.length).toBeGreaterThan(0);
  expect([...new Set(orgs)]).toEqual([fx.northwind.orgId]);
};
/** Every organisationId in the answer (if any) is Northwind's. */
const nothingButNorthwind: Check = (data, fx) => {
  for (const org of collect(data, 'organisationId')) expect(org).toBe(fx.northwind.orgId);
};
const noIds: Check = (data) => expect(collect(data, 'id')).toEqual([]);
const containsId =
  (pick: (fx: Fixture) => string): Check =>
  (data, fx) =>
    expect(collect(data, 'id')).toContain(pick(fx));
const lacksId =
  (pick: (fx: Fixture) => string): Check =>
  (data, fx) =>
    expect(collect(data, 'id')).not.toContain(pick(fx));
const both =
  (...checks: Check[]): Check =>
  (data, fx) =>
    checks.forEach((check) => check(data, fx));
/** The live conflict check found nothing (for a partner: nothing of its own, and others' are never shown). */
const noMatches: Check = (data) => expect((data as { checkDealConflicts: { matches: unknown[] } }).checkDealConflicts.matches).toEqual([]);
const matchesRegistration =
  (pick: (fx: Fixture) => string): Check =>
  (data, fx) =>
    expect(collect(data, 'registrationId')).toContain(pick(fx));
/** Every cohort of the answer holds one partner (a partner sees its own cohort only). */
const ownCohortOnly: Check = (data) => expect((data as { revenueCohorts: { partners: number }[] }).revenueCohorts.map((c) => c.partners)).toEqual([1]);
const organisationIs =
  (pick: (fx: Fixture) => string): Check =>
  (data, fx) =>
    expect(collect(data, 'organisationId')).toEqual([pick(fx)]);
const containsValue =
  (key: string, pick: (fx: Fixture) => string): Check =>
  (data, fx) =>
    expect(collect(data, key)).toContain(pick(fx));
const answers =
  (expected: unknown): Check =>
  (data) =>
    expect(data).toEqual(expected);

// ---- the table ------------------------------------------------------------------------------------

const OPERATIONS: OperationSpec[] = [
  // ----- Activities and training
  {
    op: 'Query.activities',
    document: DOCS.activities,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.activityId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(nothingButNorthwind), vendor: ok(containsId((fx) => fx.contoso.activityId)) },
    ],
  },
  {
    op: 'Query.activityTypes',
    document: DOCS.activityTypes,
    allow: EVERYONE,
    variants: [{ label: 'the catalogue', variables: () => ({}), partner: ok(containsId((fx) => fx.activityTypeId)), vendor: ok(containsId((fx) => fx.activityTypeId)) }],
  },
  {
    op: 'Query.certifiedPeople',
    document: DOCS.certifiedPeople,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's organisationId", variables: (fx) => ({ organisationIds: [fx.contoso.orgId] }), partner: notFound, vendor: ok(organisationIs((fx) => fx.contoso.orgId)) },
      { label: 'no organisationIds', variables: () => ({}), partner: ok(nothingButNorthwind), vendor: ok(containsValue('organisationId', (fx) => fx.contoso.orgId)) },
    ],
  },
  {
    op: 'Query.courseCompletions',
    document: DOCS.courseCompletions,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.completionId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(nothingButNorthwind), vendor: ok(containsId((fx) => fx.contoso.completionId)) },
    ],
  },
  {
    op: 'Query.courses',
    document: DOCS.courses,
    allow: EVERYONE,
    variants: [{ label: 'the catalogue', variables: () => ({}), partner: ok(containsId((fx) => fx.courseId)), vendor: ok(containsId((fx) => fx.courseId)) }],
  },
  {
    op: 'Mutation.approveActivity',
    document: DOCS.approveActivity,
    allow: MANAGERS,
    variants: [{ label: "Contoso's activity", variables: (fx) => ({ id: fx.contoso.activityId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.createActivityType',
    document: DOCS.createActivityType,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a demo type', variables: () => ({ input: { name: 'Matrix demo', kind: 'DEMO_HELD', approval: 'AUTO' } }) }],
    probe: { variables: () => ({ input: { name: '', kind: 'DEMO_HELD', approval: 'AUTO' } }), field: 'name' },
  },
  {
    op: 'Mutation.createCourse',
    document: DOCS.createCourse,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a course', variables: () => ({ input: { name: 'Matrix course', certification: false } }) }],
    probe: { variables: () => ({ input: { name: 'Matrix course', certification: true, validityMonths: 0 } }), field: 'validityMonths' },
  },
  {
    op: 'Mutation.importCourseCompletions',
    document: DOCS.importCourseCompletions,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: "a completion for Contoso's rep", variables: (fx) => ({ input: { csv: `external_id,email,course_id,completed_on\nmatrix-1,rep@contoso.test,${fx.courseId},2026-01-05\n` } }) }],
    probe: { variables: () => ({ input: { csv: 'email\nrep@contoso.test\n' } }), field: 'csv' },
  },
  {
    op: 'Mutation.logActivity',
    document: DOCS.logActivity,
    allow: PARTNER_USERS,
    variants: [{ label: "Contoso's activity id as a type", variables: (fx) => ({ input: { typeId: fx.contoso.activityId, occurredOn: isoDay(-1), description: 'Matrix' } }), partner: notFound, overrides: { PARTNER_API_KEY: refused('FORBIDDEN') } }],
  },
  {
    op: 'Mutation.recordCourseCompletion',
    document: DOCS.recordCourseCompletion,
    allow: PARTNER_USERS,
    variants: [{ label: "for Contoso's rep", variables: (fx) => ({ input: { courseId: fx.courseId, completedOn: isoDay(-1), userId: fx.contoso.repUserId } }), partner: notFound }],
  },
  {
    op: 'Mutation.rejectActivity',
    document: DOCS.rejectActivity,
    allow: MANAGERS,
    variants: [{ label: "Contoso's activity", variables: (fx) => ({ id: fx.contoso.activityId, reason: 'Matrix' }) }],
    probe: { variables: (fx) => ({ id: fx.contoso.activityId, reason: '' }), field: 'reason' },
  },
  {
    op: 'Mutation.updateActivityType',
    document: DOCS.updateActivityType,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'the type', variables: (fx) => ({ id: fx.activityTypeId, input: { name: 'Matrix webinar', kind: 'WEBINAR_ATTENDED', approval: 'AUTO' } }) }],
    probe: { variables: () => ({ id: BAD_ID, input: { name: 'Matrix webinar', kind: 'WEBINAR_ATTENDED', approval: 'AUTO' } }), field: 'id' },
  },
  {
    op: 'Mutation.updateCourse',
    document: DOCS.updateCourse,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'the course', variables: (fx) => ({ id: fx.courseId, input: { name: 'Matrix certification', certification: false } }) }],
    probe: { variables: () => ({ id: BAD_ID, input: { name: 'Matrix certification', certification: false } }), field: 'id' },
  },
  // ----- Queries
  {
    op: 'Query.apiKeys',
    document: DOCS.apiKeys,
    allow: USER_ADMINS,
    variants: [
      { label: "Contoso's organisationId", variables: (fx) => ({ organisationId: fx.contoso.orgId }), vendor: ok(containsId((fx) => fx.contoso.apiKeyId)) },
      { label: 'no organisationId', variables: () => ({}), partner: ok(onlyNorthwind) },
    ],
  },
  {
    op: 'Query.auditLog',
    document: DOCS.auditLog,
    allow: ONLY_VENDOR_ADMIN,
    variants: [
      {
        label: "entries about Contoso's API key",
        variables: (fx) => ({ filter: { entityId: fx.contoso.apiKeyId } }),
        vendor: ok((data, fx) => expect(collect(data, 'entityId')).toContain(fx.contoso.apiKeyId)),
      },
    ],
  },
  {
    op: 'Query.checkDealConflicts',
    document: DOCS.checkDealConflicts,
    allow: EVERYONE,
    variants: [
      {
        label: "the customer of Contoso's registration",
        variables: () => ({ input: { customerName: 'Globex Matrix 2', customerWebsite: 'globex-matrix-2.test', customerCountry: 'BE' } }),
        partner: ok(noMatches),
        vendor: ok(matchesRegistration((fx) => fx.contoso.dealSubmittedId)),
      },
      {
        label: "leaving out Contoso's registration by id",
        variables: (fx) => ({ input: { customerName: 'Globex Matrix 3', customerCountry: 'BE', registrationId: fx.contoso.dealApprovedId } }),
        partner: ok(noMatches),
        vendor: ok(matchesRegistration((fx) => fx.contoso.dealSubmittedId)),
      },
    ],
  },
  {
    op: 'Query.dealConflicts',
    document: DOCS.dealConflicts,
    allow: VENDOR_STAFF,
    // Contoso's submitted registration resembles its approved one: the conflict recorded at submission.
    variants: [{ label: "Contoso's submitted registration", variables: (fx) => ({ id: fx.contoso.dealSubmittedId }), vendor: ok(matchesRegistration((fx) => fx.contoso.dealApprovedId)) }],
  },
  {
    op: 'Query.dealRegistration',
    document: DOCS.dealRegistration,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's submitted registration", variables: (fx) => ({ id: fx.contoso.dealSubmittedId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.dealSubmittedId)) },
      // A draft is not registered yet: nobody outside Contoso sees it, vendor staff included.
      { label: "Contoso's draft", variables: (fx) => ({ id: fx.contoso.dealDraftId }), partner: notFound, vendor: notFound },
    ],
  },
  {
    op: 'Query.dealRegistrations',
    document: DOCS.dealRegistrations,
    allow: EVERYONE,
    variants: [
      {
        label: "filter by Contoso's organisationId",
        variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }),
        partner: ok(onlyNorthwind),
        vendor: ok(both(containsId((fx) => fx.contoso.dealSubmittedId), lacksId((fx) => fx.contoso.dealDraftId))),
      },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(onlyNorthwind), vendor: ok(lacksId((fx) => fx.contoso.dealDraftId)) },
    ],
  },
  {
    op: 'Query.dealReviewQueue',
    document: DOCS.dealReviewQueue,
    allow: VENDOR_STAFF,
    variants: [{ label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), vendor: ok(containsId((fx) => fx.contoso.dealSubmittedId)) }],
  },
  {
    op: 'Query.dealRules',
    document: DOCS.dealRules,
    allow: EVERYONE,
    // Rules of engagement belong to the vendor's program catalogue, the same for every partner in it.
    variants: [{ label: "Contoso's program", variables: (fx) => ({ programId: fx.contoso.programId }), partner: ok((data, fx) => expect(collect(data, 'programId')).toEqual([fx.contoso.programId])) }],
  },
  {
    op: 'Query.houseAccounts',
    document: DOCS.houseAccounts,
    allow: VENDOR_STAFF,
    variants: [{ label: 'the list', variables: () => ({ first: 100 }), vendor: ok(containsId((fx) => fx.houseAccountId)) }],
  },
  {
    op: 'Query.invitations',
    document: DOCS.invitations,
    allow: USER_ADMINS,
    variants: [
      { label: "Contoso's organisationId", variables: (fx) => ({ organisationId: fx.contoso.orgId }), vendor: ok(containsId((fx) => fx.contoso.invitationId)) },
      { label: 'no organisationId', variables: () => ({}), partner: ok(onlyNorthwind) },
    ],
  },
  {
    op: 'Query.dealMetrics',
    document: DOCS.dealMetrics,
    allow: EVERYONE,
    variants: [
      {
        label: "Contoso's organisationId, by partner",
        variables: (fx) => ({ input: { ...aroundToday(), groupBy: 'PARTNER', organisationId: fx.contoso.orgId } }),
        // A partner always gets its own figures, whatever organisation it names.
        partner: ok((data, fx) => expect(collect(data, 'key')).toEqual([fx.northwind.orgId])),
        vendor: ok((data, fx) => expect(collect(data, 'key')).toEqual([fx.contoso.orgId])),
      },
    ],
  },
  {
    op: 'Query.lead',
    document: DOCS.lead,
    allow: EVERYONE,
    variants: [{ label: "the lead assigned to Contoso", variables: (fx) => ({ id: fx.contoso.leadId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.leadId)) }],
  },
  {
    op: 'Query.leads',
    document: DOCS.leads,
    allow: EVERYONE,
    variants: [
      {
        label: "filter by Contoso's organisationId",
        variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }),
        partner: ok(lacksId((fx) => fx.contoso.leadId)),
        vendor: ok(containsId((fx) => fx.contoso.leadId)),
      },
    ],
  },
  {
    op: 'Query.me',
    document: DOCS.me,
    allow: EVERYONE,
    variants: [
      {
        label: 'own profile',
        variables: () => ({}),
        partner: ok(onlyNorthwind),
        // An API key has no user profile.
        overrides: { PARTNER_API_KEY: refused('FORBIDDEN') },
        vendor: ok((data, fx) => expect(collect(data, 'organisationId')).toEqual([fx.vendorOrgId])),
      },
    ],
  },
  {
    op: 'Query.organisation',
    document: DOCS.organisation,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's id", variables: (fx) => ({ id: fx.contoso.orgId }), vendor: ok(containsId((fx) => fx.contoso.orgId)) },
      { label: "the vendor's id", variables: (fx) => ({ id: fx.vendorOrgId }), vendor: ok(containsId((fx) => fx.vendorOrgId)) },
    ],
  },
  {
    op: 'Query.mutedNotificationTypes',
    document: DOCS.mutedNotificationTypes,
    allow: EVERYONE,
    variants: [{ label: 'own settings', variables: () => ({}), partner: ok(answers({ mutedNotificationTypes: [] })), overrides: noInbox }],
  },
  {
    op: 'Query.notifications',
    document: DOCS.notifications,
    allow: EVERYONE,
    variants: [{ label: 'own inbox', variables: () => ({ first: 100 }), partner: ok(lacksId((fx) => fx.contoso.notificationId)), overrides: noInbox }],
  },
  {
    op: 'Query.partners',
    document: DOCS.partners,
    allow: VENDOR_STAFF,
    variants: [{ label: 'search "Contoso"', variables: () => ({ filter: { search: 'Contoso' } }), vendor: ok(containsId((fx) => fx.contoso.orgId)) }],
  },
  {
    op: 'Query.products',
    document: DOCS.products,
    allow: EVERYONE,
    variants: [{ label: 'the catalogue', variables: () => ({}), partner: ok(containsId((fx) => fx.productId)) }],
  },
  {
    op: 'Query.program',
    document: DOCS.program,
    allow: EVERYONE,
    // Programs and tiers are the vendor's catalogue, the same for every partner.
    variants: [{ label: "Contoso's program", variables: (fx) => ({ id: fx.contoso.programId }), partner: ok(containsId((fx) => fx.contoso.programId)) }],
  },
  {
    op: 'Query.programs',
    document: DOCS.programs,
    allow: EVERYONE,
    variants: [{ label: 'the catalogue', variables: () => ({}), partner: ok(containsId((fx) => fx.contoso.programId)) }],
  },

  // ----- Queries: market development funds (partners see their own; naming Contoso is NOT_FOUND)
  {
    op: 'Query.mdfClaim',
    document: DOCS.mdfClaim,
    allow: EVERYONE,
    variants: [{ label: "Contoso's claim", variables: (fx) => ({ id: fx.contoso.mdfClaimId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.mdfFileId)) }],
  },
  {
    op: 'Query.mdfClaims',
    document: DOCS.mdfClaims,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.mdfClaimId)) },
      { label: "filter by Contoso's fund", variables: (fx) => ({ filter: { fundId: fx.contoso.mdfFundId } }), partner: ok(noIds), vendor: ok(containsId((fx) => fx.contoso.mdfClaimId)) },
    ],
  },
  {
    op: 'Query.mdfExpiringFunds',
    document: DOCS.mdfExpiringFunds,
    allow: EVERYONE,
    variants: [{ label: 'within a year', variables: () => ({ withinDays: 366 }), partner: ok(onlyNorthwind), vendor: ok(containsId((fx) => fx.contoso.mdfFundId)) }],
  },
  {
    op: 'Query.mdfFund',
    document: DOCS.mdfFund,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's fund", variables: (fx) => ({ id: fx.contoso.mdfFundId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.mdfFundId)) },
      { label: "Contoso's request id as a fund id", variables: (fx) => ({ id: fx.contoso.mdfRequestId }), partner: notFound, vendor: notFound },
    ],
  },
  {
    op: 'Query.mdfFunds',
    document: DOCS.mdfFunds,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.mdfFundId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(both(onlyNorthwind, containsId((fx) => fx.northwind.mdfFundId))) },
    ],
  },
  {
    op: 'Query.mdfProgramSettings',
    document: DOCS.mdfProgramSettings,
    allow: EVERYONE,
    // Program settings are the vendor's rules, the same for every partner of the program.
    variants: [{ label: "Contoso's program", variables: (fx) => ({ programId: fx.contoso.programId }), partner: ok((data) => expect(collect(data, 'periodKind')).toEqual(['QUARTER'])) }],
  },
  {
    op: 'Query.mdfReport',
    document: DOCS.mdfReport,
    allow: USER_READERS,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ groupBy: 'PARTNER', filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsValue('key', (fx) => fx.contoso.orgId)) },
      { label: 'per partner', variables: () => ({ groupBy: 'PARTNER' }), partner: ok((data, fx) => expect(collect(data, 'key')).toEqual([fx.northwind.orgId])) },
    ],
  },
  {
    op: 'Query.mdfRequest',
    document: DOCS.mdfRequest,
    allow: EVERYONE,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.mdfClaimId)) }],
  },
  {
    op: 'Query.mdfRequests',
    document: DOCS.mdfRequests,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.mdfRequestId)) },
      { label: "filter by Contoso's fund", variables: (fx) => ({ filter: { fundId: fx.contoso.mdfFundId } }), partner: ok(noIds), vendor: ok(containsId((fx) => fx.contoso.mdfRequestId)) },
    ],
  },

  // ----- Queries: recurring revenue (partners get their own figures; naming Contoso is NOT_FOUND)
  {
    op: 'Query.exchangeRates',
    document: DOCS.exchangeRates,
    allow: EVERYONE,
    // The vendor's rates, the same for everyone.
    variants: [{ label: 'all rates', variables: () => ({}), partner: ok((data) => expect(collect(data, 'currency').length).toBeGreaterThan(0)) }],
  },
  {
    op: 'Query.revenueCohorts',
    document: DOCS.revenueCohorts,
    allow: EVERYONE,
    variants: [{ label: 'the cohorts', variables: () => ({}), partner: ok(ownCohortOnly) }],
  },
  {
    op: 'Query.revenueCustomer',
    document: DOCS.revenueCustomer,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's customer", variables: (fx) => ({ id: fx.contoso.revenueCustomerId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.subscriptionId)) },
      { label: "Contoso's subscription id as a customer id", variables: (fx) => ({ id: fx.contoso.subscriptionId }), partner: notFound, vendor: notFound },
    ],
  },
  {
    op: 'Query.revenueCustomers',
    document: DOCS.revenueCustomers,
    allow: EVERYONE,
    variants: [
      {
        label: "filter by Contoso's organisationId",
        variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId }, first: 100 }),
        partner: notFound,
        vendor: ok(both(containsId((fx) => fx.contoso.revenueCustomerId), lacksId((fx) => fx.northwind.revenueCustomerId))),
      },
      { label: "search for Contoso's customer", variables: () => ({ filter: { search: 'Globex Matrix Revenue' } }), partner: ok(noIds), vendor: ok(containsId((fx) => fx.contoso.revenueCustomerId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(both(onlyNorthwind, containsId((fx) => fx.northwind.revenueCustomerId))) },
    ],
  },
  {
    op: 'Query.revenueLeaderboard',
    document: DOCS.revenueLeaderboard,
    allow: EVERYONE,
    variants: [
      {
        label: 'the whole board',
        variables: () => ({ first: 100 }),
        partner: ok(onlyNorthwind),
        vendor: ok((data, fx) => expect(collect(data, 'organisationId')).toEqual(expect.arrayContaining([fx.northwind.orgId, fx.contoso.orgId]))),
      },
    ],
  },
  {
    op: 'Query.revenueMovements',
    document: DOCS.revenueMovements,
    allow: EVERYONE,
    variants: [
      {
        label: "filter by Contoso's organisationId and customer",
        variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId, customerId: fx.contoso.revenueCustomerId } }),
        partner: notFound,
        vendor: ok(containsValue('customerId', (fx) => fx.contoso.revenueCustomerId)),
      },
      {
        label: "filter by Contoso's customer only",
        variables: (fx) => ({ filter: { customerId: fx.contoso.revenueCustomerId } }),
        partner: ok(noIds),
        vendor: ok(containsValue('customerId', (fx) => fx.contoso.revenueCustomerId)),
      },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(onlyNorthwind) },
    ],
  },
  {
    op: 'Query.revenueRollup',
    document: DOCS.revenueRollup,
    allow: VENDOR_STAFF,
    variants: [{ label: 'by program', variables: () => ({ groupBy: 'PROGRAM' }), vendor: ok((data) => expect(collect(data, 'key').length).toBeGreaterThan(0)) }],
  },
  {
    op: 'Query.revenueSummary',
    document: DOCS.revenueSummary,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's organisationId", variables: (fx) => ({ organisationId: fx.contoso.orgId }), partner: notFound, vendor: ok(organisationIs((fx) => fx.contoso.orgId)) },
      { label: 'own figures (omitted)', variables: () => ({}), partner: ok(organisationIs((fx) => fx.northwind.orgId)), vendor: ok((data) => expect(collect(data, 'organisationId')).toEqual([])) },
    ],
  },
  {
    op: 'Query.upcomingRenewals',
    document: DOCS.upcomingRenewals,
    allow: EVERYONE,
    variants: [
      {
        label: "Contoso's organisationId",
        variables: (fx) => ({ organisationId: fx.contoso.orgId }),
        partner: notFound,
        vendor: ok(containsValue('subscriptionId', (fx) => fx.contoso.subscriptionId)),
      },
      {
        label: 'own renewals (omitted)',
        variables: () => ({}),
        partner: ok(both(onlyNorthwind, containsValue('subscriptionId', (fx) => fx.northwind.subscriptionId))),
        vendor: ok(containsValue('subscriptionId', (fx) => fx.contoso.subscriptionId)),
      },
    ],
  },
  {
    op: 'Query.tierChanges',
    document: DOCS.tierChanges,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), vendor: ok(containsId((fx) => fx.contoso.tierChangeId)) },
      {
        label: "open proposals in Contoso's program",
        variables: (fx) => ({ filter: { programId: fx.contoso.programId, status: 'PROPOSED' } }),
        partner: ok(nothingButNorthwind),
        vendor: ok(containsId((fx) => fx.contoso.tierChangeId)),
      },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(onlyNorthwind) },
    ],
  },
  {
    op: 'Query.tierStatus',
    document: DOCS.tierStatus,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's organisationId", variables: (fx) => ({ organisationId: fx.contoso.orgId }), vendor: ok(containsId((fx) => fx.contoso.enrolmentId)) },
      { label: 'own organisation (omitted)', variables: () => ({}), partner: ok(onlyNorthwind), vendor: ok(noIds) },
    ],
  },
  {
    op: 'Query.unreadNotificationCount',
    document: DOCS.unreadNotificationCount,
    allow: EVERYONE,
    variants: [{ label: 'own count', variables: () => ({}), partner: ok(answers({ unreadNotificationCount: 0 })), overrides: noInbox }],
  },
  {
    op: 'Query.user',
    document: DOCS.user,
    allow: USER_READERS,
    variants: [
      { label: "Contoso's admin", variables: (fx) => ({ id: fx.contoso.adminUserId }), vendor: ok(containsId((fx) => fx.contoso.adminUserId)) },
      { label: "Contoso's rep", variables: (fx) => ({ id: fx.contoso.repUserId }), vendor: ok(containsId((fx) => fx.contoso.repUserId)) },
    ],
  },
  {
    op: 'Query.users',
    document: DOCS.users,
    allow: USER_READERS,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), vendor: ok(containsId((fx) => fx.contoso.adminUserId)) },
      { label: 'search "contoso"', variables: () => ({ filter: { search: 'contoso' } }), partner: ok(noIds), vendor: ok(containsId((fx) => fx.contoso.repUserId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(onlyNorthwind), vendor: ok(containsId((fx) => fx.contoso.adminUserId)) },
    ],
  },

  // ----- Mutations
  {
    op: 'Mutation.acceptInvitation',
    document: DOCS.acceptInvitation,
    allow: 'public',
    variants: [
      {
        label: 'an unknown invitation token',
        variables: () => ({ input: { token: 'this-is-not-an-invitation-token-0123456789', name: 'Mallory', password: 'mallory-password-1' } }),
        public: refused('NOT_FOUND'),
      },
    ],
  },
  {
    op: 'Mutation.approveDealRegistration',
    document: DOCS.approveDealRegistration,
    allow: MANAGERS,
    variants: [{ label: "Contoso's submitted registration", variables: (fx) => ({ id: fx.contoso.dealSubmittedId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.approveTierChange',
    document: DOCS.approveTierChange,
    allow: MANAGERS,
    variants: [{ label: "Contoso's open promotion", variables: (fx) => ({ input: { id: fx.contoso.tierChangeId, reason: 'matrix' } }) }],
    probe: { variables: () => ({ input: { id: BAD_ID } }), field: 'id' },
  },
  {
    op: 'Mutation.changePassword',
    document: DOCS.changePassword,
    allow: EVERYONE,
    variants: [
      {
        label: 'a wrong current password',
        variables: () => ({ input: { currentPassword: 'not-the-current-password', newPassword: 'brand-new-password-1' } }),
        partner: refused('BAD_USER_INPUT'),
        // An API key has no password.
        overrides: { PARTNER_API_KEY: refused('FORBIDDEN') },
      },
    ],
    probe: { variables: () => ({ input: { currentPassword: 'demo-password', newPassword: 'short' } }), field: 'newPassword' },
  },
  {
    op: 'Mutation.createApiKey',
    document: DOCS.createApiKey,
    allow: USER_ADMINS,
    variants: [
      { label: "for Contoso's organisation", variables: (fx) => ({ input: { name: 'Sneaky key', role: 'PARTNER_ADMIN', organisationId: fx.contoso.orgId } }) },
      { label: "for the vendor's organisation", variables: (fx) => ({ input: { name: 'Sneaky key', role: 'VENDOR_ADMIN', organisationId: fx.vendorOrgId } }) },
      { label: 'with role VENDOR_ADMIN in its own organisation', variables: () => ({ input: { name: 'Sneaky key', role: 'VENDOR_ADMIN' } }), partner: refused('BAD_USER_INPUT', 'FORBIDDEN') },
    ],
    probe: { variables: (fx) => ({ input: { name: '', role: 'PARTNER_ADMIN', organisationId: fx.contoso.orgId } }), field: 'name' },
  },
  {
    // No organisation to name (the input has no such field): a registration is always the caller's own.
    // Invalid input shows the gate let partners through without writing.
    op: 'Mutation.createDealRegistration',
    document: DOCS.createDealRegistration,
    allow: PARTNER_USERS,
    variants: [
      {
        label: 'in a program its organisation is not enrolled in',
        variables: (fx) => ({ input: dealInput(fx.productId, new Date(), { programId: fx.contoso.otherProgramId }) }),
        partner: { kind: 'invalid', field: 'programId' },
      },
    ],
  },
  {
    op: 'Mutation.createHouseAccount',
    document: DOCS.createHouseAccount,
    allow: MANAGERS,
    variants: [{ label: 'a new house account', variables: () => ({ input: { companyName: 'Matrix Account', website: 'matrix-account.test' } }) }],
    probe: { variables: () => ({ input: { companyName: 'Matrix Account', website: 'not a web address' } }), field: 'website' },
  },
  {
    op: 'Mutation.createPartner',
    document: DOCS.createPartner,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a new partner', variables: () => ({ input: { name: 'Matrix Partner', country: 'NL' } }) }],
    probe: { variables: () => ({ input: { name: '', country: 'NL' } }), field: 'name' },
  },
  {
    op: 'Mutation.createProduct',
    document: DOCS.createProduct,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a new product', variables: () => ({ input: { sku: 'MATRIX-1', name: 'Matrix', productLine: 'Test', pricing: 'RECURRING', listPrice: '1.00' } }) }],
    probe: { variables: () => ({ input: { sku: 'MATRIX-1', name: 'Matrix', productLine: 'Test', pricing: 'RECURRING', listPrice: '-1' } }), field: 'listPrice' },
  },
  {
    op: 'Mutation.createProgram',
    document: DOCS.createProgram,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a new program', variables: () => ({ input: { name: 'Matrix Program', segment: 'MSP' } }) }],
    probe: { variables: () => ({ input: { name: '', segment: 'MSP' } }), field: 'name' },
  },
  {
    op: 'Mutation.createTier',
    document: DOCS.createTier,
    allow: ONLY_VENDOR_ADMIN,
    variants: [
      {
        label: "a tier in Contoso's program",
        variables: (fx) => ({
          input: {
            programId: fx.contoso.programId,
            name: 'Diamond',
            rank: 4,
            benefits: { rebateRate: '9', mdfAccrualRate: '9', dealRegistrationDiscount: '9', referralCommissionRate: '9', mdfCofundingPct: '9' },
            rules: [],
          },
        }),
      },
    ],
    probe: {
      variables: () => ({
        input: {
          programId: BAD_ID,
          name: 'Diamond',
          rank: 4,
          benefits: { rebateRate: '9', mdfAccrualRate: '9', dealRegistrationDiscount: '9', referralCommissionRate: '9', mdfCofundingPct: '9' },
          rules: [],
        },
      }),
      field: 'programId',
    },
  },
  {
    op: 'Mutation.decideDealExtension',
    document: DOCS.decideDealExtension,
    allow: MANAGERS,
    variants: [{ label: "Contoso's approved registration", variables: (fx) => ({ id: fx.contoso.dealApprovedId, approve: true }) }],
    probe: { variables: () => ({ id: BAD_ID, approve: true }), field: 'id' },
  },
  {
    op: 'Mutation.decideDealRegistrations',
    document: DOCS.decideDealRegistrations,
    allow: MANAGERS,
    variants: [{ label: "Contoso's submitted registration", variables: (fx) => ({ ids: [fx.contoso.dealSubmittedId], decision: 'APPROVE' }) }],
    probe: { variables: () => ({ ids: [BAD_ID], decision: 'APPROVE' }), field: 'ids' },
  },
  {
    op: 'Mutation.deactivateUser',
    document: DOCS.deactivateUser,
    allow: USER_ADMINS,
    variants: [
      { label: "Contoso's admin", variables: (fx) => ({ id: fx.contoso.adminUserId }) },
      { label: "Contoso's rep", variables: (fx) => ({ id: fx.contoso.repUserId }) },
    ],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.deleteHouseAccount',
    document: DOCS.deleteHouseAccount,
    allow: MANAGERS,
    variants: [{ label: 'a house account', variables: (fx) => ({ id: fx.houseAccountId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.enrolPartner',
    document: DOCS.enrolPartner,
    allow: MANAGERS,
    variants: [{ label: 'Contoso in another program', variables: (fx) => ({ input: { organisationId: fx.contoso.orgId, programId: fx.contoso.otherProgramId } }) }],
    probe: { variables: (fx) => ({ input: { organisationId: BAD_ID, programId: fx.contoso.otherProgramId } }), field: 'organisationId' },
  },
  {
    op: 'Mutation.evaluateTiers',
    document: DOCS.evaluateTiers,
    allow: MANAGERS,
    // Idempotent: everything was evaluated in beforeAll, so a run proposes nothing and changes nothing.
    variants: [{ label: 'a run', variables: () => ({}), vendor: ok((data) => expect(data).toEqual({ evaluateTiers: 0 })) }],
  },
  {
    op: 'Mutation.importHouseAccounts',
    document: DOCS.importHouseAccounts,
    allow: MANAGERS,
    variants: [{ label: 'a one-row file', variables: () => ({ input: { csv: 'company_name,website\nMatrix Import,matrix-import.test\n' } }) }],
    probe: { variables: () => ({ input: { csv: 'name,website\nMatrix Import,matrix-import.test\n' } }), field: 'csv' },
  },
  {
    op: 'Mutation.acceptLead',
    document: DOCS.acceptLead,
    allow: PARTNER_USERS,
    variants: [{ label: "the lead assigned to Contoso", variables: (fx) => ({ id: fx.contoso.leadId }), partner: notFound }],
  },
  {
    op: 'Mutation.assignLead',
    document: DOCS.assignLead,
    allow: MANAGERS,
    variants: [{ label: "the lead assigned to Contoso", variables: (fx) => ({ id: fx.contoso.leadId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.createLead',
    document: DOCS.createLead,
    allow: MANAGERS,
    variants: [{ label: 'a new lead for Contoso', variables: (fx) => ({ input: { companyName: 'Matrix Lead', country: 'BE', assignTo: fx.contoso.orgId } }) }],
    probe: { variables: () => ({ input: { companyName: 'Matrix Lead', country: 'Belgium' } }), field: 'country' },
  },
  {
    op: 'Mutation.declineLead',
    document: DOCS.declineLead,
    allow: PARTNER_USERS,
    variants: [{ label: "the lead assigned to Contoso", variables: (fx) => ({ id: fx.contoso.leadId, reason: 'matrix' }), partner: notFound }],
  },
  {
    op: 'Mutation.importLeads',
    document: DOCS.importLeads,
    allow: MANAGERS,
    variants: [{ label: 'a one-row file', variables: () => ({ input: { csv: 'company_name,country\nMatrix Import Lead,BE\n' } }) }],
    probe: { variables: () => ({ input: { csv: 'name,website\nMatrix Import,matrix-import.test\n' } }), field: 'csv' },
  },
  {
    op: 'Mutation.inviteUser',
    document: DOCS.inviteUser,
    allow: USER_ADMINS,
    variants: [
      { label: "into Contoso's organisation", variables: (fx) => ({ input: { email: 'spy@northwind.test', role: 'PARTNER_ADMIN', organisationId: fx.contoso.orgId } }) },
      { label: "into the vendor's organisation", variables: (fx) => ({ input: { email: 'spy@northwind.test', role: 'VENDOR_ADMIN', organisationId: fx.vendorOrgId } }) },
      { label: 'with role VENDOR_ADMIN in its own organisation', variables: () => ({ input: { email: 'spy@northwind.test', role: 'VENDOR_ADMIN' } }), partner: refused('BAD_USER_INPUT', 'FORBIDDEN') },
    ],
    probe: { variables: (fx) => ({ input: { email: 'not-an-email', role: 'PARTNER_REP', organisationId: fx.contoso.orgId } }), field: 'email' },
  },
  {
    op: 'Mutation.login',
    document: DOCS.login,
    allow: 'public',
    // Being signed in (as anyone) does not help to sign in as a Contoso user.
    variants: [{ label: "Contoso admin's e-mail, wrong password", variables: () => ({ input: { email: 'admin@contoso.test', password: 'not-the-password' } }), public: refused('UNAUTHENTICATED') }],
  },
  {
    op: 'Mutation.logout',
    document: DOCS.logout,
    allow: 'public',
    variants: [{ label: 'without a refresh cookie', variables: () => ({}), public: ok((data) => expect(data).toEqual({ logout: true })) }],
  },
  {
    op: 'Mutation.markDealLost',
    document: DOCS.markDealLost,
    allow: DEAL_CLOSERS,
    variants: [{ label: "Contoso's approved registration", variables: (fx) => ({ id: fx.contoso.dealApprovedId, reason: 'matrix' }), partner: notFound }],
    probe: { variables: () => ({ id: BAD_ID, reason: 'matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.markDealWon',
    document: DOCS.markDealWon,
    allow: DEAL_CLOSERS,
    variants: [
      {
        label: "Contoso's approved registration",
        variables: (fx) => ({ id: fx.contoso.dealApprovedId, input: { closeDate: new Date().toISOString().slice(0, 10) } }),
        partner: notFound,
      },
    ],
    probe: { variables: () => ({ id: BAD_ID, input: { closeDate: new Date().toISOString().slice(0, 10) } }), field: 'id' },
  },
  {
    // Only one's own notifications are marked: naming Contoso's rep's changes nothing (0).
    op: 'Mutation.markNotificationsRead',
    document: DOCS.markNotificationsRead,
    allow: EVERYONE,
    variants: [
      {
        label: "the notification of Contoso's rep",
        variables: (fx) => ({ ids: [fx.contoso.notificationId] }),
        partner: ok(answers({ markNotificationsRead: 0 })),
        vendor: ok(answers({ markNotificationsRead: 0 })),
        overrides: noInbox,
      },
    ],
  },
  {
    op: 'Mutation.overrideTier',
    document: DOCS.overrideTier,
    allow: MANAGERS,
    variants: [{ label: "Contoso's enrolment", variables: (fx) => ({ input: { enrolmentId: fx.contoso.enrolmentId, tierId: fx.contoso.entryTierId, reason: 'matrix' } }) }],
    probe: { variables: (fx) => ({ input: { enrolmentId: BAD_ID, tierId: fx.contoso.entryTierId, reason: 'matrix' } }), field: 'enrolmentId' },
  },
  {
    op: 'Mutation.reactivateUser',
    document: DOCS.reactivateUser,
    allow: USER_ADMINS,
    variants: [{ label: "Contoso's rep", variables: (fx) => ({ id: fx.contoso.repUserId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.recordPartnerMetric',
    document: DOCS.recordPartnerMetric,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: "Contoso's won deals", variables: (fx) => ({ input: { organisationId: fx.contoso.orgId, metric: 'WON_DEALS', value: '0' } }) }],
    probe: { variables: (fx) => ({ input: { organisationId: fx.contoso.orgId, metric: 'WON_DEALS', value: '-1' } }), field: 'value' },
  },
  {
    op: 'Mutation.refreshSession',
    document: DOCS.refreshSession,
    allow: 'public',
    // The access token is no refresh token: without the cookie nobody gets a new session.
    variants: [{ label: 'without a refresh cookie', variables: () => ({}), public: refused('UNAUTHENTICATED') }],
  },
  {
    op: 'Mutation.rejectDealRegistration',
    document: DOCS.rejectDealRegistration,
    allow: MANAGERS,
    variants: [{ label: "Contoso's submitted registration", variables: (fx) => ({ id: fx.contoso.dealSubmittedId, reason: 'matrix' }) }],
    probe: { variables: () => ({ id: BAD_ID, reason: 'matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.rejectTierChange',
    document: DOCS.rejectTierChange,
    allow: MANAGERS,
    variants: [{ label: "Contoso's open promotion", variables: (fx) => ({ input: { id: fx.contoso.tierChangeId, reason: 'matrix' } }) }],
    probe: { variables: () => ({ input: { id: BAD_ID, reason: 'matrix' } }), field: 'id' },
  },
  {
    op: 'Mutation.requestDealExtension',
    document: DOCS.requestDealExtension,
    allow: PARTNER_USERS,
    variants: [{ label: "Contoso's approved registration", variables: (fx) => ({ id: fx.contoso.dealApprovedId, reason: 'matrix' }), partner: notFound }],
  },
  {
    op: 'Mutation.requestDealInformation',
    document: DOCS.requestDealInformation,
    allow: MANAGERS,
    variants: [{ label: "Contoso's submitted registration", variables: (fx) => ({ id: fx.contoso.dealSubmittedId, reason: 'matrix' }) }],
    probe: { variables: () => ({ id: BAD_ID, reason: 'matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.revokeApiKey',
    document: DOCS.revokeApiKey,
    allow: USER_ADMINS,
    variants: [{ label: "Contoso's API key", variables: (fx) => ({ id: fx.contoso.apiKeyId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.revokeInvitation',
    document: DOCS.revokeInvitation,
    allow: USER_ADMINS,
    variants: [{ label: "Contoso's open invitation", variables: (fx) => ({ id: fx.contoso.invitationId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.updatePartner',
    document: DOCS.updatePartner,
    allow: MANAGERS,
    variants: [{ label: 'suspend and rename Contoso', variables: (fx) => ({ id: fx.contoso.orgId, input: { name: 'Hacked', status: 'SUSPENDED' } }) }],
    probe: { variables: () => ({ id: BAD_ID, input: { name: 'Hacked' } }), field: 'id' },
  },
  {
    // Unmuting a type that is not muted changes nothing, so every caller can be shown the answer.
    op: 'Mutation.setNotificationMute',
    document: DOCS.setNotificationMute,
    allow: EVERYONE,
    variants: [
      {
        label: 'unmute a type that is not muted',
        variables: () => ({ type: 'DEAL_APPROVED', muted: false }),
        partner: ok(answers({ setNotificationMute: [] })),
        vendor: ok(answers({ setNotificationMute: [] })),
        overrides: noInbox,
      },
    ],
  },
  {
    op: 'Mutation.submitDealRegistration',
    document: DOCS.submitDealRegistration,
    allow: PARTNER_USERS,
    variants: [{ label: "Contoso's draft", variables: (fx) => ({ id: fx.contoso.dealDraftId }), partner: notFound }],
  },
  {
    op: 'Mutation.updateDealRegistration',
    document: DOCS.updateDealRegistration,
    allow: PARTNER_USERS,
    variants: [
      { label: "Contoso's draft", variables: (fx) => ({ id: fx.contoso.dealDraftId, input: { customerName: 'Hijacked' } }), partner: notFound },
      { label: "Contoso's submitted registration", variables: (fx) => ({ id: fx.contoso.dealSubmittedId, input: { notes: 'Hijacked' } }), partner: notFound },
    ],
  },
  {
    op: 'Mutation.updateDealRules',
    document: DOCS.updateDealRules,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: "Contoso's program allows house accounts", variables: (fx) => ({ programId: fx.contoso.programId, input: { allowHouseAccounts: true } }) }],
    probe: { variables: () => ({ programId: BAD_ID, input: { allowHouseAccounts: true } }), field: 'programId' },
  },
  {
    // No id to forge: it always acts on the caller's own organisation. Invalid input proves the gate let
    // a partner admin through without changing anything; the feature test checks the real update.
    op: 'Mutation.updateMyOrganisation',
    document: DOCS.updateMyOrganisation,
    allow: [PARTNER_ADMIN],
    variants: [{ label: 'own profile with an invalid website', variables: () => ({ input: { website: 'not a url' } }), partner: { kind: 'invalid', field: 'website' } }],
  },
  {
    op: 'Mutation.updateProduct',
    document: DOCS.updateProduct,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'retire a product', variables: (fx) => ({ id: fx.productId, input: { active: false } }) }],
    probe: { variables: () => ({ id: BAD_ID, input: { active: false } }), field: 'id' },
  },
  {
    op: 'Mutation.updateProgram',
    document: DOCS.updateProgram,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: "deactivate Contoso's program", variables: (fx) => ({ id: fx.contoso.programId, input: { active: false } }) }],
    probe: { variables: () => ({ id: BAD_ID, input: { active: false } }), field: 'id' },
  },
  {
    op: 'Mutation.updateTier',
    document: DOCS.updateTier,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: "rename a tier of Contoso's program", variables: (fx) => ({ id: fx.contoso.entryTierId, input: { name: 'Hacked' } }) }],
    probe: { variables: () => ({ id: BAD_ID, input: { name: 'Hacked' } }), field: 'id' },
  },
  {
    op: 'Mutation.withdrawLead',
    document: DOCS.withdrawLead,
    allow: MANAGERS,
    variants: [{ label: "the lead assigned to Contoso", variables: (fx) => ({ id: fx.contoso.leadId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },

  // ----- Mutations: market development funds (partners write their own requests; managers decide, allocate and pay)
  {
    op: 'Mutation.approveMdfClaim',
    document: DOCS.approveMdfClaim,
    allow: MANAGERS,
    variants: [{ label: "Contoso's claim", variables: (fx) => ({ id: fx.contoso.mdfClaimId }) }],
    probe: { variables: (fx) => ({ id: fx.contoso.mdfClaimId, amount: '1.234' }), field: 'amount' },
  },
  {
    op: 'Mutation.approveMdfRequest',
    document: DOCS.approveMdfRequest,
    allow: MANAGERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.bulkCreateMdfFunds',
    document: DOCS.bulkCreateMdfFunds,
    allow: MANAGERS,
    variants: [{ label: "funds for Contoso's program", variables: (fx) => ({ input: { programId: fx.contoso.programId, periodStart: isoDay(400), budgetKind: 'FIXED', budget: '1.00' } }) }],
    probe: { variables: () => ({ input: { programId: BAD_ID, periodStart: isoDay(400), budgetKind: 'FIXED', budget: '1.00' } }), field: 'programId' },
  },
  {
    op: 'Mutation.cancelMdfRequest',
    document: DOCS.cancelMdfRequest,
    allow: [...PARTNER_USERS, ...MANAGERS],
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.commentOnMdfClaim',
    document: DOCS.commentOnMdfClaim,
    allow: MANAGERS,
    variants: [{ label: "Contoso's claim", variables: (fx) => ({ id: fx.contoso.mdfClaimId, comment: 'Matrix comment' }) }],
    probe: { variables: () => ({ id: BAD_ID, comment: 'Matrix comment' }), field: 'id' },
  },
  {
    op: 'Mutation.commentOnMdfRequest',
    document: DOCS.commentOnMdfRequest,
    allow: MANAGERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId, comment: 'Matrix comment' }) }],
    probe: { variables: (fx) => ({ id: fx.contoso.mdfRequestId, comment: '' }), field: 'comment' },
  },
  {
    op: 'Mutation.createMdfFund',
    document: DOCS.createMdfFund,
    allow: MANAGERS,
    variants: [{ label: 'a fund for Contoso', variables: (fx) => ({ input: { organisationId: fx.contoso.orgId, programId: fx.contoso.programId, periodStart: isoDay(400), budgetKind: 'FIXED', budget: '1.00' } }) }],
    probe: { variables: (fx) => ({ input: { organisationId: BAD_ID, programId: fx.contoso.programId, periodStart: isoDay(400), budgetKind: 'FIXED', budget: '1.00' } }), field: 'organisationId' },
  },
  {
    op: 'Mutation.createMdfRequest',
    document: DOCS.createMdfRequest,
    allow: PARTNER_USERS,
    variants: [
      {
        label: "a request in Contoso's fund",
        variables: (fx) => ({ input: { fundId: fx.contoso.mdfFundId, activityType: 'EVENT', title: 'Matrix event', startDate: isoDay(0), endDate: isoDay(0), plannedCost: '100.00', requestedAmount: '50.00' } }),
      },
    ],
  },
  {
    op: 'Mutation.extendMdfClaimDeadline',
    document: DOCS.extendMdfClaimDeadline,
    allow: MANAGERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId, until: isoDay(200), reason: 'Matrix' }) }],
    probe: { variables: (fx) => ({ id: fx.contoso.mdfRequestId, until: 'later', reason: 'Matrix' }), field: 'until' },
  },
  {
    op: 'Mutation.markMdfClaimsPaid',
    document: DOCS.markMdfClaimsPaid,
    allow: MANAGERS,
    variants: [{ label: "Contoso's claim", variables: (fx) => ({ input: { claimIds: [fx.contoso.mdfClaimId], paymentReference: 'Matrix', paymentDate: isoDay(0), idempotencyKey: 'matrix' } }) }],
    probe: { variables: () => ({ input: { claimIds: [BAD_ID], paymentReference: 'Matrix', paymentDate: isoDay(0), idempotencyKey: 'matrix' } }), field: 'claimIds' },
  },
  {
    op: 'Mutation.recomputeMdfAccruals',
    document: DOCS.recomputeMdfAccruals,
    allow: MANAGERS,
    variants: [{ label: "Contoso's fund", variables: (fx) => ({ fundId: fx.contoso.mdfFundId }) }],
    probe: { variables: () => ({ fundId: BAD_ID }), field: 'fundId' },
  },
  {
    op: 'Mutation.rejectMdfClaim',
    document: DOCS.rejectMdfClaim,
    allow: MANAGERS,
    variants: [{ label: "Contoso's claim", variables: (fx) => ({ id: fx.contoso.mdfClaimId, reason: 'Matrix' }) }],
    probe: { variables: () => ({ id: BAD_ID, reason: 'Matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.rejectMdfRequest',
    document: DOCS.rejectMdfRequest,
    allow: MANAGERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId, reason: 'Matrix' }) }],
    probe: { variables: () => ({ id: BAD_ID, reason: 'Matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.requestMdfClaimInfo',
    document: DOCS.requestMdfClaimInfo,
    allow: MANAGERS,
    variants: [{ label: "Contoso's claim", variables: (fx) => ({ id: fx.contoso.mdfClaimId, comment: 'Matrix' }) }],
    probe: { variables: () => ({ id: BAD_ID, comment: 'Matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.requestMdfRequestInfo',
    document: DOCS.requestMdfRequestInfo,
    allow: MANAGERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId, comment: 'Matrix' }) }],
    probe: { variables: () => ({ id: BAD_ID, comment: 'Matrix' }), field: 'id' },
  },
  {
    op: 'Mutation.setMdfProgramSettings',
    document: DOCS.setMdfProgramSettings,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: "Contoso's program", variables: (fx) => ({ programId: fx.contoso.programId, input: { claimDeadlineDays: 1 } }) }],
    probe: { variables: (fx) => ({ programId: fx.contoso.programId, input: { claimDeadlineDays: -1 } }), field: 'claimDeadlineDays' },
  },
  {
    op: 'Mutation.submitMdfRequest',
    document: DOCS.submitMdfRequest,
    allow: PARTNER_USERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId }) }],
  },
  {
    op: 'Mutation.updateMdfFundBudget',
    document: DOCS.updateMdfFundBudget,
    allow: MANAGERS,
    variants: [{ label: "Contoso's fund", variables: (fx) => ({ id: fx.contoso.mdfFundId, budget: '0.00', reason: 'Matrix' }) }],
    probe: { variables: (fx) => ({ id: fx.contoso.mdfFundId, budget: '1.234', reason: 'Matrix' }), field: 'budget' },
  },
  {
    op: 'Mutation.updateMdfRequest',
    document: DOCS.updateMdfRequest,
    allow: PARTNER_USERS,
    variants: [{ label: "Contoso's request", variables: (fx) => ({ id: fx.contoso.mdfRequestId, input: { title: 'Hijacked' } }) }],
  },

  // ----- Mutations: recurring revenue (vendor admins and channel managers; exchange rates: vendor admin)
  {
    op: 'Mutation.createRevenueCustomer',
    document: DOCS.createRevenueCustomer,
    allow: MANAGERS,
    variants: [
      { label: 'a customer of Contoso', variables: (fx) => ({ input: { name: 'Matrix Customer', organisationId: fx.contoso.orgId } }) },
      { label: 'a customer of its own', variables: (fx) => ({ input: { name: 'Matrix Customer', organisationId: fx.northwind.orgId } }) },
    ],
    probe: { variables: () => ({ input: { name: 'Matrix Customer', organisationId: BAD_ID } }), field: 'organisationId' },
  },
  {
    op: 'Mutation.createSubscriptionsFromDeal',
    document: DOCS.createSubscriptionsFromDeal,
    allow: MANAGERS,
    variants: [{ label: "Contoso's approved registration", variables: (fx) => ({ id: fx.contoso.dealApprovedId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.importExchangeRates',
    document: DOCS.importExchangeRates,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a one-row file', variables: () => ({ input: { csv: 'currency,valid_from,rate\nUSD,2020-01-01,9.99\n' } }) }],
    probe: { variables: () => ({ input: { csv: 'currency,rate\nUSD,9.99\n' } }), field: 'csv' },
  },
  {
    op: 'Mutation.importSubscriptionEvents',
    document: DOCS.importSubscriptionEvents,
    allow: MANAGERS,
    variants: [{ label: "a file cancelling Contoso's subscription", variables: () => ({ input: { csv: 'kind,subscription_external_id,effective_date\nCANCEL,matrix-contoso-sub,2020-01-01\n' } }) }],
    probe: { variables: () => ({ input: { csv: 'kind,subscription_external_id\nCANCEL,matrix-contoso-sub\n' } }), field: 'csv' },
  },
  {
    op: 'Mutation.recordSubscriptionEvent',
    document: DOCS.recordSubscriptionEvent,
    allow: MANAGERS,
    variants: [
      { label: "cancel Contoso's subscription", variables: (fx) => ({ input: { kind: 'CANCEL', subscriptionId: fx.contoso.subscriptionId, effectiveDate: isoDay(0) } }) },
      { label: "grow its own subscription", variables: (fx) => ({ input: { kind: 'CHANGE', subscriptionId: fx.northwind.subscriptionId, effectiveDate: isoDay(0), quantity: 9 } }) },
    ],
    probe: { variables: (fx) => ({ input: { kind: 'CANCEL', subscriptionId: fx.contoso.subscriptionId, effectiveDate: 'yesterday' } }), field: 'effectiveDate' },
  },
  {
    op: 'Mutation.setExchangeRate',
    document: DOCS.setExchangeRate,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a USD rate', variables: () => ({ input: { currency: 'USD', validFrom: '2020-01-01', rate: '9.99' } }) }],
    probe: { variables: () => ({ input: { currency: 'EUR', validFrom: '2020-01-01', rate: '1' } }), field: 'currency' },
  },
  {
    op: 'Mutation.transferRevenueCustomer',
    document: DOCS.transferRevenueCustomer,
    allow: MANAGERS,
    variants: [{ label: "Contoso's customer to Northwind", variables: (fx) => ({ input: { customerId: fx.contoso.revenueCustomerId, organisationId: fx.northwind.orgId, effectiveFrom: isoDay(0) } }) }],
    probe: { variables: (fx) => ({ input: { customerId: BAD_ID, organisationId: fx.northwind.orgId, effectiveFrom: isoDay(0) } }), field: 'customerId' },
  },
  // ----- Incentives
  {
    op: 'Query.incentiveAccruals',
    document: DOCS.incentiveAccruals,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.incentiveLineId)) },
      { label: 'the SPIF Contoso earns on', variables: (fx) => ({ filter: { planId: fx.contoso.incentivePlanId }, first: 100 }), partner: ok(nothingButNorthwind), vendor: ok(containsId((fx) => fx.contoso.incentiveLineId)) },
    ],
  },
  {
    op: 'Query.incentivePlan',
    document: DOCS.incentivePlan,
    allow: EVERYONE,
    variants: [{ label: 'a draft plan', variables: (fx) => ({ id: fx.contoso.incentiveDraftPlanId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.incentiveDraftPlanId)) }],
  },
  {
    op: 'Query.incentivePlans',
    document: DOCS.incentivePlans,
    allow: EVERYONE,
    variants: [{ label: 'no filter', variables: () => ({ first: 100 }), partner: ok(lacksId((fx) => fx.contoso.incentiveDraftPlanId)), vendor: ok(containsId((fx) => fx.contoso.incentiveDraftPlanId)) }],
  },
  {
    op: 'Query.incentiveProgress',
    document: DOCS.incentiveProgress,
    allow: EVERYONE,
    variants: [{ label: "Contoso's progress", variables: (fx) => ({ planId: fx.contoso.incentivePlanId, organisationId: fx.contoso.orgId }), partner: notFound, vendor: ok(organisationIs((fx) => fx.contoso.orgId)) }],
  },
  {
    op: 'Query.incentiveStatement',
    document: DOCS.incentiveStatement,
    allow: EVERYONE,
    variants: [{ label: "Contoso's statement", variables: (fx) => ({ id: fx.contoso.incentiveStatementId }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.incentiveLineId)) }],
  },
  {
    op: 'Query.incentiveStatements',
    document: DOCS.incentiveStatements,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.incentiveStatementId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(nothingButNorthwind), vendor: ok(containsId((fx) => fx.contoso.incentiveStatementId)) },
    ],
  },
  {
    op: 'Query.pointsBalance',
    document: DOCS.pointsBalance,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's wallet", variables: (fx) => ({ organisationId: fx.contoso.orgId }), partner: notFound, vendor: ok(organisationIs((fx) => fx.contoso.orgId)) },
      { label: "Contoso's rep's wallet by user id", variables: (fx) => ({ userId: fx.contoso.repUserId }), partner: notFound, vendor: refused('BAD_USER_INPUT') },
    ],
  },
  {
    op: 'Query.pointsEntries',
    document: DOCS.pointsEntries,
    allow: EVERYONE,
    variants: [
      { label: "Contoso's rep's wallet", variables: (fx) => ({ organisationId: fx.contoso.orgId, userId: fx.contoso.repUserId }), partner: notFound, vendor: ok(containsValue('sourceId', (fx) => fx.contoso.incentiveStatementId)) },
      { label: "Contoso's rep's wallet by user id", variables: (fx) => ({ userId: fx.contoso.repUserId }), partner: notFound, vendor: refused('BAD_USER_INPUT') },
    ],
  },
  {
    op: 'Query.incentiveMeasurement',
    document: DOCS.incentiveMeasurement,
    allow: VENDOR_STAFF,
    variants: [{ label: 'the SPIF Contoso earns on', variables: (fx) => ({ planId: fx.contoso.incentivePlanId }), vendor: ok(containsValue('planId', (fx) => fx.contoso.incentivePlanId)) }],
  },
  {
    op: 'Query.previewIncentivePlan',
    document: DOCS.previewIncentivePlan,
    allow: VENDOR_STAFF,
    variants: [{ label: 'the draft plan', variables: (fx) => ({ planId: fx.contoso.incentiveDraftPlanId }) }],
  },
  {
    op: 'Query.rewardRedemptions',
    document: DOCS.rewardRedemptions,
    allow: EVERYONE,
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok(containsId((fx) => fx.contoso.redemptionId)) },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(both(nothingButNorthwind, lacksId((fx) => fx.contoso.redemptionId))), vendor: ok(containsId((fx) => fx.contoso.redemptionId)) },
    ],
  },
  {
    op: 'Query.rewards',
    document: DOCS.rewards,
    allow: EVERYONE,
    variants: [{ label: 'the catalogue', variables: () => ({ first: 100 }), partner: ok(containsId((fx) => fx.contoso.rewardId)), vendor: ok(containsId((fx) => fx.contoso.rewardId)) }],
  },
  {
    op: 'Mutation.addIncentivePlanVersion',
    document: DOCS.addIncentivePlanVersion,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'the SPIF', variables: (fx) => ({ planId: fx.contoso.incentivePlanId, effectiveFrom: isoDay(400).slice(0, 8) + '01', rules: { spif: { startsOn: isoDay(0), endsOn: isoDay(30), payoutKind: 'FIXED', amount: '1.00' } } }) }],
    probe: { variables: () => ({ planId: BAD_ID, effectiveFrom: '2030-01-01', rules: {} }), field: 'planId' },
  },
  {
    op: 'Mutation.approveIncentiveStatement',
    document: DOCS.approveIncentiveStatement,
    allow: MANAGERS,
    variants: [{ label: "Contoso's statement", variables: (fx) => ({ id: fx.contoso.incentiveStatementId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.approveRewardRedemption',
    document: DOCS.approveRewardRedemption,
    allow: MANAGERS,
    variants: [{ label: "Contoso's redemption", variables: (fx) => ({ id: fx.contoso.redemptionId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.closeIncentivePeriod',
    document: DOCS.closeIncentivePeriod,
    allow: MANAGERS,
    variants: [{ label: 'the SPIF, last year', variables: (fx) => ({ planId: fx.contoso.incentivePlanId, period: isoDay(-400).slice(0, 7) }) }],
    probe: { variables: (fx) => ({ planId: fx.contoso.incentivePlanId, period: 'last month' }), field: 'period' },
  },
  {
    op: 'Mutation.createIncentivePlan',
    document: DOCS.createIncentivePlan,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a rebate plan', variables: () => ({ input: { name: 'Matrix rebate', kind: 'REBATE', periodKind: 'QUARTER', currency: 'EUR', effectiveFrom: '2030-01-01', rules: { rebate: { mode: 'RETROACTIVE', tiers: [{ from: '0', rate: '1' }] } } } }) }],
    probe: { variables: () => ({ input: { name: '', kind: 'REBATE', periodKind: 'QUARTER', currency: 'EUR', effectiveFrom: '2030-01-01', rules: {} } }), field: 'name' },
  },
  {
    op: 'Mutation.createReward',
    document: DOCS.createReward,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a voucher', variables: () => ({ input: { name: 'Matrix voucher 2', kind: 'GIFT_VOUCHER', pointsPrice: 10 } }) }],
    probe: { variables: () => ({ input: { name: 'Matrix voucher 2', kind: 'GIFT_VOUCHER', pointsPrice: 0 } }), field: 'pointsPrice' },
  },
  {
    op: 'Mutation.fulfilRewardRedemption',
    document: DOCS.fulfilRewardRedemption,
    allow: MANAGERS,
    variants: [{ label: "Contoso's redemption", variables: (fx) => ({ id: fx.contoso.redemptionId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.markIncentiveStatementsPaid',
    document: DOCS.markIncentiveStatementsPaid,
    allow: MANAGERS,
    variants: [{ label: "Contoso's statement", variables: (fx) => ({ input: { statementIds: [fx.contoso.incentiveStatementId], method: 'CASH', idempotencyKey: 'matrix-pay-0001' } }) }],
    probe: { variables: (fx) => ({ input: { statementIds: [fx.contoso.incentiveStatementId], method: 'CASH', idempotencyKey: 'x' } }), field: 'idempotencyKey' },
  },
  {
    op: 'Mutation.publishIncentivePlan',
    document: DOCS.publishIncentivePlan,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'the draft plan', variables: (fx) => ({ id: fx.contoso.incentiveDraftPlanId }) }],
    probe: { variables: () => ({ id: BAD_ID }), field: 'id' },
  },
  {
    op: 'Mutation.recomputeIncentiveAccruals',
    document: DOCS.recomputeIncentiveAccruals,
    allow: MANAGERS,
    variants: [{ label: 'the SPIF', variables: (fx) => ({ planId: fx.contoso.incentivePlanId }) }],
    probe: { variables: () => ({ planId: BAD_ID }), field: 'planId' },
  },
  {
    op: 'Mutation.redeemReward',
    document: DOCS.redeemReward,
    allow: PARTNER_USERS,
    variants: [
      { label: "Contoso's redemption id as a reward", variables: (fx) => ({ input: { rewardId: fx.contoso.redemptionId } }), partner: notFound },
      { label: 'a reward Northwind has no points for', variables: (fx) => ({ input: { rewardId: fx.contoso.rewardId } }), partner: refused('CONFLICT') },
    ],
  },
  {
    op: 'Mutation.rejectRewardRedemption',
    document: DOCS.rejectRewardRedemption,
    allow: MANAGERS,
    variants: [{ label: "Contoso's redemption", variables: (fx) => ({ id: fx.contoso.redemptionId, reason: 'Matrix' }) }],
    probe: { variables: (fx) => ({ id: fx.contoso.redemptionId, reason: '' }), field: 'reason' },
  },
  {
    op: 'Mutation.reverseIncentiveDeal',
    document: DOCS.reverseIncentiveDeal,
    allow: MANAGERS,
    variants: [{ label: "Contoso's won deal", variables: (fx) => ({ input: { dealId: fx.contoso.incentiveDealId, reason: 'Matrix' } }) }],
    probe: { variables: () => ({ input: { dealId: BAD_ID, reason: 'Matrix' } }), field: 'dealId' },
  },
  // ----- Referrals: partners see only their own link and sign-ups; vendor staff link sign-ups to customers
  {
    op: 'Query.referralLink',
    document: DOCS.referralLink,
    allow: [PARTNER_ADMIN, ...VENDOR_STAFF],
    variants: [
      { label: "Contoso's link", variables: (fx) => ({ organisationId: fx.contoso.orgId }), partner: notFound, vendor: ok() },
      { label: 'no organisation', variables: () => ({}), partner: ok(nothingButNorthwind), vendor: refused('BAD_USER_INPUT') },
    ],
  },
  {
    op: 'Query.referralSignups',
    document: DOCS.referralSignups,
    allow: [PARTNER_ADMIN, ...VENDOR_STAFF],
    variants: [
      { label: "filter by Contoso's organisationId", variables: (fx) => ({ filter: { organisationId: fx.contoso.orgId } }), partner: notFound, vendor: ok() },
      { label: 'no filter', variables: () => ({ first: 100 }), partner: ok(nothingButNorthwind), vendor: ok() },
    ],
  },
  {
    op: 'Mutation.createReferralLink',
    document: DOCS.createReferralLink,
    allow: [PARTNER_ADMIN],
    variants: [{ label: "the caller's own link", variables: () => ({}), partner: ok(onlyNorthwind) }],
  },
  {
    op: 'Mutation.linkReferralSignup',
    document: DOCS.linkReferralSignup,
    allow: MANAGERS,
    variants: [{ label: "Contoso's customer", variables: (fx) => ({ input: { signupId: fx.contoso.revenueCustomerId, customerId: fx.contoso.revenueCustomerId } }) }],
    probe: { variables: (fx) => ({ input: { signupId: BAD_ID, customerId: fx.contoso.revenueCustomerId } }), field: 'signupId' },
  },
];

// ---- cases ---------------------------------------------------------------------------------------

interface Case {
  title: string;
  spec: OperationSpec;
  caller: Caller;
  variables: (fx: Fixture) => Vars;
  outcome: Outcome;
}

const describeOutcome = (outcome: Outcome): string => {
  switch (outcome.kind) {
    case 'denied':
      return outcome.code;
    case 'hidden':
      return 'NOT_FOUND or FORBIDDEN';
    case 'error':
      return outcome.codes.join(' or ');
    case 'invalid':
      return `passes the gate (BAD_USER_INPUT on ${outcome.field})`;
    case 'ok':
      return 'answers';
  }
};

function casesOf(spec: OperationSpec): Case[] {
  const cases: Case[] = [];
  const add = (caller: Caller, label: string, variables: (fx: Fixture) => Vars, outcome: Outcome): void => {
    cases.push({ title: `${caller}: ${label} → ${describeOutcome(outcome)}`, spec, caller, variables, outcome });
  };
  for (const caller of CALLERS) {
    const role = ROLE_OF[caller];
    const allow = spec.allow;
    if (allow === 'public') {
      for (const v of spec.variants) add(caller, v.label, v.variables, v.overrides?.[caller] ?? v.public ?? ok());
    } else if (role === null) {
      for (const v of spec.variants) add(caller, v.label, v.variables, { kind: 'denied', code: 'UNAUTHENTICATED' });
    } else if (!allow.includes(role)) {
      for (const v of spec.variants) add(caller, v.label, v.variables, { kind: 'denied', code: 'FORBIDDEN' });
    } else if (isPartnerCaller(caller)) {
      for (const v of spec.variants) add(caller, v.label, v.variables, v.overrides?.[caller] ?? v.partner ?? hidden);
    } else if (spec.probe) {
      add(caller, `invalid ${spec.probe.field}`, spec.probe.variables, { kind: 'invalid', field: spec.probe.field });
    } else {
      for (const v of spec.variants) add(caller, v.label, v.variables, v.overrides?.[caller] ?? v.vendor ?? ok());
    }
  }
  return cases;
}

// ---- the suite -----------------------------------------------------------------------------------

describe('authorization matrix: every operation × every caller, aimed at another partner', () => {
  let t: TestApp;
  let fx: Fixture;
  const auth: Record<Caller, Auth> = {
    VENDOR_ADMIN: {},
    CHANNEL_MANAGER: {},
    ANALYST: {},
    PARTNER_ADMIN: {},
    PARTNER_REP: {},
    PARTNER_API_KEY: {},
    ANONYMOUS: {},
  };
  /** Contoso's rep: not a caller of the matrix, only for the positive controls. */
  let contosoRep: Auth = {};

  const call = async <T>(document: string, variables: Vars, as: Auth): Promise<T> => {
    const res = await t.gql<T>(document, variables, as);
    if (!res.data || res.errors) throw new Error(`setup call failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const one = async (sql: string, params: unknown[]): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(sql, params);
    if (rows.length !== 1) throw new Error(`expected one row for ${sql} ${JSON.stringify(params)}, got ${rows.length}`);
    return rows[0].id;
  };

  beforeAll(async () => {
    // Login attempts with Contoso's address are part of the matrix; keep the throttle out of the way.
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '10000', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100' } });
    await t.seedDemo();
    auth.VENDOR_ADMIN = { token: await t.login('admin@vendor.test') };
    auth.CHANNEL_MANAGER = { token: await t.login('manager@vendor.test') };
    auth.ANALYST = { token: await t.login('analyst@vendor.test') };
    auth.PARTNER_ADMIN = { token: await t.login('admin@northwind.test') };
    auth.PARTNER_REP = { token: await t.login('rep@northwind.test') };

    const orgId = (name: string): Promise<string> => one(`SELECT id FROM organisations WHERE name = $1`, [name]);
    const userId = (email: string): Promise<string> => one(`SELECT id FROM users WHERE email = $1`, [email]);
    const enrolmentOf = (org: string): Promise<{ id: string; program_id: string }[]> =>
      t.dataSource.query(`SELECT id, program_id FROM enrolments WHERE organisation_id = $1`, [org]);

    const vendorOrgId = await one(`SELECT id FROM organisations WHERE kind = 'VENDOR'`, []);
    const contosoOrgId = await orgId('Contoso Managed Services');
    const northwindOrgId = await orgId('Northwind IT');
    const [contosoEnrolment] = await enrolmentOf(contosoOrgId);
    const [northwindEnrolment] = await enrolmentOf(northwindOrgId);

    // Contoso's records, made by the vendor admin through the API.
    const contosoInvite = await call<{ inviteUser: { invitation: { id: string } } }>(
      DOCS.inviteUser,
      { input: { email: 'new.rep@contoso.test', name: 'New Rep', role: 'PARTNER_REP', organisationId: contosoOrgId } },
      auth.VENDOR_ADMIN,
    );
    const contosoKey = await call<{ createApiKey: { apiKey: { id: string } } }>(
      DOCS.createApiKey,
      { input: { name: 'Contoso CRM sync', role: 'PARTNER_ADMIN', organisationId: contosoOrgId } },
      auth.VENDOR_ADMIN,
    );
    // Recurring revenue, before the tier evaluation (a rollup refreshes the partners' revenue metrics):
    // an end customer each, with a subscription whose term ends within the renewal window.
    const revenueOf = async (organisationId: string, name: string, subscriptionExternalId: string): Promise<{ customerId: string; subscriptionId: string }> => {
      const customer = await call<{ createRevenueCustomer: { id: string } }>(DOCS.createRevenueCustomer, { input: { name, organisationId, since: isoDay(-120) } }, auth.CHANNEL_MANAGER);
      const customerId = customer.createRevenueCustomer.id;
      const start = { kind: 'START', customerId, productSku: 'ACME-SIEM', effectiveDate: isoDay(-90), unitPrice: '450.00', intervalMonths: 1, termEndsOn: isoDay(30), subscriptionExternalId };
      const started = await call<{ recordSubscriptionEvent: { event: { subscriptionId: string } } }>(DOCS.recordSubscriptionEvent, { input: start }, auth.CHANNEL_MANAGER);
      return { customerId, subscriptionId: started.recordSubscriptionEvent.event.subscriptionId };
    };
    const contosoRevenue = await revenueOf(contosoOrgId, 'Globex Matrix Revenue', 'matrix-contoso-sub');
    const northwindRevenue = await revenueOf(northwindOrgId, 'Initech Matrix Revenue', 'matrix-northwind-sub');
    await t.app.get(RevenueRollupService).drain();

    // Contoso now qualifies for Platinum: the evaluation proposes a promotion (an open tier change).
    for (const [metric, value] of [['WON_DEALS', '50'], ['CERTIFIED_PEOPLE', '12']]) {
      await call(DOCS.recordPartnerMetric, { input: { organisationId: contosoOrgId, metric, value } }, auth.VENDOR_ADMIN);
    }
    await call(DOCS.evaluateTiers, {}, auth.VENDOR_ADMIN);

    // Northwind's own records: an open invitation and the partner-bound API key the matrix acts with.
    const northwindInvite = await call<{ inviteUser: { invitation: { id: string } } }>(
      DOCS.inviteUser,
      { input: { email: 'new.rep@northwind.test', name: 'New Rep', role: 'PARTNER_REP' } },
      auth.PARTNER_ADMIN,
    );
    const northwindKey = await call<{ createApiKey: { secret: string; apiKey: { id: string; organisationId: string } } }>(
      DOCS.createApiKey,
      { input: { name: 'Northwind CRM sync', role: 'PARTNER_ADMIN' } },
      auth.PARTNER_ADMIN,
    );
    expect(northwindKey.createApiKey.apiKey.organisationId).toBe(northwindOrgId);
    auth.PARTNER_API_KEY = { apiKey: northwindKey.createApiKey.secret };
    // The key's first use stamps last_used_at (then at most once a minute; the clock stands still):
    // use it now, so each case's before/after comparison sees only what the case itself did.
    await call(DOCS.programs, {}, auth.PARTNER_API_KEY);

    // Deal registration: Contoso's rep registers three customers; the approval notifies the rep. The
    // submitted one resembles the approved one, so a conflict is on record. Northwind has one of its own.
    const [{ id: productId }] = (await call<{ products: { id: string }[] }>(DOCS.products, {}, auth.VENDOR_ADMIN)).products;
    const register = async (as: Auth, customer: Vars, submit: boolean): Promise<string> =>
      (await call<{ createDealRegistration: { id: string } }>(DOCS.createDealRegistration, { input: dealInput(productId, new Date(), { ...customer, submit }) }, as)).createDealRegistration.id;
    contosoRep = { token: await t.login('rep@contoso.test') };
    const dealDraftId = await register(contosoRep, contosoCustomer(1), false);
    const dealApprovedId = await register(contosoRep, contosoCustomer(3), true);
    await call(DOCS.approveDealRegistration, { id: dealApprovedId }, auth.CHANNEL_MANAGER);
    const dealSubmittedId = await register(contosoRep, contosoCustomer(2), true);
    const northwindDealId = await register(auth.PARTNER_REP, { customerName: 'Initech Systems', customerWebsite: 'initech-systems.test' }, true);
    // A lead passed to Contoso, waiting for its answer.
    const contosoLead = await call<{ createLead: { id: string } }>(
      DOCS.createLead,
      { input: { companyName: 'Globex Matrix Lead', website: 'globex-matrix-lead.test', country: 'BE', contactEmail: CONTOSO_CONTACT, assignTo: contosoOrgId } },
      auth.CHANNEL_MANAGER,
    );

    // MDF: a fund each for the current quarter; Contoso's rep has an approved request with a submitted claim and its proof file.
    // A later quarter than today's, which the demo data already funds.
    const fundOf = async (organisationId: string, programId: string): Promise<{ id: string; periodStart: string }> =>
      (
        await call<{ createMdfFund: { id: string; periodStart: string } }>(
          DOCS.createMdfFund,
          { input: { organisationId, programId, periodStart: isoDay(92), budgetKind: 'FIXED', budget: '5000.00' } },
          auth.CHANNEL_MANAGER,
        )
      ).createMdfFund;
    const contosoFund = await fundOf(contosoOrgId, contosoEnrolment.program_id);
    const contosoFundId = contosoFund.id;
    const northwindFundId = (await fundOf(northwindOrgId, northwindEnrolment.program_id)).id;
    const mdfRequest = await call<{ createMdfRequest: { id: string } }>(
      DOCS.createMdfRequest,
      {
        input: {
          fundId: contosoFundId,
          activityType: 'EVENT',
          title: 'Globex Matrix Event',
          startDate: contosoFund.periodStart,
          endDate: contosoFund.periodStart,
          plannedCost: '1000.00',
          requestedAmount: '500.00',
          submit: true,
        },
      },
      contosoRep,
    );
    const contosoRequestId = mdfRequest.createMdfRequest.id;
    await call(DOCS.approveMdfRequest, { id: contosoRequestId }, auth.CHANNEL_MANAGER);
    const upload = await postClaim(t, contosoRep.token ?? null, contosoRequestId, CLAIM_INPUT, [{ name: 'matrix-proof.pdf', bytes: PDF }]);
    if (upload.status !== 201) throw new Error(`setup claim failed: ${JSON.stringify(upload.body)}`);
    const contosoClaimId = (upload.body as { claim: { id: string } }).claim.id;

    // Incentives: a SPIF on the program Contoso and Northwind share pays 100.00 per deal won since last month; Contoso's rep
    // wins one last month, the month is closed, the statement approved and paid in points, and the rep redeems a reward that
    // needs approval. A draft plan too.
    const today = new Date().toISOString().slice(0, 10);
    const lastMonth = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 2, 1)).toISOString().slice(0, 10);
    const incentiveDealId = await register(contosoRep, contosoCustomer(4), true);
    await call(DOCS.approveDealRegistration, { id: incentiveDealId }, auth.CHANNEL_MANAGER);
    await call(DOCS.markDealWon, { id: incentiveDealId, input: { actualMrr: '0', actualOneTime: '10000.00', closeDate: lastMonth } }, contosoRep);
    const spifInput = (name: string) => ({
      input: { name, kind: 'SPIF', programId: contosoEnrolment.program_id, periodKind: 'MONTH', currency: 'EUR', effectiveFrom: lastMonth, rules: { spif: { startsOn: lastMonth, endsOn: isoDay(60), payoutKind: 'FIXED', amount: '100.00' } } },
    });
    const incentivePlanId = (await call<{ createIncentivePlan: { id: string } }>(DOCS.createIncentivePlan, spifInput('Matrix SPIF'), auth.VENDOR_ADMIN)).createIncentivePlan.id;
    await call(DOCS.publishIncentivePlan, { id: incentivePlanId }, auth.VENDOR_ADMIN);
    await call(DOCS.closeIncentivePeriod, { planId: incentivePlanId, period: lastMonth.slice(0, 7) }, auth.CHANNEL_MANAGER);
    const incentiveDraftPlanId = (await call<{ createIncentivePlan: { id: string } }>(DOCS.createIncentivePlan, spifInput('Matrix draft'), auth.VENDOR_ADMIN)).createIncentivePlan.id;
    const incentiveLineId = await one(`SELECT id FROM incentive_accrual_lines WHERE source_id = $1`, [incentiveDealId]);
    const incentiveStatementId = await one(
      `SELECT s.id FROM incentive_accrual_lines l JOIN incentive_statements s ON s.plan_id = l.plan_id AND s.period_key = l.period_key AND s.organisation_id = l.organisation_id
        AND s.user_id IS NOT DISTINCT FROM l.user_id WHERE l.id = $1`,
      [incentiveLineId],
    );
    await call(DOCS.approveIncentiveStatement, { id: incentiveStatementId }, auth.CHANNEL_MANAGER);
    await call(DOCS.markIncentiveStatementsPaid, { input: { statementIds: [incentiveStatementId], method: 'POINTS', idempotencyKey: 'matrix-setup-0001' } }, auth.CHANNEL_MANAGER);
    const rewardId = (await call<{ createReward: { id: string } }>(DOCS.createReward, { input: { name: 'Matrix voucher', kind: 'GIFT_VOUCHER', pointsPrice: 50, stock: 10, requiresApproval: true } }, auth.VENDOR_ADMIN))
      .createReward.id;
    const redemptionId = (await call<{ redeemReward: { id: string } }>(DOCS.redeemReward, { input: { rewardId } }, contosoRep)).redeemReward.id;
    // Referrals: Northwind already has its link (asking again writes nothing), so the matrix's createReferralLink changes nothing.
    await call(DOCS.createReferralLink, {}, auth.PARTNER_ADMIN);
    // Activities and training: Contoso's rep logs an activity that needs approval and records a certification.
    const activityTypeId = (await call<{ createActivityType: { id: string } }>(DOCS.createActivityType, { input: { name: 'Matrix webinar', kind: 'WEBINAR_ATTENDED', approval: 'VERIFIED' } }, auth.VENDOR_ADMIN))
      .createActivityType.id;
    const activityId = (await call<{ logActivity: { id: string } }>(DOCS.logActivity, { input: { typeId: activityTypeId, occurredOn: today, description: 'Globex Matrix Webinar' } }, contosoRep)).logActivity.id;
    const courseId = (await call<{ createCourse: { id: string } }>(DOCS.createCourse, { input: { name: 'Matrix certification', certification: true, validityMonths: 12 } }, auth.VENDOR_ADMIN)).createCourse.id;
    const completionId = (await call<{ recordCourseCompletion: { id: string } }>(DOCS.recordCourseCompletion, { input: { courseId, completedOn: today } }, contosoRep)).recordCourseCompletion.id;

    fx = {
      vendorOrgId,
      northwind: {
        orgId: northwindOrgId,
        adminUserId: await userId('admin@northwind.test'),
        repUserId: await userId('rep@northwind.test'),
        invitationId: northwindInvite.inviteUser.invitation.id,
        apiKeyId: northwindKey.createApiKey.apiKey.id,
        enrolmentId: northwindEnrolment.id,
        programId: northwindEnrolment.program_id,
        dealId: northwindDealId,
        revenueCustomerId: northwindRevenue.customerId,
        subscriptionId: northwindRevenue.subscriptionId,
        mdfFundId: northwindFundId,
      },
      contoso: {
        orgId: contosoOrgId,
        adminUserId: await userId('admin@contoso.test'),
        repUserId: await userId('rep@contoso.test'),
        invitationId: contosoInvite.inviteUser.invitation.id,
        apiKeyId: contosoKey.createApiKey.apiKey.id,
        enrolmentId: contosoEnrolment.id,
        programId: contosoEnrolment.program_id,
        tierChangeId: await one(`SELECT id FROM tier_changes WHERE organisation_id = $1 AND status = 'PROPOSED'`, [contosoOrgId]),
        entryTierId: await one(`SELECT id FROM tiers WHERE program_id = $1 AND rank = 0`, [contosoEnrolment.program_id]),
        otherProgramId: await one(`SELECT id FROM programs WHERE id <> $1 ORDER BY name LIMIT 1`, [contosoEnrolment.program_id]),
        dealDraftId,
        dealSubmittedId,
        dealApprovedId,
        notificationId: await one(`SELECT id FROM notifications WHERE entity_id = $1 AND type = 'DEAL_APPROVED'`, [dealApprovedId]),
        leadId: contosoLead.createLead.id,
        revenueCustomerId: contosoRevenue.customerId,
        subscriptionId: contosoRevenue.subscriptionId,
        mdfFundId: contosoFundId,
        mdfRequestId: contosoRequestId,
        mdfClaimId: contosoClaimId,
        mdfFileId: await one(`SELECT id FROM mdf_proof_files WHERE claim_id = $1`, [contosoClaimId]),
        incentivePlanId,
        incentiveDraftPlanId,
        incentiveDealId,
        incentiveLineId,
        incentiveStatementId,
        rewardId,
        redemptionId,
        activityId,
        completionId,
      },
      productId,
      houseAccountId: await one(`SELECT id FROM house_accounts WHERE domain = 'rws.nl'`, []),
      activityTypeId,
      courseId,
    };
    // The demo data and the fixtures above notify Northwind's users (MDF decisions, say): the matrix reads an empty inbox.
    await t.dataSource.query(`UPDATE notifications SET read_at = now() WHERE read_at IS NULL`);
  });
  afterAll(() => t?.close());

  /** Anything that identifies Contoso: a partner's answer must contain none of it. */
  const contosoMarkers = (): string[] => [
    'contoso',
    fx.contoso.orgId,
    fx.contoso.adminUserId,
    fx.contoso.repUserId,
    fx.contoso.invitationId,
    fx.contoso.apiKeyId,
    fx.contoso.enrolmentId,
    fx.contoso.tierChangeId,
    fx.contoso.dealDraftId,
    fx.contoso.dealSubmittedId,
    fx.contoso.dealApprovedId,
    fx.contoso.notificationId,
    fx.contoso.leadId,
    fx.contoso.revenueCustomerId,
    fx.contoso.subscriptionId,
    'Globex Matrix Revenue',
    'matrix-contoso-sub',
    fx.contoso.mdfFundId,
    fx.contoso.mdfRequestId,
    fx.contoso.mdfClaimId,
    fx.contoso.mdfFileId,
    fx.contoso.incentiveDealId,
    fx.contoso.incentiveLineId,
    fx.contoso.incentiveStatementId,
    fx.contoso.redemptionId,
    fx.contoso.activityId,
    fx.contoso.completionId,
    'Globex Matrix Webinar',
    'Globex Matrix Event',
    'matrix-proof.pdf',
    CONTOSO_CONTACT,
  ];

  it('has a row for every query and mutation of the live schema, and nothing else', () => {
    const table = OPERATIONS.map((o) => o.op).sort();
    expect(new Set(table).size).toBe(table.length);
    expect(table).toEqual(schemaOperations(t.app));
  });

  it('expects exactly the callers each @Allow / @Public declares', () => {
    const declared = declaredAllowRules(t.app);
    const mismatches: string[] = [];
    for (const spec of OPERATIONS) {
      const rule = declared.get(spec.op);
      const actual = !rule ? 'none' : rule.kind === 'public' ? 'public' : [...rule.roles].sort().join(',');
      const expected = spec.allow === 'public' ? 'public' : [...spec.allow].sort().join(',');
      if (actual !== expected) mismatches.push(`${spec.op}: table ${expected}, declared ${actual}`);
    }
    expect(mismatches).toEqual([]);
  });

  describe('positive controls (the matrix fails for the right reason)', () => {
    it("a Northwind admin reads Northwind's organisation and its users", async () => {
      const org = await t.gql(DOCS.organisation, { id: fx.northwind.orgId }, auth.PARTNER_ADMIN);
      expect(org.errors).toBeUndefined();
      expect(collect(org.data, 'name')).toContain('Northwind IT');
      expect(collect(org.data, 'id')).toContain(fx.northwind.enrolmentId);
      const users = await t.gql(DOCS.users, {}, auth.PARTNER_ADMIN);
      expect(users.errors).toBeUndefined();
      expect(collect(users.data, 'id')).toEqual(expect.arrayContaining([fx.northwind.adminUserId, fx.northwind.repUserId]));
      const user = await t.gql(DOCS.user, { id: fx.northwind.repUserId }, auth.PARTNER_ADMIN);
      expect(collect(user.data, 'email')).toEqual(['rep@northwind.test']);
    });

    it("a Northwind admin sees Northwind's invitations, API keys, tier status and tier history", async () => {
      const invitations = await t.gql(DOCS.invitations, {}, auth.PARTNER_ADMIN);
      expect(collect(invitations.data, 'id')).toContain(fx.northwind.invitationId);
      const keys = await t.gql(DOCS.apiKeys, {}, auth.PARTNER_ADMIN);
      expect(collect(keys.data, 'id')).toContain(fx.northwind.apiKeyId);
      const status = await t.gql(DOCS.tierStatus, { organisationId: fx.northwind.orgId }, auth.PARTNER_ADMIN);
      expect(collect(status.data, 'id')).toContain(fx.northwind.enrolmentId);
      const history = await t.gql(DOCS.tierChanges, { filter: { organisationId: fx.northwind.orgId } }, auth.PARTNER_ADMIN);
      expect(collect(history.data, 'enrolmentId')).toContain(fx.northwind.enrolmentId);
    });

    it("a Northwind rep and Northwind's API key read their own organisation", async () => {
      for (const as of [auth.PARTNER_REP, auth.PARTNER_API_KEY]) {
        const org = await t.gql(DOCS.organisation, { id: fx.northwind.orgId }, as);
        expect(org.errors).toBeUndefined();
        expect(collect(org.data, 'id')).toContain(fx.northwind.orgId);
        const status = await t.gql(DOCS.tierStatus, {}, as);
        expect(collect(status.data, 'id')).toContain(fx.northwind.enrolmentId);
      }
      const users = await t.gql(DOCS.users, {}, auth.PARTNER_API_KEY);
      expect(collect(users.data, 'id')).toContain(fx.northwind.repUserId);
    });

    it('a Northwind admin and its API key can invite and revoke within Northwind', async () => {
      for (const [i, as] of [auth.PARTNER_ADMIN, auth.PARTNER_API_KEY].entries()) {
        const invited = await t.gql(DOCS.inviteUser, { input: { email: `control-${i}@northwind.test`, role: 'PARTNER_REP' } }, as);
        expect(invited.errors).toBeUndefined();
        const [id] = collect(invited.data, 'id');
        expect(collect(invited.data, 'organisationId')).toEqual([fx.northwind.orgId]);
        const revoked = await t.gql(DOCS.revokeInvitation, { id }, as);
        expect(revoked.errors).toBeUndefined();
        expect(collect(revoked.data, 'revokedAt')).toHaveLength(1);
      }
    });

    it("a Northwind rep reads its own deal registration, and its live check finds it; Contoso's rep reads its notification", async () => {
      const own = await t.gql(DOCS.dealRegistration, { id: fx.northwind.dealId }, auth.PARTNER_REP);
      expect(own.errors).toBeUndefined();
      expect(collect(own.data, 'organisationId')).toEqual([fx.northwind.orgId]);
      const list = await t.gql(DOCS.dealRegistrations, {}, auth.PARTNER_API_KEY);
      expect(collect(list.data, 'id')).toContain(fx.northwind.dealId);
      const check = await t.gql(DOCS.checkDealConflicts, { input: { customerName: 'Initech Systems B.V.', customerCountry: 'NL' } }, auth.PARTNER_REP);
      expect(collect(check.data, 'registrationId')).toEqual([fx.northwind.dealId]);
      const inbox = await t.gql(DOCS.notifications, {}, contosoRep);
      expect(collect(inbox.data, 'id')).toContain(fx.contoso.notificationId);
      const draft = await t.gql(DOCS.dealRegistration, { id: fx.contoso.dealDraftId }, contosoRep);
      expect(collect(draft.data, 'id')).toContain(fx.contoso.dealDraftId);
    });

    it('the vendor admin reads Contoso: organisation, users, invitations, API keys, tier status and history', async () => {
      const reads: [string, Vars, string][] = [
        [DOCS.organisation, { id: fx.contoso.orgId }, fx.contoso.orgId],
        [DOCS.user, { id: fx.contoso.adminUserId }, fx.contoso.adminUserId],
        [DOCS.users, { filter: { organisationId: fx.contoso.orgId } }, fx.contoso.repUserId],
        [DOCS.invitations, { organisationId: fx.contoso.orgId }, fx.contoso.invitationId],
        [DOCS.apiKeys, { organisationId: fx.contoso.orgId }, fx.contoso.apiKeyId],
        [DOCS.tierStatus, { organisationId: fx.contoso.orgId }, fx.contoso.tierChangeId],
        [DOCS.tierChanges, { filter: { organisationId: fx.contoso.orgId } }, fx.contoso.tierChangeId],
      ];
      for (const [document, variables, expectedId] of reads) {
        const res = await t.gql(document, variables, auth.VENDOR_ADMIN);
        expect(res.errors).toBeUndefined();
        expect(collect(res.data, 'id')).toContain(expectedId);
      }
    });
  });

  // Not GraphQL, but the same partner directory: the CSV export must admit exactly the same callers.
  describe('GET /api/exports/partners.csv (HTTP route)', () => {
    const expectedStatus = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : isVendorCaller(caller) ? 200 : 403);
    it.each(CALLERS.map((caller) => [`${caller} → ${expectedStatus(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const dbBefore = await dbFingerprint(t.dataSource);
      let req = request(t.app.getHttpServer()).get('/api/exports/partners.csv?search=contoso');
      const as = auth[caller];
      if (as.token) req = req.set('Authorization', `Bearer ${as.token}`);
      if (as.apiKey) req = req.set('X-Api-Key', as.apiKey);
      const res = await req;
      expect(res.status).toBe(expectedStatus(caller));
      if (res.status === 200) expect(res.text).toContain(fx.contoso.orgId);
      else expect(res.text.toLowerCase()).not.toContain('contoso');
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });
  });

  // The deal-registration exports: leads for every caller the `leads` query admits (partners see only
  // their own), house accounts for vendor staff only, like the `houseAccounts` query.
  describe('GET /api/exports/leads.csv (HTTP route)', () => {
    const expectedStatus = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : 200);
    it.each(CALLERS.map((caller) => [`${caller} → ${expectedStatus(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const dbBefore = await dbFingerprint(t.dataSource);
      let req = request(t.app.getHttpServer()).get(`/api/exports/leads.csv?organisationId=${fx.contoso.orgId}`);
      const as = auth[caller];
      if (as.token) req = req.set('Authorization', `Bearer ${as.token}`);
      if (as.apiKey) req = req.set('X-Api-Key', as.apiKey);
      const res = await req;
      expect(res.status).toBe(expectedStatus(caller));
      if (isVendorCaller(caller)) expect(res.text).toContain(fx.contoso.leadId);
      else {
        expect(res.text).not.toContain(fx.contoso.leadId);
        expect(res.text.toLowerCase()).not.toContain(CONTOSO_CONTACT.toLowerCase());
      }
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });
  });

  describe('GET /api/exports/house-accounts.csv (HTTP route)', () => {
    const expectedStatus = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : isVendorCaller(caller) ? 200 : 403);
    it.each(CALLERS.map((caller) => [`${caller} → ${expectedStatus(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const dbBefore = await dbFingerprint(t.dataSource);
      let req = request(t.app.getHttpServer()).get('/api/exports/house-accounts.csv?search=rws');
      const as = auth[caller];
      if (as.token) req = req.set('Authorization', `Bearer ${as.token}`);
      if (as.apiKey) req = req.set('X-Api-Key', as.apiKey);
      const res = await req;
      expect(res.status).toBe(expectedStatus(caller));
      if (res.status === 200) expect(res.text).toContain(fx.houseAccountId);
      else expect(res.text).not.toContain(fx.houseAccountId);
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });
  });

  // The MDF routes: Contoso's proof file (download), the payment file, and a claim upload on Contoso's request.
  describe('MDF HTTP routes', () => {
    const files = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : isVendorCaller(caller) ? 200 : 404);
    it.each(CALLERS.map((caller) => [`GET /api/mdf/files/{Contoso's file}: ${caller} → ${files(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const dbBefore = await dbFingerprint(t.dataSource);
      const res = await getAs(t, auth[caller], `/api/mdf/files/${fx.contoso.mdfFileId}`);
      expect(res.status).toBe(files(caller));
      if (res.status === 200) {
        expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
        expect(res.headers['content-disposition']).toContain('matrix-proof.pdf');
      } else expect((res.body as Buffer).toString().toLowerCase()).not.toContain('matrix-proof');
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });

    const payable = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : isVendorCaller(caller) ? 200 : 403);
    it.each(CALLERS.map((caller) => [`GET /api/mdf/claims/payable.csv: ${caller} → ${payable(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const res = await getAs(t, auth[caller], '/api/mdf/claims/payable.csv');
      expect(res.status).toBe(payable(caller));
    });

    const upload = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : isPartnerCaller(caller) ? 404 : 403);
    it.each(CALLERS.map((caller) => [`POST /api/mdf/requests/{Contoso's request}/claims: ${caller} → ${upload(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const dbBefore = await dbFingerprint(t.dataSource);
      const res = await postClaim(t, auth[caller], fx.contoso.mdfRequestId, CLAIM_INPUT, [{ name: 'stolen.pdf', bytes: PDF }]);
      expect(res.status).toBe(upload(caller));
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });
  });

  // The incentives payout file: vendor staff only; a partner gets 403 and nothing of Contoso.
  describe('GET /api/incentives/statements/payout.csv (HTTP route)', () => {
    const expected = (caller: Caller): number => (caller === 'ANONYMOUS' ? 401 : isVendorCaller(caller) ? 200 : 403);
    it.each(CALLERS.map((caller) => [`${caller} → ${expected(caller)}`, caller] as const))('%s', async (_title, caller) => {
      const dbBefore = await dbFingerprint(t.dataSource);
      const res = await getAs(t, auth[caller], `/api/incentives/statements/payout.csv?statementIds=${fx.contoso.incentiveStatementId}`);
      expect(res.status).toBe(expected(caller));
      const text = (res.body as Buffer).toString();
      if (res.status === 200) expect(text).toContain(fx.contoso.incentiveStatementId);
      else expect(text).not.toContain(fx.contoso.incentiveStatementId);
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });
  });

  describe.each(OPERATIONS.map((spec) => [spec.op, spec] as const))('%s', (_op, spec) => {
    it.each(casesOf(spec).map((c) => [c.title, c] as const))('%s', async (_title, c) => {
      const contosoBefore = await organisationSnapshot(t.dataSource, fx.contoso.orgId);
      const dbBefore = await dbFingerprint(t.dataSource);

      const res: GqlResponse = await t.gql(c.spec.document, c.variables(fx), auth[c.caller]);

      expect(res.status).toBeLessThan(500);
      expect(codeOf(res)).not.toBe('INTERNAL_SERVER_ERROR');
      const outcome = c.outcome;
      switch (outcome.kind) {
        case 'denied':
          expect(codeOf(res)).toBe(outcome.code);
          expect(res.data).toBeNull();
          break;
        case 'hidden':
          expect(['NOT_FOUND', 'FORBIDDEN']).toContain(codeOf(res));
          expect(res.data).toBeNull();
          break;
        case 'error':
          expect(outcome.codes).toContain(codeOf(res));
          expect(res.data).toBeNull();
          break;
        case 'invalid':
          expect(codeOf(res)).toBe('BAD_USER_INPUT');
          expect(Object.keys(res.errors?.[0]?.extensions?.fields ?? {})).toContain(outcome.field);
          expect(res.data).toBeNull();
          break;
        case 'ok':
          expect(res.errors).toBeUndefined();
          expect(res.data).not.toBeNull();
          outcome.check?.(res.data, fx);
          break;
      }
      // Only vendor staff, in an answer they are entitled to, may see anything of Contoso.
      if (!(isVendorCaller(c.caller) && outcome.kind === 'ok')) expect(mentions(res, contosoMarkers())).toEqual([]);

      // Nothing of Contoso changed, and nothing anywhere was written.
      expect(await organisationSnapshot(t.dataSource, fx.contoso.orgId)).toEqual(contosoBefore);
      expect(await dbFingerprint(t.dataSource)).toEqual(dbBefore);
    });
  });
});
