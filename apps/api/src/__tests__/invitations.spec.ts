import { Mailer, type RecordingMailer } from '@prm/server/core';
import {
  ACCEPT,
  type AcceptPayload,
  createPartner,
  gqlOk,
  INVITE,
  type InvitePayload,
  NEW_PASSWORD,
  partnerIds,
  tokenOf,
  uniqueEmail,
} from '../testing/factories';
import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const ME = `{ me { id email name role organisationId organisation { name kind } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id revokedAt acceptedAt } }`;
const INVITATIONS = `query($org: ID) { invitations(first: 100, organisationId: $org) { edges { node { id email revokedAt acceptedAt } } } }`;
const HOUR = 3_600_000;

interface Me {
  me: { id: string; email: string; name: string; role: string; organisationId: string; organisation: { name: string; kind: string } };
}

describe('invitations', () => {
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

  it('e-mails the invitation link to the invitee, in the organisation’s language', async () => {
    const mailer = t.app.get(Mailer) as RecordingMailer;
    const email = uniqueEmail('mailed');
    const invited = await gqlOk<InvitePayload>(t, INVITE, { input: { email, role: 'PARTNER_REP' } }, { token: northwindAdmin });
    const mail = mailer.sent.find((m) => m.to === email);
    expect(mail?.subject).toBe('Uitnodiging voor het partnerportaal van Northwind IT');
    expect(mail?.text).toContain(invited.inviteUser.inviteUrl);
    const english = uniqueEmail('mailed-en');
    await gqlOk(t, INVITE, { input: { email: english, role: 'CHANNEL_MANAGER' } }, { token: vendorAdmin });
    expect(mailer.sent.find((m) => m.to === english)?.subject).toBe('Your invitation to the partner portal for Acme Cloud');
  });

  const invite = (token: string, input: Record<string, unknown>) => t.gql<InvitePayload>(INVITE, { input }, { token });
  const accept = (inviteToken: string, name = 'New Person', password = NEW_PASSWORD) =>
    t.gql<AcceptPayload>(ACCEPT, { input: { token: inviteToken, name, password } });

  it('lets a partner admin invite a rep who then signs up, is signed in, and can log in again', async () => {
    const email = uniqueEmail('rep');
    const invited = await invite(northwindAdmin, { email: email.toUpperCase(), role: 'PARTNER_REP', name: 'Rita Rep' });
    expect(invited.errors).toBeUndefined();
    const payload = invited.data?.inviteUser;
    expect(payload?.invitation).toMatchObject({ email, role: 'PARTNER_REP', organisationId: northwindId, acceptedAt: null, revokedAt: null });
    expect(payload?.inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
    const expiresIn = new Date(payload?.invitation.expiresAt ?? 0).getTime() - t.clock.now().getTime();
    expect(expiresIn).toBe(72 * HOUR);

    const accepted = await accept(tokenOf(payload?.inviteUrl ?? ''), '  Rita Rep  ');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.acceptInvitation.user).toMatchObject({ email, role: 'PARTNER_REP', organisationId: northwindId });
    const me = await gqlOk<Me>(t, ME, {}, { token: accepted.data?.acceptInvitation.accessToken });
    expect(me.me).toMatchObject({ email, name: 'Rita Rep', role: 'PARTNER_REP', organisation: { name: 'Northwind IT', kind: 'PARTNER' } });

    const token = await t.login(email, NEW_PASSWORD);
    expect((await gqlOk<Me>(t, ME, {}, { token })).me.email).toBe(email);

    const list = await gqlOk<{ invitations: { edges: { node: { id: string; acceptedAt: string | null } }[] } }>(t, INVITATIONS, {}, { token: northwindAdmin });
    const row = list.invitations.edges.find((e) => e.node.id === payload?.invitation.id);
    expect(row?.node.acceptedAt).not.toBeNull();
  });

  it('accepts a token only once', async () => {
    const invited = await gqlOk<InvitePayload>(t, INVITE, { input: { email: uniqueEmail(), role: 'PARTNER_REP' } }, { token: northwindAdmin });
    const token = tokenOf(invited.inviteUser.inviteUrl);
    expect((await accept(token)).errors).toBeUndefined();
    const again = await accept(token, 'Someone Else', 'another-long-password');
    expect(codeOf(again)).toBe('NOT_FOUND');
    expect(again.data).toBeNull();
  });

  it('rejects an unknown token with the same answer as a used one', async () => {
    const res = await accept('x'.repeat(43));
    expect(codeOf(res)).toBe('NOT_FOUND');
  });

  it('expires after INVITE_TTL_HOURS (72 h) on the clock', async () => {
    const early = await gqlOk<InvitePayload>(t, INVITE, { input: { email: uniqueEmail(), role: 'PARTNER_REP' } }, { token: northwindAdmin });
    const late = await gqlOk<InvitePayload>(t, INVITE, { input: { email: uniqueEmail(), role: 'PARTNER_REP' } }, { token: northwindAdmin });
    t.clock.advance(72 * HOUR - 60_000);
    expect((await accept(tokenOf(early.inviteUser.inviteUrl))).errors).toBeUndefined();
    t.clock.advance(2 * 60_000);
    const expired = await accept(tokenOf(late.inviteUser.inviteUrl));
    expect(codeOf(expired)).toBe('NOT_FOUND');
    expect(expired.errors?.[0].message).toMatch(/expired/i);
  });

  it('revokes the open invitation when the same address is invited again', async () => {
    const email = uniqueEmail();
    const first = await gqlOk<InvitePayload>(t, INVITE, { input: { email, role: 'PARTNER_REP' } }, { token: northwindAdmin });
    const second = await gqlOk<InvitePayload>(t, INVITE, { input: { email, role: 'PARTNER_ADMIN' } }, { token: northwindAdmin });
    expect(second.inviteUser.invitation.id).not.toBe(first.inviteUser.invitation.id);
    expect(codeOf(await accept(tokenOf(first.inviteUser.inviteUrl)))).toBe('NOT_FOUND');
    const list = await gqlOk<{ invitations: { edges: { node: { id: string; revokedAt: string | null } }[] } }>(t, INVITATIONS, {}, { token: northwindAdmin });
    expect(list.invitations.edges.find((e) => e.node.id === first.inviteUser.invitation.id)?.node.revokedAt).not.toBeNull();
    const accepted = await accept(tokenOf(second.inviteUser.inviteUrl));
    expect(accepted.data?.acceptInvitation.user.role).toBe('PARTNER_ADMIN');
  });

  it('refuses to invite an address that already has an account (any case)', async () => {
    const own = await invite(northwindAdmin, { email: 'Rep@Northwind.test', role: 'PARTNER_REP' });
    expect(codeOf(own)).toBe('CONFLICT');
    const vendor = await invite(vendorAdmin, { email: 'manager@vendor.test', role: 'ANALYST' });
    expect(codeOf(vendor)).toBe('CONFLICT');
  });

  it('lets a partner admin grant partner roles only, and refuses reps', async () => {
    for (const role of ['VENDOR_ADMIN', 'CHANNEL_MANAGER', 'ANALYST']) {
      const res = await invite(northwindAdmin, { email: uniqueEmail(), role });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields).toHaveProperty('role');
    }
    const rep = await t.login('rep@northwind.test');
    expect(codeOf(await invite(rep, { email: uniqueEmail(), role: 'PARTNER_REP' }))).toBe('FORBIDDEN');
  });

  it('lets a vendor admin invite vendor staff into the vendor and partner users into a partner', async () => {
    const staffEmail = uniqueEmail('cm', 'vendor.test');
    const staff = await gqlOk<InvitePayload>(t, INVITE, { input: { email: staffEmail, role: 'CHANNEL_MANAGER' } }, { token: vendorAdmin });
    const staffUser = await gqlOk<AcceptPayload>(t, ACCEPT, { input: { token: tokenOf(staff.inviteUser.inviteUrl), name: 'Cees Manager', password: NEW_PASSWORD } });
    const staffMe = await gqlOk<Me>(t, ME, {}, { token: staffUser.acceptInvitation.accessToken });
    expect(staffMe.me).toMatchObject({ email: staffEmail, role: 'CHANNEL_MANAGER', organisation: { name: 'Acme Cloud', kind: 'VENDOR' } });
    // A channel manager may read the partner directory.
    expect((await t.gql(`{ partners(first: 1) { edges { node { id } } } }`, {}, { token: staffUser.acceptInvitation.accessToken })).errors).toBeUndefined();

    const partnerEmail = uniqueEmail('padmin', 'contoso.test');
    const partner = await gqlOk<InvitePayload>(t, INVITE, { input: { email: partnerEmail, role: 'PARTNER_ADMIN', organisationId: contosoId } }, { token: vendorAdmin });
    expect(partner.inviteUser.invitation.organisationId).toBe(contosoId);
    const partnerUser = await gqlOk<AcceptPayload>(t, ACCEPT, { input: { token: tokenOf(partner.inviteUser.inviteUrl), name: 'Pieter Admin', password: NEW_PASSWORD } });
    const partnerMe = await gqlOk<Me>(t, ME, {}, { token: partnerUser.acceptInvitation.accessToken });
    expect(partnerMe.me).toMatchObject({ role: 'PARTNER_ADMIN', organisationId: contosoId, organisation: { name: 'Contoso Managed Services' } });

    // Roles must fit the kind of organisation, whoever invites.
    expect(codeOf(await invite(vendorAdmin, { email: uniqueEmail(), role: 'PARTNER_REP' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await invite(vendorAdmin, { email: uniqueEmail(), role: 'ANALYST', organisationId: contosoId }))).toBe('BAD_USER_INPUT');
  });

  it('does not invite into a suspended partner', async () => {
    const partner = await createPartner(t, vendorAdmin);
    await gqlOk(t, `mutation($id: ID!) { updatePartner(id: $id, input: { status: SUSPENDED }) { status } }`, { id: partner.id }, { token: vendorAdmin });
    expect(codeOf(await invite(vendorAdmin, { email: uniqueEmail(), role: 'PARTNER_ADMIN', organisationId: partner.id }))).toBe('CONFLICT');
  });

  it('revokes an invitation: its link stops working; an accepted one cannot be revoked', async () => {
    const open = await gqlOk<InvitePayload>(t, INVITE, { input: { email: uniqueEmail(), role: 'PARTNER_REP' } }, { token: northwindAdmin });
    const revoked = await t.gql<{ revokeInvitation: { id: string; revokedAt: string | null } }>(REVOKE, { id: open.inviteUser.invitation.id }, { token: northwindAdmin });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.revokeInvitation.revokedAt).not.toBeNull();
    expect(codeOf(await accept(tokenOf(open.inviteUser.inviteUrl)))).toBe('NOT_FOUND');

    const used = await gqlOk<InvitePayload>(t, INVITE, { input: { email: uniqueEmail(), role: 'PARTNER_REP' } }, { token: northwindAdmin });
    await gqlOk(t, ACCEPT, { input: { token: tokenOf(used.inviteUser.inviteUrl), name: 'Used Up', password: NEW_PASSWORD } });
    expect(codeOf(await t.gql(REVOKE, { id: used.inviteUser.invitation.id }, { token: northwindAdmin }))).toBe('CONFLICT');
  });

  it('lets exactly one of five concurrent accepts of the same token succeed', async () => {
    const email = uniqueEmail('race');
    const invited = await gqlOk<InvitePayload>(t, INVITE, { input: { email, role: 'PARTNER_REP' } }, { token: northwindAdmin });
    const token = tokenOf(invited.inviteUser.inviteUrl);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => accept(token, `Racer ${i}`)));
    const winners = results.filter((r) => r.data?.acceptInvitation);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.data?.acceptInvitation).map(codeOf)).toEqual(Array(4).fill('NOT_FOUND'));
    const rows: { count: string }[] = await t.dataSource.query(`SELECT count(*) AS count FROM users WHERE email = $1`, [email]);
    expect(Number(rows[0].count)).toBe(1);
  });
});
