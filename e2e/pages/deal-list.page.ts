import type { Download, Locator, Page } from 'playwright-core';

/** "My deals" for partners, "Deal registrations" for vendor staff (`/deals`). */
export class DealListPage {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('deal-row');
  }

  row(customerName: string): Locator {
    return this.rows.filter({ hasText: customerName });
  }

  async waitForRow(customerName: string): Promise<Locator> {
    const row = this.row(customerName);
    await row.waitFor({ timeout: 20_000 });
    return row;
  }

  async status(customerName: string): Promise<string> {
    return (await this.row(customerName).getByTestId('deal-status').innerText()).trim();
  }

  async protectionEnd(customerName: string): Promise<string> {
    return (await this.row(customerName).getByTestId('protection-end').innerText()).trim();
  }

  async protectionCountdown(customerName: string): Promise<string> {
    return (await this.row(customerName).getByTestId('protection-countdown').innerText()).trim();
  }

  /** Opens the registration's page and waits until it is there (the list's badges would match otherwise). */
  async open(customerName: string): Promise<void> {
    await this.row(customerName).getByRole('link').first().click();
    await this.page.waitForURL(/\/deals\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await this.page.getByTestId('deal-reference').waitFor({ timeout: 20_000 });
  }

  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('deal-export').click()]);
    return download;
  }
}
