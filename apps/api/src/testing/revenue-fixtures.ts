import { gqlOk } from './factories';
import { DOCS } from './operations';
import { startTestApp, type TestApp } from './test-app';

/**
 * Starts the app with its business clock fixed at `now` and the demo data seeded on that date, and
 * returns a sign-in that works whatever the real date: access tokens are checked against real time,
 * so each sign-in happens on the real clock and the fixed date is put back afterwards.
 */
export async function startRevenueApp(now: Date, env: Record<string, string> = {}): Promise<{ t: TestApp; login: (email: string) => Promise<string> }> {
  const t = await startTestApp({ env });
  t.clock.set(now);
  await t.seedDemo();
  // One sign-in at a time: each moves the shared clock and puts it back.
  let queue: Promise<unknown> = Promise.resolve();
  const login = (email: string): Promise<string> => {
    const run = queue.then(async () => {
      const fixed = t.clock.now();
      t.clock.set(new Date());
      try {
        return await t.login(email);
      } finally {
        t.clock.set(fixed);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return { t, login };
}

/** Small builders for the recurring-revenue ledger, through the API (a vendor admin or channel manager token). */

export interface RevenueCustomer {
  id: string;
  externalId: string | null;
  name: string;
  organisationId: string;
}

export interface RecordedEvent {
  duplicate: boolean;
  event: { id: string; subscriptionId: string; kind: string; effectiveDate: string; status: string; currency: string; externalEventId: string | null; mrr: string };
}

/** Creates an end customer with its partner of record (`organisationId`); `since` defaults to 2025-01-01. */
export async function createRevenueCustomer(t: TestApp, token: string, input: Record<string, unknown> & { organisationId: string }): Promise<RevenueCustomer> {
  const data = await gqlOk<{ createRevenueCustomer: RevenueCustomer }>(t, DOCS.createRevenueCustomer, { input: { name: 'Revenue Customer', since: '2025-01-01', ...input } }, { token });
  return data.createRevenueCustomer;
}

/** Records one subscription event that must succeed. */
export async function recordEvent(t: TestApp, token: string, input: Record<string, unknown>): Promise<RecordedEvent> {
  return (await gqlOk<{ recordSubscriptionEvent: RecordedEvent }>(t, DOCS.recordSubscriptionEvent, { input }, { token })).recordSubscriptionEvent;
}

/** A valid START: one ACME-SIEM tenant at 450.00 EUR a month from `effectiveDate` (2025-01-10 by default). */
export const startInput = (customerId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  kind: 'START',
  customerId,
  productSku: 'ACME-SIEM',
  effectiveDate: '2025-01-10',
  quantity: 1,
  unitPrice: '450.00',
  intervalMonths: 1,
  currency: 'EUR',
  ...overrides,
});

/** Sets an exchange rate (vendor admin only). */
export async function setExchangeRate(t: TestApp, token: string, input: { currency: string; validFrom: string; rate: string }): Promise<void> {
  await gqlOk(t, DOCS.setExchangeRate, { input }, { token });
}

/** A customer of `organisationId` with one started subscription: the ids a test aims at. */
export async function customerWithSubscription(
  t: TestApp,
  token: string,
  organisationId: string,
  customer: Record<string, unknown> = {},
  start: Record<string, unknown> = {},
): Promise<{ customerId: string; subscriptionId: string }> {
  const created = await createRevenueCustomer(t, token, { organisationId, ...customer });
  const { event } = await recordEvent(t, token, startInput(created.id, start));
  return { customerId: created.id, subscriptionId: event.subscriptionId };
}
