import type { Page } from 'playwright-core';

export class Shell {
  constructor(private readonly page: Page) {}

  async setLanguage(language: 'en' | 'nl'): Promise<void> {
    const control = this.page.getByTestId('lang-switch');
    const tag = await control.evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') await control.selectOption(language);
    else await this.page.locator('[data-testid="lang-switch"] select').selectOption(language);
    await this.page.waitForFunction((lang) => document.documentElement.lang.startsWith(lang), language);
  }
}
