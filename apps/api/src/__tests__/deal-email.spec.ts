import { NotificationsService } from '@prm/server/notifications';
import { createUser, dealInput, gqlOk } from '../testing/factories';
import { DOCS } from '../testing/operations';
import { startSmtpServer, type TestSmtpServer } from '../testing/smtp-server';
import { startTestApp, type TestApp } from '../testing/test-app';

// Notification e-mail through the app's configured SMTP transport, to a real SMTP server on loopback.
describe('deal notification e-mail over SMTP', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let admin: string;
  let manager: string;
  let productId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Partner Portal <no-reply@vendor.test>' } });
    await t.seedDemo();
    admin = await t.login('admin@vendor.test');
    manager = await t.login('manager@vendor.test');
    productId = (await gqlOk<{ products: { id: string }[] }>(t, DOCS.products, {}, { token: admin })).products[0].id;
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  /** A registration by `repToken`, approved by the channel manager; returns the rep's DEAL_APPROVED notification. */
  async function approvedNotice(repToken: string): Promise<{ id: string; title: string; userId: string }> {
    const created = await gqlOk<{ createDealRegistration: { id: string } }>(t, DOCS.createDealRegistration, { input: dealInput(productId, new Date(), { submit: true }) }, { token: repToken });
    const id = created.createDealRegistration.id;
    await gqlOk(t, DOCS.approveDealRegistration, { id }, { token: manager });
    const [notice]: { id: string; title: string; user_id: string }[] = await t.dataSource.query(
      `SELECT id, title, user_id FROM notifications WHERE entity_id = $1 AND type = 'DEAL_APPROVED'`,
      [id],
    );
    return { id: notice.id, title: notice.title, userId: notice.user_id };
  }

  it("delivers the approval notice to the rep's address", async () => {
    const rep = await t.login('rep@northwind.test');
    const notice = await approvedNotice(rep);
    expect(notice.title).toMatch(/^DR-\d+ \(Customer [0-9a-f]+\) is approved; protected until \d{4}-\d{2}-\d{2}$/);
    // Without the job workers nothing was sent yet: the e-mail is the job handler's work.
    expect(smtp.received).toEqual([]);

    expect(await t.app.get(NotificationsService).sendEmail(notice.id)).toBe(true);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('no-reply@vendor.test');
    expect(mail.to).toEqual(['rep@northwind.test']);
    expect(mail.data).toContain(`Subject: ${notice.title}`);
    expect(mail.data).toContain('Partner portal');
  });

  it('sends nothing to a deactivated user, or for an unknown notification', async () => {
    const [northwind]: { id: string }[] = await t.dataSource.query(`SELECT id FROM organisations WHERE name = 'Northwind IT'`);
    const rep = await createUser(t, admin, { role: 'PARTNER_REP', organisationId: northwind.id });
    const notice = await approvedNotice(rep.token);
    await gqlOk(t, DOCS.deactivateUser, { id: rep.id }, { token: admin });
    const before = smtp.received.length;
    const notifications = t.app.get(NotificationsService);
    expect(await notifications.sendEmail(notice.id)).toBe(false);
    expect(await notifications.sendEmail('00000000-0000-4000-8000-000000000000')).toBe(false);
    expect(smtp.received).toHaveLength(before);
  });
});
