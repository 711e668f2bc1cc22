import { NAME_SIMILARITY_THRESHOLD } from '@prm/domain/deals';
import { SESSION_SETTINGS } from '@prm/server/core';
import { gqlOk, partnerIds } from '../testing/factories';
import { startTestApp, type TestApp } from '../testing/test-app';

const CHECK = `query($input: DealConflictCheckInput!) { checkDealConflicts(input: $input) { matches { source score customerName customerDomain } } }`;

// Regression: with a global LIMIT, a common name's many look-alikes crowded out the house account
// (and same-domain rows). Each source is now limited on its own, best candidates first.
describe('conflict detection with many look-alike names', () => {
  let t: TestApp;
  let manager: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.seedDemo();
    manager = await t.login('manager@vendor.test');
    const partners = await partnerIds(t, manager);
    const contoso = partners.get('Contoso Managed Services')!;
    const [{ id: programId }] = await t.dataSource.query(`SELECT program_id AS id FROM enrolments WHERE organisation_id = $1`, [contoso]);
    const [{ id: userId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'rep@contoso.test'`);
    // 300 active registrations whose names all resemble the house account's (set up in SQL: only the check is under test).
    await t.dataSource.query(
      `INSERT INTO deal_registrations (organisation_id, program_id, registered_by_user_id, status, customer_name, customer_normalised_name, customer_domain,
         customer_country, currency, estimated_mrr_minor, expected_close_date, sales_stage, submitted_at, review_due_at)
       SELECT $1, $2, $3, 'SUBMITTED', 'Bakker Logistiek ' || i, 'bakker logistiek ' || i, 'bakker-logistiek-' || i || '.test', 'NL', 'EUR', 10000,
              current_date + 30, 'QUALIFIED', now(), now() + interval '2 days'
         FROM generate_series(1, 300) AS i`,
      [contoso, programId, userId],
    );
    await t.dataSource.query(`INSERT INTO house_accounts (company_name, normalised_name, domain, country) VALUES ('Bakker Logistiek', 'bakker logistiek', 'bakkerlogistiek.test', 'NL')`);
  });
  afterAll(() => t.close());

  it('still reports the house account and at most 50 look-alikes per source, best first', async () => {
    const { checkDealConflicts } = await gqlOk<{ checkDealConflicts: { matches: { source: string; score: number; customerDomain: string }[] } }>(
      t,
      CHECK,
      { input: { customerName: 'Bakker Logistiek B.V.', customerWebsite: 'https://bakkerlogistiek.test', customerCountry: 'NL' } },
      { token: manager },
    );
    const house = checkDealConflicts.matches.filter((m) => m.source === 'HOUSE_ACCOUNT');
    expect(house).toEqual([expect.objectContaining({ customerDomain: 'bakkerlogistiek.test', score: 100 })]);
    const others = checkDealConflicts.matches.filter((m) => m.source === 'OTHER_PARTNER');
    expect(others.length).toBeGreaterThan(0);
    expect(others.length).toBeLessThanOrEqual(50);
    const scores = checkDealConflicts.matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('runs its sessions with the trigram threshold of the scoring rule', async () => {
    expect(Number(SESSION_SETTINGS['pg_trgm.similarity_threshold'])).toBe(NAME_SIMILARITY_THRESHOLD);
    const [row] = await t.dataSource.query(`SELECT current_setting('pg_trgm.similarity_threshold') AS value`);
    expect(Number(row.value)).toBe(NAME_SIMILARITY_THRESHOLD);
  });
});
