import type { Locator, Page } from 'playwright-core';

/** One deal registration (`/deals/:id`). */
export class DealDetailPage {
  constructor(private readonly page: Page) {}

  get statusBadge(): Locator {
    return this.page.getByTestId('deal-status');
  }

  async reference(): Promise<string> {
    const reference = this.page.getByTestId('deal-reference');
    await reference.waitFor({ timeout: 20_000 });
    return (await reference.innerText()).trim();
  }

  async waitForStatus(label: string): Promise<void> {
    await this.page.getByTestId('deal-reference').waitFor({ timeout: 20_000 });
    await this.statusBadge.filter({ hasText: label }).waitFor({ timeout: 20_000 });
  }

  async protectionEnd(): Promise<string> {
    return (await this.page.getByTestId('protection-end').innerText()).trim();
  }

  async timelineEvents(): Promise<string[]> {
    return this.page.getByTestId('timeline-event').allInnerTexts();
  }
}
