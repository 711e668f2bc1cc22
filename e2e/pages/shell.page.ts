import type { Locator, Page } from 'playwright-core';

export class Shell {
  constructor(private readonly page: Page) {}

  async setLanguage(language: 'en' | 'nl'): Promise<void> {
    const control = this.page.getByTestId('lang-switch');
    const tag = await control.evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') await control.selectOption(language);
    else await this.page.locator('[data-testid="lang-switch"] select').selectOption(language);
    await this.page.waitForFunction((lang) => document.documentElement.lang.startsWith(lang), language);
  }

  /** Follows a main navigation entry by its label key (nav-<key>), e.g. "registerDeal". */
  async navigate(labelKey: string): Promise<void> {
    await this.page.getByTestId(`nav-${labelKey}`).click();
  }

  get notificationBell(): Locator {
    return this.page.getByTestId('notification-bell');
  }

  /** The unread count the bell shows (its data-unread attribute). */
  async unreadNotifications(): Promise<number> {
    return Number(await this.notificationBell.getAttribute('data-unread'));
  }

  /** Opens the bell's list and returns the text of each notification in it. */
  async notifications(): Promise<string[]> {
    await this.notificationBell.click();
    await this.page.getByTestId('notification-item').first().waitFor({ timeout: 20_000 });
    return this.page.getByTestId('notification-item').allInnerTexts();
  }
}
