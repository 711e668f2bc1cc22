import type { Locator, Page } from 'playwright-core';

/** /referrals: a partner admin's link and sign-ups; vendor staff link sign-ups to customers. */
export class ReferralsPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/referrals`);
    await this.page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor({ timeout: 20_000 });
  }

  /** The partner's link: created on first use; returns the full URL shown (and copied). */
  async myLinkUrl(): Promise<string> {
    const create = this.page.getByTestId('referral-link-create');
    const url = this.page.getByTestId('referral-link-url');
    await create.or(url).first().waitFor({ timeout: 20_000 });
    if (await create.isVisible()) await create.click();
    await url.waitFor({ timeout: 20_000 });
    return (await url.innerText()).trim();
  }

  row(company: string): Locator {
    return this.page.getByTestId('referral-signup-row').filter({ hasText: company });
  }

  /** Vendor staff: links the sign-up of `company` to the revenue customer named `customer`. */
  async linkToCustomer(company: string, customer: string): Promise<void> {
    await this.row(company).getByTestId('referral-link-open').click();
    const select = this.page.getByTestId('referral-customer-select');
    await select.fill(customer);
    await this.page.getByRole('option', { name: customer }).first().click({ timeout: 20_000 });
    await this.page.getByTestId('referral-link-submit').click();
    await this.page.getByTestId('referral-link-form').waitFor({ state: 'detached', timeout: 20_000 });
  }
}

/** /r/:code, the public sign-up form. */
export class ReferralSignupPage {
  constructor(private readonly page: Page) {}

  async signUp(url: string, values: { name: string; email: string; company: string }): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('referral-signup-name').fill(values.name);
    await this.page.getByTestId('referral-signup-email').fill(values.email);
    await this.page.getByTestId('referral-signup-company').fill(values.company);
    await this.page.getByTestId('referral-signup-submit').click();
    await this.page.getByTestId('referral-signup-done').waitFor({ timeout: 20_000 });
  }
}
