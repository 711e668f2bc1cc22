import { codeOf, startTestApp, type TestApp } from '../testing/test-app';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken expiresAt user { email role organisation { name } } } }`;
const ME = `{ me { email role organisationId } }`;
const REFRESH = `mutation { refreshSession { accessToken user { email } } }`;

const refreshCookie = (headers: Record<string, string | string[] | undefined>): string => {
  const raw = headers['set-cookie'];
  const cookies = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const cookie = cookies.find((c) => c.startsWith('prm_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0];
};

describe('sign-in, sessions and tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
  });
  afterAll(() => t.close());

  it('logs in with the demo password and answers me', async () => {
    const res = await t.gql<{ login: { accessToken: string; user: { email: string; role: string; organisation: { name: string } } } }>(LOGIN, {
      input: { email: 'REP@northwind.test ', password: 'demo-password' },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.login.user).toEqual({ email: 'rep@northwind.test', role: 'PARTNER_REP', organisation: { name: 'Northwind IT' } });
    const cookie = res.headers['set-cookie'];
    expect(String(cookie)).toMatch(/prm_refresh=.+HttpOnly/i);
    expect(String(cookie)).toMatch(/SameSite=Strict/i);
    const me = await t.gql<{ me: { email: string } }>(ME, {}, { token: res.data?.login.accessToken });
    expect(me.data?.me.email).toBe('rep@northwind.test');
  });

  it('gives the same generic message for a wrong password and an unknown account', async () => {
    const wrong = await t.gql(LOGIN, { input: { email: 'admin@vendor.test', password: 'nope-nope-nope' } });
    const unknown = await t.gql(LOGIN, { input: { email: 'nobody@vendor.test', password: 'nope-nope-nope' } });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('rejects requests without a token, and with a forged or expired one', async () => {
    expect(codeOf(await t.gql(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(ME, {}, { token: 'not.a.jwt' }))).toBe('UNAUTHENTICATED');
    const token = await t.login('analyst@vendor.test');
    t.clock.advance(16 * 60_000);
    // The JWT library checks expiry against the real clock; forge expiry by tampering instead.
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.role = 'VENDOR_ADMIN';
    const tampered = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
    expect(codeOf(await t.gql(ME, {}, { token: tampered }))).toBe('UNAUTHENTICATED');
  });

  it('rotates the refresh token: the old one stops working, reuse later ends the whole family', async () => {
    const login = await t.gql(LOGIN, { input: { email: 'manager@vendor.test', password: 'demo-password' } });
    const first = refreshCookie(login.headers);
    const refreshed = await t.gql<{ refreshSession: { accessToken: string; user: { email: string } } }>(REFRESH, {}, { cookie: first });
    expect(refreshed.data?.refreshSession.user.email).toBe('manager@vendor.test');
    const second = refreshCookie(refreshed.headers);
    expect(second).not.toBe(first);
    // Reusing the rotated token after the concurrency grace revokes the family, including the new token.
    t.clock.advance(60_000);
    expect(codeOf(await t.gql(REFRESH, {}, { cookie: first }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(REFRESH, {}, { cookie: second }))).toBe('UNAUTHENTICATED');
  });

  it('logout ends the refresh session', async () => {
    const login = await t.gql(LOGIN, { input: { email: 'admin@contoso.test', password: 'demo-password' } });
    const cookie = refreshCookie(login.headers);
    const out = await t.gql<{ logout: boolean }>(`mutation { logout }`, {}, { cookie });
    expect(out.data?.logout).toBe(true);
    expect(codeOf(await t.gql(REFRESH, {}, { cookie }))).toBe('UNAUTHENTICATED');
  });

  it('rate-limits failed sign-ins per account with a generic message, and counts the window on the clock', async () => {
    const email = 'rep@contoso.test';
    for (let i = 0; i < 5; i += 1) {
      expect(codeOf(await t.gql(LOGIN, { input: { email, password: `wrong-${i}-password` } }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await t.gql(LOGIN, { input: { email, password: 'demo-password' } });
    expect(codeOf(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0].message).not.toMatch(/contoso/i);
    t.clock.advance(16 * 60_000);
    const after = await t.gql(LOGIN, { input: { email, password: 'demo-password' } });
    expect(after.errors).toBeUndefined();
  });

  it('rate-limits per IP address across accounts', async () => {
    const limited = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_IP: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '50' } });
    try {
      await limited.seedDemo();
      for (const email of ['a@x.test', 'b@x.test', 'c@x.test']) {
        await limited.gql(LOGIN, { input: { email, password: 'whatever-password' } });
      }
      expect(codeOf(await limited.gql(LOGIN, { input: { email: 'admin@vendor.test', password: 'demo-password' } }))).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });

  it('blocks a deactivated user at once, token included', async () => {
    const adminToken = await t.login('admin@northwind.test');
    const repToken = await t.login('rep@northwind.test');
    const me = await t.gql<{ me: { email: string } }>(`{ users(first: 10) { edges { node { id email } } } }`, {}, { token: adminToken });
    if (!me.data) throw new Error(JSON.stringify(me.errors));
    const edges = (me.data as unknown as { users: { edges: { node: { id: string; email: string } }[] } }).users.edges;
    const rep = edges.find((e) => e.node.email === 'rep@northwind.test');
    const res = await t.gql(`mutation($id: ID!) { deactivateUser(id: $id) { status } }`, { id: rep?.node.id }, { token: adminToken });
    expect(res.errors).toBeUndefined();
    expect(codeOf(await t.gql(ME, {}, { token: repToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(LOGIN, { input: { email: 'rep@northwind.test', password: 'demo-password' } }))).toBe('UNAUTHENTICATED');
    await t.gql(`mutation($id: ID!) { reactivateUser(id: $id) { status } }`, { id: rep?.node.id }, { token: adminToken });
    expect((await t.gql(ME, {}, { token: await t.login('rep@northwind.test') })).errors).toBeUndefined();
  });
});
