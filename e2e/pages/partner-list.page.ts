import type { Download, Locator, Page } from 'playwright-core';

export class PartnerListPage {
  constructor(private readonly page: Page) {}

  get rows(): Locator {
    return this.page.getByTestId('partner-row');
  }

  async waitForRows(): Promise<void> {
    await this.rows.first().waitFor({ timeout: 20_000 });
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('partner-search').fill(text);
  }

  async rowNames(): Promise<string[]> {
    return this.rows.allInnerTexts();
  }

  async exportCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-csv').click()]);
    return download;
  }
}
