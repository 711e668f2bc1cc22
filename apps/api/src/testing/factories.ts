import { randomBytes } from 'node:crypto';
import type { Auth, GqlResponse, TestApp } from './test-app';

/** Runs an operation that must succeed and returns its data (throws with the errors otherwise). */
export async function gqlOk<T>(t: TestApp, query: string, variables: Record<string, unknown> = {}, auth: Auth = {}): Promise<T> {
  const res: GqlResponse<T> = await t.gql<T>(query, variables, auth);
  if (res.errors?.length || !res.data) throw new Error(`operation failed: ${JSON.stringify(res.errors)}\n${query}`);
  return res.data;
}

/** A unique e-mail address for users created by a test. */
export const uniqueEmail = (label = 'user', domain = 'example.test'): string => `${label}-${randomBytes(4).toString('hex')}@${domain}`;

/** A unique name (partners, programs) so tests never collide on unique constraints or filters. */
export const uniqueName = (label: string): string => `${label} ${randomBytes(3).toString('hex')}`;

/** The invitation token is the last path segment of the invite URL. */
export const tokenOf = (inviteUrl: string): string => {
  const token = new URL(inviteUrl).pathname.split('/').pop();
  if (!token) throw new Error(`no token in ${inviteUrl}`);
  return token;
};

export const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { inviteUrl invitation { id email role organisationId expiresAt acceptedAt revokedAt } }
}`;
export const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { accessToken user { id email role organisationId } }
}`;

export interface InvitePayload {
  inviteUser: {
    inviteUrl: string;
    invitation: { id: string; email: string; role: string; organisationId: string; expiresAt: string; acceptedAt: string | null; revokedAt: string | null };
  };
}
export interface AcceptPayload {
  acceptInvitation: { accessToken: string; user: { id: string; email: string; role: string; organisationId: string } };
}

export const NEW_PASSWORD = 'a-long-enough-password';

/** Invites a user as `inviterToken` and accepts the invitation: a fresh user the test may change freely. */
export async function createUser(
  t: TestApp,
  inviterToken: string,
  input: { role: string; organisationId?: string; email?: string; name?: string },
): Promise<{ id: string; email: string; token: string; organisationId: string }> {
  const email = input.email ?? uniqueEmail(input.role.toLowerCase());
  const invited = await gqlOk<InvitePayload>(t, INVITE, { input: { email, role: input.role, organisationId: input.organisationId } }, { token: inviterToken });
  const accepted = await gqlOk<AcceptPayload>(t, ACCEPT, {
    input: { token: tokenOf(invited.inviteUser.inviteUrl), name: input.name ?? `Test ${input.role}`, password: NEW_PASSWORD },
  });
  const user = accepted.acceptInvitation.user;
  return { id: user.id, email: user.email, token: accepted.acceptInvitation.accessToken, organisationId: user.organisationId };
}

interface PartnerNode {
  id: string;
  name: string;
}

/** Partner name → id, read through the API as a vendor user. */
export async function partnerIds(t: TestApp, vendorToken: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const page: { partners: { edges: { node: PartnerNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gqlOk(
      t,
      `query($after: String) { partners(first: 100, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
      { after },
      { token: vendorToken },
    );
    for (const e of page.partners.edges) ids.set(e.node.name, e.node.id);
    if (!page.partners.pageInfo.hasNextPage) return ids;
    after = page.partners.pageInfo.endCursor;
  }
}

export interface ProgramInfo {
  id: string;
  name: string;
  demotionGraceDays: number;
  tiers: { id: string; name: string; rank: number }[];
}

/** Program name → program with its tiers (rank order). */
export async function programsByName(t: TestApp, token: string): Promise<Map<string, ProgramInfo>> {
  const data = await gqlOk<{ programs: ProgramInfo[] }>(t, `{ programs { id name demotionGraceDays tiers { id name rank } } }`, {}, { token });
  return new Map(data.programs.map((p) => [p.name, p]));
}

/** Creates a partner organisation (as a vendor admin) and returns its id. */
export async function createPartner(t: TestApp, adminToken: string, input: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const data = await gqlOk<{ createPartner: { id: string; name: string } }>(
    t,
    `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id name } }`,
    { input: { name: uniqueName('Test Partner'), country: 'NL', ...input } },
    { token: adminToken },
  );
  return data.createPartner;
}

export interface AuditNode {
  id: string;
  at: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  operation: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

export const AUDIT_LOG = `query($filter: AuditFilter, $first: Int!, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at actorUserId actorApiKeyId operation entityType entityId requestId changes { field before after } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Audit entries matching a filter, newest first (up to 100). */
export async function auditEntries(t: TestApp, adminToken: string, filter: Record<string, unknown>): Promise<AuditNode[]> {
  const data = await gqlOk<{ auditLog: { edges: { node: AuditNode }[] } }>(t, AUDIT_LOG, { filter, first: 100 }, { token: adminToken });
  return data.auditLog.edges.map((e) => e.node);
}

/** The changes of an audit entry as field → { before, after } with the JSON decoded. */
export function changesOf(entry: AuditNode): Record<string, { before: unknown; after: unknown }> {
  const parse = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));
  return Object.fromEntries(entry.changes.map((c) => [c.field, { before: parse(c.before), after: parse(c.after) }]));
}

// ---- deal registration ------------------------------------------------------------------------------

const ENTRY_TIER_BENEFITS = { rebateRate: '0', mdfAccrualRate: '0', dealRegistrationDiscount: '0', referralCommissionRate: '0', mdfCofundingPct: '0' };

/** A program of its own with one entry tier, so a test may change its deal rules without touching anyone else. */
export async function createDealProgram(t: TestApp, adminToken: string): Promise<string> {
  const program = await gqlOk<{ createProgram: { id: string } }>(
    t,
    `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
    { input: { name: uniqueName('Deal Program'), segment: 'Test' } },
    { token: adminToken },
  );
  const programId = program.createProgram.id;
  await gqlOk(t, `mutation($input: CreateTierInput!) { createTier(input: $input) { id } }`, {
    input: { programId, name: 'Registered', rank: 0, benefits: ENTRY_TIER_BENEFITS, rules: [] },
  }, { token: adminToken });
  return programId;
}

export interface PartnerWithRep {
  id: string;
  name: string;
  rep: { id: string; email: string; token: string };
}

/** A partner organisation enrolled in `programId`, with a signed-in rep; `partner` is passed to createPartner. */
export async function createPartnerWithRep(t: TestApp, adminToken: string, programId: string, partner: Record<string, unknown> = {}): Promise<PartnerWithRep> {
  const org = await createPartner(t, adminToken, partner);
  await gqlOk(t, `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id } }`, { input: { organisationId: org.id, programId } }, { token: adminToken });
  const rep = await createUser(t, adminToken, { role: 'PARTNER_REP', organisationId: org.id, name: `Rep of ${org.name}` });
  return { ...org, rep: { id: rep.id, email: rep.email, token: rep.token } };
}

/** `date` plus `days`, as YYYY-MM-DD (UTC). */
export const isoDate = (date: Date, days = 0): string => new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** A valid createDealRegistration input for one product, closing a month after `today`; `overrides` replace fields. */
export function dealInput(productId: string, today: Date, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = randomBytes(4).toString('hex');
  return {
    customerName: `Customer ${id}`,
    customerWebsite: `https://www.customer-${id}.nl`,
    customerCountry: 'NL',
    products: [{ productId, quantity: 10 }],
    estimatedMrr: '250.00',
    expectedCloseDate: isoDate(today, 30),
    salesStage: 'QUALIFIED',
    ...overrides,
  };
}
