import type { Locator, Page } from 'playwright-core';

/** The vendor's deal review queue (`/deal-reviews`). */
export class ReviewQueuePage {
  constructor(private readonly page: Page) {}

  row(customerName: string): Locator {
    return this.page.getByTestId('review-row').filter({ hasText: customerName });
  }

  async waitForRow(customerName: string): Promise<Locator> {
    const row = this.row(customerName);
    await row.waitFor({ timeout: 20_000 });
    return row;
  }

  /** Approves one registration with its row's button; resolves with the outcome line shown for it. */
  async approve(customerName: string): Promise<string> {
    await this.row(customerName).getByTestId('review-approve').click();
    const outcome = this.page.getByTestId('decision-outcome').filter({ hasText: customerName });
    await outcome.waitFor({ timeout: 20_000 });
    return (await outcome.innerText()).trim();
  }
}
