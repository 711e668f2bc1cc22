import {
  ACCEPT,
  AUDIT_LOG,
  type AuditNode,
  auditEntries,
  changesOf,
  createPartner,
  createUser,
  gqlOk,
  INVITE,
  type InvitePayload,
  NEW_PASSWORD,
  programsByName,
  tokenOf,
  uniqueEmail,
  uniqueName,
} from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const UPDATE_PARTNER = `mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id } }`;
const BENEFITS = { rebateRate: '2', mdfAccrualRate: '1', dealRegistrationDiscount: '10', referralCommissionRate: '7.5', mdfCofundingPct: '50' };
const DAY = 86_400_000;

interface AuditPage {
  auditLog: { edges: { cursor: string; node: AuditNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('audit log', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let manager: string;
  let managerId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    admin = await t.login('admin@vendor.test');
    manager = await t.login('manager@vendor.test');
    adminId = (await gqlOk<{ me: { id: string } }>(t, `{ me { id } }`, {}, { token: admin })).me.id;
    managerId = (await gqlOk<{ me: { id: string } }>(t, `{ me { id } }`, {}, { token: manager })).me.id;
  });
  afterAll(() => t.close());

  const auditCount = async (): Promise<number> => Number(((await t.dataSource.query(`SELECT count(*) AS n FROM audit_log`)) as { n: string }[])[0].n);

  it('records updatePartner with actor, time, request id and only the changed fields', async () => {
    const partner = await createPartner(t, admin, { city: 'Utrecht', segment: 'MSP', website: 'https://old.example.com' });
    t.clock.advance(DAY);
    const res = await t.gql(UPDATE_PARTNER, { id: partner.id, input: { city: 'Zeist', segment: 'MSP', website: 'https://www.new-site.example.org/x' } }, { token: admin });
    expect(res.errors).toBeUndefined();
    const [entry] = await auditEntries(t, admin, { entityType: 'Organisation', entityId: partner.id, operation: 'updatePartner' });
    expect(entry).toMatchObject({ operation: 'updatePartner', entityType: 'Organisation', entityId: partner.id, actorUserId: adminId, actorApiKeyId: null });
    expect(entry.requestId).toBe(res.headers['x-request-id']);
    expect(entry.at).toBe(t.clock.now().toISOString());
    expect(changesOf(entry)).toEqual({
      city: { before: 'Utrecht', after: 'Zeist' },
      website: { before: 'https://old.example.com', after: 'https://www.new-site.example.org/x' },
      domain: { before: 'old.example.com', after: 'new-site.example.org' },
    });
  });

  it('records inviteUser, acceptInvitation, deactivateUser and changePassword without any secret', async () => {
    const northwindAdmin = await t.login('admin@northwind.test');
    const email = uniqueEmail('audited');
    const invited = await gqlOk<InvitePayload>(t, INVITE, { input: { email, role: 'PARTNER_REP', name: 'Audited Rep' } }, { token: northwindAdmin });
    const inviteToken = tokenOf(invited.inviteUser.inviteUrl);
    const [inviteEntry] = await auditEntries(t, admin, { entityType: 'Invitation', entityId: invited.inviteUser.invitation.id });
    expect(inviteEntry.operation).toBe('inviteUser');
    const inviteChanges = changesOf(inviteEntry);
    expect(inviteChanges['email']).toEqual({ before: null, after: email });
    expect(inviteChanges['role']).toEqual({ before: null, after: 'PARTNER_REP' });
    expect(inviteChanges).not.toHaveProperty('tokenHash');

    const accepted = await gqlOk<{ acceptInvitation: { accessToken: string; user: { id: string } } }>(t, ACCEPT, {
      input: { token: inviteToken, name: 'Audited Rep', password: NEW_PASSWORD },
    });
    const userId = accepted.acceptInvitation.user.id;
    const rep = accepted.acceptInvitation.accessToken;
    await gqlOk(t, `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, { input: { currentPassword: NEW_PASSWORD, newPassword: 'yet-another-password' } }, { token: rep });
    await gqlOk(t, `mutation($id: ID!) { deactivateUser(id: $id) { status } }`, { id: userId }, { token: northwindAdmin });

    const userEntries = await auditEntries(t, admin, { entityType: 'User', entityId: userId });
    expect(userEntries.map((e) => e.operation)).toEqual(['deactivateUser', 'changePassword', 'acceptInvitation']);
    expect(changesOf(userEntries[0])).toEqual({ status: { before: 'ACTIVE', after: 'DEACTIVATED' } });
    expect(userEntries[0].actorUserId).not.toBeNull();
    expect(changesOf(userEntries[1])).toEqual({ passwordChanged: { before: false, after: true } });
    expect(userEntries[1].actorUserId).toBe(userId);
    expect(changesOf(userEntries[2])['email']).toEqual({ before: null, after: email });

    const stored: { changes: string }[] = await t.dataSource.query(`SELECT changes::text AS changes FROM audit_log`);
    const everything = stored.map((r) => r.changes).join('\n');
    for (const secret of [inviteToken, NEW_PASSWORD, 'yet-another-password', '$argon2', 'passwordHash', 'tokenHash', 'secretHash', 'password_hash']) {
      expect(everything).not.toContain(secret);
    }
    const hashes: { token_hash: string }[] = await t.dataSource.query(`SELECT token_hash FROM invitations UNION ALL SELECT token_hash FROM sessions`);
    for (const { token_hash } of hashes) expect(everything).not.toContain(token_hash.trim());
  });

  it('records createTier and updateTier (changed fields only)', async () => {
    const program = await gqlOk<{ createProgram: { id: string } }>(t, `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`, { input: { name: uniqueName('Audit program'), segment: 'Test' } }, { token: admin });
    const programId = program.createProgram.id;
    const tier = await gqlOk<{ createTier: { id: string } }>(
      t,
      `mutation($input: CreateTierInput!) { createTier(input: $input) { id } }`,
      { input: { programId, name: 'Entry', rank: 0, benefits: BENEFITS, rules: [] } },
      { token: admin },
    );
    const tierId = tier.createTier.id;
    await gqlOk(t, `mutation($id: ID!, $input: UpdateTierInput!) { updateTier(id: $id, input: $input) { id } }`, {
      id: tierId,
      input: { benefits: { ...BENEFITS, rebateRate: '3.25' }, rules: [{ metric: 'WON_DEALS', min: '1.50' }] },
    }, { token: admin });

    const [created] = await auditEntries(t, admin, { entityType: 'Program', entityId: programId });
    expect(created.operation).toBe('createProgram');
    const [updated, createdTier] = await auditEntries(t, admin, { entityType: 'Tier', entityId: tierId });
    expect(createdTier.operation).toBe('createTier');
    expect(changesOf(createdTier)).toMatchObject({ name: { before: null, after: 'Entry' }, rank: { before: null, after: 0 }, programId: { before: null, after: programId } });
    expect(updated.operation).toBe('updateTier');
    expect(updated.actorUserId).toBe(adminId);
    const changes = changesOf(updated);
    expect(Object.keys(changes).sort()).toEqual(['qualificationRules', 'rebateRate']);
    expect(Number(changes['rebateRate'].before)).toBe(2);
    expect(Number(changes['rebateRate'].after)).toBe(3.25);
    expect(changes['qualificationRules']).toEqual({ before: [], after: [{ metric: 'WON_DEALS', min: '1.5' }] });
  });

  it('records enrolPartner, the proposal and approveTierChange', async () => {
    const partner = await createPartner(t, admin);
    const pilot = (await programsByName(t, admin)).get('Pilot');
    if (!pilot) throw new Error('no Pilot program');
    const enrolment = await gqlOk<{ enrolPartner: { id: string; tierId: string } }>(
      t,
      `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id tierId } }`,
      { input: { organisationId: partner.id, programId: pilot.id } },
      { token: manager },
    );
    const enrolmentId = enrolment.enrolPartner.id;
    const [enrolled] = await auditEntries(t, admin, { entityType: 'Enrolment', entityId: enrolmentId });
    expect(enrolled).toMatchObject({ operation: 'enrolPartner', actorUserId: managerId });
    expect(changesOf(enrolled)).toMatchObject({ organisationId: { before: null, after: partner.id }, tierId: { before: null, after: pilot.tiers[0].id } });

    for (const [metric, value] of [['WON_DEALS', '5'], ['CERTIFIED_PEOPLE', '2']]) {
      await gqlOk(t, `mutation($input: RecordPartnerMetricInput!) { recordPartnerMetric(input: $input) { value } }`, { input: { organisationId: partner.id, metric, value } }, { token: admin });
    }
    const [metricEntry] = await auditEntries(t, admin, { entityType: 'PartnerMetric', entityId: `${partner.id}:CERTIFIED_PEOPLE` });
    expect(Object.keys(changesOf(metricEntry))).toEqual(['value']);
    expect(changesOf(metricEntry)['value'].before).toBeNull();
    expect(Number(changesOf(metricEntry)['value'].after)).toBe(2);

    await gqlOk(t, `mutation { evaluateTiers }`, {}, { token: manager });
    const changes = await gqlOk<{ tierChanges: { edges: { node: { id: string; kind: string; status: string } }[] } }>(
      t,
      `query($org: ID) { tierChanges(first: 10, filter: { organisationId: $org, status: PROPOSED }) { edges { node { id kind status } } } }`,
      { org: partner.id },
      { token: manager },
    );
    const proposal = changes.tierChanges.edges[0].node;
    expect(proposal.kind).toBe('PROMOTION');
    const [proposed] = await auditEntries(t, admin, { entityType: 'TierChange', entityId: proposal.id });
    expect(proposed).toMatchObject({ operation: 'proposeTierChange', actorUserId: managerId });

    await gqlOk(t, `mutation($input: DecideTierChangeInput!) { approveTierChange(input: $input) { status } }`, { input: { id: proposal.id, reason: 'Well done' } }, { token: manager });
    const [approved] = await auditEntries(t, admin, { entityType: 'TierChange', entityId: proposal.id, operation: 'approveTierChange' });
    expect(approved.actorUserId).toBe(managerId);
    expect(changesOf(approved)['status']).toEqual({ before: 'PROPOSED', after: 'APPLIED' });
    expect(changesOf(approved)['reason']).toEqual({ before: null, after: 'Well done' });
    expect(changesOf(approved)['decidedByUserId']).toEqual({ before: null, after: managerId });
    const [tierMove] = await auditEntries(t, admin, { entityType: 'Enrolment', entityId: enrolmentId, operation: 'approveTierChange' });
    expect(changesOf(tierMove)).toEqual({ tierId: { before: pilot.tiers[0].id, after: pilot.tiers[1].id } });
  });

  it('writes no entry for a mutation that fails', async () => {
    const partner = await createPartner(t, admin);
    const pilot = (await programsByName(t, admin)).get('Pilot');
    await gqlOk(t, `mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id } }`, { input: { organisationId: partner.id, programId: pilot?.id } }, { token: admin });
    const before = await auditCount();
    expect(codeOf(await t.gql(INVITE, { input: { email: 'manager@vendor.test', role: 'ANALYST' } }, { token: admin }))).toBe('CONFLICT');
    expect(codeOf(await t.gql(`mutation($input: EnrolPartnerInput!) { enrolPartner(input: $input) { id } }`, { input: { organisationId: partner.id, programId: pilot?.id } }, { token: admin }))).toBe('CONFLICT');
    expect(codeOf(await t.gql(UPDATE_PARTNER, { id: partner.id, input: { channelManagerId: adminId.replace(/.$/, (c) => (c === '0' ? '1' : '0')) } }, { token: admin }))).toBe('BAD_USER_INPUT');
    expect(
      codeOf(await t.gql(`mutation($input: CreateTierInput!) { createTier(input: $input) { id } }`, { input: { programId: pilot?.id, name: 'Skipping', rank: 9, benefits: BENEFITS, rules: [] } }, { token: admin })),
    ).toBe('BAD_USER_INPUT');
    expect(await auditCount()).toBe(before);
  });

  it('filters by entity, operation, actor and time, and pages newest first', async () => {
    const partner = await createPartner(t, admin);
    const times: string[] = [];
    for (const [i, token] of [admin, manager, admin, manager, admin].entries()) {
      t.clock.advance(60_000);
      times.push(t.clock.now().toISOString());
      await gqlOk(t, UPDATE_PARTNER, { id: partner.id, input: { city: `City ${i}` } }, { token });
    }
    const all = await auditEntries(t, admin, { entityId: partner.id, operation: 'updatePartner' });
    expect(all.map((e) => changesOf(e)['city'].after)).toEqual(['City 4', 'City 3', 'City 2', 'City 1', 'City 0']);
    expect(all.map((e) => e.at)).toEqual([...times].reverse());

    const byManager = await auditEntries(t, admin, { entityId: partner.id, actorUserId: managerId });
    expect(byManager.map((e) => changesOf(e)['city'].after)).toEqual(['City 3', 'City 1']);
    // from is inclusive, to exclusive
    const window = await auditEntries(t, admin, { entityId: partner.id, from: times[1], to: times[3] });
    expect(window.map((e) => changesOf(e)['city'].after)).toEqual(['City 2', 'City 1']);
    const sinceFirst = await auditEntries(t, admin, { entityType: 'Organisation', from: times[0] });
    expect(sinceFirst).toHaveLength(5);
    expect(await auditEntries(t, admin, { entityType: 'Program', entityId: partner.id })).toEqual([]);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const data: AuditPage = await gqlOk<AuditPage>(t, AUDIT_LOG, { filter: { entityId: partner.id }, first: 2, after }, { token: admin });
      seen.push(...data.auditLog.edges.map((e) => e.node.id));
      if (!data.auditLog.pageInfo.hasNextPage) break;
      after = data.auditLog.pageInfo.endCursor;
    }
    const everything = await auditEntries(t, admin, { entityId: partner.id });
    expect(everything).toHaveLength(6); // createPartner + 5 updates
    expect(seen).toEqual(everything.map((e) => e.id));
    expect(new Set(seen).size).toBe(6);
  });

  it('is readable by vendor admins only', async () => {
    const analyst = await t.login('analyst@vendor.test');
    const northwindAdmin = await t.login('admin@northwind.test');
    for (const token of [manager, analyst, northwindAdmin]) {
      expect(codeOf(await t.gql(AUDIT_LOG, { first: 5 }, { token }))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.gql(AUDIT_LOG, { first: 5 }))).toBe('UNAUTHENTICATED');
    const fresh = await createUser(t, admin, { role: 'VENDOR_ADMIN' });
    expect((await t.gql(AUDIT_LOG, { first: 5 }, { token: fresh.token })).errors).toBeUndefined();
  });
});
