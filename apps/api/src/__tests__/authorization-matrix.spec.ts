import { Role } from '@prm/server/core';
import request from 'supertest';
import { dbFingerprint, organisationSnapshot } from '../testing/db-state';
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
  northwind: PartnerIds;
  contoso: PartnerIds & {
    /** An open (PROPOSED) promotion of Contoso. */
    tierChangeId: string;
    /** The entry tier of Contoso's program (a legal override target). */
    entryTierId: string;
    /** A program Contoso is not enrolled in. */
    otherProgramId: string;
  };
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

const BAD_ID = 'not-a-uuid';

// ---- checks on answers --------------------------------------------------------------------------

const ok = (check?: Check): Outcome => ({ kind: 'ok', check });
const hidden: Outcome = { kind: 'hidden' };
const refused = (...codes: string[]): Outcome => ({ kind: 'error', codes });

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

// ---- the table ------------------------------------------------------------------------------------

const OPERATIONS: OperationSpec[] = [
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
    op: 'Query.invitations',
    document: DOCS.invitations,
    allow: USER_ADMINS,
    variants: [
      { label: "Contoso's organisationId", variables: (fx) => ({ organisationId: fx.contoso.orgId }), vendor: ok(containsId((fx) => fx.contoso.invitationId)) },
      { label: 'no organisationId', variables: () => ({}), partner: ok(onlyNorthwind) },
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
    op: 'Query.partners',
    document: DOCS.partners,
    allow: VENDOR_STAFF,
    variants: [{ label: 'search "Contoso"', variables: () => ({ filter: { search: 'Contoso' } }), vendor: ok(containsId((fx) => fx.contoso.orgId)) }],
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
    op: 'Mutation.createPartner',
    document: DOCS.createPartner,
    allow: ONLY_VENDOR_ADMIN,
    variants: [{ label: 'a new partner', variables: () => ({ input: { name: 'Matrix Partner', country: 'NL' } }) }],
    probe: { variables: () => ({ input: { name: '', country: 'NL' } }), field: 'name' },
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
    op: 'Mutation.rejectTierChange',
    document: DOCS.rejectTierChange,
    allow: MANAGERS,
    variants: [{ label: "Contoso's open promotion", variables: (fx) => ({ input: { id: fx.contoso.tierChangeId, reason: 'matrix' } }) }],
    probe: { variables: () => ({ input: { id: BAD_ID, reason: 'matrix' } }), field: 'id' },
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
    // No id to forge: it always acts on the caller's own organisation. Invalid input proves the gate let
    // a partner admin through without changing anything; the feature test checks the real update.
    op: 'Mutation.updateMyOrganisation',
    document: DOCS.updateMyOrganisation,
    allow: [PARTNER_ADMIN],
    variants: [{ label: 'own profile with an invalid website', variables: () => ({ input: { website: 'not a url' } }), partner: { kind: 'invalid', field: 'website' } }],
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
      },
    };
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
