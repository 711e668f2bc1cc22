import type { Locator, Page } from 'playwright-core';

export class PartnerHomePage {
  constructor(private readonly page: Page) {}

  get tierCards(): Locator {
    return this.page.getByTestId('tier-card');
  }

  async waitForTierCard(): Promise<Locator> {
    const card = this.tierCards.first();
    await card.waitFor({ timeout: 20_000 });
    return card;
  }

  async tierName(): Promise<string> {
    return (await (await this.waitForTierCard()).getByTestId('tier-name').innerText()).trim();
  }

  async heading(): Promise<string> {
    return (await (await this.waitForTierCard()).getByTestId('tier-card-heading').innerText()).trim();
  }

  async cardText(): Promise<string> {
    return (await this.waitForTierCard()).innerText();
  }
}
