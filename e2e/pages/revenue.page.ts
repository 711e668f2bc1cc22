import type { Locator, Page } from 'playwright-core';

/** Text as shown, with the no-break spaces some locales put in numbers made plain. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** The recurring-revenue section: on the partner home, the vendor's Revenue page and a partner's revenue page. */
export class RevenueOverview {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('revenue-overview');
  }

  /** Waits until the figures of a month (YYYY-MM) are on screen. */
  async waitForMonth(month: string): Promise<void> {
    await this.page.locator(`[data-testid="revenue-overview"][data-month="${month}"][aria-busy="false"]`).waitFor({ timeout: 20_000 });
  }

  /** Chooses a month by its visible name, e.g. "August 2026". */
  async chooseMonth(label: string): Promise<void> {
    await this.page.getByTestId('revenue-month').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
  }

  /** A headline figure as shown, by its test id without "-value" (revenue-mrr, revenue-nrr, …). */
  async figure(testId: string): Promise<string> {
    return plain(await this.page.getByTestId(`${testId}-value`).innerText());
  }

  /** The waterfall table: each step (opening, new, …, closing) and its amount as shown. */
  async waterfall(): Promise<Record<string, string>> {
    const steps: Record<string, string> = {};
    for (const row of await this.page.getByTestId('waterfall-step').all()) {
      steps[(await row.getAttribute('data-step')) ?? ''] = plain(await row.getByTestId('waterfall-amount').innerText());
    }
    return steps;
  }

  /** Opens the movements behind a waterfall step from its amount and waits for the list. */
  async openStep(step: string): Promise<Locator> {
    await this.page.locator(`[data-testid="waterfall-step"][data-step="${step}"]`).getByTestId('waterfall-amount').click();
    const drawer = this.page.locator(`[data-testid="movements-drawer"][data-step="${step}"]`);
    await drawer.getByTestId('movement-row').first().waitFor({ timeout: 20_000 });
    return drawer;
  }

  /** The amounts of the movement rows in the open drawer, as shown. */
  async movementAmounts(drawer: Locator): Promise<string[]> {
    return (await drawer.getByTestId('movement-amount').allInnerTexts()).map(plain);
  }
}

/** The partner leaderboard on the vendor's Revenue page. */
export class RevenueLeaderboard {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('leaderboard-row');
  }

  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor({ timeout: 20_000 });
  }

  /** Clicks a column heading by its sort key (NRR, ARR, …). */
  async sortBy(sort: string): Promise<void> {
    await this.page.getByTestId(`sort-${sort}`).click();
  }

  /** Waits until the rows on screen are in the given order, e.g. ("NRR", "desc"). */
  async waitForOrder(sort: string, order: 'asc' | 'desc'): Promise<void> {
    await this.page.locator(`[data-testid="leaderboard-table"][data-shown-sort="${sort}:${order}"][aria-busy="false"]`).waitFor({ timeout: 20_000 });
  }

  /** The partners' ids, top to bottom. */
  async organisationIds(): Promise<string[]> {
    return Promise.all((await this.rows.all()).map(async (row) => (await row.getAttribute('data-organisation-id')) ?? ''));
  }

  /** One column's figures as shown, top to bottom (figure-nrr, figure-arr, …). */
  async column(key: string): Promise<string[]> {
    return (await this.page.getByTestId('leaderboard-row').getByTestId(`figure-${key}`).allInnerTexts()).map(plain);
  }

  /** The heading's aria-sort for a column. */
  async ariaSort(sort: string): Promise<string | null> {
    return this.page.getByTestId(`sort-${sort}`).locator('xpath=..').getAttribute('aria-sort');
  }
}

/** An end customer's page: subscriptions with their events; the event behind an opened movement is marked. */
export class RevenueCustomerPage {
  constructor(private readonly page: Page) {}

  async name(): Promise<string> {
    const name = this.page.getByTestId('customer-name');
    await name.waitFor({ timeout: 20_000 });
    return plain(await name.innerText());
  }

  /** The id of the marked subscription event. */
  async markedEventId(): Promise<string | null> {
    const marked = this.page.locator('[data-testid="subscription-event"][data-highlighted="true"]');
    await marked.waitFor({ timeout: 20_000 });
    return marked.getAttribute('data-event-id');
  }
}
