import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LoginPage } from '../pages/login.page';
import { Shell } from '../pages/shell.page';

/** A fresh browser context signed in as `email` (demo password), with the portal in English. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: { timeZone: string; acceptDownloads?: boolean },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: options.timeZone, acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  const login = new LoginPage(page, baseUrl);
  await login.open();
  await new Shell(page).setLanguage('en');
  await login.signIn(email);
  await page.getByTestId('user-menu').waitFor({ timeout: 20_000 });
  return { context, page };
}
