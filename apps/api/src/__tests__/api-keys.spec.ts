import { createHash } from 'node:crypto';
import request from 'supertest';
import { auditEntries, createPartner, gqlOk, partnerIds, uniqueEmail } from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const CREATE = `mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { secret apiKey { id name role organisationId prefix createdAt lastUsedAt revokedAt } }
}`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const ORGANISATION = `query($id: ID!) { organisation(id: $id) { id name } }`;

interface Created {
  createApiKey: { secret: string; apiKey: { id: string; name: string; role: string; organisationId: string; prefix: string; lastUsedAt: string | null; revokedAt: string | null } };
}

describe('API keys', () => {
  let t: TestApp;
  let vendorAdmin: string;
  let northwindAdmin: string;
  let northwindId: string;
  let contosoId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    vendorAdmin = await t.login('admin@vendor.test');
    northwindAdmin = await t.login('admin@northwind.test');
    const ids = await partnerIds(t, vendorAdmin);
    northwindId = ids.get('Northwind IT') ?? '';
    contosoId = ids.get('Contoso Managed Services') ?? '';
  });
  afterAll(() => t.close());

  const createKey = (token: string, input: Record<string, unknown>) => gqlOk<Created>(t, CREATE, { input }, { token });

  it('returns the secret once and stores only its hash', async () => {
    const { createApiKey } = await createKey(vendorAdmin, { name: ' Northwind CRM sync ', role: 'PARTNER_ADMIN', organisationId: northwindId });
    const { secret, apiKey } = createApiKey;
    expect(apiKey).toMatchObject({ name: 'Northwind CRM sync', role: 'PARTNER_ADMIN', organisationId: northwindId, lastUsedAt: null, revokedAt: null });
    const match = /^prm_([a-z0-9]{12})_([A-Za-z0-9_-]{20,})$/.exec(secret);
    expect(match).not.toBeNull();
    expect(match?.[1]).toBe(apiKey.prefix);

    const rows: Record<string, unknown>[] = await t.dataSource.query(`SELECT * FROM api_keys WHERE id = $1`, [apiKey.id]);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(match?.[2]);
    expect(rows[0]['secret_hash']).toBe(createHash('sha256').update(match?.[2] ?? '').digest('hex'));

    // The listing never shows the secret again (the type has no such field) but does show the key.
    const list = await gqlOk<{ apiKeys: { id: string; prefix: string }[] }>(t, `query($org: ID) { apiKeys(organisationId: $org) { id prefix } }`, { org: northwindId }, { token: vendorAdmin });
    expect(list.apiKeys.map((k) => k.id)).toContain(apiKey.id);
    const audit = JSON.stringify(await auditEntries(t, vendorAdmin, { entityType: 'ApiKey', entityId: apiKey.id }));
    expect(audit).not.toContain(match?.[2]);
    expect(audit).not.toMatch(/secretHash/);
  });

  it('acts as the bound organisation and role', async () => {
    const { createApiKey } = await createKey(vendorAdmin, { name: 'acting', role: 'PARTNER_ADMIN', organisationId: northwindId });
    const apiKey = createApiKey.secret;
    const own = await t.gql<{ organisation: { name: string } }>(ORGANISATION, { id: northwindId }, { apiKey });
    expect(own.errors).toBeUndefined();
    expect(own.data?.organisation.name).toBe('Northwind IT');
    expect(codeOf(await t.gql(ORGANISATION, { id: contosoId }, { apiKey }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(`{ partners(first: 5) { edges { node { id } } } }`, {}, { apiKey }))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`{ me { id } }`, {}, { apiKey }))).toBe('FORBIDDEN');

    const users = await gqlOk<{ users: { edges: { node: { email: string; organisationId: string } }[] } }>(t, `{ users(first: 50) { edges { node { email organisationId } } } }`, {}, { apiKey });
    expect(users.users.edges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(users.users.edges.map((e) => e.node.organisationId))).toEqual(new Set([northwindId]));

    // `Authorization: ApiKey …` works as well as the X-Api-Key header.
    const viaAuthorization = await request(t.app.getHttpServer())
      .post('/graphql')
      .set('Authorization', `ApiKey ${apiKey}`)
      .send({ query: ORGANISATION, variables: { id: northwindId } });
    expect((viaAuthorization.body as { data: { organisation: { name: string } } }).data.organisation.name).toBe('Northwind IT');

    // Use is recorded, and a mutation made with the key is audited against the key.
    const listed = await gqlOk<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(t, `{ apiKeys { id lastUsedAt } }`, {}, { token: northwindAdmin });
    expect(listed.apiKeys.find((k) => k.id === createApiKey.apiKey.id)?.lastUsedAt).not.toBeNull();
    const invited = await gqlOk<{ inviteUser: { invitation: { id: string } } }>(
      t,
      `mutation($input: InviteUserInput!) { inviteUser(input: $input) { invitation { id } } }`,
      { input: { email: uniqueEmail(), role: 'PARTNER_REP' } },
      { apiKey },
    );
    const [entry] = await auditEntries(t, vendorAdmin, { entityType: 'Invitation', entityId: invited.inviteUser.invitation.id });
    expect(entry).toMatchObject({ operation: 'inviteUser', actorUserId: null, actorApiKeyId: createApiKey.apiKey.id });
  });

  it('rejects a wrong secret with a valid prefix, and malformed keys', async () => {
    const { createApiKey } = await createKey(vendorAdmin, { name: 'wrong secret', role: 'PARTNER_ADMIN', organisationId: northwindId });
    const [, prefix, secret] = createApiKey.secret.split(/^prm_([a-z0-9]{12})_/);
    const wrong = `prm_${prefix}_${secret.slice(0, -4)}${secret.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(codeOf(await t.gql(ORGANISATION, { id: northwindId }, { apiKey: wrong }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ORGANISATION, { id: northwindId }, { apiKey: 'prm_nope' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ORGANISATION, { id: northwindId }, { apiKey: createApiKey.secret.replace('prm_', 'xyz_') }))).toBe('UNAUTHENTICATED');
    // The right key still works.
    expect((await t.gql(ORGANISATION, { id: northwindId }, { apiKey: createApiKey.secret })).errors).toBeUndefined();
  });

  it('stops accepting a revoked key', async () => {
    const { createApiKey } = await createKey(northwindAdmin, { name: 'to revoke', role: 'PARTNER_REP' });
    expect((await t.gql(ORGANISATION, { id: northwindId }, { apiKey: createApiKey.secret })).errors).toBeUndefined();
    const revoked = await gqlOk<{ revokeApiKey: { revokedAt: string | null } }>(t, REVOKE, { id: createApiKey.apiKey.id }, { token: northwindAdmin });
    expect(revoked.revokeApiKey.revokedAt).not.toBeNull();
    expect(codeOf(await t.gql(ORGANISATION, { id: northwindId }, { apiKey: createApiKey.secret }))).toBe('UNAUTHENTICATED');
  });

  it('stops accepting keys of a suspended partner', async () => {
    const partner = await createPartner(t, vendorAdmin);
    const { createApiKey } = await createKey(vendorAdmin, { name: 'soon suspended', role: 'PARTNER_ADMIN', organisationId: partner.id });
    expect((await t.gql(ORGANISATION, { id: partner.id }, { apiKey: createApiKey.secret })).errors).toBeUndefined();
    await gqlOk(t, `mutation($id: ID!) { updatePartner(id: $id, input: { status: SUSPENDED }) { status } }`, { id: partner.id }, { token: vendorAdmin });
    expect(codeOf(await t.gql(ORGANISATION, { id: partner.id }, { apiKey: createApiKey.secret }))).toBe('UNAUTHENTICATED');
  });

  it('lets a partner admin create keys only for their own organisation with partner roles', async () => {
    const own = await t.gql<Created>(CREATE, { input: { name: 'own', role: 'PARTNER_REP' } }, { token: northwindAdmin });
    expect(own.errors).toBeUndefined();
    expect(own.data?.createApiKey.apiKey.organisationId).toBe(northwindId);
    const explicit = await t.gql<Created>(CREATE, { input: { name: 'own explicit', role: 'PARTNER_ADMIN', organisationId: northwindId } }, { token: northwindAdmin });
    expect(explicit.errors).toBeUndefined();

    const vendorRole = await t.gql(CREATE, { input: { name: 'escalate', role: 'VENDOR_ADMIN' } }, { token: northwindAdmin });
    expect(codeOf(vendorRole)).toBe('BAD_USER_INPUT');
    expect(vendorRole.errors?.[0].extensions?.fields).toHaveProperty('role');
    expect(codeOf(await t.gql(CREATE, { input: { name: 'other org', role: 'PARTNER_REP', organisationId: contosoId } }, { token: northwindAdmin }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(CREATE, { input: { name: 'rep', role: 'PARTNER_REP' } }, { token: await t.login('rep@northwind.test') }))).toBe('FORBIDDEN');

    const rows: { role: string; organisation_id: string }[] = await t.dataSource.query(`SELECT role, organisation_id FROM api_keys WHERE name IN ('escalate', 'other org', 'rep')`);
    expect(rows).toEqual([]);
  });
});
